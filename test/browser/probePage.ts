// What the browser suites share: a probe (TypeScript run in the page, importing the webview's own modules) bundled
// for the browser, and the machine's Chromium, headless, to run it in. Each suite closes its browser in `after`.
import * as esbuild from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { REPO_ROOT, toolchain } from '../runner/toolchain';

/** The probe's source bundled into one script (imports resolved from the repository's root). */
export async function bundleProbe(source: string): Promise<string> {
  const bundle = await esbuild.build({
    stdin: { contents: source, resolveDir: REPO_ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    logLevel: 'silent',
  });
  return bundle.outputFiles[0].text;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: toolchain().chromium, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
}
