// The hub client's failures against the local hub: statuses, bodies, retries, cancellation, timeouts, redirects.
import * as assert from 'node:assert/strict';
import { HubClient, type HubClientOptions } from '../../src/core/hub/client';
import { HubError } from '../../src/core/hub/errors';
import type { ChatRequest } from '../../src/core/hub/types';
import type { Logger } from '../../src/core/logger';
import { startHub, type LocalHub } from '../hub/server';

const KEY = 'sk-unit-test-key-456';

function capturingLogger(lines: string[]): Logger {
  const push = (m: string) => lines.push(m);
  return { trace: push, debug: push, info: push, warn: push, error: push };
}

describe('HubClient errors, retries and cancellation', () => {
  let hub: LocalHub;
  const logLines: string[] = [];

  before(async () => {
    hub = await startHub({ apiKey: KEY });
  });
  after(() => hub.close());
  beforeEach(() => hub.clearQueue());
  after(() => {
    assert.ok(logLines.length > 10, 'the client logged requests');
    assert.ok(!logLines.join('\n').includes(KEY), 'no log line carries the key');
  });

  const make = (options: Partial<HubClientOptions> = {}) =>
    new HubClient({
      baseUrl: hub.url,
      getApiKey: () => KEY,
      maxRetries: 0,
      idleTimeoutMs: 5_000,
      logger: capturingLogger(logLines),
      ...options,
    });
  const request = (model = 'gpt-4o'): ChatRequest => ({ model, messages: [{ role: 'user', content: 'hi' }] });

  async function failure(promise: Promise<unknown>): Promise<HubError> {
    try {
      await promise;
    } catch (err) {
      assert.ok(err instanceof HubError, `expected a HubError, got ${String(err)}`);
      return err;
    }
    assert.fail('expected the request to fail');
  }

  const cases: { status: number; code?: string; message?: string; kind: string; says: RegExp }[] = [
    { status: 400, kind: 'badRequest', says: /^invalid request body .* — the hub refused the request \(400\)\. Check the request/ },
    { status: 401, kind: 'auth', says: /rejected the API key.*Set API Key/ },
    { status: 402, kind: 'quota', says: /quota is used up.*Top up/ },
    { status: 403, code: 'insufficient_user_quota', message: 'user quota is not enough', kind: 'quota', says: /quota is used up \(403/ },
    {
      status: 403,
      code: 'model_not_allowed',
      message: 'this token may not use gpt-4o',
      kind: 'forbidden',
      says: /may not use "gpt-4o".*another model/,
    },
    { status: 404, kind: 'notFound', says: /does not know "gpt-4o".*\/v1/ },
    { status: 429, kind: 'rateLimited', says: /rate-limiting/ },
    { status: 500, kind: 'server', says: /hub failed \(500/ },
    { status: 503, kind: 'noChannel', says: /No provider channel is available for "gpt-4o".*Try another model/ },
  ];
  for (const c of cases) {
    it(`turns ${c.status}${c.code ? ` ${c.code}` : ''} into "${c.kind}" with words a person can act on`, async () => {
      hub.enqueue({ kind: 'status', status: c.status, code: c.code, message: c.message });
      const err = await failure(make().streamChat(request()));
      assert.equal(err.kind, c.kind);
      assert.equal(err.status, c.status);
      assert.match(err.message, c.says);
      if (c.code) assert.equal(err.code, c.code);
      assert.ok(err.hubMessage, "the hub's own words are kept");
    });
  }

  it("keeps the hub's code and message from a new-api error body", async () => {
    hub.enqueue({ kind: 'status', status: 503 });
    const err = await failure(make().streamChat(request('claude-sonnet-4.6')));
    assert.equal(err.code, 'model_not_found');
    assert.match(err.hubMessage ?? '', /No available channel for model claude-sonnet-4\.6/);
  });

  it('shortens an HTML error page to its title', async () => {
    hub.enqueue({ kind: 'html', status: 502 });
    const err = await failure(make().streamChat(request()));
    assert.equal(err.status, 502);
    assert.match(err.message, /502: 502 Bad Gateway/);
    assert.ok(!/<[a-z]/i.test(err.message), 'no markup in the message');
  });

  it('explains an empty error body by its status', async () => {
    hub.enqueue({ kind: 'empty', status: 500 });
    const err = await failure(make().streamChat(request()));
    assert.equal(err.kind, 'server');
    assert.match(err.message, /\(500\)/);
  });

  it('treats new-api\'s 200 {"success":false} as an error', async () => {
    hub.enqueue({ kind: 'successFalse' });
    const err = await failure(make().streamChat(request()));
    assert.equal(err.kind, 'noChannel');
    assert.match(err.message, /no available channel/);
  });

  it('never repeats the key in an error, even when the hub echoes it', async () => {
    hub.enqueue({ kind: 'status', status: 401, message: `Invalid token ${KEY} (request id: 1)` });
    const err = await failure(make().streamChat(request()));
    assert.ok(!err.message.includes(KEY));
    assert.ok(!(err.hubMessage ?? '').includes(KEY));
    assert.match(err.message, /\[redacted\]/);
  });

  it('retries 429 and 503 before the first byte, honouring retry-after-ms, then succeeds', async () => {
    const before = hub.requests.length;
    hub.enqueue({ kind: 'status', status: 429, retryAfterMs: 50 });
    hub.enqueue({ kind: 'status', status: 503, retryAfter: '0' });
    const result = await make({ maxRetries: 2 }).streamChat(request());
    assert.equal(result.finishReason, 'stop');
    assert.equal(hub.requests.length - before, 3);
  });

  it('gives up after aihub.maxRetries attempts with the last error', async () => {
    const before = hub.requests.length;
    hub.enqueue({ kind: 'status', status: 500 }, 3);
    const err = await failure(make({ maxRetries: 1 }).streamChat(request()));
    assert.equal(err.kind, 'server');
    assert.equal(hub.requests.length - before, 2);
    hub.clearQueue();
  });

  it('does not retry when the hub asks to wait longer than 60 s, and says how long', async () => {
    const before = hub.requests.length;
    hub.enqueue({ kind: 'status', status: 429, retryAfter: '120' });
    const err = await failure(make({ maxRetries: 3 }).streamChat(request()));
    assert.equal(hub.requests.length - before, 1);
    assert.match(err.message, /wait 120 s/);
  });

  it('does not retry a 400 or 401', async () => {
    const before = hub.requests.length;
    hub.enqueue({ kind: 'status', status: 401 });
    await failure(make({ maxRetries: 3 }).streamChat(request()));
    assert.equal(hub.requests.length - before, 1);
  });

  it('does not retry once the stream has started', async () => {
    const before = hub.requests.length;
    hub.enqueue({ kind: 'disconnect', afterChunks: 3 });
    await failure(make({ maxRetries: 3 }).streamChat(request()));
    assert.equal(hub.requests.length - before, 1);
  });

  it('retries a refused connection, then says the hub cannot be reached', async () => {
    const closed = await startHub({ apiKey: KEY });
    const url = closed.url;
    await closed.close();
    const err = await failure(new HubClient({ baseUrl: url, getApiKey: () => KEY, maxRetries: 1 }).streamChat(request()));
    assert.equal(err.kind, 'network');
    assert.match(err.message, /Could not reach the hub at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
  });

  it('cancels mid-stream: the hub sees the connection close, the caller gets "cancelled" with the text so far', async () => {
    hub.enqueue({ kind: 'stall', afterChunks: 3 });
    const controller = new AbortController();
    let gotText = false;
    const pending = make().streamChat(request(), {
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'text' && !gotText) {
          gotText = true;
          setTimeout(() => controller.abort(), 20);
        }
      },
    });
    const err = await failure(pending);
    assert.equal(err.kind, 'cancelled');
    assert.ok(err.partial && err.partial.text.length > 0);
    await hub.waitForClientClose(hub.requests.at(-1)!.id, 3_000);
    assert.equal(hub.requests.at(-1)!.clientClosed, true);
  });

  it('aborts a stalled stream after the idle timeout with a clear error, keeping the text so far', async () => {
    hub.enqueue({ kind: 'stall', afterChunks: 3 });
    const err = await failure(make({ idleTimeoutMs: 300 }).streamChat(request()));
    assert.equal(err.kind, 'timeout');
    assert.match(err.message, /sent nothing for 0 s|sent nothing for \d+ s/);
    assert.ok(err.partial && err.partial.text.length > 0);
    await hub.waitForClientClose(hub.requests.at(-1)!.id, 3_000);
  });

  it('times out a hub that never sends its headers', async () => {
    hub.enqueue({ kind: 'slow', delayMs: 2_000 });
    const err = await failure(make({ idleTimeoutMs: 200 }).streamChat(request()));
    assert.equal(err.kind, 'timeout');
  });

  it('refuses to follow a redirect to another origin with the key', async () => {
    const other = await startHub({ apiKey: null });
    try {
      hub.enqueue({ kind: 'redirect', location: `${other.url}/chat/completions`, status: 307 });
      const err = await failure(make().streamChat(request()));
      assert.equal(err.kind, 'redirect');
      assert.match(err.message, new RegExp(`another server \\(${other.origin.replace(/[.]/g, '\\.')}\\)`));
      assert.equal(other.requests.length, 0, 'the other server received nothing');
    } finally {
      await other.close();
    }
  });

  it("follows a redirect within the hub's own origin", async () => {
    hub.enqueue({ kind: 'redirect', location: `${hub.url}/chat/completions`, status: 307 });
    const result = await make().streamChat(request());
    assert.equal(result.finishReason, 'stop');
    assert.equal(hub.requests.at(-1)!.headers.authorization, `Bearer ${KEY}`);
  });

  it('asks for a key before sending anything when none is set', async () => {
    const before = hub.requests.length;
    const err = await failure(new HubClient({ baseUrl: hub.url, getApiKey: () => undefined }).streamChat(request()));
    assert.equal(err.kind, 'noKey');
    assert.match(err.message, /Set API Key/);
    assert.equal(hub.requests.length, before);
  });

  it('says no key is set, not that a key was rejected, when a local hub refuses a request sent without one', async () => {
    const err = await failure(
      new HubClient({ baseUrl: hub.url, getApiKey: () => undefined, keyOptional: true, maxRetries: 0 }).listModels(),
    );
    assert.equal(err.kind, 'noKey');
    assert.equal(err.status, 401);
    assert.match(err.message, /No API key is set for this hub, and it asks for one \(401/);
    assert.doesNotMatch(err.message, /rejected/);
  });

  it('explains a base URL that is not a URL', async () => {
    const err = await failure(new HubClient({ baseUrl: 'aihubapi.ai v1', getApiKey: () => KEY }).streamChat(request()));
    assert.equal(err.kind, 'config');
    assert.match(err.message, /not a valid URL/);
  });

  it('explains a base URL that answers with a web page instead of the API', async () => {
    hub.enqueue({ kind: 'html', status: 200 });
    const err = await failure(make().complete(request()));
    assert.equal(err.kind, 'invalidResponse');
    assert.match(err.message, /web page instead of an API reply.*\/v1/);
  });
});

describe('HubClient.listModels and complete', () => {
  let hub: LocalHub;
  before(async () => {
    hub = await startHub({ apiKey: KEY });
  });
  after(() => hub.close());

  it("lists the hub's models with their metadata", async () => {
    const { models, skipped } = await new HubClient({ baseUrl: hub.url, getApiKey: () => KEY }).listModels();
    assert.equal(skipped, 0);
    assert.ok(models.length >= 20);
    const gpt = models.find((m) => m.id === 'gpt-4o');
    assert.ok(gpt, 'gpt-4o is listed');
    assert.ok(gpt.ownedBy);
    assert.equal(hub.requests.at(-1)!.path, '/v1/models');
  });

  it('reports a wrong key on the models list as an auth error', async () => {
    const err = await new HubClient({ baseUrl: hub.url, getApiKey: () => 'sk-wrong-key-000000' }).listModels().catch((e: unknown) => e);
    assert.ok(err instanceof HubError);
    assert.equal(err.kind, 'auth');
  });

  it('returns a whole completion without streaming', async () => {
    const result = await new HubClient({ baseUrl: hub.url, getApiKey: () => KEY }).complete({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'non-streaming please' }],
    });
    assert.match(result.text, /non-streaming please/);
    assert.equal(result.finishReason, 'stop');
    assert.ok(result.usage && result.usage.totalTokens > 0);
    assert.equal((hub.requests.at(-1)!.body as { stream: boolean }).stream, false);
  });
});
