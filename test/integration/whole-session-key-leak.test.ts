// Runs last (files run in name order): after the whole suite has set, used, rejected and cleared keys, not one
// of them may appear in the extension's log, in its settings, or in what the chat stored.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ECHOED_PASSWORD, ECHOED_TOKEN, OTHER_HUB_KEY, SECRET_HEADER_VALUE, WRONG_KEY } from './testKeys';

const hubUrl = process.env.AIHUB_TEST_HUB_URL ?? '';
const hubKey = process.env.AIHUB_TEST_KEY ?? '';

// A root hook: it runs before every file's tests, so the log of the whole session is at debug level (each
// request line, with its redacted Authorization header, is written). Trace would flood the runner's output
// with the workbench's own chatter.
before(async () => {
  await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'debug');
});

/**
 * The "AI Hub" LogOutputChannel's file. Both runners (code-server and test-electron) put the user data folder
 * `ud` beside the workspace folder `ws`; its logs/ holds a folder per extension, ours named by its id.
 */
function extensionLogFiles(): string[] {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const root = folder ? path.join(path.dirname(folder), 'ud', 'logs') : '';
  return filesUnder(root).filter((f) => f.includes('aihub.aihub-vscode') && f.endsWith('.log'));
}

function filesUnder(dir: string | undefined): string[] {
  if (!dir || !fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('whole session: no key anywhere but SecretStorage', function () {
  this.timeout(30_000);

  it('the AI Hub log of the whole suite holds request lines with the header redacted, and no key', async () => {
    // One more rejected and one more accepted request, in case this file runs alone.
    await vscode.commands.executeCommand('aihub.setApiKey', WRONG_KEY);
    await vscode.commands.executeCommand('aihub._checkKey');
    await vscode.commands.executeCommand('aihub.setApiKey', hubKey);
    await vscode.commands.executeCommand('aihub._checkKey');
    // The channel writes its file asynchronously.
    await new Promise((r) => setTimeout(r, 1500));

    const files = extensionLogFiles();
    assert.ok(files.length > 0, "found the extension's log file beside the workspace");
    const log = files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    assert.match(
      log,
      new RegExp(`GET ${hubUrl.replace(/[.:/]/g, '\\$&')}/models \\(authorization: Bearer \\[redacted\\]\\)`),
      'request lines are logged, header redacted',
    );
    assert.match(log, /rejected the API key \(401/, 'the rejected key was logged as an error');
    for (const key of [hubKey, OTHER_HUB_KEY, WRONG_KEY, SECRET_HEADER_VALUE, ECHOED_TOKEN, ECHOED_PASSWORD])
      assert.ok(!log.includes(key), `the log does not contain ${key.slice(0, 6)}…`);
  });

  it('no setting, no stored chat and no usage log line holds a key', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
    const settingsFiles = ['User', 'Machine']
      .map((scope) => path.join(path.dirname(folder), 'ud', scope, 'settings.json'))
      .filter((f) => fs.existsSync(f));
    assert.ok(settingsFiles.length > 0, 'found the settings files');
    const settings =
      JSON.stringify(vscode.workspace.getConfiguration('aihub')) + settingsFiles.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    const chat = await vscode.commands.executeCommand<{ storageDir?: string } | undefined>('aihub._chatSnapshot').then(
      (s) => s,
      () => undefined,
    );
    const usage = await vscode.commands.executeCommand<{ dir?: string } | undefined>('aihub._usageSnapshot').then(
      (s) => s,
      () => undefined,
    );
    const stored = [...filesUnder(chat?.storageDir), ...filesUnder(usage?.dir)].map((f) => fs.readFileSync(f, 'utf8'));
    for (const key of [hubKey, OTHER_HUB_KEY, WRONG_KEY, SECRET_HEADER_VALUE]) {
      assert.ok(!settings.includes(key), 'not in the settings');
      for (const text of stored) assert.ok(!text.includes(key), 'not in a stored conversation or the usage log');
    }
  });
});
