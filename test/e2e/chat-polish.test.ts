// The chat panel's small things, in a real VS Code UI, as a new user meets them: no welcome flash before the
// conversation arrives, selection commands that continue only a conversation about the same file, Send that
// says when there is nothing to send, a visible wait for a slow hub, following a long answer to its end, huge
// questions folded, tables that scroll instead of breaking words, labelled code-block buttons where there is
// room, the model button saying when a chat is off the default, an unreachable hub's card with Choose Hub that
// becomes history after the switch, selection chips counting the right lines, and the no-key banner's layout.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { startHub, type LocalHub } from '../hub/server';
import { startCodeServer, type CodeServer } from '../runner/codeServer';
import { chatFrame, openWorkbench, remoteUri, runCommand, screenshot, type Workbench } from '../runner/workbench';

const REPO = path.resolve(__dirname, '..', '..');
const SAMPLE = [
  'export function add(a: number, b: number): number {',
  '  return a + b;',
  '}',
  '',
  'export function sub(a: number, b: number): number {',
  '  return a - b;',
  '}',
  '',
].join('\n');
const TABLE = [
  'Two approaches:',
  '',
  '| Approach | Determinism | Reproducibility | Maintainability | Performance | Implementation |',
  '|---|---|---|---|---|---|',
  '| Recursive | Deterministic | Reproducible | Straightforward | Exponential | Uncomplicated |',
  '| Iterative | Deterministic | Reproducible | Straightforward | Linear | Uncomplicated |',
  '',
].join('\n');

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function openFile(page: Page, name: string, firstLine: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  const lines = page.locator('.editor-instance .monaco-editor .view-lines', { hasText: firstLine }).first();
  await lines.waitFor({ timeout: 30_000 });
  await lines.click();
}

async function send(frame: FrameLocator, text: string): Promise<void> {
  const input = frame.locator('textarea.input');
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

/** Chooses a hub by typing its URL into Choose Hub's "Custom URL…". */
async function chooseCustomHub(page: Page, url: string): Promise<void> {
  await runCommand(page, 'AI Hub: Choose Hub');
  const picker = page.locator('.quick-input-widget');
  await picker.locator('.quick-input-title', { hasText: 'AI Hub: Choose Hub' }).waitFor();
  await picker.locator('input').fill('Custom URL');
  await picker.locator('.quick-input-list .monaco-list-row', { hasText: 'Custom URL' }).first().waitFor();
  await page.keyboard.press('Enter');
  await picker.locator('.quick-input-title', { hasText: 'Custom Hub URL' }).waitFor();
  await picker.locator('input').fill(url);
  await page.keyboard.press('Enter');
}

describe('Chat panel polish (e2e)', function () {
  let hub: LocalHub | undefined;
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  const page = () => workbench!.page;
  const frame = () => chatFrame(page());
  const host = () => new URL(hub!.url).host;
  const chatRequests = () => hub!.requests.filter((r) => r.path.endsWith('/chat/completions')).length;

  before(async () => {
    hub = await startHub({ apiKey: null });
    server = await startCodeServer({
      smokeTestDriver: true,
      machineSettings: { 'aihub.baseUrl': hub.url },
      userSettings: { 'aihub.defaultModel': 'gpt-4o-mini', 'workbench.secondarySideBar.defaultVisibility': 'hidden' },
    });
    fs.writeFileSync(path.join(server.dirs.workspace, 'sample.ts'), SAMPLE);
    fs.writeFileSync(path.join(server.dirs.workspace, 'other.ts'), 'export const answer = 42;\n');
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

  it('Explain opens the chat without a welcome flash; it continues a conversation about the same file only', async () => {
    await page().locator('.statusbar-item', { hasText: 'gpt-4o-mini' }).first().waitFor({ timeout: 60_000 });
    await openFile(page(), 'sample.ts', 'export function add');
    await page().keyboard.press('Control+Home');
    await page().keyboard.press('ArrowDown');
    await runCommand(page(), 'AI Hub: Explain Selection');
    // From the moment the page exists until the question shows: never the empty welcome, never a blank model button.
    const samples: { empty: boolean; blankModel: boolean; turns: number }[] = [];
    await waitUntil(
      async () => {
        const sample = await frame()
          .locator('body')
          .evaluate(
            (body) => {
              const q = (s: string) =>
                (body as unknown as { querySelector(s: string): { hidden: boolean; textContent: string } | null }).querySelector(s);
              const picker = q('.model-picker');
              return {
                empty: !!q('.empty') && !q('.empty')!.hidden,
                blankModel: !!picker && !picker.hidden && !(q('.model-label')?.textContent ?? '').trim(),
                turns: (body as unknown as { querySelectorAll(s: string): { length: number } }).querySelectorAll('.turn.user').length,
              };
            },
            undefined,
            { timeout: 250 },
          )
          .catch(() => undefined);
        if (sample) samples.push(sample);
        return !!sample && sample.turns > 0;
      },
      'the explain question in the chat',
      60_000,
    );
    assert.ok(samples.length > 0);
    assert.deepEqual(
      samples.filter((s) => s.empty || s.blankModel),
      [],
      'no welcome and no blank model button before the conversation',
    );
    await frame().locator('.turn.assistant .turn-footer').first().waitFor({ timeout: 30_000 });

    // The same file again: the conversation continues, and the panel says so.
    await openFile(page(), 'sample.ts', 'export function add');
    await page().keyboard.press('Control+End');
    await page().keyboard.press('ArrowUp');
    await page().keyboard.press('ArrowUp');
    await runCommand(page(), 'AI Hub: Explain Selection');
    await frame().locator('.turn.assistant').nth(1).locator('.turn-footer').waitFor({ timeout: 30_000 });
    assert.equal(await frame().locator('.turn.user').count(), 2);
    assert.match(
      await frame().locator('.notice').innerText(),
      /Continuing: ".*", which is about sample\.ts too\. New Chat starts afresh\./,
    );
    await screenshot(page(), 'polish-explain-continuing');

    // Another file: a new conversation, without the history about sample.ts.
    await openFile(page(), 'other.ts', 'export const answer');
    await runCommand(page(), 'AI Hub: Explain Selection');
    await frame().locator('.turn.assistant .turn-footer').first().waitFor({ timeout: 30_000 });
    assert.equal(await frame().locator('.turn.user').count(), 1, 'a new conversation');
    const last = hub!.requests.filter((r) => r.path.endsWith('/chat/completions')).at(-1);
    assert.doesNotMatch(JSON.stringify(last?.body), /sample\.ts/, 'the other file history is not sent');
  });

  it('Send is disabled with nothing to send, Enter on spaces says why, and an empty chat offers no Export', async () => {
    await runCommand(page(), 'AI Hub: New Chat');
    const sendButton = frame().locator('.send-button');
    await waitUntil(async () => (await frame().locator('.turn').count()) === 0, 'the new chat');
    assert.equal(await sendButton.isDisabled(), true, 'Send is disabled on an empty input');
    const before = chatRequests();
    await send(frame(), '   ');
    await frame().locator('.composer-hint', { hasText: 'Nothing to send' }).waitFor();
    assert.equal(chatRequests(), before, 'nothing was sent');
    await screenshot(page(), 'polish-empty-send');
    await frame().locator('textarea.input').fill('x');
    assert.equal(await sendButton.isDisabled(), false);
    await frame().locator('textarea.input').fill('');

    await page().keyboard.press('Control+Shift+P');
    await page().locator('.quick-input-widget input').fill('>AI Hub: Export Chat');
    await page().waitForTimeout(500);
    assert.equal(await page().locator('.quick-input-list .monaco-list-row', { hasText: 'Export Chat to Markdown' }).count(), 0);
    await page().keyboard.press('Escape');
  });

  it('waits visibly for a slow hub, with the seconds, then shows the answer', async () => {
    hub!.enqueue({ kind: 'slow', delayMs: 3_500 });
    await send(frame(), 'Are you there?');
    const waiting = frame().locator('.turn.assistant .waiting');
    await waiting.waitFor({ timeout: 10_000 });
    assert.match(await waiting.innerText(), new RegExp(`Waiting for ${host().replace(/\./g, '\\.')}… [1-9] s`));
    await screenshot(page(), 'polish-waiting');
    await frame().locator('.turn.assistant .turn-footer').first().waitFor({ timeout: 30_000 });
    assert.equal(await waiting.count(), 0, 'the wait note is gone once the answer arrives');
    // Export is offered now that there is something to export.
    await page().keyboard.press('Control+Shift+P');
    await page().locator('.quick-input-widget input').fill('>AI Hub: Export Chat');
    await page().locator('.quick-input-list .monaco-list-row', { hasText: 'Export Chat to Markdown' }).first().waitFor();
    await page().keyboard.press('Escape');
  });

  it('follows a long answer to its end: the last lines, usage and buttons are in view', async () => {
    hub!.enqueue({ kind: 'chunks', count: 300, chunkText: 'A line of the long answer.\n\n' });
    await send(frame(), 'A long answer, please');
    const footer = frame().locator('.turn.assistant').nth(1).locator('.turn-footer');
    await footer.waitFor({ timeout: 30_000 });
    await page().waitForTimeout(500);
    const gap = await frame()
      .locator('.transcript')
      .evaluate((el) => {
        const e = el as unknown as { scrollHeight: number; scrollTop: number; clientHeight: number };
        return e.scrollHeight - e.scrollTop - e.clientHeight;
      });
    assert.ok(gap < 40, `the transcript is scrolled to its end (${gap}px left below)`);
    await screenshot(page(), 'polish-followed-to-end');
  });

  it('folds a huge question, with a button to show all of it', async () => {
    hub!.enqueue({ kind: 'text', text: 'Got it.' });
    const huge = Array.from({ length: 2_000 }, (_, i) => `const line${i} = ${i};`).join('\n');
    await send(frame(), huge);
    const question = frame().locator('.turn.user').nth(2);
    const toggle = question.locator('.fold-toggle');
    await toggle.waitFor({ timeout: 15_000 });
    assert.equal(await toggle.innerText(), 'Show all 2,000 lines');
    assert.ok((await question.locator('.user-text').innerText()).split('\n').length <= 24, 'folded to its first lines');
    await screenshot(page(), 'polish-folded-question');
    await toggle.click();
    assert.equal((await question.locator('.user-text').innerText()).split('\n').length, 2_000);
    await toggle.click();
    await frame().locator('.turn.assistant').nth(2).locator('.turn-footer').waitFor({ timeout: 30_000 });
  });

  it('editing a question says that the later questions are removed too', async () => {
    const first = frame().locator('.turn.user').first();
    await first.hover();
    await first.locator('[data-action="edit"]').click();
    const hint = frame().locator('.edit-actions .hint');
    await hint.waitFor();
    assert.equal(await hint.innerText(), 'Sending replaces its answer and removes the 2 later questions and their answers.');
    await screenshot(page(), 'polish-edit-hint');
    await frame().locator('.edit-input').press('Escape');
  });

  it('keeps words whole in a table and lets the narrow view scroll it sideways', async () => {
    hub!.enqueue({ kind: 'text', text: TABLE });
    await send(frame(), 'Compare recursion and iteration in a table');
    const table = frame().locator('.turn.assistant').nth(3).locator('table');
    await table.waitFor({ timeout: 30_000 });
    await frame().locator('.turn.assistant').nth(3).locator('.turn-footer').waitFor({ timeout: 30_000 });
    const layout = await table.evaluate((el) => {
      type Box = { scrollWidth: number; clientWidth: number; querySelectorAll(s: string): ArrayLike<{ textContent: string }> };
      const t = el as unknown as Box;
      const doc = (
        globalThis as unknown as {
          document: { createRange(): { selectNodeContents(n: unknown): void; getClientRects(): { length: number } } };
        }
      ).document;
      const broken = Array.from(t.querySelectorAll('td, th'))
        .filter((cell) => {
          const range = doc.createRange();
          range.selectNodeContents(cell);
          return range.getClientRects().length > 1;
        })
        .map((cell) => cell.textContent);
      return { scrollWidth: t.scrollWidth, clientWidth: t.clientWidth, broken };
    });
    assert.deepEqual(layout.broken, [], 'no one-word cell is broken across lines');
    assert.ok(layout.scrollWidth > layout.clientWidth, `the table scrolls sideways (${layout.scrollWidth} > ${layout.clientWidth})`);
    await screenshot(page(), 'polish-table');
  });

  it('labels the code-block buttons where there is room (an editor tab), icons only in the narrow sidebar', async () => {
    await send(frame(), 'Show me a constant');
    const reply = frame().locator('.turn.assistant').nth(4);
    await reply.locator('.turn-footer').waitFor({ timeout: 30_000 });
    const label = reply.locator('.code-actions .button-label').first();
    assert.equal(await label.isVisible(), false, 'icons only in the sidebar');
    await runCommand(page(), 'AI Hub: Open Chat in Editor');
    let checked = false;
    await waitUntil(async () => {
      for (const outer of await page().locator('iframe.webview.ready').all()) {
        const box = await outer.boundingBox();
        if (!box || box.width < 600) continue;
        const inner = outer.contentFrame().locator('#active-frame').contentFrame();
        const labels = inner.locator('.turn.assistant').nth(4).locator('.code-actions .button-label');
        if ((await labels.count()) === 0) continue;
        assert.deepEqual(await labels.allInnerTexts(), ['Copy', 'Insert', 'Replace', 'New File']);
        checked = await labels.first().isVisible();
        if (checked) return true;
      }
      return false;
    }, 'the labelled buttons in the editor tab');
    assert.ok(checked);
    await screenshot(page(), 'polish-code-labels');
    await page().keyboard.press('Control+W');
  });

  it('the model button says when this chat is not on the default model (the one in the status bar)', async () => {
    const note = frame().locator('.model-note');
    assert.equal(await note.isVisible(), false);
    await frame().locator('.model-button').click();
    await frame().locator('.model-search').fill('claude-opus-4.6');
    await frame().locator('.model-list li', { hasText: 'claude-opus-4.6' }).first().waitFor({ timeout: 15_000 });
    await frame().locator('.model-search').press('Enter');
    await note.waitFor();
    assert.equal(await note.innerText(), 'this chat');
    assert.match(
      (await frame().locator('.model-button').getAttribute('title')) ?? '',
      /This chat uses claude-opus-4\.6\. The default model \(in the status bar\), for new chats and the selection commands, is gpt-4o-mini\./,
    );
    await screenshot(page(), 'polish-model-not-default');
  });

  it('an unreachable hub: Choose Hub on its card; the hub left stays listed; after the switch the card is history', async () => {
    const dead = await startHub();
    const deadUrl = dead.url;
    await dead.close();
    const deadHost = new URL(deadUrl).host;
    await runCommand(page(), 'AI Hub: New Chat');
    await chooseCustomHub(page(), deadUrl);
    await page().locator('.statusbar-item', { hasText: deadHost }).first().waitFor({ timeout: 15_000 });
    await send(frame(), 'Hello?');
    const card = frame().locator('.turn-error');
    await card.waitFor({ timeout: 30_000 });
    assert.match(await card.innerText(), /Could not reach the hub/);
    assert.doesNotMatch(await card.innerText(), /aihub\.baseUrl/);
    await screenshot(page(), 'polish-unreachable-card');
    await card.getByRole('button', { name: 'Choose Hub' }).click();

    const picker = page().locator('.quick-input-widget');
    await picker.locator('.quick-input-title', { hasText: 'AI Hub: Choose Hub' }).waitFor();
    const rows = picker.locator('.quick-input-list .monaco-list-row');
    await rows.first().waitFor();
    const listed = await rows.allInnerTexts();
    assert.ok(
      listed.some((r) => r.includes(host())),
      `the hub used before is still listed: ${JSON.stringify(listed)}`,
    );
    await picker.locator('input').fill(host());
    await picker.locator('.quick-input-list .monaco-list-row', { hasText: host() }).first().waitFor();
    await page().keyboard.press('Enter');
    const stale = frame().locator('.turn-error.stale');
    await stale.waitFor({ timeout: 15_000 });
    assert.equal(
      await stale.innerText().then((t) => t.split('\n')[0]),
      `This failed on ${deadHost}, the hub used before. Retry asks ${host()}.`,
    );
    await screenshot(page(), 'polish-stale-card');
    await stale.getByRole('button', { name: 'Retry' }).click();
    await frame().locator('.turn.assistant .turn-footer').first().waitFor({ timeout: 30_000 });
    assert.equal(await frame().locator('.turn-error').count(), 0, 'the retry on the new hub answered');
  });

  it('names an attached selection by the lines it covers', async () => {
    await openFile(page(), 'sample.ts', 'export function add');
    await page().keyboard.press('Control+Home');
    for (let i = 0; i < 3; i++) await page().keyboard.press('Shift+ArrowDown');
    await frame().locator('[data-action="attach-selection"]').click();
    const chip = frame().locator('.composer-chips .chip');
    await chip.waitFor();
    assert.equal((await chip.innerText()).trim(), 'sample.ts:1-3 · 3 lines');
    await chip.locator('.chip-remove').click();
  });

  it('the no-key banner keeps its text readable in the narrow sidebar', async () => {
    // 0.0.0.0 is another machine to the extension: a key is needed, and none is set for it.
    await chooseCustomHub(page(), hub!.url.replace('127.0.0.1', '0.0.0.0'));
    const dialog = page().locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Allow Plain HTTP' }).click();
    const banner = frame().locator('.key-banner');
    await banner.waitFor({ timeout: 15_000 });
    const widths = await banner.evaluate((el) => {
      const e = el as unknown as { clientWidth: number; querySelector(s: string): { clientWidth: number } };
      return { banner: e.clientWidth, text: e.querySelector('.key-text').clientWidth };
    });
    assert.ok(widths.text >= widths.banner * 0.7, `the text has most of the width: ${JSON.stringify(widths)}`);
    await screenshot(page(), 'polish-key-banner');
  });
});
