// Opens the VS Code workbench of a running code-server in Debian's Chromium (driven by playwright-core), and
// the UI helpers end-to-end tests share.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import type { CodeServer } from './codeServer';
import { toolchain } from './toolchain';

export interface WorkbenchOptions {
  folder?: string;
  /** The workbench's test payload: extensionDevelopmentPath, extensionTestsPath … (needs the smoke-test driver). */
  payload?: [string, string][];
  onExit?: (code: number) => void;
  onLog?: (line: string) => void;
  viewport?: { width: number; height: number };
}

export interface Workbench {
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', 'test-results', 'screenshots');

export async function openWorkbench(server: CodeServer, options: WorkbenchOptions = {}): Promise<Workbench> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'chr-'));
  const browser = await chromium.launch({
    executablePath: toolchain().chromium,
    headless: true,
    env: { ...process.env, HOME: home },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const close = async () => {
    await browser.close().catch(() => undefined);
    fs.rmSync(home, { recursive: true, force: true });
  };
  try {
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
    const page = await context.newPage();
    // Both must exist before the workbench loads: it looks them up once, at start.
    await page.exposeFunction('codeAutomationExit', (code: number) => options.onExit?.(code));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const line = Array.isArray(args) ? format(...(args as [unknown, ...unknown[]])) : String(args);
      options.onLog?.(type === 'error' ? line : line);
    });
    const query = new URLSearchParams();
    query.set('folder', options.folder ?? server.dirs.workspace);
    if (options.payload) query.set('payload', JSON.stringify(options.payload));
    await page.goto(`${server.url}/?${query.toString()}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    return { browser, page, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** A `vscode-remote://` URI for a path on this machine, as the workbench of `server` names it. */
export function remoteUri(server: CodeServer, fsPath: string): string {
  return `vscode-remote://127.0.0.1:${server.port}${fsPath}`;
}

export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  await page.keyboard.press('Enter');
}

/**
 * The content frame of a webview. Each webview is an outer iframe (class `webview ready`) with the content in
 * an inner `#active-frame`; `title` picks one when several are open (the outer frame carries the view's title).
 */
export function webviewFrame(page: Page, title?: string): FrameLocator {
  const outer = title ? page.locator(`iframe.webview.ready[title="${title}"]`) : page.locator('iframe.webview.ready');
  return outer.first().contentFrame().locator('#active-frame').contentFrame();
}

/** The chat panel's content frame. */
export function chatFrame(page: Page): FrameLocator {
  return webviewFrame(page);
}

/** Text of every notification, opening the notification centre (headless toasts may not show). */
export async function notifications(page: Page): Promise<string[]> {
  const toasts = await page.locator('.notification-toast .notification-list-item-message').allTextContents();
  if (toasts.length > 0) return toasts;
  await page.locator('[id="status.notifications"]').click().catch(() => undefined);
  const items = await page.locator('.notifications-center .notification-list-item-message').allTextContents();
  await page.keyboard.press('Escape');
  return items;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
