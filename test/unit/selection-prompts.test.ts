// The prompts the selection commands send, custom prompt templates, the size check and the block fallback.
import * as assert from 'node:assert/strict';
import {
  refactorPresets,
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
import { toLanguageModelInfo } from '../../src/core/lm/modelInfo';
import { describeModel } from '../../src/core/models/catalog';
import { resolveLimits } from '../../src/core/models/limits';
import { estimateTokens } from '../../src/core/models/tokenEstimate';
import { budgetMessage, checkBudget } from '../../src/core/prompts/tokenBudget';

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
    const messages = rewriteMessages(refactorPresets()[0].instruction, ctx);
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
      refactorPresets().map((p) => p.id),
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
  const limits = (maxInputTokens: number, maxOutputTokens: number) => ({ maxInputTokens, maxOutputTokens, source: 'hub' as const });

  it('counts with the same estimator as the language model provider', () => {
    const code = 'export function add(a: number, b: number): number {\n  return a + b;\n}\n';
    const check = checkBudget({ messages: [{ role: 'user', content: code }], expectedOutputTokens: 0, limits: limits(8000, 1000) });
    assert.equal(check.inputTokens, estimateTokens(code) + 3);
  });

  it("fits small code, refuses code beyond the model's context with the numbers and what to do", () => {
    const small = checkBudget({ messages: rewriteMessages('Simplify', ctx), expectedOutputTokens: 20, limits: limits(6000, 2000) });
    assert.equal(small.fits, true);
    const text = 'const value = compute(input);\n'.repeat(2_000);
    const big = checkBudget({
      messages: rewriteMessages('Simplify', { ...ctx, text }),
      expectedOutputTokens: estimateTokens(text),
      limits: limits(12_000, 4_000),
    });
    assert.equal(big.fits, false);
    assert.ok(big.inputTokens > 12_000 && big.reservedTokens === 4_000);
    const message = budgetMessage('gpt-4o', big);
    assert.match(
      message,
      /too large for gpt-4o: about \d{2},\d{3} tokens with the prompt, plus 4,000 kept for the answer; gpt-4o takes 12,000 in \/ 4,000 out \(from the hub\)/,
    );
    assert.match(message, /Select a smaller part, or pick a model with a larger context/);
  });

  it('says when the limit is a cautious default rather than published', () => {
    const check = checkBudget({
      messages: [{ role: 'user', content: 'word '.repeat(60_000) }],
      expectedOutputTokens: 0,
      limits: resolveLimits({ id: 'some-unknown-model' }),
    });
    assert.equal(check.fits, false);
    assert.match(budgetMessage('m', check), /not published by the hub: a cautious default, set aihub\.modelLimits/);
  });

  it("caps the room kept for the answer at the model's output limit", () => {
    const check = checkBudget({ messages: [], expectedOutputTokens: 50_000, limits: limits(92_000, 8_192) });
    assert.equal(check.reservedTokens, 8_192);
  });

  it("gives the selection commands the window VS Code's picker shows, for hub, family, override and unknown models", () => {
    const overrides = { 'claude-*': { maxInputTokens: 150_000 } };
    const cases = [
      { id: 'gpt-4o', raw: {} },
      { id: 'claude-sonnet-4.6', raw: {} },
      { id: 'mystery-model', raw: {} },
      { id: 'vendor/long-context', raw: { context_length: 1_000_000, top_provider: { max_completion_tokens: 32_000 } } },
    ];
    for (const model of cases) {
      const picker = toLanguageModelInfo(model, overrides);
      const resolved = resolveLimits(describeModel(model), overrides);
      assert.deepEqual([resolved.maxInputTokens, resolved.maxOutputTokens], [picker.maxInputTokens, picker.maxOutputTokens], model.id);
      const message = budgetMessage(model.id, checkBudget({ messages: [], expectedOutputTokens: 0, limits: resolved }));
      assert.ok(message.includes(`${picker.maxInputTokens.toLocaleString('en-US')} in`), message);
    }
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
