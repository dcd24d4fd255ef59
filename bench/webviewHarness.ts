// What the webview benchmarks share: one webview page bundled for production (the same options as esbuild.js)
// into a throwaway folder beside a harness page that stands in for VS Code, and Debian's Chromium launched
// headless through playwright-core.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { profiling } from './webviewProfile';

const ROOT = path.resolve(__dirname, '..');

export interface Harness {
  dir: string;
  /** The page's script, in bytes. */
  bytes: number;
}

/** Bundles `src/webview/<source>` as `<name>.js` (+ css) and writes `html` as index.html beside it. */
export async function buildWebviewHarness(name: string, source: string, html: string): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `aihub-bench-${name}-`));
  await esbuild.build({
    entryPoints: { [name]: path.join(ROOT, 'src', 'webview', source) },
    outdir: dir,
    bundle: true,
    // Unminified when profiling, so the profile names our functions.
    minify: !profiling,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    loader: { '.css': 'css', '.ttf': 'file' },
    logLevel: 'error',
  });
  fs.writeFileSync(path.join(dir, 'index.html'), html);
  return { dir, bytes: fs.statSync(path.join(dir, `${name}.js`)).size };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

// The feeder runs in a Worker: VS Code delivers a webview's messages one task each, from outside the page. Posting
// them from the page itself put the harness's work (thousands of messages in one timer task when the page fell
// behind) into the page's long tasks.
const FEEDER = `
let messages = [];
let perSecond = 0;
onmessage = (e) => {
  if (e.data !== 'go') return void ({ messages, perSecond } = e.data);
  const t0 = performance.now();
  let sent = 0;
  (function tick() {
    const due = Math.min(messages.length, Math.floor(((performance.now() - t0) * perSecond) / 1000));
    for (; sent < due; sent++) postMessage(messages[sent]);
    if (sent < messages.length) setTimeout(tick, 4);
    else postMessage('done');
  })();
};`;

/** Loads `messages` into a feeder for the page (outside any measured phase); `feed` then posts them. */
export async function loadFeeder(page: Page, messages: unknown[], perSecond: number): Promise<void> {
  await page.evaluate(
    ([source, data]) => {
      const page = globalThis as unknown as {
        __feeder: { postMessage(m: unknown): void; onmessage: (e: { data: unknown }) => void };
        Worker: new (url: string) => unknown;
        URL: { createObjectURL(b: unknown): string };
        Blob: new (parts: string[], options: { type: string }) => unknown;
      };
      page.__feeder = new page.Worker(page.URL.createObjectURL(new page.Blob([source], { type: 'text/javascript' }))) as never;
      page.__feeder.postMessage(data);
    },
    [FEEDER, { messages, perSecond }] as const,
  );
}

/** Posts the loaded messages to the page, each its own task, at their rate; resolves a frame after the last. */
export function feed(page: Page): Promise<void> {
  return page.evaluate(`new Promise((resolve) => {
    window.__feeder.onmessage = (e) => {
      if (e.data === 'done') requestAnimationFrame(() => setTimeout(resolve, 50));
      else window.dispatchEvent(new MessageEvent('message', { data: e.data }));
    };
    window.__feeder.postMessage('go');
  })`) as Promise<void>;
}
