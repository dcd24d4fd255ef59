// A link in model output, clicked every way a person can (left, middle, Ctrl and Shift clicks, Enter on the
// focused link), each answered once with Cancel and once with Open in VS Code's "open the external website?"
// dialog: nothing opens before the dialog, it asks once, and the target opens exactly once per Open, never after
// Cancel. Shared by the chat's and Compare's e2e tests, since both pages use the same link catcher.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';

/** Counts the pages (browser tabs) the workbench opens from now on, closing each, until stopped. */
export function countOpenings(page: Page): { readonly count: number; stop(): void } {
  let count = 0;
  const onPage = (opened: Page) => {
    count++;
    void opened.close().catch(() => undefined);
  };
  page.context().on('page', onPage);
  return {
    get count() {
      return count;
    },
    stop: () => page.context().off('page', onPage),
  };
}

/** Runs every click kind with Cancel then Open; returns how many pages opened (one per Open). */
export async function assertLinkOpensOnlyAfterAsking(page: Page, link: Locator, target: RegExp): Promise<number> {
  const openings = countOpenings(page);
  const dialog = page.locator('.monaco-dialog-box');
  const clicks: [string, () => Promise<void>][] = [
    ['left click', () => link.click()],
    ['middle click', () => link.click({ button: 'middle' })],
    ['Ctrl+click', () => link.click({ modifiers: ['Control'] })],
    ['Shift+click', () => link.click({ modifiers: ['Shift'] })],
    [
      'Enter on the focused link',
      async () => {
        await link.focus();
        await link.press('Enter');
      },
    ],
  ];
  try {
    for (const [kind, click] of clicks) {
      for (const answer of ['Cancel', 'Open'] as const) {
        const before = openings.count;
        await click();
        await dialog.waitFor({ timeout: 20_000 });
        assert.equal(openings.count, before, `${kind}: nothing opens before VS Code asks`);
        assert.match(await dialog.innerText(), target, `${kind}: the dialog names the target`);
        await dialog.getByRole('button', { name: answer, exact: true }).click();
        await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
        // An opening after the dialog is asynchronous (the host's openExternal, then the browser's new page): wait
        // for the one an Open causes, and give a Cancel the same time to show a wrong one.
        if (answer === 'Open') await waitUntil(() => openings.count > before, `${kind} then Open: the target opens`);
        else await page.waitForTimeout(1_500);
        assert.equal(await dialog.count(), 0, `${kind}: asked once`);
        assert.equal(
          openings.count - before,
          answer === 'Open' ? 1 : 0,
          `${kind} then ${answer}: opened ${openings.count - before} time(s)`,
        );
      }
    }
    return openings.count;
  } finally {
    openings.stop();
  }
}

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) assert.fail(`${what} (waited ${timeoutMs} ms)`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
