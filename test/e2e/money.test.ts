// Money in a real VS Code UI against the local hub (new-api's shapes): prices in the Models view, the balance
// in the status bar, and under a chat reply its tokens, cost and the model that answered. Screenshots of each.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { chatFrame, runCommand, screenshot } from '../runner/workbench';
import { useExtensionSession, useLocalHub } from './fixture';

describe('Money (e2e)', function () {
  // Keyless on loopback; the hub's default account has $12.34 left and serves codestral-latest as codestral-2508.
  const hub = useLocalHub();
  const session = useExtensionSession(() => ({
    machineSettings: { 'aihub.baseUrl': hub().url },
    userSettings: {
      'aihub.defaultModel': 'codestral-latest',
      'workbench.colorTheme': 'Default Dark Modern',
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
    },
  }));
  const page = (): Page => session.page;

  it("shows the hub's prices in the Models view and the key's balance in the status bar", async () => {
    await page().locator('.activitybar [aria-label^="AI Hub"]').first().click();
    const chatHeader = page().locator('.pane-header', { hasText: /^Chat/ }).first();
    await chatHeader.waitFor({ timeout: 60_000 });
    if ((await chatHeader.getAttribute('aria-expanded')) === 'true') await chatHeader.click();
    const pane = page().locator('.pane', { has: page().locator('.pane-header', { hasText: /^Models/ }) });
    for (const group of ['OpenAI', 'Perplexity']) {
      const row = pane.locator('.monaco-list-row', { hasText: new RegExp(`^${group}\\s*\\d+`) });
      await row.waitFor({ timeout: 60_000 });
      await row.click();
    }
    const gpt4o = pane
      .locator('.monaco-list-row', { hasText: /^gpt-4o\b/ })
      .filter({ hasText: 'per 1M' })
      .first();
    await gpt4o.waitFor({ timeout: 30_000 });
    assert.match(await gpt4o.innerText(), /\$2\.5\/\$10 per 1M/);
    const balance = page().locator('.statusbar-item', { hasText: 'left' }).first();
    await balance.waitFor({ timeout: 30_000 });
    assert.match(await balance.innerText(), /\$12\.34 left/);
    await screenshot(page(), 'money-models-prices');
  });

  it('shows tokens, cost and the model that answered under a reply', async () => {
    await runCommand(page(), 'AI Hub: Open Chat');
    const frame = chatFrame(page());
    const input = frame.locator('textarea.input');
    await input.waitFor({ timeout: 60_000 });
    const models = page()
      .locator('.pane-header', { hasText: /^Models/ })
      .first();
    if ((await models.getAttribute('aria-expanded')) === 'true') await models.click();
    await input.click();
    await input.fill('What does a reply cost?');
    await input.press('Enter');
    const usage = frame.locator('.turn.assistant .turn-footer .usage').first();
    await usage.waitFor({ timeout: 30_000 });
    const text = await usage.innerText();
    assert.match(text, /\d+ in · \d+ out tokens/);
    assert.match(text, /\$0\.\d+/, 'the cost from the hub price');
    assert.match(text, /answered by codestral-2508/);
    await screenshot(page(), 'money-reply-footer');
  });
});
