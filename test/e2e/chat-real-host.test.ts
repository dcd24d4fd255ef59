// The chat panel's everyday controls in the real VS Code UI, each until now proven only by unit tests: the
// Attach buttons (the editor's selection and file as chips, removable, sent with the question), the Thinking
// section of a reasoning reply, Regenerate in the last reply's footer, edit and resend, and the Chat History
// quick pick (switch, rename, export, delete).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { THOUGHT } from '../hub/shapes';
import { startHub, type LocalHub } from '../hub/server';
import { startCodeServer, type CodeServer } from '../runner/codeServer';
import {
  acceptQuickInputRow,
  chatFrame,
  openWorkbench,
  remoteUri,
  runCommand,
  screenshot,
  screenshotIfFailed,
  typeInQuickInput,
  type Workbench,
} from '../runner/workbench';

const REPO = path.resolve(__dirname, '..', '..');
const SAMPLE = 'export function area(r: number): number {\n  const squared = r * r;\n  return Math.PI * squared;\n}\n';

interface Sent {
  messages: { role: string; content: string }[];
}

/** Waits for a state, failing with the last value seen; never a fixed pause. */
async function until<T>(read: () => T | Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)?.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

describe('chat panel in the real host (e2e)', function () {
  let hub: LocalHub | undefined;
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  const page = () => workbench!.page;
  const frame = () => chatFrame(page());
  const chatBodies = () => hub!.requests.filter((r) => r.path.endsWith('/chat/completions')).map((r) => r.body as Sent);

  async function send(text: string): Promise<void> {
    const input = frame().locator('textarea.input');
    await input.click();
    await input.fill(text);
    await input.press('Enter');
  }

  /** Waits for the reply at `index` to finish (its footer is drawn once it has). */
  async function finished(index: number): Promise<void> {
    await frame().locator('.turn.assistant').nth(index).locator('.turn-footer').waitFor({ timeout: 30_000 });
    await frame().locator('.send-button:not(.stop)').waitFor({ timeout: 30_000 });
  }

  async function openSample(p: Page): Promise<void> {
    await typeInQuickInput(p, 'Control+P', 'sample.ts');
    await acceptQuickInputRow(p, 'sample.ts');
    await p
      .locator('.editor-instance .monaco-editor .view-lines', { hasText: 'export function area' })
      .first()
      .waitFor({ timeout: 30_000 });
  }

  async function openHistory(): Promise<void> {
    await runCommand(page(), 'AI Hub: Chat History');
    await page().locator('.quick-input-widget .quick-input-title', { hasText: 'AI Hub: Chat History' }).waitFor();
  }

  const historyRow = (title: string) => page().locator('.quick-input-list .monaco-list-row', { hasText: title });

  before(async () => {
    hub = await startHub({ apiKey: null });
    server = await startCodeServer({
      smokeTestDriver: true,
      machineSettings: { 'aihub.baseUrl': hub.url },
      userSettings: { 'aihub.defaultModel': 'gpt-4o-mini', 'workbench.secondarySideBar.defaultVisibility': 'hidden' },
    });
    fs.writeFileSync(path.join(server.dirs.workspace, 'sample.ts'), SAMPLE);
    workbench = await openWorkbench(server, {
      payload: [
        ['extensionDevelopmentPath', remoteUri(server, REPO)],
        ['skipWelcome', 'true'],
      ],
    });
    // The extension is active once its status bar item shows: before, the palette does not list its commands.
    await page().locator('.statusbar-item', { hasText: 'gpt-4o-mini' }).first().waitFor({ timeout: 60_000 });
    await openSample(page());
    await runCommand(page(), 'AI Hub: Open Chat');
    await frame().locator('textarea.input').waitFor({ timeout: 60_000 });
    const models = page()
      .locator('.pane-header', { hasText: /^Models/ })
      .first();
    if ((await models.getAttribute('aria-expanded')) === 'true') await models.click();
  });
  afterEach(async function () {
    await screenshotIfFailed(this.currentTest, workbench?.page, 'real-host');
  });
  after(async () => {
    await workbench?.close();
    await server?.stop();
    await hub?.close();
  });

  it('Attach Selection and Attach Current File add chips; × removes one; the question carries the attached code', async () => {
    // Lines 2–3 of sample.ts, selected with the keyboard in the editor.
    await page().locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page().keyboard.press('Control+Home');
    await page().keyboard.press('ArrowDown');
    await page().keyboard.press('Shift+ArrowDown');
    await page().keyboard.press('Shift+End');
    const chips = frame().locator('.composer-chips .chip');
    await frame().locator('[data-action="attach-selection"]').click();
    await chips.filter({ hasText: 'sample.ts:2-3 · 2 lines' }).waitFor({ timeout: 15_000 });
    await frame().locator('[data-action="attach-file"]').click();
    await chips.filter({ hasText: /^sample\.ts · 4 lines/ }).waitFor({ timeout: 15_000 });
    assert.equal(await chips.count(), 2);
    await screenshot(page(), 'real-host-attach-chips');

    await frame().locator('.chip-remove[aria-label="Remove sample.ts"]').click();
    await until(
      () => chips.allInnerTexts(),
      (t) => t.length === 1,
      'one chip left',
    );
    assert.match((await chips.allInnerTexts())[0], /sample\.ts:2-3 · 2 lines/);

    await send('What does this compute?');
    await finished(0);
    const sent = chatBodies().at(-1)!.messages.at(-1)!.content;
    assert.match(
      sent,
      /^What does this compute\?\n\nsample\.ts:2-3 \(typescript\):\n```ts\n {2}const squared = r \* r;\n {2}return Math\.PI \* squared;\n```/,
    );
    assert.doesNotMatch(sent, /export function area/, 'the removed file is not sent');
    const question = frame().locator('.turn.user').first();
    assert.match(await question.locator('.chip').innerText(), /sample\.ts:2-3 · 2 lines/);
    assert.equal(await frame().locator('.composer-chips .chip').count(), 0, 'the composer is cleared for the next question');
  });

  it('Attach Selection with nothing selected says so and adds no chip', async () => {
    await page().locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page().keyboard.press('Control+End');
    await frame().locator('[data-action="attach-selection"]').click();
    await frame().locator('.notice', { hasText: 'Select some code in the editor first.' }).waitFor({ timeout: 15_000 });
    assert.equal(await frame().locator('.composer-chips .chip').count(), 0);
    await frame().locator('.notice [data-action="dismiss-notice"]').click();
  });

  it('shows a reasoning model’s thinking folded under Thinking, apart from the answer', async () => {
    hub!.enqueue({ kind: 'reasoning' });
    await send('Think first, then answer');
    await finished(1);
    const reply = frame().locator('.turn.assistant').nth(1);
    const thinking = reply.locator('details.thinking');
    assert.equal(await thinking.isVisible(), true, 'the Thinking section is shown');
    assert.equal(await thinking.getAttribute('open'), null, 'folded by default');
    assert.equal(await reply.locator('.thinking-body').isVisible(), false);
    await thinking.locator('summary').click();
    await reply.locator('.thinking-body', { hasText: THOUGHT }).waitFor({ state: 'visible' });
    assert.doesNotMatch(await reply.locator('.reply-body').innerText(), /step by step/, 'the thinking is not in the answer');
    assert.match(await reply.locator('.reply-body').innerText(), /Echo from gpt-4o-mini/);
    await screenshot(page(), 'real-host-thinking');
  });

  it('Regenerate in the last reply’s footer asks the same question again and replaces that reply', async () => {
    const before = chatBodies().length;
    hub!.enqueue({ kind: 'text', text: 'A second answer, regenerated.' });
    const last = frame().locator('.turn.assistant').last();
    await last.hover();
    // Earlier replies have the button hidden: only the last one can be regenerated.
    assert.equal(await frame().locator('.turn.assistant').first().locator('[data-action="regenerate"]').isVisible(), false);
    await last.locator('.turn-footer [data-action="regenerate"]').click();
    await frame()
      .locator('.turn.assistant')
      .nth(1)
      .locator('.reply-body', { hasText: 'A second answer, regenerated.' })
      .waitFor({ timeout: 30_000 });
    await finished(1);
    assert.equal(await frame().locator('.turn.assistant').count(), 2, 'replaced, not added');
    assert.equal(chatBodies().length, before + 1);
    // The same conversation up to the question: the reply being replaced is not sent back.
    const again = chatBodies().at(-1)!.messages;
    assert.deepEqual(
      again.map((m) => m.role),
      ['user', 'assistant', 'user'],
    );
    assert.equal(again.at(-1)!.content, 'Think first, then answer');
  });

  it('edit and resend: the question is replaced, later turns removed, and the hub gets the edited text', async () => {
    const first = frame().locator('.turn.user').first();
    await first.hover();
    await first.locator('[data-action="edit"]').click();
    const editor = frame().locator('.edit-input');
    await editor.waitFor();
    assert.equal(await editor.inputValue(), 'What does this compute?');
    hub!.enqueue({ kind: 'text', text: 'It computes the area of a circle.' });
    await editor.fill('What does this compute, in one sentence?');
    await editor.press('Enter');
    await frame()
      .locator('.turn.assistant')
      .first()
      .locator('.reply-body', { hasText: 'It computes the area of a circle.' })
      .waitFor({ timeout: 30_000 });
    await finished(0);
    assert.equal(await frame().locator('.turn.user').count(), 1, 'the later question is gone');
    assert.equal(await frame().locator('.turn.assistant').count(), 1);
    assert.match(await frame().locator('.turn.user .user-text').innerText(), /^What does this compute, in one sentence\?$/);
    const sent = chatBodies().at(-1)!.messages;
    assert.equal(sent.length, 1, 'only the edited question is sent');
    assert.match(sent[0].content, /^What does this compute, in one sentence\?\n\nsample\.ts:2-3 \(typescript\)/, 'with its attachment');
    await screenshot(page(), 'real-host-edited');
  });

  it('Chat History switches between conversations, renames one, exports one to markdown and deletes one', async () => {
    await runCommand(page(), 'AI Hub: New Chat');
    await until(
      () => frame().locator('.turn').count(),
      (n) => n === 0,
      'an empty new conversation',
    );
    await send('Second conversation about sorting');
    await finished(0);

    // Switch back to the first conversation.
    await openHistory();
    await historyRow('What does this compute').first().waitFor({ timeout: 15_000 });
    await historyRow('Second conversation about sorting').first().waitFor();
    await screenshot(page(), 'real-host-history');
    await page().locator('.quick-input-widget input').fill('What does this compute');
    await acceptQuickInputRow(page(), 'What does this compute');
    await frame().locator('.turn.user .user-text', { hasText: 'What does this compute, in one sentence?' }).waitFor({ timeout: 15_000 });
    assert.equal(await frame().locator('.turn.user').count(), 1);

    // Rename the second one from its row's button.
    await openHistory();
    const second = historyRow('Second conversation about sorting').first();
    await second.hover();
    await second.locator('.action-label[aria-label="Rename"]').click();
    const input = page().locator('.quick-input-widget input');
    await page().locator('.quick-input-widget .quick-input-title', { hasText: 'Rename Conversation' }).waitFor();
    await input.fill('Sorting notes');
    await page().keyboard.press('Enter');
    await historyRow('Sorting notes').first().waitFor({ timeout: 15_000 });
    assert.equal(await historyRow('Second conversation about sorting').count(), 0);

    // Export it: the save dialog offers a file in the workspace; Enter saves it there.
    const renamed = historyRow('Sorting notes').first();
    await renamed.hover();
    await renamed.locator('.action-label[aria-label="Export to Markdown"]').click();
    await page().locator('.quick-input-widget .quick-input-title', { hasText: 'Export Conversation' }).waitFor({ timeout: 15_000 });
    await page().keyboard.press('Enter');
    const exported = await until(
      () => fs.readdirSync(server!.dirs.workspace).filter((f) => f.endsWith('.md')),
      (files) => files.length === 1,
      'the exported markdown file in the workspace',
    );
    const markdown = await until(
      () => fs.readFileSync(path.join(server!.dirs.workspace, exported[0]), 'utf8'),
      (text) => text.includes('Second conversation about sorting'),
      'the export written',
    );
    assert.match(markdown, /^# Sorting notes/m);

    // The list comes back once the export is done; delete from it, confirming in the modal dialog.
    await page().locator('.quick-input-widget .quick-input-title', { hasText: 'AI Hub: Chat History' }).waitFor({ timeout: 15_000 });
    const row = historyRow('Sorting notes').first();
    await row.hover();
    await row.locator('.action-label[aria-label="Delete"]').click();
    const dialog = page().locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    assert.match(await dialog.innerText(), /Delete the conversation "Sorting notes"\?/);
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await historyRow('What does this compute').first().waitFor({ timeout: 15_000 });
    await until(
      () => historyRow('Sorting notes').count(),
      (n) => n === 0,
      'the deleted conversation to leave the list',
    );
    await page().keyboard.press('Escape');
  });
});
