// The local hub itself: the bytes it sends must really have the shape each scenario promises, or the client
// tests that rely on it would prove nothing. Every test gets a hub of its own and stops it.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { makeModels } from '../hub/models';
import type { Scenario } from '../hub/scenarios';
import { startHub, type HubServerOptions, type LocalHub } from '../hub/server';

const KEY = 'sk-hub-test';
type Chunk = {
  id: string;
  object: string;
  created: number;
  model: string;
  choices: { index: number; delta: Record<string, unknown>; finish_reason: string | null }[];
  usage?: Record<string, number>;
};
type ToolDelta = { index?: number; id?: string; type?: string; function: { name?: string; arguments: string } };

/** The data payloads of an event stream, split the way the SSE spec does (any line ending). */
function dataOf(raw: string): string[] {
  return raw
    .split(/\r\n\r\n|\n\n/)
    .flatMap((event) => event.split(/\r?\n/).filter((l) => l.startsWith('data:')))
    .map((l) => l.slice(5).trimStart());
}
const chunksOf = (raw: string): Chunk[] =>
  dataOf(raw)
    .filter((d) => d !== '[DONE]')
    .map((d) => JSON.parse(d) as Chunk);
const contentOf = (raw: string): string =>
  chunksOf(raw)
    .map((c) => c.choices[0]?.delta.content ?? '')
    .join('');

describe('local hub server', () => {
  let hub: LocalHub;
  const extra: LocalHub[] = [];
  beforeEach(async () => {
    hub = await startHub({ apiKey: KEY });
  });
  afterEach(async () => {
    await hub.close();
    await Promise.all(extra.splice(0).map((h) => h.close()));
  });
  const another = async (opts: HubServerOptions) => {
    const h = await startHub(opts);
    extra.push(h);
    return h;
  };

  const chat = (
    init: {
      scenario?: Scenario;
      body?: Record<string, unknown>;
      headers?: Record<string, string>;
      signal?: AbortSignal;
      on?: LocalHub;
    } = {},
  ) =>
    fetch(`${(init.on ?? hub).url}/chat/completions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${KEY}`,
        'content-type': 'application/json',
        ...(init.scenario ? { 'x-hub-scenario': JSON.stringify(init.scenario) } : {}),
        ...init.headers,
      },
      body: JSON.stringify({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'bytes please' }], ...init.body }),
      signal: init.signal,
    });
  const streamOf = async (scenario?: Scenario, body?: Record<string, unknown>) => (await chat({ scenario, body })).text();

  describe('models and auth', () => {
    it("lists the built-in catalogue in new-api's shape, and one model by id", async () => {
      const res = await fetch(`${hub.url}/models`, { headers: { authorization: `Bearer ${KEY}` } });
      const list = (await res.json()) as {
        object: string;
        success: boolean;
        data: { id: string; object: string; owned_by: string; created: number }[];
      };
      assert.equal(list.object, 'list');
      assert.equal(list.success, true);
      assert.ok(list.data.length >= 55, `${list.data.length} models`);
      const ids = list.data.map((m) => m.id);
      for (const id of [
        'gpt-4o',
        'o4-mini',
        'claude-sonnet-4.6',
        'gemini-2.5-pro',
        'deepseek-r1',
        'qwen3-235b-a22b',
        'grok-4',
        'openai/gpt-4o',
      ])
        assert.ok(ids.includes(id), id);
      assert.ok(list.data.every((m) => m.object === 'model' && m.owned_by && m.created > 1_600_000_000));
      const one = await fetch(`${hub.url}/models/${encodeURIComponent('openai/gpt-4o')}`, { headers: { authorization: `Bearer ${KEY}` } });
      assert.equal(((await one.json()) as { id: string }).id, 'openai/gpt-4o');
      const missing = await fetch(`${hub.url}/models/nope`, { headers: { authorization: `Bearer ${KEY}` } });
      assert.equal(missing.status, 404);
    });

    it('serves given models; makeModels makes thousands of distinct ones', async () => {
      const models = makeModels(5000);
      assert.equal(new Set(models.map((m) => m.id)).size, 5000);
      const h = await another({ apiKey: null, models: makeModels(3) });
      const list = (await (await fetch(`${h.url}/models`)).json()) as { data: unknown[] };
      assert.deepEqual(list.data, makeModels(3));
    });

    it("refuses a missing or wrong key with new-api's 401 body, without using up a queued scenario", async () => {
      hub.enqueue({ kind: 'text', text: 'queued' });
      for (const headers of [{ authorization: 'Bearer nope' }, { authorization: '' }]) {
        const res = await chat({ headers });
        assert.equal(res.status, 401);
        const body = (await res.json()) as { error: Record<string, string> };
        assert.match(body.error.message, /^Invalid token \(request id: .+\)$/);
        assert.deepEqual({ ...body.error, message: '' }, { message: '', type: 'new_api_error', param: '', code: 'invalid_api_key' });
      }
      assert.equal(contentOf(await streamOf()), 'queued');
      assert.deepEqual(
        hub.requests.map((r) => r.scenario),
        ['unauthorized', 'unauthorized', 'text'],
      );
      const open = await another({ apiKey: null });
      assert.equal((await fetch(`${open.url}/models`)).status, 200);
    });
  });

  describe('default replies', () => {
    it('streams a markdown echo of the request as small OpenAI-shaped deltas, then usage and [DONE]', async () => {
      const res = await chat();
      assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
      const raw = await res.text();
      assert.ok(raw.endsWith('data: [DONE]\n\n'));
      const chunks = chunksOf(raw);
      const content = chunks.slice(0, -1);
      assert.ok(
        content.every((c) => c.object === 'chat.completion.chunk' && c.model === 'gpt-4o' && c.id && c.created && c.choices[0].index === 0),
      );
      assert.equal(content[0].choices[0].delta.role, 'assistant');
      const pieces = content.map((c) => c.choices[0].delta.content as string | undefined).filter((t): t is string => !!t);
      assert.ok(pieces.length > 20 && pieces.slice(0, -1).every((p) => p.length >= 4 && p.length <= 8));
      const text = contentOf(raw);
      assert.match(text, /^\*\*Echo\*\* from gpt-4o:\n\n> bytes please\n/);
      assert.match(text, /\n- [^\n]+\n/);
      assert.match(text, /```ts\nconst answer = 42;\n/);
      assert.equal(content.at(-1)!.choices[0].finish_reason, 'stop');
      const usage = chunks.at(-1)!;
      assert.deepEqual(usage.choices, []);
      assert.equal(usage.usage!.total_tokens, usage.usage!.prompt_tokens + usage.usage!.completion_tokens);
    });

    it('answers without stream: true with a chat.completion object', async () => {
      const res = await chat({ body: { stream: false } });
      const body = (await res.json()) as {
        object: string;
        choices: { message: { content: string }; finish_reason: string }[];
        usage: { total_tokens: number };
      };
      assert.equal(body.object, 'chat.completion');
      assert.match(body.choices[0].message.content, /\*\*Echo\*\* from gpt-4o/);
      assert.equal(body.choices[0].finish_reason, 'stop');
      assert.ok(body.usage.total_tokens > 0);
    });

    it('counts the images it received', async () => {
      const image = { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } };
      const text = contentOf(
        await streamOf(undefined, { messages: [{ role: 'user', content: [{ type: 'text', text: 'what is this?' }, image] }] }),
      );
      assert.match(text, /received 1 image\(s\)/);
      assert.match(text, /> what is this\?/);
    });

    it('calls the first tool when tools are offered, and quotes the tool result after the round trip', async () => {
      const tools = [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            parameters: { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer' } } },
          },
        },
      ];
      const raw = await streamOf(undefined, { tools, messages: [{ role: 'user', content: 'Paris' }] });
      const deltas = chunksOf(raw).flatMap((c) => (c.choices[0]?.delta.tool_calls as ToolDelta[] | undefined) ?? []);
      assert.equal(deltas[0].function.name, 'get_weather');
      assert.deepEqual(JSON.parse(deltas.map((d) => d.function.arguments).join('')), { city: 'Paris', days: 42 });
      const messages = [
        { role: 'user', content: 'Paris' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: deltas[0].id, type: 'function', function: { name: 'get_weather', arguments: '{}' } }],
        },
        { role: 'tool', tool_call_id: deltas[0].id, content: 'sunny, 24°C' },
      ];
      const after = await streamOf(undefined, { tools, messages });
      assert.match(contentOf(after), /sunny, 24°C/);
      assert.equal(chunksOf(after).at(-2)!.choices[0].finish_reason, 'stop');
    });
  });

  describe('choosing a scenario', () => {
    it('takes the queue first, then the header, then a directive, then the default; models only take theirs', async () => {
      hub.enqueue({ kind: 'status', status: 503, endpoint: 'models' });
      hub.enqueue({ kind: 'text', text: 'from the queue' }, 2);
      const directive = { messages: [{ role: 'user', content: 'hi [[scenario:{"kind":"text","text":"from the directive"}]]' }] };
      const header = { kind: 'text', text: 'from the header' } as const;
      assert.equal(contentOf(await streamOf(header, directive)), 'from the queue');
      assert.equal(contentOf(await streamOf(undefined, directive)), 'from the queue');
      assert.equal(contentOf(await streamOf(header, directive)), 'from the header');
      assert.equal(contentOf(await streamOf(undefined, directive)), 'from the directive');
      assert.match(contentOf(await streamOf()), /^\*\*Echo\*\*/);
      assert.equal((await fetch(`${hub.url}/models`, { headers: { authorization: `Bearer ${KEY}` } })).status, 503);
      assert.equal((await fetch(`${hub.url}/models`, { headers: { authorization: `Bearer ${KEY}` } })).status, 200);
      hub.enqueue({ kind: 'status', status: 500 });
      hub.clearQueue();
      assert.equal((await chat()).status, 200);
    });

    it('is steered by the control API from another process, and records requests with their headers', async () => {
      const enqueue = await fetch(`${hub.origin}/__hub/enqueue`, {
        method: 'POST',
        body: JSON.stringify({ scenario: { kind: 'status', status: 429 }, times: 2 }),
      });
      assert.deepEqual(await enqueue.json(), { queued: 2 });
      assert.equal((await chat({ headers: { 'x-trace': 'one' } })).status, 429);
      const recorded = (await (await fetch(`${hub.origin}/__hub/requests`)).json()) as {
        headers: Record<string, string>;
        body: { model: string };
        scenario: string;
        finished: boolean;
      }[];
      assert.equal(recorded.length, 1);
      assert.equal(recorded[0].headers.authorization, `Bearer ${KEY}`);
      assert.equal(recorded[0].headers['x-trace'], 'one');
      assert.equal(recorded[0].body.model, 'gpt-4o');
      assert.equal(recorded[0].scenario, 'status');
      assert.equal(recorded[0].finished, true);
      await fetch(`${hub.origin}/__hub/reset`, { method: 'POST' });
      assert.equal(hub.requests.length, 0);
      assert.equal((await chat()).status, 200, 'reset emptied the queue');
      const bad = await fetch(`${hub.origin}/__hub/enqueue`, { method: 'POST', body: '{"scenario":{}}' });
      assert.equal(bad.status, 400);
      assert.equal((await chat({ headers: { 'x-hub-scenario': '{nope' } })).status, 400);
    });
  });

  describe('errors', () => {
    it("sends each status with new-api's default code and message, and the retry headers asked for", async () => {
      const expected: [number, string, RegExp][] = [
        [400, 'invalid_request', /./],
        [401, 'invalid_api_key', /Invalid token/],
        [402, 'insufficient_quota', /quota not enough/],
        [403, 'insufficient_user_quota', /user quota is not enough/],
        [404, 'model_not_found', /gpt-4o/],
        [429, 'rate_limit_exceeded', /./],
        [500, 'internal_error', /./],
        [503, 'model_not_found', /^No available channel for model gpt-4o under group default \(request id: .+\)$/],
      ];
      for (const [status, code, message] of expected) {
        const res = await chat({ scenario: { kind: 'status', status } });
        assert.equal(res.status, status);
        const body = (await res.json()) as { error: { code: string; message: string; type: string; param: string } };
        assert.equal(body.error.code, code, String(status));
        assert.match(body.error.message, message);
        assert.equal(body.error.type, 'new_api_error');
        assert.equal(body.error.param, '');
      }
      const res = await chat({
        scenario: {
          kind: 'status',
          status: 429,
          code: 'custom',
          message: 'slow down',
          type: 'upstream_error',
          retryAfter: '7',
          retryAfterMs: 1500,
        },
      });
      assert.equal(res.headers.get('retry-after'), '7');
      assert.equal(res.headers.get('retry-after-ms'), '1500');
      const { error } = (await res.json()) as { error: { code: string; message: string; type: string } };
      assert.deepEqual([error.code, error.type], ['custom', 'upstream_error']);
      assert.match(error.message, /^slow down/);
    });

    it("sends a proxy's HTML page, an empty body, success:false with 200, and a redirect", async () => {
      const html = await chat({ scenario: { kind: 'html', status: 502 } });
      assert.equal(html.status, 502);
      assert.match(html.headers.get('content-type') ?? '', /text\/html/);
      assert.match(await html.text(), /^<html>\r?\n<head><title>502 Bad Gateway<\/title>/);
      const empty = await chat({ scenario: { kind: 'empty', status: 500 } });
      assert.deepEqual([empty.status, await empty.text()], [500, '']);
      const falsy = await chat({ scenario: { kind: 'successFalse' } });
      assert.equal(falsy.status, 200);
      assert.match(falsy.headers.get('content-type') ?? '', /application\/json/);
      assert.deepEqual(await falsy.json(), { success: false, message: '无可用渠道 / no available channel' });
      const moved = await fetch(`${hub.url}/chat/completions`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'x-hub-scenario': JSON.stringify({ kind: 'redirect', location: 'http://127.0.0.1:9/v1/chat/completions' }),
          authorization: `Bearer ${KEY}`,
        },
        body: '{}',
      });
      assert.deepEqual([moved.status, moved.headers.get('location')], [307, 'http://127.0.0.1:9/v1/chat/completions']);
    });
  });

  describe('broken streams', () => {
    it('sends an error object mid-stream, then ends', async () => {
      const data = dataOf(await streamOf({ kind: 'midStreamError', afterChunks: 3 }));
      assert.equal(data.length, 5, 'role chunk, three content chunks, the error');
      assert.deepEqual(JSON.parse(data[4]), { error: { message: 'upstream error', type: 'upstream_error', code: 'bad_response' } });
    });

    it('really drops the connection on "disconnect", after the chunks asked for', async () => {
      const res = await chat({ scenario: { kind: 'disconnect', afterChunks: 2 } });
      const reader = res.body!.getReader();
      let received = '';
      const decoder = new TextDecoder();
      await assert.rejects(
        (async () => {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) return;
            received += decoder.decode(value);
          }
        })(),
        /terminated|closed|other side/i,
      );
      assert.equal(chunksOf(received).length, 3);
      const [record] = hub.requests;
      assert.deepEqual([record.clientClosed, record.finished], [false, false], 'the hub hung up, not the client');
    });

    it('stalls until the client gives up, and records the hang-up', async () => {
      const controller = new AbortController();
      const res = await chat({ scenario: { kind: 'stall', afterChunks: 1 }, signal: controller.signal });
      const reader = res.body!.getReader();
      const first = new TextDecoder().decode((await reader.read()).value);
      assert.equal(chunksOf(first).length, 2);
      const next = reader.read();
      const outcome = await Promise.race([next.then(() => 'data'), new Promise((r) => setTimeout(() => r('silence'), 150))]);
      assert.equal(outcome, 'silence');
      controller.abort();
      await next.catch(() => undefined);
      await hub.waitForClientClose(hub.requests[0].id, 2000);
      assert.equal(hub.requests[0].finished, false);
    });

    it('ends a stall after ms, without [DONE]', async () => {
      const raw = await streamOf({ kind: 'stall', afterChunks: 2, ms: 50 });
      assert.equal(chunksOf(raw).length, 3);
      assert.ok(!raw.includes('[DONE]'));
    });

    it('sends a broken JSON line, then carries on to a normal end', async () => {
      const data = dataOf(await streamOf({ kind: 'malformed', afterChunks: 2 }));
      assert.equal(data[3], '{"choices":[{"delta":{"content":');
      assert.equal(data.at(-1), '[DONE]');
      assert.match(
        data
          .slice(4, -1)
          .map((d) => (JSON.parse(d) as Chunk).choices[0]?.delta.content ?? '')
          .join(''),
        /const answer = 42;/,
      );
    });

    it('ends cleanly after N chunks without finish reason or [DONE] on "endsEarly"', async () => {
      const raw = await streamOf({ kind: 'endsEarly', afterChunks: 4 });
      assert.equal(chunksOf(raw).length, 5);
      assert.ok(!raw.includes('[DONE]') && !/"finish_reason":"/.test(raw));
    });

    it('ends a truncated stream with usage and [DONE] but no finish reason', async () => {
      const raw = await streamOf({ kind: 'truncated' });
      assert.ok(raw.endsWith('data: [DONE]\n\n'));
      assert.ok(!/"finish_reason":"/.test(raw));
      assert.ok(chunksOf(raw).at(-1)!.usage);
    });

    it('drops stalled streams when the hub closes', async () => {
      const res = await chat({ scenario: { kind: 'stall', afterChunks: 0 } });
      const reading = res.text();
      await hub.waitForRequest((r) => r.scenario === 'stall');
      await hub.close();
      await assert.rejects(reading);
    });
  });

  describe('stream framing and content', () => {
    it('frames CRLF, no-space and ping scenarios exactly as named', async () => {
      const crlf = await streamOf({ kind: 'crlf' });
      assert.ok(crlf.includes('\r\n\r\n') && !/[^\r]\n/.test(crlf), 'every line ends in CRLF');
      assert.ok(crlf.endsWith('data: [DONE]\r\n\r\n'));
      const noSpace = await streamOf({ kind: 'noSpace' });
      assert.ok(noSpace.startsWith('data:{') && !noSpace.includes('data: ') && noSpace.endsWith('data:[DONE]\n\n'));
      const ping = await streamOf({ kind: 'ping' });
      assert.ok((ping.match(/^: PING$/gm) ?? []).length > 3);
      assert.match(contentOf(ping), /const answer = 42;/);
    });

    it('streams given text in the chunk size asked for, and huge replies in big chunks', async () => {
      const raw = await streamOf({ kind: 'text', text: 'abcdefghij', chunkSize: 3 });
      assert.deepEqual(
        chunksOf(raw)
          .map((c) => c.choices[0]?.delta.content)
          .filter(Boolean),
        ['abc', 'def', 'ghi', 'j'],
      );
      const huge = contentOf(await streamOf({ kind: 'huge', bytes: 2_000_000 }));
      assert.ok(huge.length >= 2_000_000);
    });

    it('puts usage alone in the last chunk before [DONE] on "usageOnlyLast"', async () => {
      const data = dataOf(await streamOf({ kind: 'usageOnlyLast' }));
      assert.equal(data.at(-1), '[DONE]');
      const last = JSON.parse(data.at(-2)!) as Chunk;
      assert.deepEqual(last.choices, []);
      assert.ok(last.usage!.completion_tokens > 0);
    });

    it('streams reasoning before content, in either field or in both', async () => {
      for (const scenario of [
        { kind: 'reasoning' },
        { kind: 'reasoning', field: 'reasoning' },
        { kind: 'reasoning', both: true },
      ] as const) {
        const deltas = chunksOf(await streamOf(scenario)).map((c) => c.choices[0]?.delta ?? {});
        const thinking = deltas.filter((d) => d.reasoning_content !== undefined || d.reasoning !== undefined);
        assert.ok(thinking.length > 3);
        const firstContent = deltas.findIndex((d) => typeof d.content === 'string' && d.content !== '');
        assert.ok(deltas.indexOf(thinking.at(-1)!) < firstContent);
        if ('both' in scenario) assert.ok(thinking.every((d) => d.reasoning === d.reasoning_content));
        else
          assert.ok(
            thinking.every(
              (d) => Object.keys(d).length === 1 && (('field' in scenario ? d.reasoning : d.reasoning_content) as string).length > 0,
            ),
          );
      }
    });

    it('interleaves several tool calls by index, arguments in small pieces; omits the index when asked', async () => {
      const calls = [
        { name: 'read_file', arguments: { path: 'src/a.ts', lines: [1, 20] } },
        { name: 'search', arguments: { query: 'answer = 42' } },
      ];
      const chunks = chunksOf(await streamOf({ kind: 'toolCall', calls }));
      const deltas = chunks.flatMap((c) => (c.choices[0]?.delta.tool_calls as ToolDelta[] | undefined) ?? []);
      for (const [i, call] of calls.entries()) {
        const mine = deltas.filter((d) => d.index === i);
        assert.deepEqual(
          [mine[0].id?.length ? 'id' : '', mine[0].type, mine[0].function],
          ['id', 'function', { name: call.name, arguments: '' }],
        );
        const pieces = mine.slice(1).map((d) => d.function.arguments);
        assert.ok(pieces.slice(0, -1).every((p) => p.length >= 3 && p.length <= 7));
        assert.deepEqual(JSON.parse(pieces.join('')), call.arguments);
      }
      const order = deltas.slice(2).map((d) => d.index);
      assert.deepEqual(order.slice(0, 4), [0, 1, 0, 1], 'interleaved');
      assert.equal(chunks.at(-2)!.choices[0].finish_reason, 'tool_calls');
      const single = chunksOf(await streamOf({ kind: 'toolCall', calls: [calls[0]], shape: 'noIndex' }));
      const plain = single.flatMap((c) => (c.choices[0]?.delta.tool_calls as ToolDelta[] | undefined) ?? []);
      assert.ok(plain.length > 3 && plain.every((d) => !('index' in d)));
      assert.deepEqual(JSON.parse(plain.map((d) => d.function.arguments).join('')), calls[0].arguments);
    });

    // How fast it streams is measured by `npm run bench` (the stream benchmarks run on this server), not here.
    it('streams 100,000 chunks, every one framed, then [DONE]', async function () {
      this.timeout(60_000);
      const raw = await streamOf({ kind: 'chunks', count: 100_000, chunkText: 'x' });
      const data = dataOf(raw);
      assert.equal(data.filter((d) => d.includes('"content":"x"')).length, 100_000);
      assert.equal(data.at(-1), '[DONE]');
    });
  });

  describe('timing', () => {
    it('holds the headers back on "slow", and spaces chunks by latencyMs', async () => {
      let started = performance.now();
      const res = await chat({ scenario: { kind: 'slow', delayMs: 200 } });
      assert.ok(performance.now() - started >= 180);
      assert.match(contentOf(await res.text()), /\*\*Echo\*\*/);
      const slowHub = await another({ apiKey: null, latencyMs: 20 });
      started = performance.now();
      const raw = await (await chat({ on: slowHub, scenario: { kind: 'text', text: 'abcdefghij', chunkSize: 2 } })).text();
      assert.equal(contentOf(raw), 'abcdefghij');
      assert.ok(performance.now() - started >= 6 * 20 * 0.9, 'about 20 ms before each of at least six frames');
    });
  });

  describe('command line', () => {
    it('prints the listening URL, serves, and stops on SIGTERM', async function () {
      this.timeout(20_000);
      const root = path.resolve(__dirname, '..', '..');
      const child = spawn(
        path.join(root, 'node_modules', '.bin', 'tsx'),
        [path.join(root, 'test', 'hub', 'cli.ts'), '--port', '0', '--key', 'sk-demo'],
        { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      try {
        const url = await new Promise<string>((resolve, reject) => {
          let out = '';
          child.stdout.on('data', (d: Buffer) => {
            out += d.toString();
            const match = /^AI Hub local server listening on (http:\/\/127\.0\.0\.1:\d+\/v1)$/m.exec(out);
            if (match) resolve(match[1]);
          });
          child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
        });
        assert.equal((await fetch(`${url}/models`, { headers: { authorization: 'Bearer sk-demo' } })).status, 200);
        assert.equal((await fetch(`${url}/models`, { headers: { authorization: 'Bearer sk-test-key' } })).status, 401);
        const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        assert.equal(await exited, 0);
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    });
  });
});
