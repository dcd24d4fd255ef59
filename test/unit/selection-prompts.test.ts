// The prompts the selection commands send, custom prompt templates, the size check and the block fallback.
import * as assert from 'node:assert/strict';
import {
  REFACTOR_PRESETS,
  documentInstruction,
  explainAsk,
  fixInstruction,
  rewriteMessages,
  testsMessages,
} from '../../src/core/prompts/builtinPrompts';
import { describeLocation, type CodeContext } from '../../src/core/prompts/codeContext';
import { parseCustomPrompts } from '../../src/core/prompts/customPrompts';
import { extractCode } from '../../src/core/prompts/extractCode';
import { indentationBlock } from '../../src/core/prompts/indentationBlock';
import { expandTemplate } from '../../src/core/prompts/template';
import { budgetMessage, checkBudget, estimateTokens } from '../../src/core/prompts/tokenBudget';

const ctx: CodeContext = {
  fileName: 'src/sample.ts',
  language: 'typescript',
  text: 'export function add(a, b) {\n  return a + b;\n}\n',
  startLine: 3,
};
const userText = (messages: ReturnType<typeof rewriteMessages>) => messages.find((m) => m.role === 'user')!.content as string;

describe('selection prompts', () => {
  it('says where the code is: file and line range', () => {
    assert.equal(describeLocation(ctx), 'src/sample.ts, lines 3–5');
    assert.equal(describeLocation({ ...ctx, text: 'x' }), 'src/sample.ts, line 3');
  });

  it('explain: a chat turn naming the symbol and location, with the code attached rather than inlined', () => {
    const ask = explainAsk({ ...ctx, symbolName: 'add' });
    assert.match(ask.prompt, /^Explain `add` from src\/sample\.ts, lines 3–5 \(typescript\)/);
    assert.ok(!ask.prompt.includes('return a + b'), 'the code travels as an attachment');
    assert.deepEqual(ask.context, [{ fileName: 'src/sample.ts', language: 'typescript', text: ctx.text }]);
    assert.equal(ask.display, 'Explain `add` (src/sample.ts, lines 3–5)');
  });

  it('rewrite: a system rule for code-only answers and the code in a fence tagged with the language', () => {
    const messages = rewriteMessages(REFACTOR_PRESETS[0].instruction, ctx);
    assert.equal(messages[0].role, 'system');
    assert.match(messages[0].content as string, /exactly one fenced code block/);
    const user = userText(messages);
    assert.ok(user.startsWith('Simplify this code'));
    assert.ok(user.includes('```ts\nexport function add(a, b) {\n  return a + b;\n}\n```'));
    // The code round-trips through the same extraction the answer goes through.
    assert.equal(extractCode(user, { language: 'typescript' }).code, ctx.text.trimEnd());
  });

  it('rewrite: code containing ``` gets a longer fence so it cannot break out', () => {
    const user = userText(rewriteMessages('Simplify', { ...ctx, text: 'const s = "```";' }));
    assert.ok(user.includes('````ts\nconst s = "```";\n````'));
  });

  it('fix: lists the diagnostics with line, severity and source', () => {
    const diagnostics = [{ line: 4, severity: 'error' as const, message: "Cannot find name 'c'.", source: 'ts', code: '2304' }];
    const user = userText(rewriteMessages(fixInstruction(diagnostics), { ...ctx, diagnostics }));
    assert.match(user, /^Fix the problems listed below/);
    assert.ok(user.includes("- line 4, error (ts 2304): Cannot find name 'c'."));
    assert.match(fixInstruction([]), /Find and fix the bugs/);
  });

  it("document: names the language's doc comment convention", () => {
    assert.match(documentInstruction('python'), /PEP 257/);
    assert.match(documentInstruction('typescript'), /TSDoc/);
    assert.match(documentInstruction('cobol'), /idiomatic for this language/);
  });

  it('tests: asks for one test file for the code', () => {
    const user = userText(testsMessages(ctx));
    assert.match(user, /Write unit tests for this code from src\/sample\.ts/);
    assert.ok(user.includes('return a + b'));
  });

  it('presets cover simplify, names, types, modernise and extract', () => {
    assert.deepEqual(
      REFACTOR_PRESETS.map((p) => p.id),
      ['simplify', 'names', 'types', 'modernise', 'extract'],
    );
  });
});

describe('custom prompt templates', () => {
  it('replaces the placeholders in one pass', () => {
    const out = expandTemplate('Review this {{language}} from {{ fileName }}:\n{{selection}}\n{{unknown}}', {
      ...ctx,
      text: 'x = "{{language}}"',
    });
    assert.equal(out, 'Review this typescript from src/sample.ts:\nx = "{{language}}"\n{{unknown}}');
  });

  it('parses the setting entry by entry, reporting bad entries and keeping good ones', () => {
    const { prompts, problems } = parseCustomPrompts([
      { name: ' Review ', template: 'Review {{selection}}', mode: 'chat' },
      { name: 'Port to Go', template: 'Rewrite in Go', mode: 'diff' },
      { name: 'No mode', template: 't' },
      { name: '', template: 't' },
      { name: 'Bad mode', template: 't', mode: 'insert' },
      'nonsense',
    ]);
    assert.deepEqual(prompts, [
      { name: 'Review', template: 'Review {{selection}}', mode: 'chat' },
      { name: 'Port to Go', template: 'Rewrite in Go', mode: 'diff' },
      { name: 'No mode', template: 't', mode: 'chat' },
    ]);
    assert.equal(problems.length, 3);
    assert.match(problems[0], /^aihub\.prompts\[3\]\.name/);
    assert.match(problems[1], /^aihub\.prompts\[4\]\.mode/);
    assert.deepEqual(parseCustomPrompts(undefined), { prompts: [], problems: [] });
    assert.equal(parseCustomPrompts({}).problems.length, 1);
  });
});

describe('size check', () => {
  it('estimates about four characters per token', () => {
    assert.equal(estimateTokens('a'.repeat(400)), 100);
  });

  it("fits small code, refuses code beyond the model's context with the numbers and what to do", () => {
    const small = checkBudget({ messages: rewriteMessages('Simplify', ctx), expectedOutputTokens: 20, contextLength: 8000 });
    assert.equal(small.fits, true);
    const text = 'x'.repeat(40_000);
    const big = checkBudget({
      messages: rewriteMessages('Simplify', { ...ctx, text }),
      expectedOutputTokens: estimateTokens(text),
      contextLength: 16_000,
    });
    assert.equal(big.fits, false);
    assert.ok(big.inputTokens > 10_000 && big.reservedTokens === 12_000);
    const message = budgetMessage('gpt-4o', big);
    assert.match(
      message,
      /too large for gpt-4o: about 10,\d{3} tokens with the prompt, plus 12,000 kept for the answer; gpt-4o takes about 16,000/,
    );
    assert.match(message, /Select a smaller part, or pick a model with a larger context/);
  });

  it('assumes a limit when the hub publishes none, and says so', () => {
    const text = 'x'.repeat(600_000);
    const check = checkBudget({ messages: [{ role: 'user', content: text }], expectedOutputTokens: 0 });
    assert.equal(check.fits, false);
    assert.match(budgetMessage('m', check), /not published by the hub, 128,000 is assumed/);
  });

  it("caps the room kept for the answer at the model's output limit", () => {
    const check = checkBudget({ messages: [], expectedOutputTokens: 50_000, contextLength: 100_000, maxOutputTokens: 8_192 });
    assert.equal(check.reservedTokens, 8_192);
  });
});

describe('block by indentation', () => {
  const python = ['import os', '', 'def f(x):', '    if x:', '        return 1', '', '    return 2', '', 'print(f(1))'];
  const ts = ['class A {', '  m() {', '    const a = 1;', '    return a;', '  }', '}'];

  it('takes the function around a body line, header included, blank lines inside kept', () => {
    assert.deepEqual(indentationBlock(python, 6), { start: 2, end: 6 });
    assert.deepEqual(indentationBlock(python, 5), { start: 2, end: 6 });
  });

  it('on a header line, takes the block it opens', () => {
    assert.deepEqual(indentationBlock(python, 2), { start: 2, end: 6 });
    assert.deepEqual(indentationBlock(ts, 1), { start: 1, end: 4 });
  });

  it("includes the closing brace at the header's depth", () => {
    assert.deepEqual(indentationBlock(ts, 2), { start: 1, end: 4 });
  });

  it('at the top level, stops at blank lines', () => {
    assert.deepEqual(indentationBlock(python, 8), { start: 8, end: 8 });
    assert.deepEqual(indentationBlock(python, 0), { start: 0, end: 0 });
  });

  it('returns nothing for an empty document', () => {
    assert.equal(indentationBlock(['', '  '], 0), undefined);
  });
});
