// Generate Commit Message in the real VS Code UI: the button in the Source Control title bar of a git workspace,
// the message streaming into the commit input box, and Cancel in the progress notification closing the hub's
// connection and putting back what the user had typed.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { LocalHub } from '../hub/server';
import { screenshot } from '../runner/workbench';
import { useExtensionSession, useLocalHub } from './fixture';

const MESSAGE = 'feat(math): add subtract';

function git(dir: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], { cwd: dir, stdio: 'ignore' });
}

/** The commit message box of the Source Control view (a small Monaco editor). */
const inputBox = (page: Page) => page.locator('.scm-editor .monaco-editor');
const inputText = async (page: Page) => (await inputBox(page).locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');

/**
 * The button in the Source Control view's title bar. The view shares its container with others, so the workbench
 * shows a view's title actions only while the view has focus or the pointer: focus it from its input box first.
 */
async function generateButton(page: Page) {
  await inputBox(page).click();
  // In the view's title bar: VS Code's own sparkle inside the input box (for its chat's models) is another command.
  const button = page.locator('.pane-header .action-label[aria-label="Generate Commit Message"]');
  await button.waitFor({ timeout: 30_000 });
  return button;
}

/**
 * Waits for the command to be over: its progress notification gone from the notification centre (which lists it
 * whether or not a toast showed), so the next run is not refused as one already under way. The centre stays open:
 * it covers nothing the tests use, and the next test finds its progress there.
 */
async function commandFinished(page: Page): Promise<void> {
  const bell = page.locator('[id="status.notifications"]');
  const centre = page.locator('.notifications-center');
  if (!(await centre.isVisible())) await bell.click();
  await centre.waitFor();
  await centre.locator('.notification-list-item', { hasText: 'Writing a commit message' }).waitFor({ state: 'detached', timeout: 30_000 });
}

describe('commit message (e2e)', function () {
  const hub = useLocalHub();
  const session = useExtensionSession(() => ({
    machineSettings: { 'aihub.baseUrl': hub().url },
    userSettings: { 'aihub.defaultModel': 'gpt-4o-mini', 'git.openRepositoryInParentFolders': 'never' },
    // A repository with one commit and a staged change on top of it.
    beforeOpen: (server) => {
      const ws = server.dirs.workspace;
      git(ws, 'init', '-q', '-b', 'main');
      fs.writeFileSync(path.join(ws, 'math.ts'), 'export const add = (a: number, b: number) => a + b;\n');
      git(ws, 'add', '-A');
      git(ws, 'commit', '-q', '-m', 'feat(math): add add');
      fs.appendFileSync(path.join(ws, 'math.ts'), 'export const subtract = (a: number, b: number) => a - b;\n');
      git(ws, 'add', '-A');
    },
  }));
  const page = () => session.page;

  before(async () => {
    await page().keyboard.press('Control+Shift+G');
    // The staged change shows once the Git extension has read the repository.
    await page().locator('.scm-view .monaco-list-row', { hasText: 'math.ts' }).first().waitFor({ timeout: 60_000 });
  });

  it('the Source Control title bar button streams a message for the staged change into the input box', async () => {
    // Slow pieces, so the message is seen arriving.
    hub().enqueue({ kind: 'text', text: MESSAGE, chunkSize: 3, chunkDelayMs: 400 });
    const button = await generateButton(page());
    await screenshot(page(), 'commit-message-button');
    await button.click();

    // Part of the message, while the rest is still on its way.
    const deadline = Date.now() + 30_000;
    let partial = '';
    while (Date.now() < deadline && !(partial.length > 0 && partial !== MESSAGE)) partial = await inputText(page());
    assert.ok(MESSAGE.startsWith(partial) && partial.length < MESSAGE.length, `a part of the message first: ${JSON.stringify(partial)}`);
    await inputBox(page()).locator('.view-lines', { hasText: MESSAGE }).waitFor({ timeout: 30_000 });
    await screenshot(page(), 'commit-message-written');
    await commandFinished(page());

    const request = hub().requests.find((r) => r.path.endsWith('/chat/completions'));
    const body = request?.body as { model: string; messages: { role: string; content: string }[] };
    assert.equal(body.model, 'gpt-4o-mini');
    assert.match(body.messages[1].content, /staged changes[\s\S]*feat\(math\): add add[\s\S]*\+export const subtract/);
  });

  it('Cancel in the progress notification closes the connection and puts back what was typed', async () => {
    // What the user typed: the box is a Monaco editor; select all and type over the last message.
    await inputBox(page()).click();
    await page().keyboard.press('Control+A');
    await page().keyboard.type('my notes');
    await inputBox(page()).locator('.view-lines', { hasText: 'my notes' }).waitFor();
    hub().enqueue({ kind: 'stall', afterChunks: 1, text: 'feat: something long' } as Parameters<LocalHub['enqueue']>[0]);
    const before = hub().requests.at(-1)?.id ?? 0;
    await (await generateButton(page())).click();
    const request = await hub().waitForRequest((r) => r.id > before && r.path.endsWith('/chat/completions'), 30_000);

    // Headless, notifications may stay in the notification centre instead of popping up as toasts.
    const item = page().locator('.notification-list-item', { hasText: 'AI Hub: Writing a commit message' });
    await item
      .first()
      .waitFor({ timeout: 5_000 })
      .catch(() => page().locator('[id="status.notifications"]').click());
    await item.first().waitFor({ timeout: 15_000 });
    await screenshot(page(), 'commit-message-progress');
    await item.first().getByRole('button', { name: 'Cancel' }).click();

    await hub().waitForClientClose(request.id);
    await inputBox(page()).locator('.view-lines', { hasText: 'my notes' }).waitFor({ timeout: 15_000 });
    assert.equal((await inputText(page())).trim(), 'my notes');
  });
});
