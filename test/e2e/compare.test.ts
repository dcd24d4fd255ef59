// Compare and the fallback notice in a real VS Code (code-server) in Chromium, against the local hub as its own
// process: three models picked in the multi-select picker answer side by side (screenshots mid-stream and
// finished), a link in a column opens only after VS Code asks, and a chat reply whose model has no channel is answered by the fallback model, which its header says.
import * as assert from 'node:assert/strict';
import { startHubProcess, type HubProcess } from '../runner/hubProcess';
import { assertLinkOpensOnlyAfterAsking } from '../runner/linkClicks';
import { chatFrame, compareModels, runCommand, screenshot, webviewFrame } from '../runner/workbench';
import { useExtensionSession } from './fixture';

/** Runs in the page: typed loosely, since these tests compile without the DOM library. */
type Styles = { getComputedStyle(el: unknown, pseudo: string): { display: string } };

const MODELS = ['gpt-4o', 'claude-sonnet-4.6', 'deepseek-chat'];
const ANSWER = [
  '## Closures',
  '',
  'A closure is a function that **keeps the variables** of the scope it was made in.',
  '',
  '```ts',
  'function counter() {',
  '  let n = 0;',
  '  return () => ++n;',
  '}',
  '```',
  '',
  '- the inner function outlives `counter`',
  '- each call of `counter` makes a fresh `n`',
].join('\n');

async function enqueue(hub: HubProcess, scenario: unknown, times = 1): Promise<void> {
  const res = await fetch(new URL('/__hub/enqueue', hub.url), { method: 'POST', body: JSON.stringify({ scenario, times }) });
  assert.equal(res.status, 200);
}

describe('Compare and fallback (e2e)', function () {
  let hub: HubProcess | undefined;
  before(async () => {
    hub = await startHubProcess({ noAuth: true });
  });

  after(async () => {
    await hub?.stop();
  });
  const session = useExtensionSession(() => ({
    machineSettings: { 'aihub.baseUrl': hub!.url },
    userSettings: {
      'aihub.defaultModel': 'gpt-4o',
      'aihub.fallbackModels': { 'gpt-4o': ['gpt-4o-mini'] },
      'workbench.colorTheme': 'Default Dark Modern',
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
    },
  }));

  it('three models side by side: streaming, then finished with each column’s figures', async () => {
    const page = session.page;
    await page.locator('.statusbar-item', { hasText: 'gpt-4o' }).first().waitFor({ timeout: 60_000 });
    // Slow enough (7 s and more per answer) that the columns are still streaming when a loaded machine has
    // only just opened the tab.
    for (const [i, model] of MODELS.entries())
      await enqueue(hub!, { kind: 'text', text: `${ANSWER}\n\n_(${model})_`, chunkSize: 6, chunkDelayMs: 160 + i * 40, model });
    await compareModels(page, MODELS.slice(1), 'Explain closures with a short example');
    await screenshot(page, 'compare-opening');
    const frame = webviewFrame(page);
    await frame.locator('.column').nth(2).waitFor({ timeout: 30_000 });
    await frame.locator('.column.phase-streaming .reply-body p').first().waitFor({ timeout: 30_000 });
    assert.equal(await frame.locator('.column').count(), 3);
    await screenshot(page, 'compare-streaming');

    await frame.locator('.column.phase-done').nth(2).waitFor({ timeout: 60_000 });
    for (const model of MODELS) {
      const column = frame.locator('.column', { hasText: model });
      assert.match(await column.locator('.reply-body').innerText(), /keeps the variables/);
      const figures = await column.locator('.column-figures').innerText();
      assert.match(figures, /First token\s+\d+ ms/);
      assert.match(figures, /Tokens out\s+\d+/);
      // The local hub publishes new-api prices: each column's cost is worked out from them.
      assert.match(figures, /Cost\s+<?\$\d/);
      // A column is a third of the tab, under the 520 px at which code-block buttons are labelled: icons only, each
      // header one line (labelled by the page's width, they were squeezed a letter a line).
      const header = await column.locator('.code-header').evaluate((el) => ({
        height: (el as unknown as { offsetHeight: number }).offsetHeight,
        labels: Array.from((el as unknown as { querySelectorAll(s: string): unknown[] }).querySelectorAll('button')).map(
          (b) => (globalThis as unknown as Styles).getComputedStyle(b, '::after').display,
        ),
      }));
      assert.deepEqual(header.labels, ['none', 'none', 'none', 'none', 'none'], `${model}: icons only`);
      assert.ok(header.height < 34, `${model}: the code block's header is one line (${header.height} px)`);
    }
    await screenshot(page, 'compare-finished');
  });

  it('opens a link in a column only after VS Code asks, never after Cancel (the chat’s link catcher)', async () => {
    const page = session.page;
    await page.locator('.statusbar-item', { hasText: 'gpt-4o' }).first().waitFor({ timeout: 60_000 });
    await runCommand(page, 'View: Close All Editors');
    const text = 'Read [the guide](https://guide.example.org/closures) first.';
    for (const model of ['gpt-4o', 'deepseek-chat']) await enqueue(hub!, { kind: 'text', text: `${text} (${model})`, model });
    await compareModels(page, ['deepseek-chat'], 'Where do I read about closures?');
    const frame = webviewFrame(page);
    await frame.locator('.column.phase-done').nth(1).waitFor({ timeout: 60_000 });
    const link = frame.locator('.column', { hasText: 'deepseek-chat' }).locator('.reply-body a', { hasText: 'the guide' });
    assert.equal(await assertLinkOpensOnlyAfterAsking(page, link, /guide\.example\.org\/closures/), 5, 'one opening per Open');
    await runCommand(page, 'View: Close All Editors');
  });

  it('a chat reply whose model has no channel is answered by the fallback model, and says so', async () => {
    const page = session.page;
    await enqueue(hub!, { kind: 'status', status: 503, model: 'gpt-4o' }, 3);
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'AI Hub: Open Chat');
    const frame = chatFrame(page);
    const input = frame.locator('textarea.input');
    await input.waitFor({ timeout: 60_000 });
    await input.fill('Hello, is anyone there?');
    await input.press('Enter');
    const notice = frame.locator('.turn.assistant .fallback-notice').first();
    await notice.waitFor({ timeout: 30_000 });
    assert.equal(await notice.innerText(), 'gpt-4o: no available channel (503) — answered by gpt-4o-mini');
    await frame.locator('.turn.assistant .turn-footer').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'fallback-notice');
  });
});
