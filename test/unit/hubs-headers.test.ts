// Per-hub request headers (aihub.hubs `headers` and `authHeader`): reading them from settings, secret values, the
// key in another header, and what the client sends the local hub over real HTTP.
import * as assert from 'node:assert/strict';
import { HubClient } from '../../src/core/hub/client';
import { HubError } from '../../src/core/hub/errors';
import {
  describeHeaders,
  headerNameProblem,
  keyHeader,
  looksSecret,
  maskedValue,
  readHubHeaders,
  resolveHubHeaders,
  withHeader,
} from '../../src/core/hubs/hubHeaders';
import { patchSavedHub, readSavedHubs, withSavedHub } from '../../src/core/hubs/savedHubs';
import { startHub, type LocalHub } from '../hub/server';

const hub = (fields: Record<string, unknown>) => ({ name: 'Gateway', baseUrl: 'https://gw.example/v1', ...fields });

describe('hub headers from settings', () => {
  it('reads plain and secret headers, and the key header', () => {
    const config = readHubHeaders(
      hub({ headers: { 'x-portkey-provider': 'openai', 'x-portkey-api-key': '${secret}', 'X-Title': 'My app' }, authHeader: 'API-Key' }),
    );
    assert.deepEqual(config.headers, [
      { name: 'x-portkey-provider', value: 'openai', secret: false },
      { name: 'x-portkey-api-key', value: '', secret: true },
      { name: 'X-Title', value: 'My app', secret: false },
    ]);
    assert.equal(config.authHeader, 'api-key');
    assert.deepEqual(config.problems, []);
    assert.equal(describeHeaders(config), 'x-portkey-provider, x-portkey-api-key (secret), X-Title');
  });

  it('leaves out what cannot be sent, saying why, and keeps the rest', () => {
    const config = readHubHeaders(
      hub({
        headers: {
          'bad name': 'x',
          'content-type': 'text/plain',
          Authorization: 'Bearer other',
          'x-injected': 'a\r\nHost: evil.example',
          'x-number': 3,
          'x-good': 'yes',
          'X-GOOD': 'twice',
        },
      }),
    );
    assert.deepEqual(config.headers, [{ name: 'x-good', value: 'yes', secret: false }]);
    assert.equal(config.problems.length, 6, config.problems.join('\n'));
    assert.match(config.problems.join('\n'), /"bad name" is not a valid header name/);
    assert.match(config.problems.join('\n'), /"content-type" is set by the extension/);
    assert.match(config.problems.join('\n'), /"Authorization" is where your API key goes/);
    assert.match(config.problems.join('\n'), /line breaks/);
    assert.match(config.problems.join('\n'), /"x-number" must be a string/);
    assert.match(config.problems.join('\n'), /"X-GOOD" is given twice/);
  });

  it('once the key moves to another header, Authorization may carry a gateway token and the new key header may not', () => {
    assert.equal(headerNameProblem('Authorization', 'x-api-key'), undefined);
    assert.match(headerNameProblem('X-Api-Key', 'x-api-key') ?? '', /where your API key goes/);
    const config = readHubHeaders(hub({ authHeader: 'bad header', headers: ['not', 'an', 'object'] }));
    assert.equal(config.authHeader, 'authorization', 'an unusable authHeader falls back to Authorization');
    assert.equal(config.problems.length, 2);
  });

  it('a hub nobody saved has no headers and takes the key as a bearer token', () => {
    assert.deepEqual(readHubHeaders(undefined), { headers: [], authHeader: 'authorization', problems: [] });
    assert.deepEqual(keyHeader('authorization', 'sk-1'), { authorization: 'Bearer sk-1' });
    assert.deepEqual(keyHeader('x-api-key', 'sk-1'), { 'x-api-key': 'sk-1' });
  });

  it('resolves secret values by lower-case name and reports the missing ones', async () => {
    const config = readHubHeaders(hub({ headers: { 'X-Secret-One': '${secret}', 'x-secret-two': '${secret}', plain: 'p' } }));
    const asked: string[] = [];
    const resolved = await resolveHubHeaders(config, async (name) => {
      asked.push(name);
      return name === 'x-secret-one' ? 'value-one-0123456789' : undefined;
    });
    assert.deepEqual(asked, ['x-secret-one', 'x-secret-two']);
    assert.deepEqual(resolved.headers, { 'X-Secret-One': 'value-one-0123456789', plain: 'p' });
    assert.deepEqual(resolved.secrets, ['value-one-0123456789']);
    assert.deepEqual(resolved.missing, ['x-secret-two']);
  });

  it('masks secrets in the list, showing at most their last four characters', () => {
    const secret = { name: 'k', value: '', secret: true };
    assert.equal(maskedValue(secret, 'pk-live-0123456789abcdef'), '••••••••cdef');
    assert.equal(maskedValue(secret, 'short'), '••••••••');
    assert.equal(maskedValue(secret, undefined), 'secret, not set yet');
    assert.equal(maskedValue({ name: 'p', value: 'openai', secret: false }, undefined), 'openai');
  });

  it('edits an entry as written: other entries, unknown fields and unreadable entries survive', () => {
    const raw = [
      'not an entry',
      { name: 'Other', baseUrl: 'https://other.example/v1', topUpUrl: 'https://other.example/topup' },
      { name: 'Gateway', baseUrl: 'https://gw.example', headers: { 'X-Title': 'old' }, note: 'mine' },
    ];
    const patched = patchSavedHub(raw, { name: 'ignored', baseUrl: 'https://gw.example/v1' }, (entry) => ({
      ...entry,
      headers: withHeader(entry.headers, 'x-title', 'new'),
    }));
    assert.deepEqual(patched, [
      'not an entry',
      raw[1],
      { name: 'Gateway', baseUrl: 'https://gw.example', headers: { 'x-title': 'new' }, note: 'mine' },
    ]);
    const added = patchSavedHub(undefined, { name: 'gw.example', baseUrl: 'https://gw.example/v1' }, (entry) => ({
      ...entry,
      headers: withHeader(undefined, 'x-portkey-provider', 'openai'),
    }));
    assert.deepEqual(added, [{ name: 'gw.example', baseUrl: 'https://gw.example/v1', headers: { 'x-portkey-provider': 'openai' } }]);
    assert.equal(withHeader({ only: 'one' }, 'ONLY', undefined), undefined, 'the last header removed leaves no headers field');
  });

  it('keeps headers when a saved hub is read and when it is chosen again from the picker', () => {
    const [saved] = readSavedHubs([{ name: 'G', baseUrl: 'https://gw.example/v1', headers: { a: 'b' }, authHeader: 'x-api-key' }]);
    assert.deepEqual(saved, { name: 'G', baseUrl: 'https://gw.example/v1', headers: { a: 'b' }, authHeader: 'x-api-key' });
    assert.deepEqual(withSavedHub([saved], { name: 'G2', baseUrl: 'https://gw.example/v1' }), [{ ...saved, name: 'G2' }]);
  });
});

describe('HubClient with hub headers (local hub over HTTP)', () => {
  let local: LocalHub;
  const KEY = 'sk-headers-test-key-0001';
  const SECRET = 'pk-gateway-secret-value-9876';

  before(async () => {
    local = await startHub({ apiKey: null });
  });
  after(() => local.close());

  const lastHeaders = () => local.requests.at(-1)!.headers;

  it('sends the extra headers with the key in Authorization, and never logs a value', async () => {
    const lines: string[] = [];
    const log = (m: string) => lines.push(m);
    const client = new HubClient({
      baseUrl: local.url,
      getApiKey: () => KEY,
      getHeaders: () => ({ headers: { 'x-portkey-provider': 'openai', 'x-portkey-api-key': SECRET }, secrets: [SECRET] }),
      logger: { trace: log, debug: log, info: log, warn: log, error: log },
    });
    await client.listModels();
    const headers = lastHeaders();
    assert.equal(headers['x-portkey-provider'], 'openai');
    assert.equal(headers['x-portkey-api-key'], SECRET);
    assert.equal(headers.authorization, `Bearer ${KEY}`);
    const logged = lines.join('\n');
    assert.match(logged, /headers: x-portkey-provider, x-portkey-api-key/);
    assert.ok(!logged.includes(SECRET) && !logged.includes(KEY), logged);
  });

  it('puts the key in another header, as it is, and sends no Authorization', async () => {
    const client = new HubClient({ baseUrl: local.url, getApiKey: () => KEY, authHeader: 'api-key' });
    await client.listModels();
    assert.equal(lastHeaders()['api-key'], KEY);
    assert.equal(lastHeaders().authorization, undefined);
  });

  it('lets no hub header replace what the client sets itself', async () => {
    const client = new HubClient({
      baseUrl: local.url,
      getApiKey: () => KEY,
      getHeaders: () => ({ headers: { authorization: 'Bearer not-the-key', accept: 'text/html' }, secrets: [] }),
    });
    await client.listModels();
    assert.equal(lastHeaders().authorization, `Bearer ${KEY}`);
    assert.equal(lastHeaders().accept, 'application/json');
  });

  it('redacts a secret header value that an error body echoes', async () => {
    local.enqueue({ kind: 'status', status: 400, message: `bad gateway key ${SECRET}`, endpoint: 'models' });
    const client = new HubClient({
      baseUrl: local.url,
      getApiKey: () => KEY,
      maxRetries: 0,
      getHeaders: () => ({ headers: { 'x-gw': SECRET }, secrets: [SECRET] }),
    });
    const error = await client.listModels().then(
      () => assert.fail('expected a failure'),
      (err: unknown) => err as HubError,
    );
    assert.ok(error instanceof HubError);
    assert.ok(!error.message.includes(SECRET), error.message);
    assert.match(error.message, /\[redacted\]/);
  });

  it('stops before sending when the headers cannot be read (a secret with no value)', async () => {
    const before = local.requests.length;
    const client = new HubClient({
      baseUrl: local.url,
      getApiKey: () => KEY,
      getHeaders: () => Promise.reject(new HubError({ kind: 'config', message: 'No value is stored for x-gw.' })),
    });
    await assert.rejects(client.listModels(), /No value is stored for x-gw/);
    assert.equal(local.requests.length, before, 'nothing reached the hub');
  });

  it('does not follow a redirect to another server with the headers', async () => {
    const other = await startHub({ apiKey: null });
    try {
      local.enqueue({ kind: 'redirect', location: `${other.url}/models`, endpoint: 'models' });
      const client = new HubClient({
        baseUrl: local.url,
        getApiKey: () => KEY,
        getHeaders: () => ({ headers: { 'x-gw': SECRET }, secrets: [SECRET] }),
      });
      await assert.rejects(client.listModels(), /redirected to another server/);
      assert.equal(other.requests.length, 0, 'the other server got nothing');
    } finally {
      await other.close();
    }
  });
});

describe('which headers are offered as secrets', () => {
  it('goes by whole words of the name', () => {
    for (const name of ['x-portkey-api-key', 'Helicone-Auth', 'cf-aig-authorization', 'X-Api-Key', 'x-session-token', 'Cookie'])
      assert.equal(looksSecret(name), true, name);
    for (const name of ['x-portkey-provider', 'x-portkey-custom-host', 'HTTP-Referer', 'X-Title', 'x-portkey-config'])
      assert.equal(looksSecret(name), false, name);
  });
});
