// Hubs and keys in the real extension host: a workspace cannot redirect requests, a key is checked against
// the hub (model count, or the 401 in words), keys follow the hub, redirects and plain HTTP never carry the key.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { until } from './support/hub';
import { readConfig } from '../../src/config/configuration';
import { keyCheckVerdict, type KeyCheck } from '../../src/core/hubs/keyCheckVerdict';
import { startHub, type LocalHub } from '../hub/server';
import { OTHER_HUB_KEY as OTHER_KEY, WRONG_KEY } from './testKeys';

const hubUrl = process.env.AIHUB_TEST_HUB_URL ?? '';
const hubKey = process.env.AIHUB_TEST_KEY ?? '';
const hubOrigin = hubUrl ? new URL(hubUrl).origin : '';

interface Recorded {
  path: string;
  headers: Record<string, string | undefined>;
}

const config = () => vscode.workspace.getConfiguration('aihub');
const checkKey = () => vscode.commands.executeCommand<KeyCheck>('aihub._checkKey');
const hubRequests = async (): Promise<Recorded[]> => (await (await fetch(`${hubOrigin}/__hub/requests`)).json()) as Recorded[];
const resetHub = () => fetch(`${hubOrigin}/__hub/reset`, { method: 'POST' });

/** The hub's own list, read directly: the number the key check must report. */
async function modelCount(url: string, key: string): Promise<number> {
  const body = (await (await fetch(`${url}/models`, { headers: { authorization: `Bearer ${key}` } })).json()) as { data: { id: string }[] };
  return new Set(body.data.map((m) => m.id)).size;
}

/** Chooses a hub as a typed URL; `url` is what it must be understood as. */
async function useHub(url: string, typed = url): Promise<void> {
  assert.equal(await vscode.commands.executeCommand('aihub.selectHub', typed), url);
  await until(
    () => readConfig().baseUrl,
    (u) => u === url,
    `the active hub to become ${url}`,
  );
}

describe('hubs and keys', function () {
  this.timeout(60_000);
  let other: LocalHub;

  before(async () => {
    assert.ok(hubUrl && hubKey, 'AIHUB_TEST_HUB_URL and AIHUB_TEST_KEY are set by the runner');
    other = await startHub({ apiKey: OTHER_KEY });
    await vscode.commands.executeCommand('aihub.setApiKey', hubKey);
  });
  after(async () => {
    await config().update('baseUrl', hubUrl, vscode.ConfigurationTarget.Global);
    await config().update('hubs', undefined, vscode.ConfigurationTarget.Global);
    await until(
      () => readConfig().baseUrl,
      (u) => u === hubUrl,
      "the runner's hub to be active again",
    );
    await vscode.commands.executeCommand('aihub.setApiKey', hubKey);
    await other.close();
  });
  beforeEach(async () => {
    await resetHub();
    other.requests.length = 0;
  });

  it("ignores aihub.baseUrl and aihub.hubs in the workspace's .vscode/settings.json: that server receives no request", async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'the runner opens a workspace folder');
    const file = path.join(folder, '.vscode', 'settings.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      JSON.stringify({ 'aihub.baseUrl': other.url, 'aihub.hubs': [{ name: 'Planted', baseUrl: other.url }], 'editor.tabSize': 7 }),
    );
    try {
      // A window-scoped setting from the same file shows that VS Code has read it.
      await until(
        () => vscode.workspace.getConfiguration('editor').inspect('tabSize')?.workspaceValue,
        (v) => v === 7,
        'the workspace settings to load',
      );
      assert.equal(readConfig().baseUrl, hubUrl, 'the extension reads the machine value');
      assert.deepEqual(readConfig().hubs, [], 'no hub from the workspace');
      assert.equal(config().get('baseUrl'), hubUrl, 'VS Code itself ignores a machine setting in a workspace');

      const check = await checkKey();
      assert.equal(check.ok, true, JSON.stringify(check));
      const document = await vscode.workspace.openTextDocument({
        language: 'typescript',
        content: 'export function add(a: number, b: number) {\n  return a + b;\n}\n',
      });
      const editor = await vscode.window.showTextDocument(document);
      editor.selection = new vscode.Selection(0, 0, 3, 0);
      const proposal = await vscode.commands.executeCommand<string>('aihub.refactorSelection', 'simplify');
      if (proposal) await vscode.commands.executeCommand('aihub.rejectProposal', proposal);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

      const paths = (await hubRequests()).map((r) => r.path);
      assert.ok(
        paths.includes('/v1/models') && paths.includes('/v1/chat/completions'),
        `the machine hub got both requests: ${paths.join(', ')}`,
      );
      assert.deepEqual(
        other.requests.map((r) => r.path),
        [],
        'the planted hub got nothing',
      );
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it('checks a key against the hub: a valid one reports the model count, a wrong one the 401 in words', async () => {
    assert.equal(await vscode.commands.executeCommand('aihub.setApiKey', hubKey), true);
    const good = await checkKey();
    assert.deepEqual(good, { ok: true, host: new URL(hubUrl).host, models: await modelCount(hubUrl, hubKey) });
    assert.ok(good.ok && good.models >= 3);

    const wrong = WRONG_KEY;
    await vscode.commands.executeCommand('aihub.setApiKey', wrong);
    const bad = await checkKey();
    assert.equal(bad.ok, false);
    if (!bad.ok) {
      assert.equal(bad.status, 401);
      assert.equal(bad.kind, 'auth');
      assert.match(bad.message, /rejected the API key \(401/);
      assert.ok(!bad.message.includes(wrong), 'the error does not repeat the key');
    }
    assert.equal((await hubRequests()).at(-1)?.headers.authorization, `Bearer ${wrong}`, 'the stored key was the one sent');

    assert.equal(await vscode.commands.executeCommand('aihub.clearApiKey'), true, 'a key was there to clear');
    assert.equal(await vscode.commands.executeCommand('aihub.clearApiKey'), false, 'nothing left to clear');
    await resetHub();
    const none = await checkKey();
    assert.equal(none.ok, false, 'this hub wants a key');
    if (!none.ok) {
      assert.equal(none.kind, 'noKey', 'no key was sent, so none was rejected');
      assert.match(none.message, /No API key is set for this hub, and it asks for one \(401/);
    }
    assert.equal((await hubRequests()).at(-1)?.headers.authorization, undefined, 'no key is sent once cleared');
    await vscode.commands.executeCommand('aihub.setApiKey', hubKey);
  });

  it('switching hubs switches keys; the model list follows the active hub', async () => {
    // Pasted the way hub docs show it: no scheme, the endpoint on the end.
    await useHub(other.url, `${other.url.replace('http://', '')}/chat/completions/`);
    assert.deepEqual(
      readConfig().hubs,
      [
        { name: new URL(hubUrl).host, baseUrl: hubUrl },
        { name: new URL(other.url).host, baseUrl: other.url },
      ],
      'a custom hub is kept in aihub.hubs, and so is the one left (it was only in aihub.baseUrl)',
    );
    const noKeyYet = await checkKey();
    assert.equal(noKeyYet.ok, false, "the first hub's key is not used for the second");
    assert.equal(other.requests.at(-1)?.headers.authorization, undefined, "the first hub's key never reaches the second hub");

    await vscode.commands.executeCommand('aihub.setApiKey', OTHER_KEY);
    const onOther = await checkKey();
    assert.deepEqual(onOther, { ok: true, host: new URL(other.url).host, models: await modelCount(other.url, OTHER_KEY) });
    assert.equal(other.requests.at(-1)?.headers.authorization, `Bearer ${OTHER_KEY}`);

    await useHub(hubUrl);
    assert.equal((await checkKey()).ok, true, "the first hub's key is still there");
    // Requests without a key (the hub's public price list) carry no key at all; every other one carries this hub's.
    const sent = (await hubRequests()).map((r) => r.headers.authorization).filter((a) => a != null);
    assert.ok(
      sent.length > 0 && sent.every((a) => a === `Bearer ${hubKey}`),
      `the first hub only ever got its own key: ${JSON.stringify(sent)}`,
    );

    await useHub(other.url);
    assert.equal((await checkKey()).ok, true, "switching back finds the second hub's key");
    await vscode.commands.executeCommand('aihub.clearApiKey');
    await useHub(hubUrl);
    assert.equal((await checkKey()).ok, true, "clearing the second hub's key left the first one's");
  });

  it('a key check that cannot reach the hub says it was a network failure, and keeps the key', async () => {
    const dead = await startHub();
    const deadUrl = dead.url;
    await dead.close();
    await useHub(deadUrl);
    try {
      await vscode.commands.executeCommand('aihub.setApiKey', 'sk-kept-while-offline');
      const check = await checkKey();
      assert.equal(check.ok, false);
      assert.equal(check.ok ? undefined : check.kind, 'network');
      const verdict = keyCheckVerdict(check);
      assert.match(verdict.text, /could not be reached \(a network failure, which says nothing about the key\)/);
      assert.deepEqual(verdict.actions, ['checkAgain', 'chooseHub']);
      assert.equal(await vscode.commands.executeCommand('aihub.clearApiKey'), true, 'the key was kept');
    } finally {
      await useHub(hubUrl);
      // The switch back starts a model refresh: let it settle before the next test queues its own scenario.
      await checkKey();
    }
  });

  it('refuses an address it cannot use, with the reason, and keeps the current hub', async () => {
    assert.equal(await vscode.commands.executeCommand('aihub.selectHub', 'https://user:secret@example.com/v1'), undefined);
    assert.equal(await vscode.commands.executeCommand('aihub.selectHub', 'ftp://example.com/v1'), undefined);
    assert.equal(readConfig().baseUrl, hubUrl);
  });

  it('does not follow a redirect to another origin with the key', async () => {
    await fetch(`${hubOrigin}/__hub/enqueue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: { kind: 'redirect', location: `${other.url}/models`, endpoint: 'models' }, times: 1 }),
    });
    const check = await checkKey();
    assert.equal(check.ok, false);
    if (!check.ok) {
      assert.equal(check.kind, 'redirect');
      assert.match(check.message, new RegExp(`redirected to another server \\(${other.origin.replace(/\./g, '\\.')}\\)`));
    }
    assert.deepEqual(other.requests, [], 'the other origin was never contacted');
  });

  it('refuses plain http:// to another machine before sending anything, with a clear error', async () => {
    // 0.0.0.0 is not a loopback name to the extension, so the hub counts as another machine, while every byte a
    // regression might send still stays on this machine (the hub listens on 127.0.0.1).
    const remote = await startHub({ apiKey: OTHER_KEY });
    const remoteUrl = remote.url.replace('127.0.0.1', '0.0.0.0');
    try {
      await config().update('baseUrl', remoteUrl, vscode.ConfigurationTarget.Global);
      await until(
        () => readConfig().baseUrl,
        (u) => u === remoteUrl,
        'the non-loopback hub to be active',
      );
      await vscode.commands.executeCommand('aihub.setApiKey', OTHER_KEY);
      const check = await checkKey();
      assert.equal(check.ok, false);
      if (!check.ok) {
        assert.equal(check.kind, 'config');
        assert.match(check.message, /plain http:\/\/, which would send your API key unencrypted/);
      }
      assert.deepEqual(remote.requests, [], 'not a byte reached the server');
      await vscode.commands.executeCommand('aihub.clearApiKey');
    } finally {
      await config().update('baseUrl', hubUrl, vscode.ConfigurationTarget.Global);
      await until(
        () => readConfig().baseUrl,
        (u) => u === hubUrl,
        "the runner's hub to be active again",
      );
      await remote.close();
    }
  });
});
