// What the browser suites share: a probe (TypeScript run in the page, importing the webview's own modules) bundled
// for the browser, and the machine's Chromium, headless, to run it in. Each suite closes its browser in `after`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
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

export interface ProbePageOptions {
  /** The page's body (the elements the probe draws into). */
  body: string;
  viewport?: { width: number; height: number };
  /** Scripts run before the probe (stand-ins for what the webview's host provides). */
  before?: readonly string[];
  /** The webview's stylesheets (src/webview/styles/) the page uses. */
  styles: readonly string[];
}

/** A page with the probe loaded and the webview's own CSS, as the chat and Compare draw in. */
export async function openProbePage(browser: Browser, probe: string, options: ProbePageOptions): Promise<Page> {
  const page = await browser.newPage(options.viewport ? { viewport: options.viewport } : {});
  await page.setContent(`<!DOCTYPE html><html><body>${options.body}</body></html>`);
  for (const script of options.before ?? []) await page.addScriptTag({ content: script });
  await page.addScriptTag({ content: probe });
  for (const css of options.styles)
    await page.addStyleTag({ content: fs.readFileSync(path.join(REPO_ROOT, 'src', 'webview', 'styles', css), 'utf8') });
  return page;
}
