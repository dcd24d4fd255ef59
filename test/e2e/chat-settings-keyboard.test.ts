// A conversation's settings and the chat's keyboard, in a real VS Code UI against the local hub: the settings
// popover beside the model button (a temperature out of range refused with the range, the settings sent as set,
// reasoning effort offered and sent only for a model that takes it, Esc returning focus to its button), Up in an
// empty input editing the last question, Esc stopping a reply, Ctrl+L starting a new chat from the chat, and
// Ctrl+K A reaching the chat's input from the editor.
import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { chatFrame, openFile, runCommand, screenshot } from '../runner/workbench';
import { useExtensionSession, useLocalHub } from './fixture';

const STALL = '[[scenario:{"kind":"stall","afterChunks":6,"ms":60000}]]';

interface ChatBody {
  model: string;
  messages: { role: string; content: string }[];
  [field: string]: unknown;
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function send(frame: FrameLocator, text: string): Promise<void> {
  const input = frame.locator('textarea.input');
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

/** Whether the element is the focused one in its frame (and the frame's document has focus). */
async function focused(frame: FrameLocator, selector: string): Promise<boolean> {
  return frame
    .locator(selector)
    .first()
    .evaluate((el) => {
      const doc = (el as unknown as { ownerDocument: { activeElement: unknown; hasFocus(): boolean } }).ownerDocument;
      return doc.activeElement === el && doc.hasFocus();
    })
    .catch(() => false);
}

describe('Chat settings and keyboard (e2e)', function () {
  const hub = useLocalHub();
  const session = useExtensionSession(() => ({
    machineSettings: { 'aihub.baseUrl': hub().url },
    userSettings: {
      'aihub.defaultModel': 'gpt-4o-mini',
      'aihub.systemPrompt': 'You are a careful reviewer.',
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
    },
    files: { 'notes.ts': 'export const note = 1;\n' },
  }));
  const page = (): Page => session.page;
  const frame = () => chatFrame(page());
  const bodies = () =>
    hub()
      .requests.filter((r) => r.path.endsWith('/chat/completions'))
      .map((r) => r.body as ChatBody);

  /** Sends and waits for the reply to finish; returns the request the hub received for it. */
  async function ask(text: string): Promise<ChatBody> {
    const before = bodies().length;
    const replies = await frame().locator('.turn.assistant .turn-footer').count();
    await send(frame(), text);
    await frame().locator('.turn.assistant .turn-footer').nth(replies).waitFor({ timeout: 30_000 });
    await waitUntil(async () => bodies().length > before, 'the request at the hub');
    return bodies()[before];
  }

  async function chooseModel(model: string): Promise<void> {
    await frame().locator('.model-button').click();
    await frame().locator('.model-search').fill(model);
    await frame().locator('.model-list li[data-model]', { hasText: model }).first().waitFor({ timeout: 15_000 });
    await frame().locator('.model-search').press('Enter');
    await waitUntil(async () => (await frame().locator('.model-label').innerText()) === model, `the model button to say ${model}`);
  }

  before(async () => {
    await page().locator('.statusbar-item', { hasText: 'gpt-4o-mini' }).first().waitFor({ timeout: 60_000 });
    await runCommand(page(), 'AI Hub: Open Chat');
    await frame().locator('textarea.input').waitFor({ timeout: 60_000 });
    const models = page()
      .locator('.pane-header', { hasText: /^Models/ })
      .first();
    if ((await models.getAttribute('aria-expanded')) === 'true') await models.click();
  });

  it('refuses a temperature out of range in the popover, and sends the settings as saved', async () => {
    const button = frame().locator('.settings-button');
    await button.click();
    const popup = frame().locator('.settings-popup');
    await popup.waitFor();
    assert.match((await popup.locator('#chat-system-prompt').getAttribute('placeholder')) ?? '', /You are a careful reviewer\./);
    assert.ok(await popup.locator('#chat-reasoning-effort').isDisabled(), 'gpt-4o-mini takes no reasoning effort');
    assert.match(await popup.locator('#chat-effort-note').innerText(), /gpt-4o-mini does not take a reasoning effort: none is sent/);

    await popup.locator('#chat-temperature').fill('5');
    await popup.locator('#chat-temperature').press('Enter');
    const error = popup.locator('.settings-error');
    await error.waitFor();
    assert.match(await error.innerText(), /Temperature must be a number from 0 to 2 \(it was 5\)/);
    assert.equal(await popup.locator('#chat-temperature').getAttribute('aria-invalid'), 'true');
    await screenshot(page(), 'settings-refused');

    await popup.locator('#chat-system-prompt').fill('Answer like a pirate.');
    await popup.locator('#chat-temperature').fill('0.3');
    await popup.locator('#chat-max-tokens').fill('200');
    await screenshot(page(), 'settings-popover');
    await popup.getByRole('button', { name: 'Save' }).click();
    await popup.waitFor({ state: 'hidden' });
    await waitUntil(
      async () => /temperature 0\.3/.test((await button.getAttribute('aria-label')) ?? ''),
      'the button to name the settings',
    );

    const body = await ask('Hello there');
    assert.deepEqual(body.messages[0], { role: 'system', content: 'Answer like a pirate.' });
    assert.equal(body.temperature, 0.3);
    assert.equal(body.max_tokens, 200);
    assert.equal('reasoning_effort' in body, false);
  });

  it('offers and sends a reasoning effort for a model that takes it; Esc closes the popover onto its button', async () => {
    await chooseModel('o3-mini');
    const button = frame().locator('.settings-button');
    await button.focus();
    await button.press('Enter');
    const popup = frame().locator('.settings-popup');
    await popup.waitFor();
    const effort = popup.locator('#chat-reasoning-effort');
    await waitUntil(async () => !(await effort.isDisabled()), 'the reasoning effort to be offered for o3-mini');
    assert.match(await popup.locator('#chat-effort-note').innerText(), /o3-mini takes a reasoning effort, judging by its name/);
    assert.equal(await popup.locator('#chat-temperature').inputValue(), '0.3', 'the saved settings are shown');
    await effort.selectOption('high');
    await screenshot(page(), 'settings-reasoning');
    await popup.locator('#chat-max-tokens').press('Enter');
    await popup.waitFor({ state: 'hidden' });

    const body = await ask('Think hard');
    assert.equal(body.model, 'o3-mini');
    assert.equal(body.reasoning_effort, 'high');
    assert.equal(body.temperature, 0.3);

    await button.press('Enter');
    await popup.waitFor();
    await popup.locator('#chat-system-prompt').press('Escape');
    await popup.waitFor({ state: 'hidden' });
    await waitUntil(() => focused(frame(), '.settings-button'), 'focus back on the settings button');
    assert.equal(await frame().locator('.turn-status.stopped').count(), 0, 'Esc in the popover stopped nothing');
  });

  it('Up in an empty input edits the last question, and Enter sends it again', async () => {
    const input = frame().locator('textarea.input');
    await input.click();
    await input.press('ArrowUp');
    const edit = frame().locator('.turn.user.editing textarea.edit-input');
    await edit.waitFor();
    assert.equal(await edit.inputValue(), 'Think hard');
    await waitUntil(() => focused(frame(), '.turn.user.editing textarea.edit-input'), 'focus in the edit box');
    await screenshot(page(), 'keyboard-edit-last');
    // Esc leaves the question as it was and returns to the input.
    await edit.press('Escape');
    await waitUntil(() => focused(frame(), 'textarea.input'), 'focus back in the input');
    await input.press('ArrowUp');
    await edit.waitFor();
    const before = bodies().length;
    await edit.fill('Think harder');
    await edit.press('Enter');
    await waitUntil(async () => bodies().length > before, 'the edited question at the hub');
    const body = bodies()[before];
    assert.equal(body.messages.at(-1)?.content, 'Think harder');
    await frame().locator('.turn.user', { hasText: 'Think harder' }).waitFor();
    await frame().locator('.send-button:not(.stop)').waitFor({ timeout: 30_000 });
    // A draft is never replaced: Up with text in the input moves the caret, nothing more.
    await input.fill('draft');
    await input.press('ArrowUp');
    assert.equal(await frame().locator('.turn.user.editing').count(), 0);
    await input.fill('');
  });

  it('Esc stops a streaming reply and keeps what arrived', async () => {
    const replies = await frame().locator('.turn.assistant').count();
    await send(frame(), `A long answer ${STALL}`);
    const reply = frame().locator('.turn.assistant').nth(replies);
    await reply.locator('.reply-body', { hasText: 'Echo' }).waitFor({ timeout: 30_000 });
    await frame().locator('textarea.input').press('Escape');
    await reply.locator('.turn-status.stopped').waitFor({ timeout: 15_000 });
    assert.match(await reply.locator('.reply-body').innerText(), /Echo/);
    await screenshot(page(), 'keyboard-esc-stopped');
  });

  it('Ctrl+L in the chat starts a new chat; Ctrl+K A in the editor reaches the chat input', async () => {
    await frame().locator('.send-button:not(.stop)').waitFor();
    await frame().locator('textarea.input').click();
    await page().keyboard.press('Control+L');
    await waitUntil(async () => (await frame().locator('.turn').count()) === 0, 'a new, empty chat');

    await openFile(page(), 'notes.ts', 'export const note');
    await page().locator('.editor-instance .monaco-editor .view-lines', { hasText: 'export const note' }).first().click();
    await page().keyboard.press('Control+K');
    await page().keyboard.press('a');
    await waitUntil(() => focused(frame(), 'textarea.input'), 'focus in the chat input');
    await page().keyboard.type('typed straight in');
    assert.equal(await frame().locator('textarea.input').inputValue(), 'typed straight in');
    await screenshot(page(), 'keyboard-focus-input');
  });
});
