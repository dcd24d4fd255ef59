// Onboarding in a real VS Code UI, from a fresh profile with no key: the welcome content in the AI Hub views,
// Set API Key from it (password box), the one-time confirmation for plain HTTP to another machine, the key
// check's verdict, the models appearing, and the first streamed reply in the chat. The key must appear
// nowhere in the page.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { chatFrame, notifications, runCommand, screenshot } from '../runner/workbench';
import { useExtensionSession, useLocalHub } from './fixture';

const KEY = 'sk-onboarding-e2e-key-0123456789';

/**
 * The hub's address as the extension sees it: 0.0.0.0 is not a loopback name, so it stands for "another machine"
 * (a key is needed, plain HTTP asks first), while the traffic stays on this machine (the hub is on 127.0.0.1).
 */
const asRemote = (url: string) => url.replace('127.0.0.1', '0.0.0.0');

function pane(page: Page, title: RegExp): Locator {
  return page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) });
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('Onboarding (e2e)', function () {
  const hub = useLocalHub({ apiKey: KEY, latencyMs: 40 });
  const session = useExtensionSession(() => ({
    machineSettings: { 'aihub.baseUrl': asRemote(hub().url) },
    userSettings: { 'aihub.defaultModel': 'gpt-4o-mini' },
  }));
  const page = () => session.page;

  it('shows the welcome with Set API Key and Choose Hub while no key is stored', async () => {
    await page().locator('.activitybar [aria-label^="AI Hub"]').first().click();
    const welcome = pane(page(), /^Models/).locator('.welcome-view-content');
    await welcome.waitFor({ timeout: 60_000 });
    assert.match(await welcome.innerText(), /Add your hub's API key to see its models/);
    assert.equal(await welcome.getByRole('button', { name: 'Set API Key' }).count(), 1);
    assert.equal(await welcome.getByRole('button', { name: 'Choose Hub' }).count(), 1);
    assert.equal(await welcome.locator('a[href="https://aihubapi.ai/console"]').count(), 1, 'links to the hub console');
    await screenshot(page(), 'onboarding-1-welcome');
  });

  it('Set API Key: a password box, the plain-HTTP confirmation, then the number of models', async () => {
    await pane(page(), /^Models/)
      .locator('.welcome-view-content')
      .getByRole('button', { name: 'Set API Key' })
      .click();
    const input = page().locator('.quick-input-widget input[type="password"]');
    await input.waitFor();
    assert.match(await page().locator('.quick-input-widget').innerText(), /kept in VS Code's secret storage/);
    await input.fill(`  ${KEY}  `);
    await screenshot(page(), 'onboarding-2-key-box');
    await input.press('Enter');

    const dialog = page().locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    assert.match(await dialog.innerText(), /uses plain http:\/\/[\s\S]*unencrypted/);
    await screenshot(page(), 'onboarding-3-http-consent');
    await dialog.getByRole('button', { name: 'Allow Plain HTTP' }).click();

    const modelIds = new Set(
      (
        (await (await fetch(`${hub().url}/models`, { headers: { authorization: `Bearer ${KEY}` } })).json()) as { data: { id: string }[] }
      ).data.map((m) => m.id),
    );
    const expected = `key saved. ${new URL(asRemote(hub().url)).host} offers ${modelIds.size} models.`;
    await waitUntil(async () => (await notifications(page())).some((n) => n.includes(expected)), `the notification "${expected}"`);
    const models = pane(page(), /^Models/);
    await models.locator('.monaco-list-row', { hasText: /^OpenAI/ }).waitFor({ timeout: 20_000 });
    assert.equal(await models.locator('.welcome-view-content').count(), 0, 'the welcome is gone');
    await screenshot(page(), 'onboarding-4-models');
    const sent = hub()
      .requests.filter((r) => r.path === '/v1/models')
      .map((r) => r.headers.authorization);
    assert.ok(sent.length > 0 && sent.every((a) => a === `Bearer ${KEY}`), 'the trimmed key went to the hub, in the header');
  });

  it('the first question gets a streamed reply in the chat; the key is nowhere in the page', async () => {
    await runCommand(page(), 'AI Hub: Open Chat');
    const frame = chatFrame(page());
    const input = frame.locator('textarea.input');
    await input.waitFor({ timeout: 60_000 });
    await input.click();
    await input.fill('Hello from the onboarding test');
    await input.press('Enter');
    const reply = frame.locator('.turn.assistant').first();
    // Streaming: the reply is seen growing before it is finished.
    await reply.locator('.reply-body.streaming').waitFor({ timeout: 20_000 });
    await reply.locator('.turn-footer').waitFor({ timeout: 30_000 });
    assert.match(await reply.locator('.reply-body').innerText(), /Hello from the onboarding test/);
    await screenshot(page(), 'onboarding-5-first-reply');

    const html = [await page().content(), await frame.locator('html').innerHTML()].join('\n');
    assert.ok(!html.includes(KEY), 'the key is not in the workbench or the chat webview');
    const chat = hub().requests.filter((r) => r.path === '/v1/chat/completions');
    assert.equal(chat.at(-1)?.headers.authorization, `Bearer ${KEY}`);
  });
});

describe('Importing AIHUB_API_KEY (e2e)', function () {
  const ENV_KEY = 'sk-from-the-environment-0123456789';
  // Seen as another machine (0.0.0.0), so no key is assumed and plain HTTP is confirmed after the import.
  const hub = useLocalHub({ apiKey: ENV_KEY });
  const session = useExtensionSession(() => ({
    machineSettings: { 'aihub.baseUrl': asRemote(hub().url) },
    env: { AIHUB_API_KEY: ENV_KEY },
  }));
  const page = () => session.page;

  it('offers to import the key instead of using it silently, and uses it once imported', async () => {
    await page().locator('.activitybar [aria-label^="AI Hub"]').first().click();
    await waitUntil(async () => (await notifications(page())).some((n) => n.includes('AIHUB_API_KEY is set')), 'the import offer');
    assert.equal(hub().requests.length, 0, 'nothing was sent with the variable before the user agreed');

    // Answer the offer from wherever it is shown: a toast, or the notification centre.
    if (!(await page().locator('.notification-toast').filter({ hasText: 'AIHUB_API_KEY' }).count()))
      await page().locator('[id="status.notifications"]').click();
    const offer = page().locator('.notification-list-item', { hasText: 'AIHUB_API_KEY is set' }).first();
    await offer.hover();
    await offer.getByRole('button', { name: 'Import' }).click();

    const dialog = page().locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Allow Plain HTTP' }).click();
    await pane(page(), /^Models/)
      .locator('.monaco-list-row', { hasText: /^OpenAI/ })
      .waitFor({ timeout: 20_000 });
    const sent = hub()
      .requests.filter((r) => r.path === '/v1/models')
      .map((r) => r.headers.authorization);
    assert.ok(sent.length > 0 && sent.every((a) => a === `Bearer ${ENV_KEY}`), 'the imported key went to the hub');
  });
});
