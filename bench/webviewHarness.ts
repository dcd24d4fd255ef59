// What the webview benchmarks share: one webview page bundled for production (the same options as esbuild.js)
// into a throwaway folder beside a harness page that stands in for VS Code, and Debian's Chromium launched
// headless through playwright-core.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

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
    minify: true,
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
