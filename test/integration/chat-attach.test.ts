// Context beyond the selection, in the real extension host: a workspace file, the problems of a file and the
// terminal's selection become chips through the Attach menu's own path (aihub._chatAttach); a binary file, a
// deleted one and one larger than the model takes in are refused in words with the numbers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { until } from './support/hub';

interface Attached {
  fileName?: string;
  language?: string;
  text?: string;
  message?: string;
}

function folder(): vscode.Uri {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(root, 'the integration host opens a workspace folder');
  return vscode.Uri.joinPath(root, 'attach');
}

async function writeFile(name: string, bytes: Uint8Array | string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(folder(), name);
  await vscode.workspace.fs.writeFile(uri, typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
  return uri;
}

const attach = (arg: { kind: string; path?: string }) => vscode.commands.executeCommand<Attached>('aihub._chatAttach', arg);

describe('chat Attach menu sources', function () {
  this.timeout(60_000);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  it('attaches a workspace file by its relative name, language and text', async () => {
    const uri = await writeFile('a.ts', 'export const a = 1;\n');
    const attached = await attach({ kind: 'file', path: uri.fsPath });
    assert.deepEqual(attached, { fileName: 'attach/a.ts', language: 'typescript', text: 'export const a = 1;\n' });
  });

  it('refuses a binary file (a NUL byte, or bytes that are not UTF-8) in words', async () => {
    const png = await writeFile('logo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    assert.match(
      (await attach({ kind: 'file', path: png.fsPath })).message ?? '',
      /^attach\/logo\.png is not a text file \(it holds binary data\)/,
    );
    const latin1 = await writeFile('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    assert.match((await attach({ kind: 'file', path: latin1.fsPath })).message ?? '', /latin1\.txt is not a text file/);
  });

  it('says so when the file was deleted', async () => {
    const uri = await writeFile('gone.ts', 'export {};\n');
    await vscode.workspace.fs.delete(uri);
    assert.match(
      (await attach({ kind: 'file', path: uri.fsPath })).message ?? '',
      /attach\/gone\.ts no longer exists \(deleted or moved\?\)/,
    );
  });

  it("refuses a file larger than the conversation's model takes in, with both numbers", async () => {
    const { conversation } = await vscode.commands.executeCommand<{ conversation: { model: string } }>('aihub._chatSnapshot');
    const config = vscode.workspace.getConfiguration('aihub');
    await config.update('modelLimits', { [conversation.model]: { maxInputTokens: 50 } }, vscode.ConfigurationTarget.Global);
    try {
      const uri = await writeFile('big.ts', Array.from({ length: 60 }, (_, i) => `export const value${i} = ${i};`).join('\n'));
      const message = (await attach({ kind: 'file', path: uri.fsPath })).message ?? '';
      assert.match(
        message,
        new RegExp(
          `^attach/big\\.ts was not attached: it is about [\\d,]+ tokens, and ${conversation.model} takes 50 in \\(your aihub\\.modelLimits\\)`,
        ),
      );
      const tokens = Number(/about ([\d,]+) tokens/.exec(message)![1].replace(/,/g, ''));
      assert.ok(tokens > 50, `${tokens} tokens is over the limit`);
    } finally {
      await config.update('modelLimits', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it("Attach Selection and Attach Current File: refused past the model's input with both numbers, else attached", async () => {
    const { conversation } = await vscode.commands.executeCommand<{ conversation: { model: string } }>('aihub._chatSnapshot');
    const config = vscode.workspace.getConfiguration('aihub');
    await config.update('modelLimits', { [conversation.model]: { maxInputTokens: 50 } }, vscode.ConfigurationTarget.Global);
    try {
      const uri = await writeFile('long.ts', Array.from({ length: 60 }, (_, i) => `export const value${i} = ${i};`).join('\n'));
      const editor = await vscode.window.showTextDocument(uri);
      editor.selection = new vscode.Selection(0, 0, 59, 0);
      const refused = (await attach({ kind: 'selection' })).message ?? '';
      assert.match(
        refused,
        new RegExp(`^attach/long\\.ts:1-59 was not attached: it is about [\\d,]+ tokens, and ${conversation.model} takes 50 in`),
      );
      assert.match((await attach({ kind: 'currentFile' })).message ?? '', /^attach\/long\.ts was not attached: it is about [\d,]+ tokens/);

      editor.selection = new vscode.Selection(2, 0, 3, 0);
      assert.deepEqual(await attach({ kind: 'selection' }), {
        fileName: 'attach/long.ts:3',
        language: 'typescript',
        text: 'export const value2 = 2;\n',
      });
    } finally {
      await config.update('modelLimits', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('attaches the problems VS Code reports in a file, one per line', async () => {
    const uri = await writeFile('broken.ts', 'export const n: number = 1;\n');
    const diagnostics = vscode.languages.createDiagnosticCollection('attach-test');
    try {
      const problem = new vscode.Diagnostic(new vscode.Range(0, 13, 0, 14), 'Type is wrong here', vscode.DiagnosticSeverity.Error);
      problem.source = 'attach-test';
      diagnostics.set(uri, [problem]);
      const attached = await attach({ kind: 'problems', path: uri.fsPath });
      assert.equal(attached.fileName, 'Problems in attach/broken.ts');
      assert.ok(attached.text?.includes('attach/broken.ts:1:14 error (attach-test): Type is wrong here'), attached.text);
      diagnostics.clear();
      assert.match((await attach({ kind: 'problems', path: uri.fsPath })).message ?? '', /reports no problems in attach\/broken\.ts/);
    } finally {
      diagnostics.dispose();
    }
  });

  it("attaches the terminal's selection, and says when nothing is selected", async () => {
    const terminal = vscode.window.createTerminal({ name: 'attach-test' });
    try {
      terminal.show();
      await until(
        () => vscode.window.activeTerminal?.name,
        (name) => name === 'attach-test',
        'the test terminal in front',
      );
      await vscode.commands.executeCommand('workbench.action.terminal.clearSelection');
      assert.match((await attach({ kind: 'terminal' })).message ?? '', /Nothing is selected in the terminal "attach-test"/);
      terminal.sendText('echo terminal-words-$((6*7))');
      // Selected as a user would (Terminal: Select All) once the command's output is on screen.
      const attached = await until(
        async () => {
          await vscode.commands.executeCommand('workbench.action.terminal.selectAll');
          return attach({ kind: 'terminal' });
        },
        (a) => a.text?.includes('terminal-words-42') === true,
        "the terminal's output in the attachment",
        30_000,
      );
      assert.equal(attached.fileName, 'Terminal selection (attach-test)');
    } finally {
      terminal.dispose();
    }
  });
});
