// The Models view in a real VS Code UI: the no-key welcome for a remote hub without a key, and with the local
// hub the models grouped by provider, the default marked, and the status bar showing hub and model.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { startHub, type LocalHub } from '../hub/server';
import { startCodeServer, type CodeServer } from '../runner/codeServer';
import { openWorkbench, remoteUri, screenshot, type Workbench } from '../runner/workbench';

const REPO = path.resolve(__dirname, '..', '..');
const REMOTE_HUB = 'https://hub-without-key.invalid/v1';

function modelsPane(page: Page): Locator {
  return page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Models/ }) });
}

/** The computed background colour (test files have no DOM typings: the function runs in the page). */
function background(item: Locator): Promise<string> {
  return item.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor);
}

function statusItem(page: Page): Locator {
  return page.locator('.statusbar-item', { hasText: ' · ' }).filter({ hasText: /gpt-4o-mini|claude/ });
}

/** A real VS Code with this extension under development, whose machine settings point at `baseUrl`. */
async function session(baseUrl: string): Promise<{ server: CodeServer; workbench: Workbench }> {
  const server = await startCodeServer({
    smokeTestDriver: true,
    machineSettings: { 'aihub.baseUrl': baseUrl },
    userSettings: { 'aihub.defaultModel': 'gpt-4o-mini' },
  });
  try {
    const workbench = await openWorkbench(server, { payload: [['extensionDevelopmentPath', remoteUri(server, REPO)], ['skipWelcome', 'true']] });
    return { server, workbench };
  } catch (err) {
    await server.stop();
    throw err;
  }
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
  let hub: LocalHub | undefined;
  let current: { server: CodeServer; workbench: Workbench } | undefined;

  before(async () => {
    // Keyless: a hub on loopback needs no key, so the view lists its models without one.
    hub = await startHub({ apiKey: null });
  });
  afterEach(async () => {
    await current?.workbench.close();
    await current?.server.stop();
    current = undefined;
  });
  after(async () => {
    await hub?.close();
  });

  it('shows the welcome content with a Set API Key button when a remote hub has no key', async () => {
    current = await session(REMOTE_HUB);
    const page = current.workbench.page;
    const pane = await showModelsView(page);
    const welcome = pane.locator('.welcome-view-content');
    await welcome.waitFor({ timeout: 60_000 });
    assert.match(await welcome.innerText(), /Add your hub's API key to see its models/);
    assert.equal(await welcome.getByRole('button', { name: 'Set API Key' }).count(), 1);
    assert.equal(await welcome.locator('a[href="https://aihubapi.ai/console"]').count(), 1, 'links to the hub console');
    const status = statusItem(page);
    await status.waitFor();
    assert.match(await status.innerText(), /hub-without-key\.invalid · gpt-4o-mini/);
    assert.notEqual(await background(status), 'rgba(0, 0, 0, 0)', 'the status bar item is in the warning colour');
    await screenshot(page, 'models-view-no-key');
  });

  it('lists the local hub models grouped by provider with counts, the default marked', async () => {
    current = await session(hub!.url);
    const page = current.workbench.page;
    const pane = await showModelsView(page);
    const anthropic = pane.locator('.monaco-list-row', { hasText: /^Anthropic/ });
    await anthropic.waitFor({ timeout: 60_000 });
    for (const provider of ['DeepSeek', 'Google', 'Meta', 'Mistral', 'OpenAI', 'Qwen', 'xAI']) {
      assert.equal(await pane.locator('.monaco-list-row', { hasText: new RegExp(`^${provider}\\s*\\d+`) }).count(), 1, `${provider} group`);
    }
    assert.match(await anthropic.innerText(), /Anthropic\s*7/, 'the group shows its count');
    await anthropic.click();
    await pane.locator('.monaco-list-row', { hasText: 'claude-sonnet-4.6' }).first().waitFor();
    await pane.locator('.monaco-list-row', { hasText: /^OpenAI/ }).click();
    const defaultRow = pane.locator('.monaco-list-row', { hasText: /^gpt-4o-mini/ });
    await defaultRow.waitFor();
    assert.match(await defaultRow.innerText(), /default/, 'the default model is marked');
    assert.match(await pane.locator('.pane-header').innerText(), /\d+ models/);
    const status = statusItem(page);
    assert.match(await status.innerText(), new RegExp(`${new URL(hub!.url).host.replace(/\./g, '\\.')} · gpt-4o-mini`));
    assert.equal(await background(status), 'rgba(0, 0, 0, 0)', 'no warning colour with a usable hub');
    await screenshot(page, 'models-view');
  });
});
