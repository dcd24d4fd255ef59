// Taking the code out of a model's answer, and fitting it back at the original's indentation.
import * as assert from 'node:assert/strict';
import { extractCode, fenceFor } from '../../src/core/prompts/extractCode';
import { reindent, type ReindentTarget } from '../../src/core/prompts/reindent';

const CODE = 'function add(a: number, b: number): number {\n  return a + b;\n}';

describe('extractCode', () => {
  it('takes the body of a single fence and its language tag', () => {
    const r = extractCode('```ts\n' + CODE + '\n```');
    assert.deepEqual(r, { code: CODE, language: 'ts', fenced: true });
  });

  it('drops prose before and after the fence', () => {
    const r = extractCode(
      `Here is the simplified code:\n\n\`\`\`typescript\n${CODE}\n\`\`\`\n\nThis version removes the temporary variable.`,
    );
    assert.equal(r.code, CODE);
  });

  it('handles CRLF answers and returns LF code', () => {
    const r = extractCode(`Sure!\r\n\r\n\`\`\`ts\r\n${CODE.replace(/\n/g, '\r\n')}\r\n\`\`\`\r\nDone.`);
    assert.equal(r.code, CODE);
  });

  it("keeps the code's own indentation, including the first line's", () => {
    const body = '    if (x) {\n        y();\n    }';
    assert.equal(extractCode('```js\n' + body + '\n```').code, body);
  });

  it('of several fences prefers the document language, then the longest, and skips diff/bash asides', () => {
    const answer = [
      'You can run it with:',
      '```bash',
      'npm test',
      '```',
      'The code:',
      '```ts',
      CODE,
      '```',
      'Usage:',
      '```ts',
      'add(1, 2);',
      '```',
      '```diff',
      '- a',
      '+ b',
      '+ c',
      '+ d',
      '+ e',
      '+ f',
      '+ g',
      '+ h',
      '```',
    ].join('\n');
    assert.equal(extractCode(answer, { language: 'typescript' }).code, CODE);
    const python = [
      '```',
      'print(1)',
      '```',
      '```python',
      'def f():\n    return 1',
      '```',
      '```js',
      'const aVeryLongLineOfJavascript = 1234567890;',
      '```',
    ].join('\n');
    assert.equal(extractCode(python, { language: 'python' }).code, 'def f():\n    return 1');
  });

  it('takes an unclosed fence (a cut-off answer) to the end', () => {
    assert.equal(extractCode('```ts\nconst a = 1;\nconst b = 2;\n').code, 'const a = 1;\nconst b = 2;');
  });

  it('does not close on a shorter fence inside the code, and accepts ~~~ fences', () => {
    const inner = 'const md = `\n```\ninner\n```\n`;';
    assert.equal(extractCode('````ts\n' + inner + '\n````').code, inner);
    assert.equal(extractCode('~~~py\nx = 1\n~~~').code, 'x = 1');
  });

  it('removes the indentation of an indented fence from its content', () => {
    const answer = '1. Replace it with:\n\n   ```ts\n   if (a) {\n     b();\n   }\n   ```';
    assert.equal(extractCode(answer).code, 'if (a) {\n  b();\n}');
  });

  it('without a fence, drops a leading "Here is" line and a trailing explanation', () => {
    const answer = `Here's the refactored version:\n${CODE}\n\nThis removes the temporary and returns directly.\nIt also adds types.`;
    assert.deepEqual(extractCode(answer), { code: CODE, fenced: false });
  });

  it('without a fence or prose, returns the answer as is (minus blank edges)', () => {
    assert.equal(extractCode(`\n\n${CODE}\n\n`).code, CODE);
    assert.equal(extractCode('`a + b`').code, 'a + b');
  });

  it('keeps code whose lines after a blank line merely start like prose', () => {
    const code = 'const a = 1;\n\nthis.value = a;';
    assert.equal(extractCode(code).code, code);
  });

  it('ignores a <think> preamble from reasoning models', () => {
    assert.equal(extractCode('<think>The user wants ```x``` maybe</think>\n```ts\nlet y = 2;\n```').code, 'let y = 2;');
  });

  it('fenceFor picks a fence longer than any backtick run in the text', () => {
    assert.equal(fenceFor('a'), '```');
    assert.equal(fenceFor('x ```` y'), '`````');
  });
});

const target = (over: Partial<ReindentTarget>): ReindentTarget => ({
  original: '',
  linePrefix: '',
  eol: '\n',
  tabSize: 4,
  insertSpaces: true,
  ...over,
});

describe('reindent', () => {
  it("moves dedented code to the original's depth, keeping relative indentation", () => {
    const original = '    if (a) {\n      b();\n    }\n';
    const out = reindent('if (a && c) {\n  b();\n}', target({ original }));
    assert.equal(out, '    if (a && c) {\n      b();\n    }\n');
  });

  it('dedents code the model indented more than the original', () => {
    const out = reindent('        x = 1\n        y = 2', target({ original: '  x=1\n  y=2' }));
    assert.equal(out, '  x = 1\n  y = 2');
  });

  it('converts to tabs when the editor indents with tabs, and back', () => {
    const tabs = reindent('if (a) {\n    b();\n}', target({ original: '\tif (a) {\n\t\tb();\n\t}\n', insertSpaces: false }));
    assert.equal(tabs, '\tif (a) {\n\t\tb();\n\t}\n');
    const spaces = reindent('if (a) {\n\tb();\n}', target({ original: '  if (a) {}', tabSize: 2 }));
    assert.equal(spaces, '  if (a) {\n    b();\n  }');
  });

  it('does not indent the first line when the range starts mid-line', () => {
    const out = reindent('compute(\n  a,\n  b,\n)', target({ original: 'compute(a,\n      b)', linePrefix: '    const x = ' }));
    assert.equal(out, 'compute(\n      a,\n      b,\n    )');
  });

  it("uses the document's line endings and keeps blank lines empty", () => {
    const out = reindent('a();\r\n\r\n  b();', target({ original: '  a();\r\n  b();\r\n', eol: '\r\n' }));
    assert.equal(out, '  a();\r\n\r\n    b();\r\n');
  });

  it('adds no trailing newline when the original had none, and trims blank edge lines', () => {
    assert.equal(reindent('\n\nx\n\n', target({ original: 'y' })), 'x');
  });
});
