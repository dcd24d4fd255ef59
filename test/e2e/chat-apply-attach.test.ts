// The chat's round-2 code and context features in a real VS Code (code-server) in Chromium, against the local
// hub in this process: Apply on a code block opens the proposal diff where the block belongs, and Accept
// edits the file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { startHub, type LocalHub } from '../hub/server';
import { startCodeServer, type CodeServer } from '../runner/codeServer';
import { chatFrame, openFile, openWorkbench, remoteUri, runCommand, screenshot, type Workbench } from '../runner/workbench';

const REPO = path.resolve(__dirname, '..', '..');
const CALC =
  "import { strict } from 'node:assert';\n\nexport class Calc {\n  total(xs: number[]): number {\n    let sum = 0;\n    for (const x of xs) sum += x;\n    return sum;\n  }\n}\n";
const APPLY_ANSWER =
  'Use `reduce`:\n\n```ts path=calc.ts\ntotal(xs: number[]): number {\n  return xs.reduce((a, b) => a + b, 0);\n}\n```\n';

async function openChat(page: Page): Promise<FrameLocator> {
  // The extension is active once its status bar item shows: before, the palette does not list its commands.
  await page.locator('.statusbar-item', { hasText: 'gpt-4o-mini' }).first().waitFor({ timeout: 60_000 });
  await runCommand(page, 'AI Hub: Open Chat');
  const frame = chatFrame(page);
  await frame.locator('textarea.input').waitFor({ timeout: 60_000 });
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

describe('Chat: Apply and attachments (e2e)', function () {
  let hub: LocalHub | undefined;
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  const page = () => workbench!.page;

  before(async () => {
    hub = await startHub({ apiKey: null });
    server = await startCodeServer({
      smokeTestDriver: true,
      machineSettings: { 'aihub.baseUrl': hub.url },
      userSettings: {
        'aihub.defaultModel': 'gpt-4o-mini',
        'workbench.colorTheme': 'Default Dark Modern',
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
      },
    });
    fs.writeFileSync(path.join(server.dirs.workspace, 'calc.ts'), CALC);
    fs.writeFileSync(path.join(server.dirs.workspace, 'notes.md'), '# Notes\n\nNothing here yet.\n');
    workbench = await openWorkbench(server, {
      payload: [
        ['extensionDevelopmentPath', remoteUri(server, REPO)],
        ['skipWelcome', 'true'],
      ],
    });
  });
  after(async () => {
    await workbench?.close();
    await server?.stop();
    await hub?.close();
  });

  it('Apply on a code block opens the proposal diff at the method it redefines; Accept edits the file', async () => {
    const frame = await openChat(page());
    // Another file is in front: the block's fence names calc.ts, so that is where it goes.
    await openFile(page(), 'notes.md', 'Nothing here yet');
    hub!.enqueue({ kind: 'text', text: APPLY_ANSWER });
    await send(frame, 'Make total shorter');
    const reply = frame.locator('.turn.assistant').first();
    await reply.locator('.turn-footer').waitFor({ timeout: 30_000 });
    const block = reply.locator('.code-block');
    await block.hover();
    await block.locator('[data-action="code-apply"]').click();

    const accept = page().locator('.editor-actions .action-label[aria-label^="Accept Proposal"]');
    await accept.waitFor({ timeout: 30_000 });
    await page().locator('.monaco-diff-editor .view-lines', { hasText: 'xs.reduce' }).first().waitFor();
    assert.match(await page().locator('.tab.active').innerText(), /calc\.ts: Apply \(proposal\)/);
    await screenshot(page(), 'chat-apply-diff');

    await accept.click();
    await page().locator('.tab', { hasText: '(proposal)' }).waitFor({ state: 'detached', timeout: 15_000 });
    const editor = page().locator('.monaco-editor .view-lines', { hasText: 'return xs.reduce((a, b) => a + b, 0);' }).first();
    await editor.waitFor();
    const text = (await editor.innerText()).replace(/\u00a0/g, ' ');
    assert.ok(!text.includes('let sum'), 'the old body is gone');
    assert.match(text, /import \{ strict \}[\s\S]*export class Calc \{\s+total\(xs: number\[\]\): number \{\s+return xs\.reduce/);
    await screenshot(page(), 'chat-apply-accepted');
  });
});
