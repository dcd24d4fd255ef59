// The local hub itself: the bytes it sends must really have the shape each scenario promises, or the client
// tests that rely on it would prove nothing.
import * as assert from 'node:assert/strict';
import { startHub, type LocalHub } from '../hub/server';

describe('local hub server', () => {
  let hub: LocalHub;
  before(async () => {
    hub = await startHub({ apiKey: 'sk-hub-test' });
  });
  after(() => hub.close());

  const post = (scenario: unknown, headers: Record<string, string> = {}) =>
    fetch(`${hub.url}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-hub-test', 'content-type': 'application/json', 'x-hub-scenario': JSON.stringify(scenario), ...headers },
      body: JSON.stringify({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'bytes please' }] }),
    });

  it('frames CRLF, no-space and ping scenarios exactly as named', async () => {
    const crlf = await (await post({ kind: 'crlf' })).text();
    assert.ok(crlf.includes('\r\n\r\n') && !/[^\r]\n/.test(crlf), 'every line ends in CRLF');
    const noSpace = await (await post({ kind: 'noSpace' })).text();
    assert.ok(noSpace.startsWith('data:{') && !noSpace.includes('data: '));
    const ping = await (await post({ kind: 'ping' })).text();
    assert.ok((ping.match(/^: PING$/gm) ?? []).length > 3);
  });

  it('ends a truncated stream with usage and [DONE] but no finish reason', async () => {
    const body = await (await post({ kind: 'truncated' })).text();
    assert.ok(body.trimEnd().endsWith('data: [DONE]'));
    assert.ok(!/"finish_reason":"/.test(body));
    assert.match(body, /"usage":\{"prompt_tokens"/);
  });

  it('really drops the connection on "disconnect"', async () => {
    const res = await post({ kind: 'disconnect', afterChunks: 2 });
    await assert.rejects(res.text(), /terminated|closed|other side/i);
  });

  it('rejects a wrong key with new-api\'s error body', async () => {
    const res = await post({ kind: 'echo' }, { authorization: 'Bearer nope' });
    assert.equal(res.status, 401);
    const body = (await res.json()) as { error: { code: string; type: string } };
    assert.equal(body.error.code, 'invalid_api_key');
    assert.equal(body.error.type, 'new_api_error');
  });

  it('takes scenarios from the control API and records requests, including client hang-ups', async () => {
    await fetch(`${hub.origin}/__hub/reset`, { method: 'POST' });
    await fetch(`${hub.origin}/__hub/enqueue`, { method: 'POST', body: JSON.stringify({ scenario: { kind: 'stall', afterChunks: 1 } }) });
    const controller = new AbortController();
    const res = await fetch(`${hub.url}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-hub-test' },
      body: JSON.stringify({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'hang' }] }),
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    const recorded = (await (await fetch(`${hub.origin}/__hub/requests`)).json()) as { id: number; scenario: string }[];
    assert.equal(recorded.length, 1);
    assert.equal(recorded[0].scenario, 'stall');
    await hub.waitForClientClose(recorded[0].id, 3000);
  });

  it('takes a scenario from a directive in the last user message', async () => {
    const res = await fetch(`${hub.url}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-hub-test' },
      body: JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'x [[scenario:{"kind":"status","status":503}]]' }] }),
    });
    assert.equal(res.status, 503);
    assert.match(await res.text(), /No available channel for model deepseek-chat/);
  });
});
