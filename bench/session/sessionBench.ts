// Benchmark 12: a long session does not grow. The real extension in a real extension host (code-server) and its
// chat webview in Chromium, against the local hub: replies of 100 KB through the chat panel (each in a new
// conversation, as `aihub._chatAsk` starts one) and through `vscode.lm`, with the extension host's heap after a
// forced GC read before and after each batch. A driver loaded into the host as its extension tests module
// (bench/session/hostDriver.ts) asks and reads the heap; the webview's renderer is read over Chromium's DevTools
// protocol after its own forced GC.
import { goal } from '../goals';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import type { CDPSession, Page } from 'playwright-core';
import { startHub, type LocalHub } from '../../test/hub/server';
import { startCodeServer, type CodeServer } from '../../test/runner/codeServer';
import { REPO_ROOT } from '../../test/runner/toolchain';
import { chatFrame, openWorkbench, remoteUri, type Workbench } from '../../test/runner/workbench';
import { mb, table } from '../stats';

const REPLIES = Number(process.env.AIHUB_BENCH_SESSION_REPLIES ?? 200);
const WARMUP = 5;
/** Growth of the heap after a forced GC over the whole session, each side. */
const GOAL_GROWTH_BYTES = 3 * 1024 * 1024;
/** 2,000 chunks of 50 characters: 100 KB of markdown paragraphs, streamed as a hub streams. */
const CHUNK = 'A line of a long reply, streamed chunk by chunk.\n\n';
const PROMPT = `[[scenario:${JSON.stringify({ kind: 'chunks', count: 2_000, chunkText: CHUNK })}]] a long reply, please`;
const DRIVER_DIR = path.join(REPO_ROOT, 'out', 'bench', 'session');
const SNAPSHOTS = process.env.AIHUB_BENCH_SESSION_SNAPSHOTS;

interface HostHeap {
  usedBytes: number;
  totalBytes: number;
  externalBytes: number;
}
interface WebviewHeap {
  usedBytes: number;
  nodes: number;
  listeners: number;
}

async function buildDriver(): Promise<void> {
  // The extension under development as `npm test` builds it, and the driver beside it (under the repository, so
  // the host counts the driver as part of AI Hub).
  execFileSync(process.execPath, ['esbuild.js'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'hostDriver.ts')],
    outfile: path.join(DRIVER_DIR, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
}

async function waitForFile(file: string, timeoutMs: number): Promise<string> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8')) return fs.readFileSync(file, 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the host driver did not start within ${timeoutMs / 1000} s`);
}

function driver(port: number) {
  return async <T>(what: string, params: Record<string, string | number> = {}): Promise<T> => {
    const url = new URL(`http://127.0.0.1:${port}/${what}`);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, String(v));
    const res = await fetch(url, { signal: AbortSignal.timeout(30 * 60_000) });
    const text = await res.text();
    if (!res.ok) throw new Error(`host driver ${what}: ${text}`);
    return JSON.parse(text) as T;
  };
}

/** A DevTools session on the chat webview's frame, or on the page when the webview shares its renderer. */
async function webviewSession(page: Page): Promise<{ session: CDPSession; own: boolean }> {
  await chatFrame(page).locator('textarea.input').waitFor({ timeout: 60_000 });
  const frame = page.frames().find((f) => f.url().includes('extensionId=aihub.aihub-vscode'));
  if (frame) {
    try {
      return { session: await page.context().newCDPSession(frame), own: true };
    } catch {
      // Not an out-of-process frame: it lives in the workbench's renderer.
    }
  }
  return { session: await page.context().newCDPSession(page), own: false };
}

/** After the panel has drawn the last reply (its footer shows once it is finished). */
async function webviewHeap(page: Page, session: CDPSession): Promise<WebviewHeap> {
  await chatFrame(page).locator('.turn.assistant .turn-footer').last().waitFor({ timeout: 120_000 });
  for (let i = 0; i < 4; i++) {
    await session.send('HeapProfiler.collectGarbage');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  const counters = await session.send('Memory.getDOMCounters');
  return { usedBytes: usedSize, nodes: counters.nodes, listeners: counters.jsEventListeners };
}

const signed = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${mb(Math.abs(bytes))}`;

export async function runSessionBench(): Promise<string> {
  await buildDriver();
  const portFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aihub-session-')), 'port');
  let hub: LocalHub | undefined;
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  let ask: ReturnType<typeof driver> | undefined;
  try {
    hub = await startHub({ apiKey: null });
    server = await startCodeServer({
      smokeTestDriver: true,
      machineSettings: { 'aihub.baseUrl': hub.url },
      userSettings: { 'aihub.defaultModel': 'gpt-4o-mini', 'workbench.secondarySideBar.defaultVisibility': 'hidden' },
      env: { AIHUB_BENCH_DRIVER_PORT_FILE: portFile },
    });
    workbench = await openWorkbench(server, {
      payload: [
        ['extensionDevelopmentPath', remoteUri(server, REPO_ROOT)],
        ['extensionTestsPath', remoteUri(server, DRIVER_DIR)],
        ['skipWelcome', 'true'],
      ],
    });
    ask = driver(Number(await waitForFile(portFile, 120_000)));
    const snapshot = async (name: string) => {
      if (SNAPSHOTS) await ask!('snapshot', { file: path.join(SNAPSHOTS, `${name}.heapsnapshot`) });
    };
    process.stderr.write(`  warm-up: ${WARMUP} replies each way\n`);
    await ask('chat', { n: WARMUP, prompt: PROMPT });
    await ask('lm', { n: WARMUP, prompt: PROMPT, model: 'gpt-4o-mini' });
    const { session, own } = await webviewSession(workbench.page);
    const host: HostHeap[] = [await ask<HostHeap>('heap')];
    const view: WebviewHeap[] = [await webviewHeap(workbench.page, session)];
    await snapshot('0-start');
    const seconds: number[] = [];
    for (const [what, extra] of [
      ['chat', {}],
      ['lm', { model: 'gpt-4o-mini' }],
    ] as const) {
      process.stderr.write(`  ${REPLIES} replies through ${what}…\n`);
      const t = performance.now();
      await ask(what, { n: REPLIES, prompt: PROMPT, ...extra });
      seconds.push((performance.now() - t) / 1000);
      host.push(await ask<HostHeap>('heap'));
      view.push(await webviewHeap(workbench.page, session));
      await snapshot(`${host.length - 1}-after-${what}`);
    }
    const hostGrowth = host[2].usedBytes - host[0].usedBytes;
    const viewGrowth = view[2].usedBytes - view[0].usedBytes;
    const hostRow = (label: string, h: HostHeap, i: number) => [
      label,
      mb(h.usedBytes),
      i === 0 ? '—' : signed(h.usedBytes - host[i - 1].usedBytes),
      mb(h.externalBytes),
    ];
    const viewRow = (label: string, v: WebviewHeap, i: number) => [
      label,
      mb(v.usedBytes),
      i === 0 ? '—' : signed(v.usedBytes - view[i - 1].usedBytes),
      String(v.nodes),
      String(v.listeners),
    ];
    const labels = [
      `after ${WARMUP} warm-up replies each way`,
      `after ${REPLIES} chat-panel replies (${seconds[0].toFixed(0)} s)`,
      `after ${REPLIES} \`vscode.lm\` replies (${seconds[1].toFixed(0)} s)`,
    ];
    const target = `session of ${REPLIES}+${REPLIES} replies of 100 KB: heap growth after GC ≤ ${mb(GOAL_GROWTH_BYTES)}`;
    return [
      '### 12. A long session does not grow',
      `${REPLIES} replies of 100 KB (2,000 chunks of 50 characters from the local hub) through the chat panel, each in a new conversation (\`aihub._chatAsk\`, which the selection commands use, waiting until the reply is saved), then ${REPLIES} through \`vscode.lm\` (\`sendRequest\`, the stream read to its end), after ${WARMUP} warm-up replies each way. The extension host's heap is V8's used heap size after four full collections (a driver inside the host, loaded as its extension tests module); the webview's is \`Runtime.getHeapUsage\` after four \`HeapProfiler.collectGarbage\` over Chromium's DevTools protocol on ${own ? "the chat webview's own renderer (an out-of-process frame)" : "the workbench page's renderer, which the chat webview shares (same-site frames share one V8 isolate), so the workbench's heap is in the figure too"}, with the DOM node and event listener counts of that renderer (\`Memory.getDOMCounters\`).`,
      '**Extension host**',
      table(
        ['when', 'used heap after GC', 'growth', 'external memory'],
        host.map((h, i) => hostRow(labels[i], h, i)),
      ),
      '**Chat webview**',
      table(
        ['when', 'used heap after GC', 'growth', 'DOM nodes', 'event listeners'],
        view.map((v, i) => viewRow(labels[i], v, i)),
      ),
      table(
        ['goal', 'measured', 'verdict'],
        [
          [
            `extension host: ${target}`,
            signed(hostGrowth),
            goal('12. session', `extension host: ${target}`, signed(hostGrowth), hostGrowth <= GOAL_GROWTH_BYTES),
          ],
          [
            `webview: ${target}`,
            signed(viewGrowth),
            goal('12. session', `webview: ${target}`, signed(viewGrowth), viewGrowth <= GOAL_GROWTH_BYTES),
          ],
        ],
      ),
    ].join('\n\n');
  } finally {
    await ask?.('exit').catch(() => undefined);
    await workbench?.close();
    await server?.stop();
    await hub?.close();
    fs.rmSync(path.dirname(portFile), { recursive: true, force: true });
  }
}
