// The Models view in a real VS Code UI: the no-key welcome for a remote hub without a key, and with the local
// hub the models grouped by provider, the default marked, and the status bar showing hub and model.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { screenshot } from '../runner/workbench';
import { useExtensionSession, useLocalHub, type Session, type SessionOptions } from './fixture';
const REMOTE_HUB = 'https://hub-without-key.invalid/v1';

function modelsPane(page: Page): Locator {
  return page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Models/ }) });
}

/** The computed background colour (test files have no DOM typings: the function runs in the page). */
function background(item: Locator): Promise<string> {
  return item.evaluate(
    (el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor,
  );
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function statusItem(page: Page): Locator {
  return page.locator('.statusbar-item', { hasText: ' · ' }).filter({ hasText: /gpt-4o-mini|claude/ });
}

/** A real VS Code with this extension under development, whose machine settings point at `baseUrl`. */
function sessionOn(baseUrl: string): SessionOptions {
  return { machineSettings: { 'aihub.baseUrl': baseUrl }, userSettings: { 'aihub.defaultModel': 'gpt-4o-mini' } };
}

/** Opens the AI Hub container and folds the chat view that shares it, so the Models view shows whole. */
async function showModelsView(page: Page): Promise<Locator> {
  await page.locator('.activitybar [aria-label^="AI Hub"]').first().click();
  const chatHeader = page.locator('.pane-header', { hasText: /^Chat/ }).first();
  await chatHeader.waitFor();
  if ((await chatHeader.getAttribute('aria-expanded')) === 'true') await chatHeader.click();
  return modelsPane(page);
}

describe('Models view (e2e)', function () {
  let current: Session | undefined;
  const page = () => current!.page;

  // Keyless: a hub on loopback needs no key, so the view lists its models without one.
  const hub = useLocalHub();

  describe('a remote hub without a key', () => {
    const session = useExtensionSession(() => sessionOn(REMOTE_HUB));
    before(() => (current = session));

    it('shows the welcome content with a Set API Key button and a warning in the status bar', async () => {
      const pane = await showModelsView(page());
      const welcome = pane.locator('.welcome-view-content');
      await welcome.waitFor({ timeout: 60_000 });
      assert.match(await welcome.innerText(), /Add your hub's API key to see its models/);
      assert.equal(await welcome.getByRole('button', { name: 'Set API Key' }).count(), 1);
      assert.equal(await welcome.locator('a[href="https://aihubapi.ai/console"]').count(), 1, 'links to the hub console');
      const status = statusItem(page());
      await status.waitFor();
      assert.match(await status.innerText(), /hub-without-key\.invalid · gpt-4o-mini/);
      await waitUntil(async () => (await background(status)) !== 'rgba(0, 0, 0, 0)', 'the status bar item to turn to the warning colour');
      await screenshot(page(), 'models-view-no-key');
    });
  });

  describe('the local hub', () => {
    const session = useExtensionSession(() => sessionOn(hub().url));
    before(() => (current = session));

    it('lists the models grouped by provider with counts, the default marked', async () => {
      const pane = await showModelsView(page());
      const anthropic = pane.locator('.monaco-list-row', { hasText: /^Anthropic/ });
      await anthropic.waitFor({ timeout: 60_000 });
      for (const provider of ['DeepSeek', 'Google', 'Meta', 'Mistral', 'OpenAI', 'Qwen', 'xAI']) {
        assert.equal(
          await pane.locator('.monaco-list-row', { hasText: new RegExp(`^${provider}\\s*\\d+`) }).count(),
          1,
          `${provider} group`,
        );
      }
      assert.match(await anthropic.innerText(), /Anthropic\s*7/, 'the group shows its count');
      await anthropic.click();
      await pane.locator('.monaco-list-row', { hasText: 'claude-sonnet-4.6' }).first().waitFor();
      await pane.locator('.monaco-list-row', { hasText: /^OpenAI/ }).click();
      const defaultRow = pane.locator('.monaco-list-row', { hasText: /^gpt-4o-mini/ });
      await defaultRow.waitFor();
      assert.match(await defaultRow.innerText(), /default/, 'the default model is marked');
      assert.match(await pane.locator('.pane-header').innerText(), /\d+ models/);
      const status = statusItem(page());
      assert.match(await status.innerText(), new RegExp(`${new URL(hub().url).host.replace(/\./g, '\\.')} · gpt-4o-mini`));
      assert.equal(await background(status), 'rgba(0, 0, 0, 0)', 'no warning colour with a usable hub');
      await screenshot(page(), 'models-view');
      await pane.locator('.monaco-list-row', { hasText: /^claude-opus-4\.6/ }).hover();
      const hover = page().locator('.monaco-hover, .workbench-hover', { hasText: 'Provider: Anthropic' });
      await hover.first().waitFor({ timeout: 10_000 });
      // The hover renders markdown: spaces may come back as no-break spaces.
      assert.match(await hover.first().innerText(), /Capabilities:\s+tools,\s+vision,\s+reasoning\s+\(guessed\s+from\s+the\s+id\)/);
      await screenshot(page(), 'models-view-tooltip');
      await page().mouse.move(700, 450);
    });

    it('picks a model from the status bar: searchable by provider, the choice shown at once', async () => {
      await statusItem(page()).click();
      const picker = page().locator('.quick-input-widget');
      await picker.locator('.quick-input-title', { hasText: 'AI Hub: Select Model' }).waitFor();
      const input = picker.locator('input');
      const rows = picker.locator('.quick-input-list .monaco-list-row');
      await input.fill('Anthropic');
      await rows.first().waitFor();
      const found = await rows.allInnerTexts();
      assert.ok(found.length >= 7 && found.every((t) => /Anthropic/.test(t)), `the provider finds its models: ${JSON.stringify(found)}`);
      await input.fill('opus');
      await rows.filter({ hasText: 'claude-opus-4.6' }).first().waitFor();
      assert.match(await rows.first().innerText(), /^claude-opus-4\.6/);
      await screenshot(page(), 'models-picker');
      await page().keyboard.press('Enter');
      const pane = modelsPane(page());
      await statusItem(page()).filter({ hasText: 'claude-opus-4.6' }).waitFor();
      // The tree re-renders a moment after the status bar: wait for the marker rather than sample it once.
      const chosen = pane.locator('.monaco-list-row', { hasText: /^claude-opus-4\.6/ }).filter({ hasText: /default/ });
      await chosen.waitFor({ timeout: 10_000 });
      assert.match(await chosen.innerText(), /^claude-opus-4\.6/);
    });

    it('Select Model: typed words pick the matching model; a free id is an explicit row below the matches', async () => {
      await statusItem(page()).click();
      const picker = page().locator('.quick-input-widget');
      await picker.locator('.quick-input-title', { hasText: 'AI Hub: Select Model' }).waitFor();
      await picker.locator('input').fill('sonnet 4.6');
      const rows = picker.locator('.quick-input-list .monaco-list-row');
      await rows.filter({ hasText: 'Use as a model id' }).waitFor();
      const texts = await rows.allInnerTexts();
      assert.match(texts[0], /claude-sonnet-4\.6/, `the first row is a matching model: ${JSON.stringify(texts)}`);
      assert.match(texts.at(-1) ?? '', /Use as a model id[\s\S]*"sonnet 4\.6"/, 'the typed text is the last row, and says what it is');
      await screenshot(page(), 'models-picker-typed');
      await page().keyboard.press('Enter');
      await statusItem(page())
        .filter({ hasText: /· (anthropic\/)?claude-sonnet-4\.6$/ })
        .waitFor();
    });

    it('the context menu says "Set as Default Model", and it does that', async () => {
      const pane = modelsPane(page());
      const row = pane.locator('.monaco-list-row', { hasText: /^claude-haiku-4\.5/ });
      await row.click({ button: 'right' });
      const item = page().locator('.monaco-menu .action-label', { hasText: 'Set as Default Model' });
      await item.first().waitFor({ timeout: 10_000 });
      assert.equal(
        await page()
          .locator('.monaco-menu .action-label', { hasText: /^Select Model$/ })
          .count(),
        0,
      );
      await screenshot(page(), 'models-context-menu');
      await item.first().click();
      await statusItem(page()).filter({ hasText: 'claude-haiku-4.5' }).waitFor();
    });

    it('shows the cached list at once after a reload, while the hub is still answering', async () => {
      // Every models request after the reload hangs for a while: whatever the view shows meanwhile comes from the cache.
      hub().enqueue({ kind: 'slow', delayMs: 15_000, endpoint: 'models' }, 5);
      const lastBefore = hub().requests.at(-1)?.id ?? 0;
      await page().reload();
      await page().locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      const pane = await showModelsView(page());
      await pane.locator('.monaco-list-row', { hasText: /^OpenAI\s*\d+/ }).waitFor({ timeout: 30_000 });
      await statusItem(page()).first().waitFor({ timeout: 30_000 });
      const answered = hub().requests.filter((r) => r.id > lastBefore && r.path.endsWith('/models') && r.finished);
      assert.deepEqual(answered, [], 'the models and the status bar were on screen before the hub had sent a fresh list');
      await hub().waitForRequest((r) => r.id > lastBefore && r.path.endsWith('/models'), 30_000);
      await screenshot(page(), 'models-view-cached');
    });
  });
});
