// The chat panel in a real VS Code (code-server) in Chromium, against the local hub running as its own process:
// a streamed markdown reply with a highlighted code block, Stop mid-stream, the conversation intact after a
// window reload, and "Insert at Cursor" putting the code into the editor.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { freePort, stopGroup } from '../runner/processes';
import { acceptQuickInputRow, chatFrame, openFile, runCommand, screenshot, SCREENSHOT_DIR, typeInQuickInput } from '../runner/workbench';
import { useExtensionSession } from './fixture';

const REPO = path.resolve(__dirname, '..', '..');
const STALL = '[[scenario:{"kind":"stall","afterChunks":6,"ms":60000}]]';

interface HubProcess {
  url: string;
  child: ChildProcess;
}

/** `npm run hub` as a separate process in its own group, keyless (a loopback hub needs no key). */
async function startHubProcess(): Promise<HubProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(REPO, 'test', 'hub', 'cli.ts'), '--port', String(port), '--no-auth'],
    {
      cwd: REPO,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`the hub did not start: ${out}`)), 30_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`the hub exited (${code}): ${out}`)));
    });
    return { url, child };
  } catch (err) {
    await stopGroup(child);
    throw err;
  }
}

/** The chat completion requests the hub received, through its control API. */
async function chatRequests(hub: HubProcess): Promise<{ path: string; body: { messages?: { role: string; content: string }[] } }[]> {
  const res = await fetch(new URL('/__hub/requests', hub.url));
  const all = (await res.json()) as { path: string; body: { messages?: { role: string; content: string }[] } }[];
  return all.filter((r) => r.path.endsWith('/chat/completions'));
}

async function openChat(page: Page): Promise<FrameLocator> {
  // The extension is active once its status bar item shows: before, the palette does not list its commands.
  await page.locator('.statusbar-item', { hasText: 'gpt-4o-mini' }).first().waitFor({ timeout: 60_000 });
  await runCommand(page, 'AI Hub: Open Chat');
  const frame = chatFrame(page);
  await frame.locator('textarea.input').waitFor({ timeout: 60_000 });
  // Fold the Models view that shares the container, so the chat has the whole height.
  const models = page.locator('.pane-header', { hasText: /^Models/ }).first();
  if ((await models.getAttribute('aria-expanded')) === 'true') await models.click();
  return frame;
}

async function send(frame: FrameLocator, text: string): Promise<void> {
  const input = frame.locator('textarea.input');
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

describe('Chat panel (e2e)', function () {
  let hub: HubProcess | undefined;
  before(async () => {
    hub = await startHubProcess();
  });
  after(async () => {
    if (hub) await stopGroup(hub.child);
  });
  const session = useExtensionSession(() => ({
    machineSettings: { 'aihub.baseUrl': hub!.url },
    userSettings: {
      'aihub.defaultModel': 'gpt-4o-mini',
      'workbench.colorTheme': 'Default Dark Modern',
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
    },
    files: { 'sample.ts': '// the code goes below\n' },
  }));

  it('streams a markdown reply with a highlighted code block', async () => {
    const page = session.page;
    const frame = await openChat(page);
    await screenshot(page, 'chat-empty');
    await send(frame, 'Show me a **TypeScript** constant');
    const reply = frame.locator('.turn.assistant').first();
    await reply.locator('.turn-footer').waitFor({ timeout: 30_000 });
    assert.match(await reply.locator('.reply-body').innerText(), /Echo from gpt-4o-mini/);
    assert.equal(await reply.locator('.reply-body strong', { hasText: 'Echo' }).count(), 1, 'markdown bold rendered');
    assert.equal(await reply.locator('.reply-body blockquote').count(), 1, 'the quote rendered');
    const code = reply.locator('.code-block code');
    assert.match(await code.innerText(), /const answer = 42;/);
    assert.ok((await code.locator('.hljs-keyword').count()) > 0, 'the code is highlighted');
    assert.match(await reply.locator('.usage').innerText(), /\d+ in · \d+ out tokens/);
    assert.equal(await frame.locator('.turn.user .user-text').first().innerText(), 'Show me a **TypeScript** constant');
    const requests = await chatRequests(hub!);
    assert.equal(requests.length, 1);
    assert.deepEqual(requests[0].body.messages, [{ role: 'user', content: 'Show me a **TypeScript** constant' }]);
    await screenshot(page, 'chat-reply');
  });

  it('stops a reply mid-stream and keeps what arrived', async () => {
    const page = session.page;
    const frame = chatFrame(page);
    await send(frame, `Now a long answer ${STALL}`);
    const reply = frame.locator('.turn.assistant').nth(1);
    await reply.locator('.reply-body.streaming').waitFor();
    await frame.locator('.send-button.stop').waitFor();
    // The hub sends six chunks, then goes quiet: wait for them to be on screen.
    await frame.locator('.turn.assistant').nth(1).locator('.reply-body', { hasText: 'Echo' }).waitFor({ timeout: 15_000 });
    await frame.locator('.send-button.stop').click();
    await reply.locator('.turn-status.stopped').waitFor({ timeout: 15_000 });
    assert.match(await reply.locator('.reply-body').innerText(), /Echo/, 'the partial reply stays');
    await frame.locator('.send-button:not(.stop)').waitFor();
    await screenshot(page, 'chat-stopped');
  });

  it('finds the conversation intact after a window reload', async () => {
    const page = session.page;
    await page.reload();
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const frame = await openChat(page);
    await frame.locator('.turn.assistant').nth(1).waitFor({ timeout: 30_000 });
    assert.equal(await frame.locator('.turn.user').count(), 2);
    assert.equal(await frame.locator('.turn.assistant').count(), 2);
    assert.match(await frame.locator('.turn.assistant').first().locator('.code-block code').innerText(), /const answer = 42;/);
    assert.equal(await frame.locator('.turn.assistant').nth(1).locator('.turn-status.stopped').count(), 1, 'still marked stopped');
    assert.match(await frame.locator('.turn.assistant').nth(1).locator('.reply-body').innerText(), /Echo/);
  });

  it('shows a hub error inline with Retry, keeping the question', async () => {
    const page = session.page;
    const frame = chatFrame(page);
    // 404 is not retried by the client, so each attempt is one request.
    const before = (await chatRequests(hub!)).length;
    await send(frame, 'This one fails [[scenario:{"kind":"status","status":404}]]');
    const reply = frame.locator('.turn.assistant').nth(2);
    const error = reply.locator('.turn-error');
    await error.waitFor({ timeout: 30_000 });
    assert.match(await error.innerText(), /does not know .*\(404/);
    assert.match(await frame.locator('.turn.user').nth(2).innerText(), /This one fails/);
    await screenshot(page, 'chat-error');
    await error.getByRole('button', { name: 'Retry' }).click();
    const deadline = Date.now() + 30_000;
    while ((await chatRequests(hub!)).length < before + 2) {
      if (Date.now() > deadline) assert.fail('Retry did not ask the hub again');
      await new Promise((r) => setTimeout(r, 100));
    }
    await frame.locator('.turn.assistant').nth(2).locator('.turn-error').waitFor({ timeout: 30_000 });
    await frame.locator('.send-button:not(.stop)').waitFor();
    assert.equal((await chatRequests(hub!)).length, before + 2, 'one more request, no retries of a 404');
    assert.equal(await frame.locator('.turn.assistant').count(), 3, 'the failed answer was replaced, not added');
  });

  it('switches the model for this conversation from the searchable picker', async () => {
    const page = session.page;
    const frame = chatFrame(page);
    await frame.locator('.model-button').click();
    const search = frame.locator('.model-search');
    await search.fill('sonnet');
    await frame.locator('.model-list li', { hasText: 'claude-sonnet' }).first().waitFor({ timeout: 15_000 });
    await screenshot(page, 'chat-model-picker');
    await search.press('Enter');
    assert.match(await frame.locator('.model-label').innerText(), /claude-sonnet/);
    await send(frame, 'Which model are you?');
    const reply = frame.locator('.turn.assistant').nth(3);
    await reply.locator('.turn-footer').waitFor({ timeout: 30_000 });
    assert.match(await reply.locator('.reply-body').innerText(), /Echo from \S*claude-sonnet/);
  });

  it('inserts a code block at the cursor in the editor', async () => {
    const page = session.page;
    await openFile(page, 'sample.ts', 'the code goes below');
    const editor = page.locator('.editor-instance .monaco-editor', { hasText: 'the code goes below' }).first();
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    const frame = chatFrame(page);
    const block = frame.locator('.turn.assistant').first().locator('.code-block');
    await block.hover();
    await block.locator('[data-action="code-insert"]').click();
    await editor.locator('.view-lines', { hasText: 'const answer = 42;' }).waitFor({ timeout: 10_000 });
    const text = (await editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /\/\/ the code goes below\s+const answer = 42;\s+console\.log\(`the answer is \$\{answer\}`\);/);
    await screenshot(page, 'chat-inserted');
    // The README's picture: the panel beside the editor the code went into.
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'chat-readme.png'), clip: { x: 0, y: 0, width: 1000, height: 720 } });
  });

  it('follows the colour theme: light and high contrast keep the reply readable', async () => {
    const page = session.page;
    const frame = await openChat(page);
    // The panel paints with the theme's variables; read the text colour against the view's background.
    // Runs in the page: typed loosely, since these tests compile without the DOM library.
    type Styled = { color: string; backgroundColor: string; getPropertyValue(name: string): string };
    const colours = () =>
      frame.locator('body').evaluate((body) => {
        const page = globalThis as unknown as { getComputedStyle(e: unknown): Styled; document: { documentElement: unknown } };
        const reply = (body as unknown as { querySelector(s: string): unknown }).querySelector('.turn.assistant .reply-body p') ?? body;
        const background =
          page.getComputedStyle(page.document.documentElement).getPropertyValue('--vscode-sideBar-background').trim() ||
          page.getComputedStyle(body).backgroundColor;
        return { text: page.getComputedStyle(reply).color, background };
      });
    const before = await colours();
    for (const [theme, shot] of [
      ['Light Modern', 'chat-theme-light'],
      ['Dark High Contrast', 'chat-theme-high-contrast'],
    ] as const) {
      // Not runCommand: "Browse Color Themes in Marketplace" can come first in the palette for this title.
      await typeInQuickInput(page, 'Control+Shift+P', '>Preferences: Color Theme');
      const input = page.locator('.quick-input-widget input');
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: /^Preferences: Color Theme/ })
        .first()
        .click();
      await input.fill(theme);
      await acceptQuickInputRow(page, theme);
      let now = await colours();
      for (let i = 0; i < 200 && now.background === before.background; i++) {
        await page.waitForTimeout(100);
        now = await colours();
      }
      assert.notEqual(now.background, before.background, `${theme}: the panel took the theme's colours`);
      const ratio = contrast(now.text, now.background);
      assert.ok(ratio >= 4.5, `${theme}: reply text contrast ${ratio.toFixed(1)}:1 (${now.text} on ${now.background})`);
      await screenshot(page, shot);
    }
  });
});

/** WCAG contrast ratio of two CSS colours (rgb()/rgba() or #rrggbb). */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const hex = /^#([0-9a-f]{6})/i.exec(colour)?.[1];
    const channels = hex
      ? [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16))
      : (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const [r, g, bl] = channels.map((c) => {
      const v = c / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
