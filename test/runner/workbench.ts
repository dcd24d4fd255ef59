// Opens the VS Code workbench of a running code-server in Debian's Chromium (driven by playwright-core), and
// the UI helpers end-to-end tests share.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import type { CodeServer } from './codeServer';
import { registerCleanup } from './processes';
import { REPO_ROOT, toolchain } from './toolchain';

export interface WorkbenchOptions {
  /** The folder to open; default `server.dirs.workspace`. */
  folder?: string;
  /**
   * The workbench's test payload: extensionDevelopmentPath, extensionTestsPath, skipWelcome … (needs the
   * smoke-test driver). Default: the server's `extensionDevelopmentPath`, if it was started with one.
   */
  payload?: [string, string][];
  /** Called with the exit code when the extension tests of the payload finish. */
  onExit?: (code: number) => void;
  /** Every line the workbench logs (the extension tests' console output among them), already formatted. */
  onLog?: (line: string, level: string) => void;
  /** Where `screenshot(page, name)` writes for this page; default test-results/screenshots. */
  screenshotDir?: string;
  viewport?: { width: number; height: number };
  /** How long to wait for the workbench to render (default 60 s). */
  timeoutMs?: number;
}

export interface Workbench {
  browser: Browser;
  page: Page;
  /** Closes the browser and removes its profile; safe to call twice. Call it in a `finally`/`after`. */
  close(): Promise<void>;
}

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');
const screenshotDirs = new WeakMap<Page, string>();

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A `vscode-remote://` URI for a path on this machine, as the workbench of `server` names it. */
export function remoteUri(server: Pick<CodeServer, 'port'>, fsPath: string): string {
  return `vscode-remote://127.0.0.1:${server.port}${fsPath}`;
}

export async function openWorkbench(server: CodeServer, options: WorkbenchOptions = {}): Promise<Workbench> {
  // Chromium's own HOME: it writes caches and crash reports there. Playwright gives it a temp profile too.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'chr-'));
  let browser: Browser | undefined;
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      unregister();
      await browser?.close().catch(() => undefined);
      fs.rmSync(home, { recursive: true, force: true });
    })());
  const unregister = registerCleanup(close);
  try {
    browser = await chromium.launch({
      executablePath: toolchain().chromiumPath,
      headless: true,
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache') },
      args: CHROMIUM_ARGS,
    });
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
    const page = await context.newPage();
    if (options.screenshotDir) screenshotDirs.set(page, options.screenshotDir);
    // Both must exist before the workbench loads: it looks them up once, at start.
    await page.exposeFunction('codeAutomationExit', (code: number) => options.onExit?.(code));
    await page.exposeFunction('codeAutomationLog', (level: string, args: unknown) => {
      // The workbench passes the logger's arguments: a format string (mocha's "%s", "%d" …) and its values.
      const line = Array.isArray(args) ? (args.length > 0 ? format(...(args as [unknown, ...unknown[]])) : '') : String(args);
      options.onLog?.(line, level);
    });
    const payload =
      options.payload ??
      (server.extensionDevelopmentPath
        ? [
            ['extensionDevelopmentPath', remoteUri(server, server.extensionDevelopmentPath)],
            ['skipWelcome', 'true'],
          ]
        : undefined);
    const query = new URLSearchParams();
    query.set('folder', options.folder ?? server.dirs.workspace);
    if (payload) query.set('payload', JSON.stringify(payload));
    await page.goto(`${server.url}/?${query.toString()}`, { timeout: options.timeoutMs ?? 120_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: options.timeoutMs ?? 60_000 });
    return { browser, page, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Presses Enter once the quick input's active row is the one wanted. Enter any earlier accepts whatever row was
 * active before the typed filter applied (a recently used command, a recently opened file).
 */
export async function acceptQuickInputRow(page: Page, hasText: string | RegExp): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused', { hasText }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Runs a command by its palette title (Ctrl+Shift+P, `>title`, Enter on the match). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await typeInQuickInput(page, 'Control+Shift+P', `>${title}`);
  await acceptQuickInputRow(page, title);
}

/**
 * Opens the quick input with `shortcut` and types `text` into it. On a loaded machine the quick input can close
 * again just after it opened (focus moving on after the last action: an edit applied from a diff, a webview
 * taking focus as it loads): it is then opened once more rather than waited for while it is gone.
 */
export async function typeInQuickInput(page: Page, shortcut: string, text: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(shortcut);
    try {
      await page.locator('.quick-input-widget input').fill(text, { timeout: 10_000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}

/** Compare Models…: the default model is ticked; tick the others by searching for each, then ask. */
export async function compareModels(page: Page, others: string[], prompt: string): Promise<void> {
  await runCommand(page, 'AI Hub: Compare Models…');
  const input = page.locator('.quick-input-widget input');
  for (const model of others) {
    await input.fill(model);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: model }).first();
    await row.waitFor();
    await row.locator('.quick-input-list-checkbox, input[type=checkbox], .monaco-checkbox').first().click();
  }
  await input.fill('');
  await page.keyboard.press('Enter');
  // The prompt box, once it has replaced the picker (its title names every model ticked).
  const question = page.locator('.quick-input-widget input[placeholder="Your prompt"]');
  await question.waitFor();
  const title = await page.locator('.quick-input-widget .quick-input-title').innerText();
  for (const model of others) assert.ok(title.includes(model), `${model} ticked (${title})`);
  await question.fill(prompt);
  await page.keyboard.press('Enter');
}

/** Opens a workspace file through Quick Open (`name` may carry `:line`) and waits for its editor to show `firstLine`. */
export async function openFile(page: Page, name: string, firstLine: string): Promise<void> {
  await typeInQuickInput(page, 'Control+P', name);
  await acceptQuickInputRow(page, name.replace(/:\d+$/, ''));
  const lines = page.locator('.editor-instance .monaco-editor .view-lines', { hasText: firstLine }).first();
  await lines.waitFor({ timeout: 30_000 }).catch(async (err: unknown) => {
    await screenshot(page, `open-${path.basename(name)}-failed`);
    throw err;
  });
}

/**
 * The content frame of a webview. Each webview is an outer iframe (class `webview ready`) holding the content in
 * an inner `#active-frame`. With several webviews open, `filter` picks one: a string matches the outer frame's
 * `title` (a view's or panel's name) or any part of its `src` (which carries `extensionId=…` and `purpose=…`).
 * The first match in the page is taken.
 */
export function webviewFrame(page: Page, filter?: string): FrameLocator {
  const all = page.locator('iframe.webview.ready');
  const outer = filter ? all.and(page.locator(`[title=${JSON.stringify(filter)}], [src*=${JSON.stringify(filter)}]`)) : all;
  return outer.first().contentFrame().locator('#active-frame').contentFrame();
}

/** The chat webview's content frame (this extension's webviews only; `filter` as in `webviewFrame`). */
export function chatFrame(page: Page, filter = 'extensionId=aihub.aihub-vscode'): FrameLocator {
  return webviewFrame(page, filter);
}

/** Text of every notification, opening the notification centre when no toast shows (headless hides some). */
export async function notifications(page: Page): Promise<string[]> {
  const toasts = await page.locator('.notification-toast .notification-list-item-message').allTextContents();
  if (toasts.length > 0) return toasts;
  await page
    .locator('[id="status.notifications"]')
    .click()
    .catch(() => undefined);
  const items = await page.locator('.notifications-center .notification-list-item-message').allTextContents();
  await page.keyboard.press('Escape');
  return items;
}

/** A PNG of the page in the workbench's screenshot folder (test-results/screenshots); returns its path. */
/** For an `afterEach`: a picture of the page when the test that just ran failed, named after the test. */
export async function screenshotIfFailed(test: Mocha.Test | undefined, page: Page | undefined, prefix: string): Promise<void> {
  if (test?.state === 'failed' && page) await screenshot(page, `${prefix}-failed-${test.title.slice(0, 40).replace(/\W+/g, '-')}`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = screenshotDirs.get(page) ?? SCREENSHOT_DIR;
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
