// Apply on a chat code block: which file the block names, and where in that file it belongs.
import * as assert from 'node:assert/strict';
import { fencePath, fileComment, workspaceRelativePath } from '../../src/core/chat/codeBlockFile';
import { blockShape, commentsAbove, placement } from '../../src/core/prompts/codePlacement';

describe('codeBlockFile', () => {
  it('reads the path from a fence info string in the forms models write', () => {
    assert.equal(fencePath('ts path=src/a.ts'), 'src/a.ts');
    assert.equal(fencePath('python file="app/main file.py"'), 'app/main file.py');
    assert.equal(fencePath("ts filename='x.ts'"), 'x.ts');
    assert.equal(fencePath('typescript src/utils.ts'), 'src/utils.ts');
    assert.equal(fencePath('ts'), undefined);
    assert.equal(fencePath('js {1,3}'), undefined, 'a line-highlight attribute is no path');
    assert.equal(fencePath('text hello'), undefined, 'a bare word without extension or folder is no path');
  });

  it('takes a first-line file comment off the code', () => {
    assert.deepEqual(fileComment('// file: src/a.ts\nexport const a = 1;'), { path: 'src/a.ts', code: 'export const a = 1;' });
    assert.deepEqual(fileComment('# File: app.py\nx = 1'), { path: 'app.py', code: 'x = 1' });
    assert.deepEqual(fileComment('<!-- file: index.html -->\n<p>hi</p>'), { path: 'index.html', code: '<p>hi</p>' });
    assert.deepEqual(fileComment('/* path: a.css */\nbody {}'), { path: 'a.css', code: 'body {}' });
    assert.equal(fileComment('// the file: is here\nx'), undefined);
    assert.equal(fileComment('const a = 1; // file: a.ts'), undefined);
  });

  it('looks up only relative paths that stay inside the workspace', () => {
    assert.equal(workspaceRelativePath('./src/a.ts'), 'src/a.ts');
    assert.equal(workspaceRelativePath('src\\a.ts'), 'src/a.ts');
    assert.equal(workspaceRelativePath('/etc/passwd'), undefined);
    assert.equal(workspaceRelativePath('C:/Windows/x.ini'), undefined);
    assert.equal(workspaceRelativePath('../secret.ts'), undefined);
    assert.equal(workspaceRelativePath('src/../../x'), undefined);
    assert.equal(workspaceRelativePath('file:///x'), undefined);
  });
});

const FILE = [
  "import { x } from './x';",
  '',
  'export class Calc {',
  '  total(xs: number[]): number {',
  '    return 0;',
  '  }',
  '}',
  '',
  '/** Doubles. */',
  'export function double(n: number): number {',
  '  return n * 2;',
  '}',
  '',
].join('\n');

describe('codePlacement', () => {
  it('finds the declarations at the outermost depth of a block, in several languages', () => {
    assert.deepEqual(blockShape('export async function load(a) {\n  return a;\n}').declarations, [{ name: 'load', group: 'callable' }]);
    assert.deepEqual(blockShape('def total(self, xs):\n    return sum(xs)').declarations, [{ name: 'total', group: 'callable' }]);
    assert.deepEqual(blockShape('pub fn add(a: i32) -> i32 {\n    a\n}').declarations, [{ name: 'add', group: 'callable' }]);
    assert.deepEqual(blockShape('func (c *Calc) Total(xs []int) int {\n\treturn 0\n}').declarations, [
      { name: 'Total', group: 'callable' },
    ]);
    assert.deepEqual(blockShape('  total(xs: number[]): number {\n    return 1;\n  }').declarations, [
      { name: 'total', group: 'callable' },
    ]);
    assert.deepEqual(blockShape('public static int add(int a, int b) {\n  return a + b;\n}').declarations, [
      { name: 'add', group: 'callable' },
    ]);
    assert.deepEqual(blockShape('export interface Point {\n  x: number;\n}').declarations, [{ name: 'Point', group: 'type' }]);
    assert.deepEqual(blockShape('export const LIMIT = 3;').declarations, [{ name: 'LIMIT', group: 'value' }]);
    assert.deepEqual(blockShape('if (x) {\n  go();\n}').declarations, [], 'an if statement declares nothing');
    assert.equal(blockShape('console.log(1);').otherCode, true, 'a call statement is other code, not a method');
  });

  it('notices a leading doc comment or decorator', () => {
    assert.equal(blockShape('/**\n * Doubles.\n */\nfunction double(n) {}').leadingComment, true);
    assert.equal(blockShape('@Get()\nlist() {\n}').leadingComment, true);
    assert.equal(blockShape('function double(n) {}').leadingComment, false);
  });

  it('is the whole file when the file is empty, or the block starts and ends as the file does', () => {
    assert.deepEqual(placement('export const a = 1;', '\n', []), { kind: 'file' });
    const rewritten = FILE.replace('return 0;', 'return xs.length;');
    assert.deepEqual(placement(rewritten, FILE, ['Calc', 'double']), { kind: 'file' });
  });

  it('is the whole file when the block redefines every top-level symbol of it', () => {
    const block = "import { x, y } from './x';\n\nexport class Calc {}\n\nexport function double(n: number) {\n  return n + n;\n}";
    assert.deepEqual(placement(block, FILE, ['Calc', 'double']), { kind: 'file' });
  });

  it('is the symbol a block of one declaration redefines, with or without its doc comment', () => {
    assert.deepEqual(placement('total(xs: number[]): number {\n  return xs.length;\n}', FILE, ['Calc', 'double']), {
      kind: 'symbol',
      declaration: { name: 'total', group: 'callable' },
      withComment: false,
    });
    assert.deepEqual(placement('/** Twice n. */\nexport function double(n: number) {\n  return n + n;\n}', FILE, ['Calc', 'double']), {
      kind: 'symbol',
      declaration: { name: 'double', group: 'callable' },
      withComment: true,
    });
  });

  it('a lone function in a file of one function is that symbol, so the imports stay', () => {
    const file = "import { x } from './x';\n\nexport function only() {\n  return x;\n}\n";
    assert.equal(placement('export function only() {\n  return 2;\n}', file, ['only']).kind, 'symbol');
  });

  it('is unknown for statements, or several declarations that are not the whole file', () => {
    assert.deepEqual(placement('return xs.length;', FILE, ['Calc', 'double']), { kind: 'unknown' });
    assert.deepEqual(placement('function a() {}\nfunction b() {}', FILE, ['Calc', 'double']), { kind: 'unknown' });
  });

  it('finds the comments and decorators right above a line', () => {
    const lines = FILE.split('\n');
    assert.equal(commentsAbove(lines, 9), 8);
    assert.equal(commentsAbove(lines, 2), 2, 'a blank line ends the run');
  });
});
