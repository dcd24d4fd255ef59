// The extension in a real extension host: it activates, its commands match package.json, and it reads the
// machine settings the runner wrote.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hubKey, hubRequests, hubUrl, resetHub } from './support/hub';

const EXTENSION_ID = 'aihub.aihub-vscode';

describe('activation', () => {
  let extension: vscode.Extension<unknown>;

  before(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is installed`);
    extension = found;
    await extension.activate();
  });

  it('activates', () => {
    assert.equal(extension.isActive, true);
  });

  it('registers every command package.json declares, and declares every aihub command it registers', async () => {
    const declared = new Set((extension.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command));
    // VS Code itself adds `<viewId>.focus`, `.open`, … for each contributed view: those are not ours to declare.
    const viewIds = ['aihub.chat.', 'aihub.models.'];
    const registered = new Set(
      (await vscode.commands.getCommands(true)).filter((c) => c.startsWith('aihub.') && !viewIds.some((v) => c.startsWith(v))),
    );
    const missing = [...declared].filter((c) => !registered.has(c));
    const undeclared = [...registered].filter((c) => !declared.has(c));
    assert.deepEqual(missing, [], 'declared but not registered');
    assert.deepEqual(undeclared, [], 'registered but not declared');
    assert.ok(declared.size >= 8);
  });

  it('reads the hub address from the machine settings, as the runner wrote them', () => {
    assert.ok(hubUrl, 'the runner passes the local hub URL');
    assert.equal(vscode.workspace.getConfiguration('aihub').get('baseUrl'), hubUrl);
  });

  it('stores the key in SecretStorage and sends it only as the Authorization header; clearing it stops sending it', async () => {
    const key = hubKey;
    const lastModelsRequest = async () =>
      (await hubRequests<{ path: string; headers: Record<string, string> }>()).filter((r) => r.path === '/v1/models').at(-1);
    await resetHub();
    assert.equal(await vscode.commands.executeCommand('aihub.setApiKey', key), true);
    await vscode.commands.executeCommand('aihub.refreshModels');
    assert.equal((await lastModelsRequest())?.headers.authorization, `Bearer ${key}`);
    const settings = JSON.stringify(vscode.workspace.getConfiguration('aihub'));
    assert.ok(!settings.includes(key), 'the key is in no setting');

    await vscode.commands.executeCommand('aihub.clearApiKey');
    await resetHub();
    await vscode.commands.executeCommand('aihub.refreshModels');
    // The local hub is on loopback, where the extension may ask without a key: it must not send the old one.
    assert.equal((await lastModelsRequest())?.headers.authorization, undefined);
    await vscode.commands.executeCommand('aihub.setApiKey', key);
  });

  it('streams a reply from the local hub with the bundled hub client inside the extension host', async () => {
    const { HubClient } = await import('../../src/core/hub/client');
    const client = new HubClient({ baseUrl: hubUrl, getApiKey: () => hubKey });
    const deltas: string[] = [];
    const result = await client.streamChat(
      { model: 'gpt-4o', messages: [{ role: 'user', content: 'integration hello' }] },
      { onEvent: (e) => e.type === 'text' && deltas.push(e.text) },
    );
    assert.ok(deltas.length > 3);
    assert.match(result.text, /integration hello/);
    assert.equal(result.finishReason, 'stop');
  });
});
