// A local OpenAI-compatible hub for tests, benchmarks and the demo: new-api's shapes, deterministic replies,
// and every fault a real hub produces, on request.
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { defaultModels, type HubModelEntry } from './models';
import { appliesTo, directiveIn, echoText, HTML_ERROR_PAGE, newApiError, toolResultText, type ChatBody, type Scenario } from './scenarios';
import { planStream, type Step } from './streamPlan';

export interface HubServerOptions {
  port?: number;
  host?: string;
  /** The accepted key (default `sk-test-key`); `null` accepts any request, with or without a key. */
  apiKey?: string | null;
  models?: HubModelEntry[];
  /** Delay between streamed chunks, to make streaming visible (demo) or stoppable (tests). */
  latencyMs?: number;
}

export interface RecordedRequest {
  id: number;
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  scenario: string;
  /** The client closed the connection before the reply was finished (a cancel, a timeout). */
  clientClosed: boolean;
  finished: boolean;
}

export interface LocalHub {
  url: string;
  origin: string;
  port: number;
  requests: RecordedRequest[];
  enqueue(scenario: Scenario, times?: number): void;
  clearQueue(): void;
  waitForRequest(pred: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  waitForClientClose(id: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const FLUSH_BYTES = 64 * 1024;

export async function startHub(options: HubServerOptions = {}): Promise<LocalHub> {
  const apiKey = options.apiKey === undefined ? 'sk-test-key' : options.apiKey;
  const models = options.models ?? defaultModels();
  const latencyMs = options.latencyMs ?? 0;
  const requests: RecordedRequest[] = [];
  let queue: Scenario[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let nextId = 1;

  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const takeQueued = (endpoint: 'chat' | 'models'): Scenario | undefined => {
    const i = queue.findIndex((s) => appliesTo(s, endpoint));
    return i < 0 ? undefined : queue.splice(i, 1)[0];
  };

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) json(res, 500, { error: { message: String(err), type: 'local_hub_error', param: '', code: 'internal_error' } });
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = (req.url ?? '/').split('?')[0];
    if (path.startsWith('/__hub/')) return control(path, raw, res);

    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      // keep the raw text: a test may be checking what a broken client sent
    }
    const endpoint = path.endsWith('/models') || /\/models\/[^/]+$/.test(path) ? 'models' : 'chat';
    const header = req.headers['x-hub-scenario'];
    const scenario: Scenario =
      takeQueued(endpoint) ??
      (typeof header === 'string' ? (JSON.parse(header) as Scenario) : undefined) ??
      (endpoint === 'chat' ? directiveIn(body as ChatBody) : undefined) ??
      defaultScenario(body as ChatBody | undefined);
    const record: RecordedRequest = { id: nextId++, method: req.method ?? 'GET', path, headers: req.headers, body, scenario: scenario.kind, clientClosed: false, finished: false };
    requests.push(record);
    res.on('close', () => {
      if (!res.writableFinished) record.clientClosed = true;
    });
    res.on('finish', () => {
      record.finished = true;
    });

    if (apiKey !== null && req.headers.authorization !== `Bearer ${apiKey}`) {
      return json(res, 401, newApiError(401, '', {}));
    }
    if (await simpleReply(scenario, (body ?? {}) as ChatBody, res)) return;

    if (endpoint === 'models') {
      if (req.method !== 'GET') return json(res, 405, newApiError(400, '', { message: 'use GET' }));
      const id = /\/models\/([^/]+)$/.exec(path)?.[1];
      if (id) {
        const model = models.find((m) => m.id === decodeURIComponent(id));
        return model ? json(res, 200, model) : json(res, 404, newApiError(404, id, {}));
      }
      return json(res, 200, { object: 'list', data: models, success: true });
    }
    if (req.method !== 'POST' || !path.endsWith('/chat/completions')) return json(res, 404, newApiError(404, '', { message: `no route ${req.method} ${path}` }));
    const chat = (body ?? {}) as ChatBody;
    if (!chat.stream || scenario.kind === 'jsonForStream') return json(res, 200, completion(chat));
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    await stream(planStream(scenario, chat), res);
  }

  /** Scenarios that answer without a stream (statuses, pages, redirects); true when one did. */
  async function simpleReply(scenario: Scenario, body: ChatBody, res: http.ServerResponse): Promise<boolean> {
    const model = body.model ?? 'unknown-model';
    switch (scenario.kind) {
      case 'status': {
        const headers: Record<string, string> = {};
        if (scenario.retryAfter !== undefined) headers['retry-after'] = scenario.retryAfter;
        if (scenario.retryAfterMs !== undefined) headers['retry-after-ms'] = String(scenario.retryAfterMs);
        json(res, scenario.status, newApiError(scenario.status, model, scenario), headers);
        return true;
      }
      case 'html':
        res.writeHead(scenario.status, { 'content-type': 'text/html' }).end(HTML_ERROR_PAGE(scenario.status));
        return true;
      case 'empty':
        res.writeHead(scenario.status).end();
        return true;
      case 'successFalse':
        json(res, 200, { success: false, message: scenario.message ?? 'no available channel (无可用渠道)' });
        return true;
      case 'redirect':
        res.writeHead(scenario.status ?? 307, { location: scenario.location }).end();
        return true;
      case 'slow':
        await delay(scenario.delayMs);
        return false;
      default:
        return false;
    }
  }

  async function stream(steps: Step[], res: http.ServerResponse): Promise<void> {
    let pending = '';
    const flush = async () => {
      if (!pending || res.destroyed) return;
      const ok = res.write(pending);
      pending = '';
      if (!ok) await drained(res);
    };
    for (const step of steps) {
      if (res.destroyed) return;
      if ('frame' in step) {
        pending += step.frame;
        if (latencyMs > 0) {
          await flush();
          await delay(latencyMs);
        } else if (pending.length >= FLUSH_BYTES) await flush();
      } else if ('disconnect' in step) {
        await flush();
        await delay(10);
        res.socket?.destroy();
        return;
      } else {
        await flush();
        await Promise.race([step.stall === undefined ? new Promise<void>(() => undefined) : delay(step.stall), new Promise<void>((r) => res.once('close', r))]);
        if (!res.destroyed) res.end();
        return;
      }
    }
    await flush();
    res.end();
  }

  function completion(chat: ChatBody) {
    const text = toolResultText(chat) ?? echoText(chat);
    return {
      id: 'chatcmpl-local',
      object: 'chat.completion',
      created: 1_763_856_000,
      model: chat.model ?? 'unknown-model',
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 17, completion_tokens: Math.ceil(text.length / 4), total_tokens: 17 + Math.ceil(text.length / 4) },
    };
  }

  function control(path: string, raw: string, res: http.ServerResponse): void {
    if (path === '/__hub/enqueue') {
      const { scenario, times } = JSON.parse(raw) as { scenario: Scenario; times?: number };
      for (let i = 0; i < (times ?? 1); i++) queue.push(scenario);
      return json(res, 200, { queued: queue.length });
    }
    if (path === '/__hub/reset') {
      queue = [];
      requests.length = 0;
      return json(res, 200, { ok: true });
    }
    if (path === '/__hub/requests') return json(res, 200, requests);
    json(res, 404, { error: 'unknown control path' });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${options.host ?? '127.0.0.1'}:${port}`;

  const waitFor = async <T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = check();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`local hub: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  return {
    url: `${origin}/v1`,
    origin,
    port,
    requests,
    enqueue(scenario, times = 1) {
      for (let i = 0; i < times; i++) queue.push(scenario);
    },
    clearQueue() {
      queue = [];
    },
    waitForRequest: (pred, timeoutMs = 5_000) => waitFor(() => requests.find(pred), timeoutMs, 'a request'),
    waitForClientClose: async (id, timeoutMs = 5_000) => {
      await waitFor(() => (requests.find((r) => r.id === id)?.clientClosed ? true : undefined), timeoutMs, `request ${id} to be closed by the client`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Waits for the socket to take more data, or to close; leaves no listener behind either way. */
function drained(res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** A request offering tools, whose last message is the user's, gets a call to the first tool; anything else an echo. */
function defaultScenario(body: ChatBody | undefined): Scenario {
  const last = body?.messages?.at(-1);
  return body?.tools?.length && last?.role === 'user' ? { kind: 'toolCall' } : { kind: 'echo' };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: http.ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));
}
