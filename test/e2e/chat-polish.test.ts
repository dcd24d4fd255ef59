// The chat panel's small things, in a real VS Code UI, as a new user meets them: no welcome flash before the
// conversation arrives, selection commands that continue only a conversation about the same file, Send that
// says when there is nothing to send, a visible wait for a slow hub, following a long answer to its end, huge
// questions folded, tables that scroll instead of breaking words, labelled code-block buttons where there is
// room, the model button saying when a chat is off the default, an unreachable hub's card with Choose Hub that
// becomes history after the switch, selection chips counting the right lines, and the no-key banner's layout.
import * as assert from 'node:assert/strict';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { startHub } from '../hub/server';
import {
  acceptQuickInputRow,
  chatFrame,
  openFile as openWorkbenchFile,
  runCommand,
  screenshot,
  typeInQuickInput,
} from '../runner/workbench';
import { useExtensionSession, useLocalHub } from './fixture';

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

/** Runs in the page: typed loosely, since these tests compile without the DOM library. */
type Styles = { getComputedStyle(el: unknown, pseudo?: string): { display: string; content: string } };

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens a file and puts the cursor in its editor. */
async function openFile(page: Page, name: string, firstLine: string): Promise<void> {
  await openWorkbenchFile(page, name, firstLine);
  await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: firstLine }).first().click();
}

/** The command palette, once whatever had focus (a quick pick closing, the chat input) has settled. */
async function command(page: Page, title: string): Promise<void> {
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.waitForTimeout(400);
  await runCommand(page, title);
}

/** Which palette commands match `query` (the palette is closed again afterwards). */
async function paletteRows(page: Page, query: string): Promise<string[]> {
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.waitForTimeout(400);
  await typeInQuickInput(page, 'Control+Shift+P', query);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  const rows = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
  await page.keyboard.press('Escape');
  return rows;
}

async function send(frame: FrameLocator, text: string): Promise<void> {
  const input = frame.locator('textarea.input');
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

/** Chooses a hub by typing its URL into Choose Hub's "Custom URL…". */
async function chooseCustomHub(page: Page, url: string): Promise<void> {
  await command(page, 'AI Hub: Choose Hub');
  const picker = page.locator('.quick-input-widget');
  await picker.locator('.quick-input-title', { hasText: 'AI Hub: Choose Hub' }).waitFor();
  await picker.locator('input').fill('Custom URL');
  await acceptQuickInputRow(page, 'Custom URL');
  await picker.locator('.quick-input-title', { hasText: 'Custom Hub URL' }).waitFor();
  await picker.locator('input').fill(url);
  await page.keyboard.press('Enter');
}

describe('Chat panel polish (e2e)', function () {
  const hub = useLocalHub();
  const session = useExtensionSession(() => ({
    machineSettings: { 'aihub.baseUrl': hub().url },
    userSettings: {
      'aihub.defaultModel': 'gpt-4o-mini',
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      // A model with a small context, to meet the chat's context budget without megabytes of text.
      'aihub.modelLimits': { 'tiny-context-model': { maxInputTokens: 1_500, maxOutputTokens: 500 } },
    },
    files: { 'sample.ts': SAMPLE, 'other.ts': 'export const answer = 42;\n' },
  }));
  const page = () => session.page;
  const frame = () => chatFrame(page());
  const host = () => new URL(hub().url).host;
  const chatRequests = () => hub().requests.filter((r) => r.path.endsWith('/chat/completions')).length;

  it('Explain opens the chat without a welcome flash; it continues a conversation about the same file only', async () => {
    await page().locator('.statusbar-item', { hasText: 'gpt-4o-mini' }).first().waitFor({ timeout: 60_000 });
    await openFile(page(), 'sample.ts', 'export function add');
    await page().keyboard.press('Control+Home');
    for (let i = 0; i < 3; i++) await page().keyboard.press('Shift+ArrowDown');
    await command(page(), 'AI Hub: Explain Selection');
    // From the moment the page exists until the question shows: never the empty welcome, never a blank model button.
    const samples: { empty: boolean; blankModel: boolean; turns: number }[] = [];
    await waitUntil(
      async () => {
        const picker = frame().locator('.model-picker');
        const sample = {
          empty: await frame().locator('.empty').isVisible(),
          blankModel: (await picker.isVisible()) && !(await frame().locator('.model-label').innerText({ timeout: 1_000 })).trim(),
          turns: await frame().locator('.turn.user').count(),
        };
        samples.push(sample);
        return sample.turns > 0;
      },
      'the explain question in the chat',
      60_000,
    ).catch(async (err: unknown) => {
      await screenshot(page(), 'polish-explain-failed');
      throw err;
    });
    assert.ok(samples.length > 0);
    assert.deepEqual(
      samples.filter((s) => s.empty || s.blankModel),
      [],
      'no welcome and no blank model button before the conversation',
    );
    await frame().locator('.turn.assistant .turn-footer').first().waitFor({ timeout: 30_000 });
    // Fold the Models view that shares the container, so the chat has the whole height.
    const models = page()
      .locator('.pane-header', { hasText: /^Models/ })
      .first();
    if ((await models.getAttribute('aria-expanded')) === 'true') await models.click();

    // The same file again: the conversation continues, and the panel says so.
    await openFile(page(), 'sample.ts', 'export function add');
    await page().keyboard.press('Control+End');
    for (let i = 0; i < 4; i++) await page().keyboard.press('Shift+ArrowUp');
    await command(page(), 'AI Hub: Explain Selection');
    await frame().locator('.turn.assistant').nth(1).locator('.turn-footer').waitFor({ timeout: 30_000 });
    assert.equal(await frame().locator('.turn.user').count(), 2);
    assert.match(
      await frame().locator('.notice').innerText(),
      /Continuing: ".*", which is about sample\.ts too\. New Chat starts afresh\./,
    );
    await screenshot(page(), 'polish-explain-continuing');

    // Another file: a new conversation, without the history about sample.ts.
    await openFile(page(), 'other.ts', 'export const answer');
    await page().keyboard.press('Control+A');
    await command(page(), 'AI Hub: Explain Selection');
    // The conversation about sample.ts stays on screen until the new one arrives: wait for the swap.
    await waitUntil(async () => (await frame().locator('.turn.user').count()) === 1, 'a new conversation', 30_000);
    await frame().locator('.turn.assistant .turn-footer').first().waitFor({ timeout: 30_000 });
    const last = hub()
      .requests.filter((r) => r.path.endsWith('/chat/completions'))
      .at(-1);
    assert.doesNotMatch(JSON.stringify(last?.body), /sample\.ts/, 'the other file history is not sent');
  });

  it('Send is disabled with nothing to send, Enter on spaces says why, and an empty chat offers no Export', async () => {
    await command(page(), 'AI Hub: New Chat');
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

    const rows = await paletteRows(page(), '>AI Hub: E');
    assert.ok(
      rows.some((r) => r.includes('Explain Selection')),
      `the palette lists AI Hub commands: ${JSON.stringify(rows)}`,
    );
    assert.ok(!rows.some((r) => r.includes('Export Chat')), 'no Export on an empty chat');
  });

  it('waits visibly for a slow hub, with the seconds, then shows the answer', async () => {
    hub().enqueue({ kind: 'slow', delayMs: 3_500 });
    await send(frame(), 'Are you there?');
    const waiting = frame().locator('.turn.assistant .waiting');
    await waiting.waitFor({ timeout: 10_000 });
    assert.match(await waiting.innerText(), new RegExp(`Waiting for ${host().replace(/\./g, '\\.')}… [1-9] s`));
    await screenshot(page(), 'polish-waiting');
    await frame().locator('.turn.assistant .turn-footer').first().waitFor({ timeout: 30_000 });
    assert.equal(await waiting.count(), 0, 'the wait note is gone once the answer arrives');
    // Export is offered now that there is something to export.
    assert.ok((await paletteRows(page(), '>AI Hub: E')).some((r) => r.includes('Export Chat to Markdown')));
  });

  it('follows a long answer to its end: the last lines, usage and buttons are in view', async () => {
    hub().enqueue({ kind: 'chunks', count: 300, chunkText: 'A line of the long answer.\n\n' });
    await send(frame(), 'A long answer, please');
    const footer = frame().locator('.turn.assistant').last().locator('.turn-footer');
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
    hub().enqueue({ kind: 'text', text: 'Got it.' });
    const huge = Array.from({ length: 2_000 }, (_, i) => `const line${i} = ${i};`).join('\n');
    // Pasted, as a person would: typing 2,000 lines key by key is not what this is about.
    const input = frame().locator('textarea.input');
    await input.evaluate((el, text) => {
      const area = el as unknown as { value: string; dispatchEvent(e: unknown): void };
      area.value = text;
      area.dispatchEvent(new (globalThis as unknown as { Event: new (type: string) => unknown }).Event('input'));
    }, huge);
    await input.press('Enter');
    const question = frame().locator('.turn.user').last();
    const toggle = question.locator('.fold-toggle');
    await toggle.waitFor({ timeout: 15_000 });
    assert.equal(await toggle.innerText(), 'Show all 2,000 lines');
    assert.ok((await question.locator('.user-text').innerText()).split('\n').length <= 24, 'folded to its first lines');
    await screenshot(page(), 'polish-folded-question');
    await toggle.click();
    assert.equal((await question.locator('.user-text').innerText()).split('\n').length, 2_000);
    await toggle.click();
    await frame().locator('.turn.assistant').last().locator('.turn-footer').waitFor({ timeout: 30_000 });
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
    hub().enqueue({ kind: 'text', text: TABLE });
    await send(frame(), 'Compare recursion and iteration in a table');
    await frame().locator('.turn.assistant').last().locator('.turn-footer').waitFor({ timeout: 30_000 });
    const table = frame().locator('.turn.assistant').last().locator('table');
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
    const reply = frame().locator('.turn.assistant').last();
    await reply.locator('.turn-footer').waitFor({ timeout: 30_000 });
    // A button is one element: its icon is drawn as ::before, its label as ::after (codeBlocks.ts).
    const labelsOf = (buttons: Locator) =>
      buttons.evaluateAll((els) =>
        els.map((el) => {
          const after = (globalThis as unknown as Styles).getComputedStyle(el, '::after');
          return after.display === 'none' ? '' : after.content.replace(/^"|"$/g, '');
        }),
      );
    const buttons = reply.locator('.code-actions button');
    await buttons.first().waitFor();
    assert.equal(await buttons.count(), 5);
    assert.deepEqual(await labelsOf(buttons), ['', '', '', '', ''], 'icons only in the sidebar');
    assert.ok(
      await buttons.first().evaluate((el) => (globalThis as unknown as Styles).getComputedStyle(el, '::before').content !== 'none'),
      'each button draws its icon',
    );
    // Alone in the editor area the tab is far wider than the 520 px at which labels show: beside another editor it
    // was about that wide, and a few pixels either way decided the test.
    await command(page(), 'View: Close All Editors');
    await command(page(), 'AI Hub: Open Chat in Editor');
    let checked = false;
    await waitUntil(async () => {
      for (const outer of await page().locator('iframe.webview.ready').all()) {
        const box = await outer.boundingBox();
        // The sidebar is under 350 px wide here; the editor tab over 900.
        if (!box || box.width < 600) continue;
        const inner = outer.contentFrame().locator('#active-frame').contentFrame();
        const labelled = inner.locator('.turn.assistant').last().locator('.code-actions button');
        if ((await labelled.count()) === 0) continue;
        const labels = await labelsOf(labelled);
        checked = labels.every((label) => label !== '');
        if (checked) {
          assert.deepEqual(labels, ['Copy', 'Insert', 'Replace', 'New File', 'Apply']);
          return true;
        }
      }
      return false;
    }, 'the labelled buttons in the editor tab').catch(async (err: unknown) => {
      await screenshot(page(), 'polish-code-labels-failed');
      throw err;
    });
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

  it("counts the conversation against the model's context: oldest turns left out with a note, an oversized question refused", async () => {
    await command(page(), 'AI Hub: New Chat');
    await frame().locator('.model-button').click();
    await frame().locator('.model-search').fill('tiny-context-model');
    await frame().locator('.model-list li', { hasText: 'Use "tiny-context-model"' }).waitFor();
    await frame().locator('.model-search').press('Enter');
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i % 10}`).join(' ');
    // Each echo answer repeats its question, so two questions of ~500 tokens fill the 1,500-token window.
    for (const question of [`First: ${words(250)}`, `Second: ${words(250)}`]) {
      hub().enqueue({ kind: 'text', text: words(200) });
      await send(frame(), question);
      await frame().locator('.turn.assistant').last().locator('.turn-footer').waitFor({ timeout: 30_000 });
    }
    hub().enqueue({ kind: 'text', text: 'Short answer.' });
    await send(frame(), 'Third, short');
    const note = frame().locator('.turn.assistant').last().locator('.context-note');
    await note.waitFor({ timeout: 30_000 });
    assert.match(
      await note.innerText(),
      /The \d+ oldest messages of this conversation were left out: it is about [\d,]+ tokens, and tiny-context-model takes 1,500 in \(your aihub\.modelLimits\)\. New Chat starts afresh\./,
    );
    const sent = hub()
      .requests.filter((r) => r.path.endsWith('/chat/completions'))
      .at(-1)?.body as { messages: unknown[] };
    assert.ok(sent.messages.length < 5, `the oldest turns were not sent (${sent.messages.length} messages)`);
    await screenshot(page(), 'polish-context-dropped');

    const before = chatRequests();
    await send(frame(), words(2_000));
    const refused = frame().locator('.turn.assistant').last().locator('.turn-error');
    await refused.waitFor({ timeout: 30_000 });
    assert.match(
      await refused.innerText(),
      /Nothing was sent: this question is about [\d,]+ tokens, and tiny-context-model takes 1,500 in/,
    );
    assert.equal(chatRequests(), before, 'the hub received nothing');
    await screenshot(page(), 'polish-context-refused');
    await frame().locator('.context-note').first().getByRole('button', { name: 'New Chat' }).click();
    await waitUntil(async () => (await frame().locator('.turn').count()) === 0, 'a fresh conversation');
  });

  it('an unreachable hub: Choose Hub on its card; the hub left stays listed; after the switch the card is history', async () => {
    const dead = await startHub();
    const deadUrl = dead.url;
    await dead.close();
    const deadHost = new URL(deadUrl).host;
    await command(page(), 'AI Hub: New Chat');
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
    await acceptQuickInputRow(page(), host());
    const stale = frame().locator('.turn-error.stale');
    await stale.waitFor({ timeout: 15_000 });
    assert.equal(
      await stale.innerText().then((t) => t.split('\n')[0]),
      `This failed on ${deadHost}, the hub used before. Retry asks ${host()}.`,
    );
    await screenshot(page(), 'polish-stale-card');
    await stale.getByRole('button', { name: 'Retry' }).click();
    await frame().locator('.turn.assistant .reply-body', { hasText: 'Echo from' }).first().waitFor({ timeout: 30_000 });
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
    assert.match((await chip.innerText()).trim(), /^sample\.ts:1-3 · 3 lines · ~\d+ tokens$/);
    await chip.locator('.chip-remove').click();
  });

  it('the no-key banner keeps its text readable in the narrow sidebar', async () => {
    // 0.0.0.0 is another machine to the extension: a key is needed, and none is set for it.
    await chooseCustomHub(page(), hub().url.replace('127.0.0.1', '0.0.0.0'));
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
