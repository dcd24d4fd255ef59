// Per-hub request headers in the real extension host: set through `aihub.setHubHeader`, plain values in
// aihub.hubs, secret ones in SecretStorage with "${secret}" in settings, the key moved to another header, and
// every header sent to that hub only.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readConfig } from '../../src/config/configuration';
import { startHub, type LocalHub } from '../hub/server';
import { hubKey, hubRequests, hubUrl, resetHub, until } from './support/hub';
import { SECRET_HEADER_VALUE } from './testKeys';

interface Recorded {
  path: string;
  headers: Record<string, string | undefined>;
}

const config = () => vscode.workspace.getConfiguration('aihub');
const setHeader = (argument: unknown) => vscode.commands.executeCommand<boolean>('aihub.setHubHeader', argument);
const checkKey = () => vscode.commands.executeCommand<{ ok: boolean; message?: string }>('aihub._checkKey');
const lastModelsRequest = async () => (await hubRequests<Recorded>()).filter((r) => r.path.endsWith('/models')).at(-1);

/** The runner's hub entry in aihub.hubs as written in settings.json. */
function savedEntry(url = hubUrl): Record<string, unknown> | undefined {
  const hubs = config().inspect<unknown[]>('hubs')?.globalValue ?? [];
  return hubs.find((h) => (h as { baseUrl?: string }).baseUrl === url) as Record<string, unknown> | undefined;
}

async function useHub(url: string): Promise<void> {
  assert.equal(await vscode.commands.executeCommand('aihub.selectHub', url), url);
  await until(
    () => readConfig().baseUrl,
    (u) => u === url,
    `the active hub to become ${url}`,
  );
}

describe('hub headers (aihub.hubs headers and authHeader)', function () {
  this.timeout(60_000);

  before(async () => {
    await vscode.commands.executeCommand('aihub.setApiKey', hubKey);
  });
  after(async () => {
    await setHeader({ authHeader: 'Authorization' });
    await config().update('hubs', undefined, vscode.ConfigurationTarget.Global);
    await until(
      () => readConfig().hubs.length,
      (n) => n === 0,
      'the saved hubs to be cleared',
    );
  });
  beforeEach(() => resetHub());

  it('sends a plain header, kept in settings.json as written', async () => {
    assert.equal(await setHeader({ name: 'x-portkey-provider', value: 'openai' }), true);
    assert.deepEqual(savedEntry()?.headers, { 'x-portkey-provider': 'openai' });
    assert.equal((await checkKey()).ok, true);
    assert.equal((await lastModelsRequest())?.headers['x-portkey-provider'], 'openai');
  });

  it('keeps a secret value in secret storage, "${secret}" in settings, and sends the value', async () => {
    await setHeader({ name: 'X-Gateway-Key', value: SECRET_HEADER_VALUE, secret: true });
    assert.deepEqual(savedEntry()?.headers, { 'x-portkey-provider': 'openai', 'X-Gateway-Key': '${secret}' });
    assert.ok(!JSON.stringify(config().inspect('hubs')).includes(SECRET_HEADER_VALUE), 'the value is not in any settings scope');
    assert.equal((await checkKey()).ok, true);
    const sent = (await lastModelsRequest())?.headers;
    assert.equal(sent?.['x-gateway-key'], SECRET_HEADER_VALUE);
    assert.equal(sent?.authorization, `Bearer ${hubKey}`, 'the key still goes as a bearer token');
  });

  it('refuses to send when a secret header has no value, and says what to run', async () => {
    const hubs = config().inspect<unknown[]>('hubs')?.globalValue ?? [];
    await config().update(
      'hubs',
      hubs.map((h) => ((h as { baseUrl?: string }).baseUrl === hubUrl ? { ...(h as object), headers: { 'x-unset': '${secret}' } } : h)),
      vscode.ConfigurationTarget.Global,
    );
    await until(
      () => readConfig().hubs.find((h) => h.baseUrl === hubUrl)?.headers,
      (h) => JSON.stringify(h) === '{"x-unset":"${secret}"}',
      'the edited entry to be read',
    );
    // Only the API under /v1 counts: the hub's public price list (/api/pricing) is read without key or headers.
    const apiRequests = async () => (await hubRequests<{ path: string }>()).filter((r) => r.path.startsWith('/v1/')).length;
    const sentBefore = await apiRequests();
    const result = await checkKey();
    assert.equal(result.ok, false);
    assert.match(result.message ?? '', /x-unset.*Set Hub Header/);
    assert.equal(await apiRequests(), sentBefore, 'nothing was sent');
    await setHeader({ name: 'x-unset' });
    assert.equal(savedEntry()?.headers, undefined, 'removing the last header removes the field');
  });

  it('refuses names the extension sets itself or that cannot be sent, changing nothing', async () => {
    await assert.rejects(Promise.resolve(setHeader({ name: 'content-type', value: 'text/plain' })), /set by the extension/);
    await assert.rejects(Promise.resolve(setHeader({ name: 'x-bad', value: 'a\r\nb' })), /line breaks/);
    await assert.rejects(Promise.resolve(setHeader({ name: 'Authorization', value: 'Bearer x' })), /where your API key goes/);
    assert.equal(savedEntry()?.headers, undefined);
  });

  it('puts the key in another header (x-api-key) as it is, with no Authorization', async () => {
    await setHeader({ authHeader: 'x-api-key' });
    assert.equal(savedEntry()?.authHeader, 'x-api-key');
    assert.equal((await checkKey()).ok, true, 'the hub accepted the key from x-api-key');
    const sent = (await lastModelsRequest())?.headers;
    assert.equal(sent?.['x-api-key'], hubKey);
    assert.equal(sent?.authorization, undefined);
    await setHeader({ authHeader: 'Authorization' });
    assert.equal(savedEntry()?.authHeader, undefined, 'back to the default, the field is gone');
  });

  it("sends a hub's headers to that hub only: another hub gets none of them", async () => {
    await setHeader({ name: 'X-Gateway-Key', value: SECRET_HEADER_VALUE, secret: true });
    const other: LocalHub = await startHub({ apiKey: null });
    try {
      await useHub(other.url);
      assert.equal((await checkKey()).ok, true);
      const sent = other.requests.find((r) => r.path.endsWith('/models'))?.headers ?? {};
      assert.equal(sent['x-gateway-key'], undefined);
      assert.ok(!JSON.stringify(sent).includes(SECRET_HEADER_VALUE));
      await useHub(hubUrl);
      assert.equal((await checkKey()).ok, true);
      assert.equal((await lastModelsRequest())?.headers['x-gateway-key'], SECRET_HEADER_VALUE, 'back on the hub, its header is sent again');
    } finally {
      await useHub(hubUrl);
      await other.close();
    }
  });
});
