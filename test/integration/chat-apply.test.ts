// Apply on a chat code block, in the real extension host: the block goes where it belongs (the whole file,
// the symbol it redefines found with the language's document symbols, else the selection), in the file the
// block names or the user's editor, through the selection commands' proposal diff: Accept is one undo step,
// a file changed meanwhile is refused, a block naming a file outside or missing from the workspace is refused
// in words.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { until } from './support/hub';

interface ApplyResult {
  proposal?: string;
  message?: string;
}

const SOURCE = [
  "import { strict } from 'node:assert';",
  '',
  'export class Calc {',
  '  total(xs: number[]): number {',
  '    let sum = 0;',
  '    for (const x of xs) sum += x;',
  '    return sum;',
  '  }',
  '}',
  '',
  '/** Doubles n. */',
  'export function double(n: number): number {',
  '  strict(n >= 0);',
  '  return n * 2;',
  '}',
  '',
].join('\n');

const proposalTabs = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.scheme === 'aihub-proposal');

function folder(): vscode.Uri {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(root, 'the integration host opens a workspace folder');
  return vscode.Uri.joinPath(root, 'apply');
}

// Each test writes files of its own name: a document an earlier test left edited is never read for this one's.
let run = 0;
const named = (name: string) => name.replace('.ts', `${run}.ts`);

async function writeFile(name: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(folder(), named(name));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** Opens a file in an editor and waits until TypeScript reports its symbols (the server may still be starting). */
async function openWithSymbols(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  await until(
    () => vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri),
    (symbols) => (symbols?.length ?? 0) > 0,
    'the TypeScript symbols of the file',
    60_000,
  );
  return editor;
}

function apply(request: { code: string; path?: string; editor?: vscode.TextEditor }): Thenable<ApplyResult> {
  return vscode.commands.executeCommand<ApplyResult>('aihub._applyCodeBlock', {
    code: request.code,
    language: 'ts',
    path: request.path,
    uri: request.editor?.document.uri,
    selection: request.editor?.selection,
  });
}

async function proposedText(): Promise<string> {
  const [tab] = await until(proposalTabs, (t) => t.length === 1, 'the proposal diff tab');
  return (await vscode.workspace.openTextDocument((tab.input as vscode.TabInputTextDiff).modified)).getText();
}

describe('chat code block Apply', function () {
  this.timeout(90_000);
  beforeEach(() => run++);

  afterEach(async () => {
    // Reverted first: an edited file would otherwise ask whether to save it.
    for (let i = 0; i < 30 && vscode.window.tabGroups.all.some((g) => g.tabs.length > 0); i++) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  it('replaces the method the block redefines, re-indented; Accept is one undo step', async () => {
    const editor = await openWithSymbols(await writeFile('calc.ts', SOURCE));
    editor.selection = new vscode.Selection(12, 0, 12, 0); // the cursor is elsewhere: the symbol decides
    const result = await apply({ code: 'total(xs: number[]): number {\n  return xs.reduce((a, b) => a + b, 0);\n}', editor });
    assert.ok(result.proposal, `a proposal was opened: ${JSON.stringify(result)}`);
    const expected = SOURCE.replace(
      / {2}total[\s\S]*?\n {2}\}\n/,
      '  total(xs: number[]): number {\n    return xs.reduce((a, b) => a + b, 0);\n  }\n',
    );
    assert.equal(await proposedText(), expected);
    assert.equal(editor.document.getText(), SOURCE, 'nothing changes before Accept');
    assert.equal(await vscode.commands.executeCommand('aihub.acceptProposal', result.proposal), true);
    assert.equal(editor.document.getText(), expected);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), SOURCE, 'one undo restores the file');
  });

  it('a function with its own doc comment replaces the old comment too', async () => {
    const editor = await openWithSymbols(await writeFile('calc.ts', SOURCE));
    const code = '/** Twice n, for any n. */\nexport function double(n: number): number {\n  return n + n;\n}';
    const result = await apply({ code, editor });
    assert.ok(result.proposal, JSON.stringify(result));
    assert.equal(await proposedText(), SOURCE.replace(/\/\*\* Doubles n[\s\S]*?\n\}\n/, `${code}\n`));
  });

  it('a whole file replaces the whole file', async () => {
    const editor = await openWithSymbols(await writeFile('calc.ts', SOURCE));
    const whole = SOURCE.replace('return n * 2;', 'return n << 1;').replace('let sum = 0;', 'let sum = 0; // running total');
    const result = await apply({ code: whole.trimEnd(), editor });
    assert.ok(result.proposal, JSON.stringify(result));
    assert.equal((await proposedText()).trimEnd(), whole.trimEnd());
  });

  it('goes to the file a `// file:` comment names, not the editor in front, without the comment', async () => {
    await writeFile('calc.ts', SOURCE);
    const other = await openWithSymbols(await writeFile('other.ts', 'export const other = 1;\n'));
    const code = `// file: apply/${named('calc.ts')}\nexport function double(n: number): number {\n  return n + n;\n}`;
    const result = await apply({ code, editor: other });
    assert.ok(result.proposal, JSON.stringify(result));
    const [tab] = await until(proposalTabs, (t) => t.length === 1, 'the proposal diff tab');
    assert.ok((tab.input as vscode.TabInputTextDiff).modified.path.endsWith(named('calc.ts')));
    const proposed = await proposedText();
    assert.ok(proposed.includes('  return n + n;\n}') && !proposed.includes('// file:'), proposed);
    assert.ok(proposed.includes('/** Doubles n. */'), 'a block without a doc comment keeps the old one');
  });

  it('code that redefines nothing replaces the selection; with no selection it says what to do', async () => {
    const editor = await openWithSymbols(await writeFile('calc.ts', SOURCE));
    editor.selection = new vscode.Selection(12, 0, 13, 16);
    const result = await apply({ code: 'return Math.abs(n) * 2;', editor });
    assert.ok(result.proposal, JSON.stringify(result));
    assert.equal(await proposedText(), SOURCE.replace('  strict(n >= 0);\n  return n * 2;', '  return Math.abs(n) * 2;'));
    await vscode.commands.executeCommand('aihub.rejectProposal', result.proposal);

    editor.selection = new vscode.Selection(12, 0, 12, 0);
    const refused = await apply({ code: 'return Math.abs(n) * 2;', editor });
    assert.equal(refused.proposal, undefined);
    assert.match(refused.message ?? '', /Not sure where this code goes in apply\/calc\d+\.ts.*Select the code it replaces/);
  });

  it('refuses to apply when the file changed after the diff opened', async () => {
    const editor = await openWithSymbols(await writeFile('calc.ts', SOURCE));
    const result = await apply({ code: 'export function double(n: number): number {\n  return n + n;\n}', editor });
    assert.ok(result.proposal);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(editor.document.uri, new vscode.Position(0, 0), '// edited meanwhile\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const edited = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand('aihub.acceptProposal', result.proposal), false);
    assert.equal(editor.document.getText(), edited, "the user's edit stays");
  });

  it('a block naming a file outside or missing from the workspace is refused in words', async () => {
    const editor = await openWithSymbols(await writeFile('calc.ts', SOURCE));
    const outside = await apply({ code: 'export const x = 1;', path: '../outside.ts', editor });
    assert.match(outside.message ?? '', /names \.\.\/outside\.ts, which is outside the workspace/);
    const missing = await apply({ code: 'export const x = 1;', path: 'apply/missing.ts', editor });
    assert.match(missing.message ?? '', /names apply\/missing\.ts, which is not in this workspace/);
    assert.equal(proposalTabs().length, 0);
    assert.equal(editor.document.getText(), SOURCE);
  });
});
