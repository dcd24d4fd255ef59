// `npm run demo` driven as a new user would: its packaged extension, demo hub and workspace (tools/demoSession.ts),
// in Chromium. Explain on a function, Refactor → Simplify → Accept (the file still compiles and the function
// behaves the same), a chat question answered with a table, a reasoning model's thinking, prices, costs and the
// play-money balance, and Compare with the three demo models. The screenshots
// named readme-* are the README's pictures (copied to media/screenshots once looked at).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { startDemo, DEMO_WORKSPACE, type DemoSession } from '../../tools/demoSession';
import {
  acceptQuickInputRow,
  chatFrame,
  compareModels,
  openWorkbench,
  runCommand,
  screenshot,
  screenshotIfFailed,
  typeInQuickInput,
  type Workbench,
} from '../runner/workbench';
import { compileErrors, loadModule, outcome } from '../runner/typescriptCheck';

const ROOT = path.resolve(__dirname, '..', '..');
const ORIGINAL = fs.readFileSync(path.join(DEMO_WORKSPACE, 'utils.ts'), 'utf8');

/** Opens utils.ts with the cursor on `line` (1-based) through Quick Open's `file:line`, as a user jumping to a function would. */
async function cursorAt(page: Page, line: number): Promise<void> {
  await typeInQuickInput(page, 'Control+P', `utils.ts:${line}`);
  await acceptQuickInputRow(page, 'utils.ts');
  await page
    .locator('.statusbar-item', { hasText: `Ln ${line},` })
    .first()
    .waitFor({ timeout: 30_000 });
}

function lineOf(text: string): number {
  return ORIGINAL.slice(0, ORIGINAL.indexOf(text)).split('\n').length;
}

async function send(frame: FrameLocator, text: string): Promise<void> {
  const input = frame.locator('textarea.input');
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

/** A picture for the README: test-results/screenshots/readme-NAME.png, copied to media/screenshots by hand once looked at. */
async function readmeShot(page: Page, name: string): Promise<void> {
  await screenshot(page, `readme-${name}`);
}

describe('npm run demo (e2e)', function () {
  let session: DemoSession | undefined;
  let workbench: Workbench | undefined;
  const page = () => workbench!.page;
  let chat: FrameLocator;

  before(async function () {
    this.timeout(600_000);
    session = await startDemo();
    workbench = await openWorkbench(session.server, { viewport: { width: 1400, height: 860 }, timeoutMs: 180_000 });
  });
  afterEach(async function () {
    await screenshotIfFailed(this.currentTest, workbench?.page, 'demo');
  });
  after(async () => {
    await workbench?.close();
    await session?.stop();
    // Later suites expect the development build with source maps, not the packaged one.
    execFileSync('node', ['esbuild.js'], { cwd: ROOT, stdio: 'inherit' });
  });

  it("opens on utils.ts with VS Code's own chat closed and AI Hub's chat open, the demo hub, its scripted model and its play-money balance in the status bar", async () => {
    await page().locator('.statusbar-item', { hasText: 'demo/assistant' }).first().waitFor({ timeout: 60_000 });
    assert.equal(await page().locator('.part.auxiliarybar:visible').count(), 0, "VS Code's chat (secondary side bar) is closed");
    // Nothing clicked: the demo opens to AI Hub's chat by itself.
    chat = chatFrame(page());
    const input = chat.locator('textarea.input');
    await input.waitFor({ timeout: 60_000 });
    await page().locator('.tab.active', { hasText: 'utils.ts' }).waitFor();
    // Open Chat asked for the input's focus before the chat's page had loaded: the page takes it once it has.
    const focused = () =>
      input.evaluate((el) => {
        const doc = (el as unknown as { ownerDocument: { activeElement: unknown; hasFocus(): boolean } }).ownerDocument;
        return doc.activeElement === el && doc.hasFocus();
      });
    for (let i = 0; i < 100 && !(await focused()); i++) await page().waitForTimeout(100);
    assert.ok(await focused(), 'the chat input has the keyboard focus');
    await page().keyboard.type('Hello');
    assert.equal(await input.inputValue(), 'Hello', 'typing goes into the chat input');
    await input.fill('');
    const sidebar = page().locator('.part.sidebar');
    assert.match((await sidebar.locator('.composite.title .title-label').textContent()) ?? '', /AI Hub/i);
    const balance = page().locator('.statusbar-item', { hasText: 'left' }).first();
    await balance.waitFor({ timeout: 30_000 });
    assert.match(await balance.innerText(), /\$5\.00 left/);
    await screenshot(page(), 'demo-first-screen');
    // A wider side bar, as someone reading answers there would drag it: the README's pictures show it so.
    const sash = await sidebar.boundingBox();
    if (sash) {
      await page().mouse.move(sash.x + sash.width + 1, sash.y + 300);
      await page().mouse.down();
      await page().mouse.move(sash.x + sash.width + 200, sash.y + 300, { steps: 5 });
      await page().mouse.up();
      await page().mouse.move(900, 500);
    }
    // And the chat taller than the Models view, which needs a few rows only.
    const modelsHeader = await sidebar.locator('.pane-header', { hasText: /^Models/ }).boundingBox();
    if (modelsHeader) {
      await page().mouse.move(modelsHeader.x + 100, modelsHeader.y - 1);
      await page().mouse.down();
      await page().mouse.move(modelsHeader.x + 100, modelsHeader.y + 200, { steps: 5 });
      await page().mouse.up();
      await page().mouse.move(900, 500);
    }
    await page().locator('.monaco-list-row', { hasText: 'Demo' }).first().waitFor({ timeout: 30_000 });
    await screenshot(page(), 'demo-start');
  });

  it('explains median, pointing out its planted bug', async () => {
    await cursorAt(page(), lineOf('const sorted = [...values].sort();'));
    await page().keyboard.press('Control+Alt+E');
    const reply = chat.locator('.turn.assistant').first();
    await reply.locator('.turn-footer').waitFor({ timeout: 120_000 });
    const text = await reply.locator('.reply-body').innerText();
    assert.match(text, /returns the middle value of a list of numbers/);
    assert.match(text, /compares elements as strings/);
    assert.match(text, /AI Hub: Choose Hub/, 'the first reply says how to use a real hub');
    // Its tokens, and its cost at demo/assistant's demo price ($2/$8 per 1M).
    assert.match(await reply.locator('.usage').innerText(), /\d+ in · \d+ out tokens.*\$0\.00\d+/s);
    await reply.locator('.reply-body strong', { hasText: 'A bug' }).scrollIntoViewIfNeeded();
    await readmeShot(page(), 'chat');
  });

  it('refactors formatDuration (Simplify), and after Accept the file compiles and the function behaves the same', async () => {
    await cursorAt(page(), lineOf('let minutes = Math.floor(seconds / 60);'));
    await page().keyboard.press('Control+Alt+R');
    const picker = page().locator('.quick-input-widget');
    await picker.locator('.quick-input-title', { hasText: 'AI Hub: Refactor' }).waitFor();
    await picker.locator('input').fill('Simplify');
    await acceptQuickInputRow(page(), 'Simplify');
    const accept = page().locator('.editor-actions .action-label[aria-label^="Accept Proposal"]');
    await accept.waitFor({ timeout: 120_000 });
    await page().locator('.monaco-diff-editor .view-lines', { hasText: 'const totalSeconds' }).first().waitFor();
    // The diff side by side at full width for the picture, then the side bar back.
    await runCommand(page(), 'View: Toggle Primary Side Bar Visibility');
    await page().locator('.part.sidebar').waitFor({ state: 'hidden' });
    await page().waitForTimeout(500);
    await readmeShot(page(), 'refactor');
    await runCommand(page(), 'View: Toggle Primary Side Bar Visibility');
    await accept.click();
    await page().locator('.tab', { hasText: '(proposal)' }).waitFor({ state: 'detached', timeout: 15_000 });
    await page().keyboard.press('Control+S');
    const file = path.join(session!.server.dirs.workspace, 'utils.ts');
    const deadline = Date.now() + 15_000;
    // Until the save is over: the file can be read empty while VS Code writes it.
    let saved = ORIGINAL;
    while (saved === ORIGINAL || !saved.includes('export function median')) {
      if (Date.now() > deadline) assert.fail('utils.ts was not saved');
      await new Promise((r) => setTimeout(r, 200));
      saved = fs.readFileSync(file, 'utf8');
    }
    assert.match(saved, /const totalSeconds = Math\.floor\(ms \/ 1000\);/);
    assert.ok(saved.includes('export function fibonacci') && saved.includes('export function median'), 'the rest of the file is intact');
    assert.deepEqual(compileErrors({ 'utils.ts': saved })['utils.ts'], []);
    const before = loadModule(ORIGINAL).formatDuration;
    const after = loadModule(saved).formatDuration;
    for (const ms of [0, 999, 42_000, 61_000, 180_000, 3_605_000, 3_725_000, 180_000_000, -1500]) {
      assert.equal(outcome(after, [ms]), outcome(before, [ms]), `formatDuration(${ms})`);
    }
  });

  it('answers a comparison in the chat with a table', async () => {
    await runCommand(page(), 'AI Hub: Open Chat');
    await chat.locator('textarea.input').waitFor();
    await send(chat, 'Compare interface vs type in TypeScript');
    const reply = chat.locator('.turn.assistant').nth(1);
    await reply.locator('.turn-footer').waitFor({ timeout: 120_000 });
    const table = reply.locator('.reply-body table');
    assert.equal(await table.count(), 1);
    assert.match(await table.locator('th').nth(1).innerText(), /interface/);
    assert.ok((await table.locator('tbody tr').count()) >= 5);
    assert.doesNotMatch(await reply.locator('.reply-body').innerText(), /Choose Hub/, 'the switch note is only in the first reply');
    await screenshot(page(), 'demo-table');
  });

  it("shows a reasoning model's thinking", async () => {
    await chat.locator('.model-button').click();
    await chat.locator('.model-search').fill('thinker');
    await chat.locator('.model-list li', { hasText: 'demo/thinker' }).first().waitFor({ timeout: 15_000 });
    await chat.locator('.model-search').press('Enter');
    assert.match(await chat.locator('.model-label').innerText(), /demo\/thinker/);
    await send(chat, 'What is the difference between recursion and iteration?');
    const reply = chat.locator('.turn.assistant').nth(2);
    const thinking = reply.locator('details.thinking');
    await thinking.waitFor({ timeout: 120_000 });
    await reply.locator('.turn-footer').waitFor({ timeout: 120_000 });
    await thinking.locator('summary').click();
    assert.match(await thinking.locator('.thinking-body').innerText(), /Recursion versus iteration/);
    assert.match(await reply.locator('.reply-body').innerText(), /Recursion\s+Iteration/);
    await screenshot(page(), 'demo-thinking');
  });

  it('lists the demo models in the Models view with their demo prices, and the balance falls by what the replies cost', async () => {
    const models = page()
      .locator('.pane-header', { hasText: /^Models/ })
      .first();
    if ((await models.getAttribute('aria-expanded')) !== 'true') await models.click();
    const group = page().locator('.monaco-list-row', { hasText: 'Demo' }).first();
    await group.waitFor();
    if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
    const thinker = page().locator('.monaco-list-row', { hasText: 'demo/thinker' }).first();
    await thinker.waitFor();
    assert.match(await thinker.innerText(), /\$3\/\$15 per 1M/);
    assert.match(await page().locator('.monaco-list-row', { hasText: 'demo/swift' }).first().innerText(), /\$0\.4\/\$1\.6 per 1M/);
    // Read again now (the status bar item's own command) rather than waiting for the read after replies.
    const balance = page().locator('.statusbar-item', { hasText: 'left' }).first();
    await balance.click();
    await page()
      .locator('.statusbar-item', { hasText: /\$4\.9\d left/ })
      .first()
      .waitFor({ timeout: 30_000 });
    await readmeShot(page(), 'models');
    // The money picture: prices, the last reply's tokens and cost, and the balance.
    await chat.locator('.turn.assistant').last().locator('.turn-footer').scrollIntoViewIfNeeded();
    assert.match(await chat.locator('.turn.assistant').last().locator('.usage').innerText(), /\$0\.0\d+/);
    await readmeShot(page(), 'money');
  });

  it('compares the three demo models side by side: each answers in its own way, with its cost', async () => {
    // No editor, so no selection goes along as context.
    await runCommand(page(), 'View: Close All Editors');
    await compareModels(page(), ['demo/thinker', 'demo/swift'], 'Compare interface vs type in TypeScript');
    // The Compare tab's frame: the one that has its toolbar.
    let frame: Frame | undefined;
    const deadline = Date.now() + 60_000;
    while (!frame) {
      for (const f of page().frames())
        if (
          (await f
            .locator('.compare-toolbar')
            .count()
            .catch(() => 0)) > 0
        )
          frame = f;
      if (!frame && Date.now() > deadline) assert.fail('no Compare tab');
      if (!frame) await new Promise((r) => setTimeout(r, 500));
    }
    await frame.locator('.column.phase-done').nth(2).waitFor({ timeout: 120_000 });
    const column = (model: string) => frame!.locator('.column', { hasText: model });
    const answers: Record<string, string> = {};
    for (const model of ['demo/assistant', 'demo/thinker', 'demo/swift']) {
      answers[model] = await column(model).locator('.reply-body').innerText();
      assert.match(answers[model], /Both describe the shape of a value/);
      assert.match(await column(model).locator('.column-figures').innerText(), /Cost\s+<?\$0\.\d+/);
    }
    assert.match(answers['demo/assistant'], /Rule of thumb/);
    assert.doesNotMatch(answers['demo/swift'], /Rule of thumb/, 'demo/swift gives the short version');
    assert.equal(await column('demo/thinker').locator('details.thinking').count(), 1, 'demo/thinker shows its thinking');
    await readmeShot(page(), 'compare');
  });
});
