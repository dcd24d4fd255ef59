// The Usage view in a real VS Code (code-server) in Chromium: a usage log seeded with a month of replies draws
// spend per day by model, the month's total and the top models; tokens where no cost is known; CSV export through
// the save dialog; no Content-Security-Policy violation on the way.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { summarise } from '../../src/core/usage/aggregate';
import { addMonths, monthOf } from '../../src/core/usage/calendar';
import { formatCost } from '../../src/core/usage/format';
import { monthFileName } from '../../src/core/usage/monthFile';
import { formatUsageLine } from '../../src/core/usage/record';
import { runCommand, screenshot, webviewFrame } from '../runner/workbench';
import { sampleMonth, usageRecord } from '../usage/sampleRecords';
import { useExtensionSession, useLocalHub } from './fixture';

describe('Usage view (e2e)', function () {
  const violations: string[] = [];
  const thisMonth = monthOf(Date.now());
  const lastMonth = addMonths(thisMonth, -1);
  const seeded = sampleMonth(lastMonth, 900);
  const today = [
    usageRecord({ time: new Date().toISOString(), model: 'local-llama', inputTokens: 1200, outputTokens: 800 }),
    usageRecord({ time: new Date().toISOString(), model: 'gpt-4o-mini', inputTokens: 300, outputTokens: 90 }),
  ];

  const hub = useLocalHub();
  const session = useExtensionSession(() => ({
    machineSettings: { 'aihub.baseUrl': hub().url },
    userSettings: { 'aihub.defaultModel': 'gpt-4o-mini' },
    beforeOpen: (server) => {
      const dir = path.join(server.dirs.userData, 'User', 'globalStorage', 'aihub.aihub-vscode', 'usage');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, monthFileName(lastMonth)), seeded.map(formatUsageLine).join(''));
      fs.writeFileSync(path.join(dir, monthFileName(thisMonth)), today.map(formatUsageLine).join('') + '{"v":1,"time":"cut sh');
    },
  }));
  before(() => {
    session.page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
  });

  async function openUsage(): Promise<FrameLocator> {
    const page = session.page;
    await page.locator('.statusbar-item', { hasText: 'gpt-4o-mini' }).first().waitFor({ timeout: 60_000 });
    await runCommand(page, 'AI Hub: Show Usage');
    // The only webview of this extension open in this session (the chat's container stays closed).
    const frame = webviewFrame(page, 'extensionId=aihub.aihub-vscode');
    await frame.locator(`body[data-month]`).waitFor({ timeout: 60_000 });
    return frame;
  }

  it("shows this month's replies in tokens (no cost known), and says a line could not be read", async () => {
    const frame = await openUsage();
    assert.equal(await frame.locator('body').getAttribute('data-metric'), 'tokens');
    assert.equal(await frame.locator('[data-testid="month-total"]').innerText(), 'unknown');
    assert.match(await frame.locator('.stat-note').innerText(), /No reply has a known cost/);
    assert.match(await frame.locator('.notice').innerText(), /^1 line of the usage log could not be read and is left out\./);
    assert.equal(await frame.getByRole('button', { name: 'Cost' }).isDisabled(), true);
    assert.deepEqual(await frame.locator('tbody td.model').allInnerTexts(), ['local-llama', 'gpt-4o-mini']);
  });

  it('draws last month as spend per day by model, with its total and top models', async () => {
    const frame = await openUsage();
    await frame.locator('select').selectOption(lastMonth);
    await frame.locator(`body[data-month="${lastMonth}"][data-metric="cost"]`).waitFor({ timeout: 30_000 });
    const expected = summarise([...seeded, ...today], lastMonth);
    assert.equal(await frame.locator('[data-testid="month-total"]').innerText(), formatCost(expected.total.cost!, 'USD'));
    assert.match(await frame.locator('.stat-note').innerText(), new RegExp(`${expected.total.unpriced} of 900 replies have no known cost`));
    assert.deepEqual(
      await frame.locator('tbody td.model').allInnerTexts(),
      expected.top.map((t) => t.model),
    );
    // The chart is drawn on the canvas: some of its pixels are not the background.
    const inked = await frame.locator('canvas').evaluate((canvas) => {
      const c = canvas as unknown as {
        width: number;
        height: number;
        getContext(t: '2d'): { getImageData(...a: number[]): { data: Uint8ClampedArray } };
      };
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
      return n;
    });
    assert.ok(inked > 5_000, `the chart has ink (${inked} pixels)`);
    const shot = await screenshot(session.page, 'usage-chart');
    assert.ok(fs.statSync(shot).size > 10_000);

    await frame.getByRole('button', { name: 'Tokens' }).click();
    await frame.locator('body[data-metric="tokens"]').waitFor();
    await screenshot(session.page, 'usage-chart-tokens');
  });

  it('exports the month as CSV through the save dialog', async () => {
    const page = session.page;
    const frame = await openUsage();
    await frame.locator('select').selectOption(lastMonth);
    await frame.locator(`body[data-month="${lastMonth}"]`).waitFor();
    await frame.getByRole('button', { name: 'Export CSV…' }).click();
    // code-server's save dialog is VS Code's own quick input with a path, offering the month's file name in the
    // workspace. Accepting the offer (not typing a path: an Enter can beat the dialog to the typed text).
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 30_000 });
    const offered = `aihub-usage-${lastMonth}.csv`;
    await page.waitForFunction(
      (name) =>
        (globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } }).document
          .querySelector('.quick-input-widget input')
          ?.value.endsWith(name),
      offered,
    );
    await page.keyboard.press('Enter');
    await frame.locator('.notice', { hasText: `Saved ${offered}.` }).waitFor({ timeout: 30_000 });
    const lines = fs.readFileSync(path.join(session.server.dirs.workspace, offered), 'utf8').trimEnd().split('\r\n');
    assert.equal(lines.length, 1 + 900, 'a header and one row per reply of the month');
    assert.match(lines[0]!, /^time,surface,hub,model,served_model,input_tokens/);
  });

  it('violated no Content-Security-Policy on the way', () => {
    assert.deepEqual(violations, []);
  });
});
