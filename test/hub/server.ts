// A local OpenAI-compatible hub for tests and benchmarks: new-api's shapes, deterministic replies,
// and every fault a real hub produces, on request. Only node:http, so it runs anywhere the tests run.
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { moneyRoutes, openRouterPricing, SERVED_AS, type Billing, type MoneyMode } from './money';
import { defaultModels, type HubModel } from './models';
import { completionFor, sendError, sendJson, sendOneShot } from './replies';
import { appliesTo, directiveIn, missingReasoning, type ChatBody, type Scenario } from './scenarios';
import { planStream } from './streamPlan';
import { writeSteps } from './streamWriter';

export interface HubServerOptions {
  /** 0 (the default) lets the system choose a free port. */
  port?: number;
  /** Default 127.0.0.1: every byte of a test stays on loopback. */
  host?: string;
  /** The accepted key (default `sk-test-key`); `null` accepts any request, with or without a key. */
  apiKey?: string | null;
  /** Default: the built-in catalogue (`defaultModels()`). */
  models?: HubModel[];
  /** Delay between streamed chunks, to make streaming visible (demo) or stoppable (tests). */
  latencyMs?: number;
  /** Which billing endpoints the hub serves and what the key's account looks like (default: new-api, $12.34 left). */
  money?: Partial<MoneyMode>;
}

export interface RecordedRequest {
  id: number;
  method: string;
  path: string;
  /** As received, Authorization included verbatim: tests check which key arrived. */
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, or the raw text when it is not JSON. */
  body: unknown;
  /** The scenario's kind, or `unauthorized` when the key was refused before any scenario was taken. */
  scenario: string;
  /** The client closed the connection before the reply was finished (a cancel, a timeout). */
  clientClosed: boolean;
  /** The whole reply was handed to the socket. */
  finished: boolean;
  /** The status the hub answered with, once it has. */
  status?: number;
}

export interface LocalHub {
  /** `http://127.0.0.1:PORT/v1`: what a client takes as its base URL. */
  url: string;
  /** `http://127.0.0.1:PORT`: where the control API (`/__hub/...`) lives. */
  origin: string;
  port: number;
  requests: RecordedRequest[];
  enqueue(scenario: Scenario, times?: number): void;
  clearQueue(): void;
  /** Switches the billing flavour, account or fault (also `POST /__hub/money` from another process). */
  setMoney(mode: Partial<MoneyMode>): void;
  waitForRequest(pred: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  waitForClientClose(id: number, timeoutMs?: number): Promise<void>;
  /** Stops listening and destroys open sockets, stalled streams included. */
  close(): Promise<void>;
}

type Endpoint = 'chat' | 'models';

export async function startHub(options: HubServerOptions = {}): Promise<LocalHub> {
  const apiKey = options.apiKey === undefined ? 'sk-test-key' : options.apiKey;
  const models = options.models ?? defaultModels();
  const latencyMs = options.latencyMs ?? 0;
  const host = options.host ?? '127.0.0.1';
  const requests: RecordedRequest[] = [];
  let queue: Scenario[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let nextId = 1;
  const money = moneyRoutes(() => models, options.money);

  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const enqueue = (scenario: Scenario, times = 1) => {
    for (let i = 0; i < times; i++) queue.push(scenario);
  };

  /** The first queued scenario meant for this endpoint (and model); the others stay queued. */
  const takeQueued = (endpoint: Endpoint, model: string | undefined): Scenario | undefined => {
    const i = queue.findIndex((s) => appliesTo(s, endpoint, model));
    return i < 0 ? undefined : queue.splice(i, 1)[0];
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { error: { message: String(err), type: 'local_hub_error', param: '', code: 'internal_error' } });
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
    if (path.startsWith('/__hub/')) return control(req.method ?? 'GET', path, raw, res);

    let body: unknown = raw === '' ? undefined : raw;
    try {
      if (raw) body = JSON.parse(raw);
    } catch {
      // keep the raw text: a test may be checking what a broken client sent
    }
    const chat = (body !== null && typeof body === 'object' ? body : {}) as ChatBody;
    const endpoint: Endpoint = /\/models(\/[^/]+)?$/.test(path) ? 'models' : 'chat';
    const record: RecordedRequest = {
      id: nextId++,
      method: req.method ?? 'GET',
      path,
      headers: req.headers,
      body,
      scenario: 'unauthorized',
      clientClosed: false,
      finished: false,
    };
    requests.push(record);
    let hubHungUp = false;
    res.on('close', () => {
      if (!res.writableFinished && !hubHungUp) record.clientClosed = true;
    });
    res.on('finish', () => {
      record.finished = true;
      record.status = res.statusCode;
    });
    // new-api stamps every reply with its request id, the one its support asks for.
    res.setHeader('x-oneapi-request-id', `20261201${String(record.id).padStart(8, '0')}`);
    if (money.handle(record.method, path, req.headers.authorization, apiKey, res)) {
      record.scenario = 'money';
      return;
    }

    // The key is checked before a scenario is taken, as a hub would: a refused request must not use up a
    // scenario queued for the request after it. Besides the bearer token, the key headers of Azure-style
    // (`api-key`) and Anthropic-style (`x-api-key`) gateways are accepted, as new-api and LiteLLM accept them.
    const offered = [req.headers.authorization, req.headers['api-key'], req.headers['x-api-key']];
    if (apiKey !== null && !offered.some((v, i) => v === (i === 0 ? `Bearer ${apiKey}` : apiKey))) {
      return sendJson(res, 401, {
        error: { message: 'Invalid token (request id: 2026112300000001)', type: 'new_api_error', param: '', code: 'invalid_api_key' },
      });
    }
    if (endpoint === 'chat' && money.expiredKey()) {
      return sendJson(res, 401, { error: { message: '该令牌已过期 (token expired)', type: 'new_api_error', param: '', code: '' } });
    }
    let scenario: Scenario;
    try {
      scenario = pickScenario(endpoint, req.headers['x-hub-scenario'], chat);
    } catch (err) {
      record.scenario = 'invalid';
      return sendError(res, 400, `local hub: unreadable x-hub-scenario header: ${String(err)}`);
    }
    record.scenario = scenario.kind;

    if (scenario.kind === 'slow') await delay(scenario.delayMs);
    const refusal = scenario.kind === 'thinkingTools' ? missingReasoning(chat) : undefined;
    if (refusal) {
      return sendJson(res, 400, { error: { message: refusal, type: 'invalid_request_error', param: null, code: 'invalid_request_error' } });
    }
    if (res.destroyed || sendOneShot(scenario, chat.model ?? 'unknown-model', res)) return;

    const hangUp = () => {
      hubHungUp = true;
      res.socket?.destroy();
    };
    // Outside a stream, a dropped or stalled connection is all these faults can be.
    const streaming = endpoint === 'chat' && chat.stream === true && scenario.kind !== 'jsonForStream';
    if (!streaming && scenario.kind === 'disconnect') return hangUp();
    if (!streaming && scenario.kind === 'stall') {
      const closed = new Promise<void>((resolve) => res.once('close', resolve));
      await Promise.race([scenario.ms === undefined ? closed : delay(scenario.ms), closed]);
      if (res.destroyed) return;
    }

    if (endpoint === 'models') return modelsRoute(req.method ?? 'GET', path, res);
    if (req.method !== 'POST' || !path.endsWith('/chat/completions'))
      return sendError(res, 404, `no route ${req.method} ${path}`, 'not_found');
    const billing = billUsage(chat.model ?? 'unknown-model');
    if (!streaming) return sendJson(res, 200, completionFor(scenario, chat, billing));
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    await writeSteps(planStream(scenario, chat, billing), res, {
      latencyMs: scenario.chunkDelayMs ?? latencyMs,
      delay,
      onHangUp: () => (hubHungUp = true),
    });
  }

  /**
   * What the reply says about money: the model that served it (new-api's model mapping) and, on an OpenRouter
   * flavoured hub, `usage.cost`; building the usage also bills the key, as a hub does when the reply ends.
   */
  function billUsage(model: string): Billing {
    const served = SERVED_AS[model] ?? model;
    return {
      served,
      usage(prompt, completion) {
        money.charge(model, prompt, completion);
        if (money.mode.flavour !== 'openrouter') return {};
        const price = openRouterPricing(model);
        if (!price) return {};
        const cost = Number(price.request ?? 0) + prompt * Number(price.prompt) + completion * Number(price.completion);
        return { cost: Number(cost.toFixed(10)) };
      },
    };
  }

  /** First match wins: the queue, then the header, then a directive in the last user message, then the default. */
  function pickScenario(endpoint: Endpoint, header: string | string[] | undefined, chat: ChatBody): Scenario {
    const queued = takeQueued(endpoint, chat.model);
    if (queued) return queued;
    if (typeof header === 'string' && header.trim()) return parseScenario(header);
    if (endpoint === 'models') return { kind: 'echo', endpoint: 'models' };
    return directiveIn(chat) ?? defaultScenario(chat);
  }

  function modelsRoute(method: string, path: string, res: http.ServerResponse): void {
    if (method !== 'GET') return sendError(res, 405, `use GET for ${path}`);
    const id = /\/models\/([^/]+)$/.exec(path)?.[1];
    // OpenRouter lists its prices with the models, as USD per token in decimal strings.
    const listed = money.mode.flavour === 'openrouter' ? models.map((m) => withPricing(m)) : models;
    if (id === undefined) return sendJson(res, 200, { object: 'list', data: listed, success: true });
    const model = models.find((m) => m.id === decodeURIComponent(id));
    return model ? sendJson(res, 200, model) : sendError(res, 404, `The model ${decodeURIComponent(id)} does not exist`, 'model_not_found');
  }

  // The control API lets a test in another process (an extension host, a browser run) steer the hub.
  // It needs no key: it is not part of the hub being imitated, and it only listens on loopback.
  function control(method: string, path: string, raw: string, res: http.ServerResponse): void {
    if (path === '/__hub/enqueue' && method === 'POST') {
      let parsed: { scenario?: unknown; times?: unknown };
      try {
        parsed = JSON.parse(raw) as typeof parsed;
        const scenario = parseScenario(JSON.stringify(parsed.scenario));
        enqueue(scenario, typeof parsed.times === 'number' ? parsed.times : 1);
      } catch (err) {
        return sendError(res, 400, `local hub: expected {"scenario": {"kind": ...}, "times"?: n}: ${String(err)}`);
      }
      return sendJson(res, 200, { queued: queue.length });
    }
    if (path === '/__hub/reset' && method === 'POST') {
      queue = [];
      requests.length = 0;
      return sendJson(res, 200, { ok: true });
    }
    if (path === '/__hub/requests' && method === 'GET') return sendJson(res, 200, requests);
    if (path === '/__hub/money' && method === 'POST') {
      try {
        money.setMode(JSON.parse(raw) as Partial<MoneyMode>);
      } catch (err) {
        return sendError(res, 400, `local hub: expected a money mode as JSON: ${String(err)}`);
      }
      return sendJson(res, 200, money.mode);
    }
    sendError(res, 404, `unknown control path ${method} ${path}`, 'not_found');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;

  const waitFor = async <T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = check();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`local hub: timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };

  return {
    url: `${origin}/v1`,
    origin,
    port,
    requests,
    enqueue,
    clearQueue() {
      queue = [];
    },
    setMoney: (mode) => money.setMode(mode),
    waitForRequest: (pred, timeoutMs = 5_000) => waitFor(() => requests.find(pred), timeoutMs, 'a matching request'),
    waitForClientClose: async (id, timeoutMs = 5_000) => {
      await waitFor(
        () => (requests.find((r) => r.id === id)?.clientClosed ? true : undefined),
        timeoutMs,
        `request ${id} to be closed by the client`,
      );
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function withPricing(model: HubModel): HubModel {
  const pricing = openRouterPricing(model.id);
  return pricing ? { ...model, pricing } : model;
}

/** A scenario from JSON text; throws unless it is an object with a string `kind`. */
function parseScenario(text: string): Scenario {
  const value = JSON.parse(text) as unknown;
  if (value === null || typeof value !== 'object' || typeof (value as { kind?: unknown }).kind !== 'string') {
    throw new Error(`not a scenario: ${text}`);
  }
  return value as Scenario;
}

/** A request offering a named tool, whose last message is the user's, gets a call to that tool; anything else an echo. */
function defaultScenario(body: ChatBody): Scenario {
  const last = body.messages?.at(-1);
  return body.tools?.[0]?.function?.name && last?.role === 'user' ? { kind: 'toolCall' } : { kind: 'echo' };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}
