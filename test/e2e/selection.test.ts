// The selection commands in the real VS Code UI: the "AI Hub" submenu in the editor's context menu, the
// refactor keybinding and preset picker, the diff with Accept / Reject in its title bar, and Cancel in the
// progress notification aborting the request to the hub.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { acceptQuickInputRow, openFile, screenshot } from '../runner/workbench';
import { useExtensionSession, useLocalHub } from './fixture';

const SOURCE =
  'export class Calc {\n  total(xs: number[]): number {\n    let sum = 0;\n    for (const x of xs) {\n      sum = sum + x;\n    }\n    return sum;\n  }\n}\n';
const ANSWER = 'Here you go:\n\n```ts\ntotal(xs: number[]): number {\n  return xs.reduce((a, b) => a + b, 0);\n}\n```\n';

async function openCalc(page: Page): Promise<void> {
  await openFile(page, 'calc.ts', 'export class Calc');
}

/** Brings calc.ts to the front and selects lines 2–8 (the `total` method) with the keyboard, as a user would. */
async function selectMethod(page: Page): Promise<void> {
  await openCalc(page);
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 7; i++) await page.keyboard.press('Shift+ArrowDown');
}

describe('selection commands (e2e)', function () {
  const hub = useLocalHub();
  const session = useExtensionSession(() => ({
    machineSettings: { 'aihub.baseUrl': hub().url },
    userSettings: { 'aihub.defaultModel': 'gpt-4o-mini' },
    files: { 'calc.ts': SOURCE },
  }));
  const page = () => session.page;

  it('offers the commands in an "AI Hub" submenu of the editor context menu', async () => {
    await selectMethod(page());
    await page()
      .locator('.monaco-editor .view-lines', { hasText: 'let sum' })
      .first()
      .click({ button: 'right', position: { x: 60, y: 40 } });
    const submenu = page().locator('.monaco-menu .action-item', { hasText: /^AI Hub/ });
    await submenu.first().waitFor({ timeout: 15_000 });
    await submenu.first().hover();
    for (const title of [
      'Explain Selection',
      'Refactor Selection…',
      'Fix Selection',
      'Add Documentation Comments',
      'Write Unit Tests',
      'Run Prompt on Selection…',
    ]) {
      await page().locator('.monaco-menu .action-label', { hasText: title }).first().waitFor({ timeout: 10_000 });
    }
    await screenshot(page(), 'selection-context-menu');
    await page().keyboard.press('Escape');
    await page().keyboard.press('Escape');
  });

  it('refactors with Ctrl+Alt+R and a preset, shows the diff with Accept / Reject in its title, and Accept edits the file', async () => {
    await selectMethod(page());
    hub().enqueue({ kind: 'text', text: ANSWER });
    await page().keyboard.press('Control+Alt+R');
    const picker = page().locator('.quick-input-widget');
    await picker.locator('.quick-input-title', { hasText: 'AI Hub: Refactor' }).waitFor();
    const rows = await picker.locator('.quick-input-list .monaco-list-row').allInnerTexts();
    assert.deepEqual(
      rows.map((r) => r.split('\n')[0]),
      ['Simplify', 'Improve names', 'Add types', 'Modernise syntax', 'Extract function'],
    );
    await picker.locator('input').fill('Simplify');
    await acceptQuickInputRow(page(), 'Simplify');

    const accept = page().locator('.editor-actions .action-label[aria-label^="Accept Proposal"]');
    await accept.waitFor({ timeout: 30_000 });
    assert.equal(await page().locator('.editor-actions .action-label[aria-label^="Reject Proposal"]').count(), 1);
    await page().locator('.monaco-diff-editor .view-lines', { hasText: 'xs.reduce' }).first().waitFor();
    assert.match(await page().locator('.tab.active').innerText(), /calc\.ts: Simplify \(proposal\)/);
    await screenshot(page(), 'selection-refactor-diff');

    await accept.click();
    await page().locator('.tab', { hasText: '(proposal)' }).waitFor({ state: 'detached', timeout: 15_000 });
    const editor = page().locator('.monaco-editor .view-lines', { hasText: 'return xs.reduce((a, b) => a + b, 0);' });
    await editor.first().waitFor();
    assert.ok(!(await editor.first().innerText()).includes('let sum'), 'the old body is gone');
    await screenshot(page(), 'selection-refactor-accepted');
  });

  it('Cancel in the progress notification aborts the request to the hub', async () => {
    await selectMethod(page());
    hub().enqueue({ kind: 'stall', afterChunks: 1, ms: 60_000 });
    const before = hub().requests.at(-1)?.id ?? 0;
    await page().keyboard.press('Control+Alt+R');
    await page().locator('.quick-input-widget .quick-input-title', { hasText: 'AI Hub: Refactor' }).waitFor();
    await page().locator('.quick-input-widget input').fill('Add types');
    await acceptQuickInputRow(page(), 'Add types');
    const request = await hub().waitForRequest((r) => r.id > before && r.path.endsWith('/chat/completions'), 15_000);
    // Headless, notifications may stay in the notification centre instead of popping up as toasts.
    const item = page().locator('.notification-list-item', { hasText: 'AI Hub: Add types' });
    await item
      .first()
      .waitFor({ timeout: 5_000 })
      .catch(() => page().locator('[id="status.notifications"]').click());
    await item.first().waitFor({ timeout: 15_000 });
    await screenshot(page(), 'selection-progress');
    await item.first().getByRole('button', { name: 'Cancel' }).click();
    await hub().waitForClientClose(request.id);
    assert.equal(await page().locator('.tab', { hasText: '(proposal)' }).count(), 0, 'no proposal after a cancel');
  });
});
