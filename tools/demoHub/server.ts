// The demo hub: an OpenAI-compatible server on 127.0.0.1 for `npm run demo`, answering like a plausible model,
// deterministically and offline (reply.ts), streaming at a model's pace, with new-api's price list and a key
// balance in play money (money.ts). It needs no key. Unlike the test hub
// (test/hub/) it has no fault scenarios: nothing a person types can make it misbehave on purpose.
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { estimateTokens } from '../../src/core/models/tokenEstimate';
import { DEMO_MODELS, modelEntries, type DemoModel } from './catalogue';
import { demoMoney } from './money';
import { demoReply, usageOf, type DemoReply, type RequestMessage } from './reply';

export interface DemoHubOptions {
  /** 0 (the default) lets the system choose a free port. */
  port?: number;
  /**
   * 1 streams at each model's own pace; 0 sends everything at once (unit tests). The pauses are what a person
   * sees as "the model is typing", so the demo keeps 1.
   */
  pace?: number;
}

export interface DemoHub {
  /** `http://127.0.0.1:PORT/v1`: the base URL to give the extension. */
  url: string;
  port: number;
  close(): Promise<void>;
}

interface ChatRequest {
  model?: string;
  messages?: RequestMessage[];
  stream?: boolean;
}

const CREATED = 1_764_547_200;
/** Before the first token: a hub's routing plus the model's prompt processing. */
const FIRST_TOKEN_MS = 450;

export async function startDemoHub(options: DemoHubOptions = {}): Promise<DemoHub> {
  const pace = options.pace ?? 1;
  const money = demoMoney();
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const sleep = (ms: number) =>
    ms <= 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const t = setTimeout(() => {
            timers.delete(t);
            resolve();
          }, ms);
          timers.add(t);
        });

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendError(res, 500, `demo hub: ${String(err)}`, 'internal_error');
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = (req.url ?? '/').split('?')[0].replace(/\/+$/, '');
    const moneyAnswer = req.method === 'GET' ? money.answer(path) : undefined;
    if (moneyAnswer !== undefined) return sendJson(res, 200, moneyAnswer);
    const modelPath = /\/models(?:\/(.+))?$/.exec(path);
    if (modelPath && req.method === 'GET') {
      if (!modelPath[1]) return sendJson(res, 200, { object: 'list', data: modelEntries(), success: true });
      const entry = modelEntries().find((m) => m.id === decodeURIComponent(modelPath[1]));
      return entry ? sendJson(res, 200, entry) : unknownModel(res, decodeURIComponent(modelPath[1]));
    }
    if (req.method !== 'POST' || !path.endsWith('/chat/completions'))
      return sendError(res, 404, `no route ${req.method} ${path}`, 'not_found');
    let body: ChatRequest;
    try {
      body = JSON.parse(raw) as ChatRequest;
    } catch {
      return sendError(res, 400, 'the request body is not JSON', 'invalid_request');
    }
    const model = DEMO_MODELS.find((m) => m.id === body.model);
    if (!model) return unknownModel(res, String(body.model ?? ''));
    const messages = Array.isArray(body.messages) ? body.messages : [];
    const reply = demoReply(messages, model);
    const usage = usageOf(messages, reply);
    if (body.stream !== true) {
      money.charge(model, usage.prompt_tokens, usage.completion_tokens);
      const message: Record<string, unknown> = { role: 'assistant', content: reply.content };
      if (reply.reasoning) message.reasoning_content = reply.reasoning;
      return sendJson(res, 200, {
        id: 'chatcmpl-demo',
        object: 'chat.completion',
        created: CREATED,
        model: model.id,
        choices: [{ index: 0, message, finish_reason: 'stop' }],
        usage,
      });
    }
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    // Billed once the whole reply went out, as new-api bills after the stream ends.
    if (await streamReply(res, model, reply, usage)) money.charge(model, usage.prompt_tokens, usage.completion_tokens);
  }

  /** True when the reply was sent to the end (not stopped by the client). */
  async function streamReply(res: http.ServerResponse, model: DemoModel, reply: DemoReply, usage: object): Promise<boolean> {
    const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
      frame({
        id: 'chatcmpl-demo',
        object: 'chat.completion.chunk',
        created: CREATED,
        model: model.id,
        choices: [{ index: 0, delta, finish_reason: finish }],
      });
    const send = async (text: string, ms: number) => {
      if (res.destroyed) return;
      res.write(text);
      await sleep(ms * pace);
    };
    await sleep(FIRST_TOKEN_MS * pace);
    await send(chunk({ role: 'assistant', content: '' }), 0);
    const msPerToken = 1000 / model.tokensPerSecond;
    for (const piece of pieces(reply.reasoning ?? '')) await send(chunk({ reasoning_content: piece.text }), piece.tokens * msPerToken);
    for (const piece of pieces(reply.content)) await send(chunk({ content: piece.text }), piece.tokens * msPerToken);
    if (res.destroyed) return false;
    res.write(chunk({}, 'stop'));
    res.write(frame({ id: 'chatcmpl-demo', object: 'chat.completion.chunk', created: CREATED, model: model.id, choices: [], usage }));
    res.end('data: [DONE]\n\n');
    return true;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The text in pieces of two words (about as many tokens as a model sends per chunk), with their token counts. */
function pieces(text: string): { text: string; tokens: number }[] {
  const words = text.match(/\s*\S+/g) ?? [];
  const out: { text: string; tokens: number }[] = [];
  for (let i = 0; i < words.length; i += 2) {
    const piece = words.slice(i, i + 2).join('');
    out.push({ text: piece, tokens: estimateTokens(piece) });
  }
  // Whitespace after the last word (a final newline) goes with the last piece.
  const tail = text.slice(words.join('').length);
  if (tail && out.length) out[out.length - 1].text += tail;
  return out;
}

function frame(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

function unknownModel(res: http.ServerResponse, id: string): void {
  sendError(
    res,
    404,
    `The model ${id} does not exist on the demo hub, which has ${DEMO_MODELS.map((m) => m.id).join(', ')}`,
    'model_not_found',
  );
}

function sendJson(res: http.ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
}

/** An error in new-api's shape, which the extension reads like any hub's. */
function sendError(res: http.ServerResponse, status: number, message: string, code: string): void {
  sendJson(res, status, { error: { message, type: 'demo_hub_error', param: '', code } });
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}
