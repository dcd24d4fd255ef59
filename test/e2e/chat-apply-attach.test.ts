// The chat's round-2 code and context features in a real VS Code (code-server) in Chromium, against the local
// hub in this process: Apply on a code block opens the proposal diff where the block belongs, and Accept
// edits the file; the Attach menu (and `#` in the input) attaches a workspace file as a chip with its size in
// tokens, which is what the hub receives; a binary file and a file deleted meanwhile are refused in words; a
// pasted image becomes a thumbnail chip and reaches the hub as an image_url part; a 50 MB dropped one is refused.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { acceptQuickInputRow, chatFrame, openFile, runCommand, screenshot } from '../runner/workbench';
import { useExtensionSession, useLocalHub } from './fixture';

const CALC =
  "import { strict } from 'node:assert';\n\nexport class Calc {\n  total(xs: number[]): number {\n    let sum = 0;\n    for (const x of xs) sum += x;\n    return sum;\n  }\n}\n";
// A valid 1×1 PNG.
const DOT_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
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

/** In the Attach menu: File in workspace…, then the file. */
async function pickFile(page: Page, name: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'File in workspace' }).first().waitFor();
  await input.fill('File in workspace');
  await acceptQuickInputRow(page, 'File in workspace');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Attach a file' }).waitFor();
  await input.fill(name);
  await acceptQuickInputRow(page, name);
}

async function send(frame: FrameLocator, text: string): Promise<void> {
  const input = frame.locator('textarea.input');
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

describe('Chat: Apply and attachments (e2e)', function () {
  const hub = useLocalHub();
  const session = useExtensionSession(() => ({
    machineSettings: { 'aihub.baseUrl': hub().url },
    userSettings: {
      'aihub.defaultModel': 'gpt-4o-mini',
      'workbench.colorTheme': 'Default Dark Modern',
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
    },
    files: {
      'calc.ts': CALC,
      'notes.md': '# Notes\n\nNothing here yet.\n',
      'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'doomed.ts': 'export const doomed = true;\n',
    },
  }));
  const page = () => session.page;

  it('Apply on a code block opens the proposal diff at the method it redefines; Accept edits the file', async () => {
    const frame = await openChat(page());
    // Another file is in front: the block's fence names calc.ts, so that is where it goes.
    await openFile(page(), 'notes.md', 'Nothing here yet');
    hub().enqueue({ kind: 'text', text: APPLY_ANSWER });
    await send(frame, 'Make total shorter');
    const reply = frame.locator('.turn.assistant').first();
    await reply.locator('.turn-footer').waitFor({ timeout: 30_000 });
    const block = reply.locator('.code-block');
    await block.hover();
    await block.locator('[data-action="code-apply"]').click();

    const accept = page().locator('.editor-actions .action-label[aria-label^="Accept Proposal"]');
    // Finding the method takes the file's document symbols, from a TypeScript server that may still be starting.
    await accept.waitFor({ timeout: 90_000 });
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

  it('attaches a workspace file from the Attach menu as a chip with its tokens; the hub receives that text', async () => {
    const frame = chatFrame(page());
    await frame.locator('[data-action="attach-pick"]').click();
    await pickFile(page(), 'calc.ts');
    const chip = frame.locator('.composer-chips .chip', { hasText: 'calc.ts' });
    await chip.waitFor({ timeout: 15_000 });
    assert.match((await chip.innerText()).trim(), /^calc\.ts · \d+ lines · ~\d+ tokens$/);
    await screenshot(page(), 'chat-attach-chip');
    const before = hub().requests.at(-1)?.id ?? 0;
    await send(frame, 'What does this file do?');
    const request = await hub().waitForRequest((r) => r.id > before && r.path.endsWith('/chat/completions'), 30_000);
    const body = request.body as { messages: { role: string; content: string }[] };
    const question = body.messages.at(-1)!.content;
    assert.ok(question.startsWith('What does this file do?'), question);
    assert.ok(question.includes('calc.ts (typescript):') && question.includes('export class Calc'), 'the attached text went with it');
    await frame.locator('.turn.assistant').nth(1).locator('.turn-footer').waitFor({ timeout: 30_000 });
  });

  it('# in the input opens the menu; a binary file and a file deleted meanwhile are refused in words', async () => {
    const frame = chatFrame(page());
    const input = frame.locator('textarea.input');
    await input.click();
    await input.pressSequentially('see #');
    await pickFile(page(), 'logo.png');
    const notice = frame.locator('.notice');
    await notice
      .filter({ hasText: 'logo.png is not a text file (it holds binary data): it was not attached.' })
      .waitFor({ timeout: 15_000 });
    assert.equal(await input.inputValue(), 'see ', 'the # is taken out of the text');
    assert.equal(await frame.locator('.composer-chips .chip').count(), 0, 'no chip, so nothing is sent');
    await screenshot(page(), 'chat-attach-binary');

    // The file list is read when the menu opens; the file goes before it is picked.
    await frame.locator('[data-action="attach-pick"]').click();
    await page().locator('.quick-input-list .monaco-list-row', { hasText: 'File in workspace' }).first().waitFor();
    await page().locator('.quick-input-widget input').fill('File in workspace');
    await acceptQuickInputRow(page(), 'File in workspace');
    await page().locator('.quick-input-list .monaco-list-row', { hasText: 'doomed.ts' }).first().waitFor();
    fs.rmSync(path.join(session.server.dirs.workspace, 'doomed.ts'));
    await page().locator('.quick-input-widget input').fill('doomed.ts');
    await acceptQuickInputRow(page(), 'doomed.ts');
    await notice.filter({ hasText: 'doomed.ts no longer exists (deleted or moved?): nothing was attached.' }).waitFor({ timeout: 15_000 });
    await screenshot(page(), 'chat-attach-deleted');
  });

  it('a pasted image is a thumbnail chip and reaches the hub as an image_url part; a 50 MB drop is refused', async () => {
    const frame = chatFrame(page());
    const input = frame.locator('textarea.input');
    await input.fill('');
    // What a paste of a screenshot delivers: a clipboard event carrying an image file.
    await input.evaluate((element, base64) => {
      const g = globalThis as unknown as {
        atob(s: string): string;
        DataTransfer: new () => { items: { add(f: unknown): void } };
        File: new (parts: unknown[], name: string, options: { type: string }) => unknown;
        ClipboardEvent: new (type: string, init: unknown) => unknown;
      };
      const bytes = Uint8Array.from(g.atob(base64), (c) => c.charCodeAt(0));
      const data = new g.DataTransfer();
      data.items.add(new g.File([bytes], 'dot.png', { type: 'image/png' }));
      (element as unknown as { dispatchEvent(e: unknown): void }).dispatchEvent(
        new g.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, DOT_PNG);
    const chip = frame.locator('.image-chips .image-chip', { hasText: 'dot.png' });
    await chip.locator('img.thumbnail').waitFor({ timeout: 15_000 });
    await screenshot(page(), 'chat-image-chip');
    const before = hub().requests.at(-1)?.id ?? 0;
    await send(frame, 'What is in this picture?');
    const request = await hub().waitForRequest((r) => r.id > before && r.path.endsWith('/chat/completions'), 30_000);
    const question = (request.body as { messages: { content: unknown }[] }).messages.at(-1)!.content;
    assert.deepEqual(question, [
      { type: 'text', text: 'What is in this picture?' },
      { type: 'image_url', image_url: { url: `data:image/png;base64,${DOT_PNG}` } },
    ]);
    await frame.locator('.turn.user', { hasText: 'What is in this picture?' }).locator('.image-chip', { hasText: 'dot.png' }).waitFor();

    await frame.locator('.composer').evaluate((element) => {
      const g = globalThis as unknown as {
        DataTransfer: new () => { items: { add(f: unknown): void } };
        File: new (parts: unknown[], name: string, options: { type: string }) => unknown;
        DragEvent: new (type: string, init: unknown) => unknown;
      };
      const data = new g.DataTransfer();
      data.items.add(new g.File([new Uint8Array(50 * 1024 * 1024)], 'huge.png', { type: 'image/png' }));
      (element as unknown as { dispatchEvent(e: unknown): void }).dispatchEvent(
        new g.DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
    });
    await frame
      .locator('.notice', { hasText: 'huge.png was not attached: it is 50.0 MB, the limit is 20.0 MB.' })
      .waitFor({ timeout: 15_000 });
    assert.equal(await frame.locator('.image-chips .image-chip').count(), 0, 'nothing attached');
    await screenshot(page(), 'chat-image-refused');
  });
});
