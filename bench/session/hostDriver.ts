// Runs inside the extension host (loaded as the workbench's extension tests module, so VS Code counts it as part
// of AI Hub and lets it use AI Hub's models without a consent prompt): a small HTTP control server on loopback
// through which the session benchmark drives replies and reads the host's heap after a forced GC. Its own state
// is a handful of closures, the same before and after the replies it drives.
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vscode from 'vscode';
import { collectGarbage as gc } from '../stats';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The heap after full collections, with a pause between them for finalizers and weak callbacks to run. */
async function settledHeap(): Promise<{ usedBytes: number; totalBytes: number; externalBytes: number }> {
  for (let i = 0; i < 4; i++) {
    gc();
    await sleep(100);
  }
  const heap = v8.getHeapStatistics();
  return { usedBytes: heap.used_heap_size, totalBytes: heap.total_heap_size, externalBytes: process.memoryUsage().external };
}

interface ChatSnapshot {
  busy: boolean;
  conversation: { turns: { role: string; status?: string; text?: string }[] };
}

/** One question in the chat panel (a new conversation each: `_chatAsk` starts afresh), until its reply is saved. */
async function chatReply(prompt: string): Promise<number> {
  await vscode.commands.executeCommand('aihub._chatAsk', { prompt });
  for (;;) {
    const snap = await vscode.commands.executeCommand<ChatSnapshot>('aihub._chatSnapshot');
    const last = snap.conversation.turns.at(-1);
    if (!snap.busy && last?.role === 'assistant' && last.status !== 'streaming') {
      if (last.status !== 'done') throw new Error(`a chat reply ended ${last.status}`);
      return last.text?.length ?? 0;
    }
    await sleep(20);
  }
}

async function lmReply(model: vscode.LanguageModelChat, prompt: string): Promise<number> {
  const response = await model.sendRequest([vscode.LanguageModelChatMessage.User(prompt)], {});
  let length = 0;
  for await (const part of response.stream) if (part instanceof vscode.LanguageModelTextPart) length += part.value.length;
  return length;
}

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://host');
      const n = Number(url.searchParams.get('n') ?? 1);
      const prompt = url.searchParams.get('prompt') ?? '';
      const answer = async (): Promise<unknown> => {
        switch (url.pathname) {
          case '/heap':
            return settledHeap();
          case '/chat': {
            const lengths: number[] = [];
            for (let i = 0; i < n; i++) lengths.push(await chatReply(prompt));
            return { lengths: [Math.min(...lengths), Math.max(...lengths)] };
          }
          case '/lm': {
            const [model] = await vscode.lm.selectChatModels({ vendor: 'aihub', id: url.searchParams.get('model') ?? undefined });
            if (!model) throw new Error('no AI Hub model through vscode.lm');
            const lengths: number[] = [];
            for (let i = 0; i < n; i++) lengths.push(await lmReply(model, prompt));
            return { lengths: [Math.min(...lengths), Math.max(...lengths)] };
          }
          case '/lmModels': {
            // What VS Code's model picker lists from AI Hub (VS Code asks the provider if it has not yet).
            const start = performance.now();
            const models = await vscode.lm.selectChatModels({ vendor: 'aihub' });
            return { count: models.length, ms: performance.now() - start };
          }
          case '/snapshot':
            gc();
            return { file: v8.writeHeapSnapshot(url.searchParams.get('file') ?? undefined) };
          case '/exit':
            server.close();
            resolve();
            return {};
          default:
            throw new Error(`unknown request ${url.pathname}`);
        }
      };
      answer().then(
        (body) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
        (err: unknown) => res.writeHead(500).end(err instanceof Error ? (err.stack ?? err.message) : String(err)),
      );
    });
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const file = process.env.AIHUB_BENCH_DRIVER_PORT_FILE;
      if (!file) return reject(new Error('AIHUB_BENCH_DRIVER_PORT_FILE is not set'));
      fs.writeFileSync(file, String((server.address() as AddressInfo).port));
    });
  });
}
