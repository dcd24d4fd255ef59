// The chat history in a real VS Code UI with 1,000 saved conversations: the quick pick opens on them, searches
// the text of the conversations (not only titles), pins one to the top, renames, deletes and switches; a
// conversation file written by a newer version of AI Hub opens read-only, and a question typed in it starts a
// new chat while the file stays as it was.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { acceptQuickInputRow, chatFrame, runCommand, screenshot } from '../runner/workbench';
import { useExtensionSession, useLocalHub } from './fixture';

const COUNT = 1_000;

function saved(i: number, extra: { title?: string; question?: string; answer?: string } = {}): object {
  const id = `seed-${String(i).padStart(4, '0')}`;
  return {
    version: 1,
    id,
    title: extra.title ?? `Seeded conversation ${i}`,
    model: i % 2 ? 'gpt-4o-mini' : 'claude-sonnet-4.5',
    createdAt: 1_760_000_000_000 + i * 60_000,
    updatedAt: 1_760_000_000_000 + i * 60_000,
    turns: [
      { id: `${id}-u`, role: 'user', text: extra.question ?? `Question number ${i}`, createdAt: 1 },
      { id: `${id}-a`, role: 'assistant', model: 'gpt-4o-mini', text: extra.answer ?? `Answer number ${i}`, status: 'done', createdAt: 2 },
    ],
  };
}

describe('Chat history (e2e)', function () {
  let dir = '';
  const hub = useLocalHub();
  const session = useExtensionSession(() => ({
    machineSettings: { 'aihub.baseUrl': hub().url },
    userSettings: { 'aihub.defaultModel': 'gpt-4o-mini', 'workbench.secondarySideBar.defaultVisibility': 'hidden' },
    beforeOpen: (server) => {
      dir = path.join(server.dirs.userData, 'User', 'globalStorage', 'aihub.aihub-vscode', 'conversations');
      fs.mkdirSync(dir, { recursive: true });
      for (let i = 0; i < COUNT; i++) {
        const special =
          i === 500
            ? { title: 'Crossing the road', answer: 'Use the zebra crossing, and look both ways.' }
            : i === 501
              ? { title: 'Animals', question: 'Which animal has stripes?' }
              : {};
        const c = saved(i, special);
        fs.writeFileSync(path.join(dir, `${(c as { id: string }).id}.json`), JSON.stringify(c));
      }
      // Older than every seeded one, so the newest of those is listed first.
      const future = { ...saved(0, { title: 'Written by a later AI Hub' }), version: 2, id: 'from-later', updatedAt: 1, folders: ['work'] };
      fs.writeFileSync(path.join(dir, 'from-later.json'), JSON.stringify(future));
    },
  }));
  const page = (): Page => session.page;
  const frame = () => chatFrame(page());
  const picker = () => page().locator('.quick-input-widget');
  const rows = () => picker().locator('.quick-input-list .monaco-list-row');

  async function openHistory(query: string): Promise<void> {
    // A test that failed with the list open leaves it open: close it so this test starts from the editor.
    if (await picker().isVisible()) await page().keyboard.press('Escape');
    await picker().waitFor({ state: 'hidden' });
    await runCommand(page(), 'AI Hub: Chat History');
    await picker().locator('.quick-input-title', { hasText: 'AI Hub: Chat History' }).waitFor();
    await picker().locator('input').fill(query);
  }

  /** The row with this title, once it is the only one or the first one listed. */
  function row(title: string) {
    return rows().filter({ hasText: title }).first();
  }

  before(async () => {
    await page().locator('.statusbar-item', { hasText: 'gpt-4o-mini' }).first().waitFor({ timeout: 60_000 });
    await runCommand(page(), 'AI Hub: Open Chat');
    await frame().locator('textarea.input').waitFor({ timeout: 60_000 });
  });

  it('opens on 1,000 conversations, newest first, with model and date, and searches their text', async () => {
    await openHistory('');
    await row('Seeded conversation 999').waitFor({ timeout: 30_000 });
    const first = await rows().first().innerText();
    assert.match(first, /Seeded conversation 999/);
    assert.match(first, /gpt-4o-mini/, 'the model');
    assert.match(first, /2 messages/);
    await screenshot(page(), 'history-open');
    // A word only in an answer's text.
    await picker().locator('input').fill('zebra');
    await row('Crossing the road').waitFor();
    assert.match(await row('Crossing the road').innerText(), /zebra crossing/, 'the matching words are shown');
    assert.equal(await rows().count(), 1);
    await screenshot(page(), 'history-search');
    await page().keyboard.press('Escape');
  });

  it('pins a conversation to the top, renames it and deletes another', async () => {
    await openHistory('stripes');
    const animals = row('Animals');
    await animals.waitFor();
    await animals.hover();
    await animals.locator('.codicon-pin').click();
    await picker().locator('input').fill('');
    await rows().first().filter({ hasText: 'Animals' }).waitFor({ timeout: 15_000 });
    await rows().first().locator('.codicon-pinned').first().waitFor({ state: 'attached', timeout: 15_000 });
    await screenshot(page(), 'history-pinned');

    await rows().first().hover();
    await rows().first().locator('.codicon-edit').click();
    await picker().locator('.quick-input-title', { hasText: 'Rename Conversation' }).waitFor();
    await picker().locator('input').fill('Striped animals');
    await page().keyboard.press('Enter');
    await picker().locator('.quick-input-title', { hasText: 'AI Hub: Chat History' }).waitFor();
    await rows().first().filter({ hasText: 'Striped animals' }).waitFor({ timeout: 15_000 });

    await picker().locator('input').fill('Seeded conversation 998');
    // Unfiltered, the row is already second in the list: wait for the filter, or the list redraws under the click.
    await rows().nth(1).waitFor({ state: 'detached', timeout: 15_000 });
    const doomed = row('Seeded conversation 998');
    await doomed.waitFor();
    await doomed.hover();
    await doomed.locator('.codicon-trash').click();
    await page().locator('.monaco-dialog-box').getByRole('button', { name: 'Delete' }).click();
    await picker().locator('.quick-input-title', { hasText: 'AI Hub: Chat History' }).waitFor();
    await rows().filter({ hasText: 'Seeded conversation 998' }).waitFor({ state: 'detached', timeout: 15_000 });
    assert.equal(fs.existsSync(path.join(dir, 'seed-0998.json')), false, 'the file is gone');
    await page().keyboard.press('Escape');
  });

  it('switches to a conversation from the history', async () => {
    await openHistory('Crossing the road');
    await row('Crossing the road').waitFor();
    await acceptQuickInputRow(page(), 'Crossing the road');
    await picker().waitFor({ state: 'hidden' });
    await frame()
      .locator('.turn.assistant', { hasText: 'zebra crossing' })
      .waitFor({ timeout: 30_000 })
      .catch(async (err: unknown) => {
        await screenshot(page(), 'history-switch-failed');
        throw err;
      });
    await screenshot(page(), 'history-switched');
  });

  it("opens a newer version's conversation read-only; a question typed there starts a new chat", async () => {
    const file = path.join(dir, 'from-later.json');
    const before = fs.readFileSync(file, 'utf8');
    await openHistory('later');
    await acceptQuickInputRow(page(), 'Written by a later AI Hub');
    const notice = frame().locator('.notice');
    await notice
      .filter({ hasText: 'written by a newer version of AI Hub' })
      .waitFor({ timeout: 30_000 })
      .catch(async (err: unknown) => {
        await screenshot(page(), 'history-read-only-failed');
        throw err;
      });
    await screenshot(page(), 'history-read-only');
    const input = frame().locator('textarea.input');
    await input.click();
    await input.fill('Can I continue here?');
    await input.press('Enter');
    await notice.filter({ hasText: 'read-only, so your question started a new chat' }).waitFor({ timeout: 15_000 });
    await frame().locator('.turn.assistant .turn-footer').first().waitFor({ timeout: 30_000 });
    assert.equal(await frame().locator('.turn.user').count(), 1, 'a new chat holds the question');
    assert.match(await frame().locator('.turn.user').first().innerText(), /Can I continue here\?/);
    assert.equal(fs.readFileSync(file, 'utf8'), before, 'the newer file is untouched');
  });
});
