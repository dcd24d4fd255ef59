// The "Get started with AI Hub" walkthrough in a real VS Code UI, set up as `npm run demo` is (a hub on this
// machine, which needs no key, so `aihub.hasKey` is true from the start): each step ticks when the user does
// it from anywhere (the command palette, the activity bar), not only from the walkthrough's own buttons.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { runCommand, screenshot } from '../runner/workbench';
import { useExtensionSession, useLocalHub } from './fixture';

async function openWalkthrough(page: Page): Promise<void> {
  await runCommand(page, 'Welcome: Open Walkthrough...');
  const input = page.locator('.quick-input-widget input');
  await input.fill('Get started with AI Hub');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with AI Hub' }).first().click();
  await page.locator('.getting-started-step', { hasText: 'Choose your hub' }).first().waitFor({ timeout: 30_000 });
}

/** Whether the walkthrough shows the step as done (its checkbox). */
async function ticked(page: Page, title: string): Promise<boolean> {
  const step = page.locator('.getting-started-step', { hasText: title }).first();
  return (await step.locator('[data-done-step-id][aria-checked="true"]').count()) > 0;
}

async function waitTicked(page: Page, title: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ticked(page, title))) {
    if (Date.now() > deadline) assert.fail(`the step "${title}" did not tick`);
    await page.waitForTimeout(200);
  }
}

describe('Walkthrough (e2e)', function () {
  const hub = useLocalHub();
  const session = useExtensionSession(() => ({ machineSettings: { 'aihub.baseUrl': hub().url } }));
  const page = () => session.page;

  it('ticks each step when it is done from the command palette or the activity bar', async () => {
    await page().locator('.statusbar-item', { hasText: ' · ' }).first().waitFor({ timeout: 60_000 });
    await openWalkthrough(page());
    await screenshot(page(), 'walkthrough-1-opened');
    assert.equal(await ticked(page(), 'Choose your hub'), false);
    assert.equal(await ticked(page(), 'Ask your first question'), false);

    await runCommand(page(), 'AI Hub: Choose Hub');
    const picker = page().locator('.quick-input-widget');
    await picker.locator('.quick-input-title', { hasText: 'AI Hub: Choose Hub' }).waitFor();
    // The hub in use is the active row: choosing it again is still choosing a hub.
    await picker.locator('.quick-input-list .monaco-list-row.focused', { hasText: '127.0.0.1' }).waitFor();
    await page().keyboard.press('Enter');
    await waitTicked(page(), 'Choose your hub');

    // This hub needs no key, so "has a key" was true all along: setting one must still tick the step.
    await page().locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await page().locator('.getting-started-category-title, .gettingStartedSlideDetails h2').first().click();
    await runCommand(page(), 'AI Hub: Set API Key');
    const input = page().locator('.quick-input-widget input[type="password"]');
    await input.waitFor();
    await input.fill('sk-walkthrough-e2e-0123456789');
    await input.press('Enter');
    await waitTicked(page(), 'Add your API key');

    await page().locator('.activitybar [aria-label^="AI Hub"]').first().click();
    await waitTicked(page(), 'Ask your first question');
    await screenshot(page(), 'walkthrough-2-ticked');
  });
});
