// VS Code in Simplified Chinese (code-server's --locale zh-cn): the extension's contributed titles come from
// package.nls.zh-cn.json, and what it says at run time — in the extension host and in its webviews — from
// l10n/bundle.l10n.zh-cn.json. The expected words are read from those files, so the test checks that they reach
// the screen, not how they are translated.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../runner/toolchain';
import { acceptQuickInputRow, chatFrame, runCommand, screenshot, typeInQuickInput } from '../runner/workbench';
import { useExtensionSession, useLocalHub } from './fixture';

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8')) as Record<string, string>;
const nls = read('package.nls.zh-cn.json');
const bundle = read('l10n/bundle.l10n.zh-cn.json');

describe('Display language: Simplified Chinese (e2e)', function () {
  const hub = useLocalHub();
  const session = useExtensionSession(() => ({ locale: 'zh-cn', machineSettings: { 'aihub.baseUrl': hub().url } }));
  const page = () => session.page;

  it('shows the status bar, the palette and the chat panel in Chinese', async () => {
    // The status bar item's accessible name is said by the extension host: "AI Hub：127.0.0.1:…，默认模型 …".
    const statusLabel = bundle['AI Hub: {0}, default model {1}{2}'].split('{0}')[0];
    assert.notEqual(statusLabel, 'AI Hub: ', 'the translation differs from the English');
    await page()
      .locator(`#workbench\\.parts\\.statusbar [aria-label^=${JSON.stringify(statusLabel)}]`)
      .first()
      .waitFor({ timeout: 60_000 });

    const openChat = `AI Hub: ${nls['command.openChat.title']}`;
    await typeInQuickInput(page(), 'Control+Shift+P', `>${openChat}`);
    await screenshot(page(), 'display-language-1-palette');
    await acceptQuickInputRow(page(), openChat);

    const frame = chatFrame(page());
    const input = frame.locator('textarea.input');
    await input.waitFor({ timeout: 60_000 });
    assert.equal(await input.getAttribute('placeholder'), bundle['Ask anything (Enter to send, Shift+Enter for a new line)']);
    await frame
      .locator(`[aria-label=${JSON.stringify(bundle['Attach Selection'])}]`)
      .first()
      .waitFor();
    assert.equal(await frame.locator('html').getAttribute('lang'), 'zh-cn');
    await screenshot(page(), 'display-language-2-chat');
  });

  it('opens the walkthrough with its Chinese titles and page', async () => {
    const title = nls['walkthrough.aihub.gettingStarted.title'];
    await runCommand(page(), 'Welcome: Open Walkthrough...');
    await page().locator('.quick-input-widget input').fill(title);
    await acceptQuickInputRow(page(), title);
    const step = nls['walkthrough.aihub.gettingStarted.chooseHub.title'];
    await page().locator('.getting-started-step', { hasText: step }).first().waitFor({ timeout: 30_000 });
    // The step's page is chooseHub.nls.zh-cn.md, shown in a webview (whose styles hide the page's own heading).
    const heading = fs
      .readFileSync(path.join(REPO_ROOT, 'media/walkthrough/chooseHub.nls.zh-cn.md'), 'utf8')
      .split('\n')[0]
      .replace(/^#\s*/, '');
    await page()
      .locator('iframe.webview.ready')
      .first()
      .contentFrame()
      .locator('#active-frame')
      .contentFrame()
      .locator('h1', { hasText: heading })
      .waitFor({ state: 'attached', timeout: 30_000 });
    await screenshot(page(), 'display-language-3-walkthrough');
  });
});
