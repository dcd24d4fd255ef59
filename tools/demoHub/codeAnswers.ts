// The demo hub's answers about code: rewrites (refactor presets, fix, documentation), unit tests and
// explanations. The demo workspace's functions get their prepared answers; other code gets a small, genuine
// change derived from it (doc comments naming its parameters), never code from somewhere else.
import { documentInstruction, fixInstruction, refactorPresets } from '../../src/core/prompts/builtinPrompts';
import { findFunctions, honestDocLines, listOf, outline, withDocComments, type FoundFunction } from './codeShape';
import { PREPARED, type PreparedFunction, type RewriteKind } from './preparedCode';

export interface CodeBlock {
  language: string;
  code: string;
}

export type RewriteRequest = RewriteKind | 'document' | 'custom';

/** Which command sent a rewrite, from the instruction it starts with (the extension's own prompt texts). */
export function rewriteKind(userText: string, language: string): RewriteRequest {
  const starts = (instruction: string) => userText.startsWith(instruction.trim());
  const preset = refactorPresets().find((p) => starts(p.instruction));
  if (preset) return preset.id as RewriteKind;
  if (starts(fixInstruction([])) || starts(fixInstruction([{ line: 1, severity: 'error', message: '' }]))) return 'fix';
  if (starts(documentInstruction(language))) return 'document';
  return 'custom';
}

/** `original` as a pattern that tolerates different whitespace and indentation. */
function shapeOf(original: string): RegExp {
  const escaped = original
    .trim()
    .split(/\s+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  return new RegExp(escaped);
}

/** The prepared functions whose shipped code appears in `code`, in order of appearance. */
export function preparedIn(code: string): PreparedFunction[] {
  return PREPARED.map((p) => ({ p, at: shapeOf(p.original).exec(code)?.index ?? -1 }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.p);
}

const byName = (name: string) => PREPARED.find((p) => p.name === name);

function docLines(fn: FoundFunction, language: string): string[] {
  const prepared = byName(fn.name);
  return prepared && /^(typescript|javascript)/.test(language) ? prepared.doc : honestDocLines(fn, language);
}

/** The rewritten code (without a fence). */
export function rewrite(kind: RewriteRequest, block: CodeBlock): string {
  if (kind === 'document') return withDocComments(block.code, block.language, (fn) => docLines(fn, block.language));
  let out = block.code;
  let changed = false;
  if (kind !== 'custom') {
    for (const p of preparedIn(block.code)) {
      const replacement = p.rewrites[kind];
      // An empty rewrite means the function is right as it is (the fix prompt asks for it back unchanged).
      if (!replacement) continue;
      out = out.replace(shapeOf(p.original), () => replacement);
      changed = true;
    }
    if (changed || preparedIn(block.code).length > 0) return out;
  }
  // Code without a prepared answer: the one change the demo hub can make honestly.
  return withDocComments(block.code, block.language, (fn) => docLines(fn, block.language));
}

/** A test file for the code, importing from `module` (`./utils`). */
export function unitTests(block: CodeBlock, module: string): string {
  const functions = findFunctions(block.code);
  const prepared = functions.map((f) => byName(f.name)).filter((p): p is PreparedFunction => p !== undefined);
  const unknown = functions.filter((f) => !byName(f.name)).map((f) => f.name);
  if (block.language === 'python') return pythonTests(unknown.length ? unknown : functions.map((f) => f.name), module);
  const names = [...prepared.map((p) => p.name), ...unknown];
  const lines = [`import { test } from 'node:test';`, `import assert from 'node:assert/strict';`];
  if (names.length) lines.push(`import { ${names.join(', ')} } from '${module}';`);
  for (const p of prepared) {
    lines.push(
      '',
      ...p.tests
        .split('\n')
        .filter((l) => !l.startsWith('import ') && l !== '')
        .join('\n')
        .replace(/\n(test\()/g, '\n\n$1')
        .split('\n'),
    );
  }
  for (const name of unknown) {
    lines.push(
      '',
      `// The demo hub has prepared tests only for the demo workspace's functions: a real model would test what`,
      `// ${name} does. This checks that it is exported and callable.`,
      `test('${name} is a function', () => {`,
      `  assert.equal(typeof ${name}, 'function');`,
      '});',
    );
  }
  if (names.length === 0) {
    lines.push('', `// The demo hub found no function to test here; a real model would write tests for this code.`);
  }
  return `${lines.join('\n')}\n`;
}

function pythonTests(names: string[], module: string): string {
  const from = module.replace(/^\.\//, '').replace(/\//g, '.');
  const lines = ['import unittest', ...(names.length ? [`from ${from} import ${names.join(', ')}`] : []), '', ''];
  lines.push('class Test(unittest.TestCase):');
  lines.push(`    # The demo hub has prepared tests only for the demo workspace: a real model would test behaviour.`);
  if (names.length === 0) lines.push('    pass');
  for (const name of names) {
    lines.push(`    def test_${name}_is_callable(self):`, `        self.assertTrue(callable(${name}))`, '');
  }
  lines.push('', "if __name__ == '__main__':", '    unittest.main()');
  return `${lines.join('\n')}\n`;
}

/** An explanation: the prepared one for shipped code, else a plain outline of what the code visibly does. */
export function explanation(block: CodeBlock): { text: string; thinking: string } {
  const [prepared] = preparedIn(block.code);
  if (prepared) return { text: prepared.explanation, thinking: prepared.thinking };
  const o = outline(block.code);
  const fn = o.functions[0];
  const subject = fn
    ? `\`${fn.name}\`${fn.params.length ? ` takes ${listOf(fn.params.map((p) => `\`${p}\``))}` : ' takes no arguments'}`
    : `This ${o.lines}-line piece of ${block.language || 'code'}`;
  const facts = [
    o.functions.length > 1 ? `It declares ${o.functions.length} functions: ${listOf(o.functions.map((f) => `\`${f.name}\``))}.` : '',
    o.loops.length ? `It iterates with ${listOf(o.loops.map((l) => `\`${l}\``))}.` : 'It has no loops.',
    o.branches
      ? `It branches ${o.branches === 1 ? 'once' : `${o.branches} times`} on conditions.`
      : 'It runs straight through, without branches.',
    o.calls.length ? `It calls ${listOf(o.calls.map((c) => `\`${c}\``))}.` : '',
    o.awaits ? 'It is asynchronous: it `await`s results, so callers get a promise.' : '',
    o.throws ? `It can throw (${o.throws} place${o.throws === 1 ? '' : 's'}), so callers should expect errors.` : '',
    o.returns
      ? `It returns a value in ${o.returns} place${o.returns === 1 ? '' : 's'}.`
      : 'It returns nothing: it works through side effects.',
  ].filter(Boolean);
  const text = [
    `${subject}; here is its shape, read from the code (${o.lines} line${o.lines === 1 ? '' : 's'}):`,
    '',
    ...facts.map((f) => `- ${f}`),
    '',
    "_The demo hub has detailed, prepared explanations only for the demo workspace's functions (`fibonacci`, `median`, `countWords`, `formatDuration` in `utils.ts`): try Explain on one of those, or connect a real hub for any code._",
  ].join('\n');
  const thinking = `This is not one of the demo workspace's functions, so I have no prepared explanation. I can still read its shape: ${facts.join(' ')}`;
  return { text, thinking };
}
