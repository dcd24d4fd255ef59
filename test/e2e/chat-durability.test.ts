// Nothing on screen is lost: the extension host killed (SIGKILL) or the window reloaded while an answer streams,
// each several times, and the restored answer holds, character for character, the text the webview showed last;
// damaged conversation files are reported in the panel, left untouched, and recovered from.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import type { CodeServer } from '../runner/codeServer';
import { startHubProcess, type HubProcess } from '../runner/hubProcess';
import { assertLinkOpensOnlyAfterAsking, countOpenings } from '../runner/linkClicks';
import { chatFrame, runCommand, screenshot } from '../runner/workbench';
import { useExtensionSession } from './fixture';
const RUNS = Number(process.env.AIHUB_DURABILITY_RUNS ?? 3);

/** Plain words, so the rendered text is the streamed text: 5 characters every 20 ms, for about 15 s. */
const WORDS = Array.from({ length: 700 }, (_, i) => `w${i.toString().padStart(3, '0')}`).join(' ');
const STEADY = `[[scenario:${JSON.stringify({ kind: 'text', text: WORDS, chunkSize: 5, chunkDelayMs: 20 })}]]`;

async function openChat(page: Page): Promise<FrameLocator> {
  await page.locator('.statusbar-item', { hasText: 'gpt-4o-mini' }).first().waitFor({ timeout: 90_000 });
  await runCommand(page, 'AI Hub: Open Chat');
  const frame = chatFrame(page);
  await frame.locator('textarea.input').waitFor({ timeout: 60_000 });
  return frame;
}

async function send(frame: FrameLocator, text: string): Promise<void> {
  const input = frame.locator('textarea.input');
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

/**
 * Every change of the last answer's text on screen, reported to the test as it happens (a MutationObserver in
 * the webview calling a function the test exposed): the last report is what the person saw last.
 */
async function watchLastReply(frame: FrameLocator): Promise<void> {
  await frame.locator('body').evaluate((body) => {
    type El = { innerText: string; querySelectorAll(s: string): ArrayLike<El> };
    const doc = body as unknown as El;
    const report = (globalThis as unknown as { aihubSeen(text: string): void }).aihubSeen;
    const observer = new (
      globalThis as unknown as { MutationObserver: new (cb: () => void) => { observe(n: unknown, o: unknown): void } }
    ).MutationObserver(() => {
      const replies = doc.querySelectorAll('.turn.assistant .reply-body');
      if (replies.length > 0) report(replies[replies.length - 1].innerText);
    });
    observer.observe(body, { subtree: true, childList: true, characterData: true });
  });
}

/** The extension host processes among code-server's (its process group): `--type=extensionHost`. */
function extensionHostPids(server: CodeServer): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,pgid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => !!m && Number(m[2]) === server.pid && m[3].includes('--type=extensionHost'))
    .map((m) => Number(m[1]));
}

/** What the store and the extension's log say, for a failure's report. */
function diagnostics(server: CodeServer): string {
  const dir = conversationsDir(server);
  const files = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  const summary = files.map((name) => {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    if (!name.endsWith('.json')) return `${name}: ${text.length} bytes, ${text.split('\n').length - 1} lines`;
    try {
      const c = JSON.parse(text) as { turns: { role: string; text: string; status?: string }[] };
      return `${name}: ${c.turns.map((t) => `${t.role}/${t.status ?? ''}/${t.text.length}`).join(' ')}`;
    } catch {
      return `${name}: unreadable`;
    }
  });
  const logs = fs
    .readdirSync(path.join(server.dirs.userData, 'logs'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.parentPath.includes('aihub'))
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'))
    .join('\n')
    .split('\n')
    .filter((l) => /chat|activated/.test(l))
    .slice(-30);
  return [...summary, ...logs].join('\n');
}

function conversationsDir(server: CodeServer): string {
  return path.join(server.dirs.userData, 'User', 'globalStorage', 'aihub.aihub-vscode', 'conversations');
}

describe('Chat durability (e2e)', function () {
  let hub: HubProcess | undefined;
  let seen = '';

  before(async () => {
    hub = await startHubProcess({ noAuth: true });
  });
  after(async () => {
    await hub?.stop();
  });
  const session = useExtensionSession(() => ({
    machineSettings: { 'aihub.baseUrl': hub!.url },
    userSettings: { 'aihub.defaultModel': 'gpt-4o-mini', 'workbench.secondarySideBar.defaultVisibility': 'hidden' },
  }));
  before(async () => {
    // Installed in every frame of the page, the webviews' included, and kept across reloads.
    await session.page.exposeFunction('aihubSeen', (text: string) => (seen = text));
  });

  /** Streams an answer, interrupts it after `waitMs` of streaming, reloads, and compares. */
  /** `interrupt` resolves true when it reloaded the page itself (Reload Window), false when the test must. */
  async function interruptAndRestore(interrupt: (page: Page) => Promise<boolean>, waitMs: number, label: string): Promise<void> {
    const page = session.page;
    let frame = await openChat(page);
    await watchLastReply(frame);
    const before = await frame.locator('.turn.assistant').count();
    await send(frame, `Count for me ${STEADY}`);
    const reply = frame.locator('.turn.assistant').nth(before);
    await reply.locator('.reply-body', { hasText: 'w030' }).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(waitMs);
    const reloaded = await interrupt(page);
    const lastSeen = seen;
    assert.ok(lastSeen.startsWith('w000 w001') && lastSeen.length > 150, `${label}: the answer was streaming (${lastSeen.length} chars)`);
    assert.ok(!lastSeen.includes(WORDS.slice(-20)), `${label}: interrupted before the end`);

    if (!reloaded) await page.reload();
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    frame = await openChat(page);
    const restoredReply = frame.locator('.turn.assistant').nth(before);
    await restoredReply.locator('.turn-status.interrupted').waitFor({ timeout: 60_000 });
    const restored = await restoredReply.locator('.reply-body').innerText();
    const firstDifference = [...lastSeen].findIndex((ch, i) => restored[i] !== ch);
    if (firstDifference >= 0) console.log(diagnostics(session.server));
    assert.equal(
      restored.slice(0, lastSeen.length),
      lastSeen,
      `${label}: the restored answer holds all ${lastSeen.length} characters seen (first difference at ${firstDifference}; restored ${restored.length})`,
    );
    console.log(`      ${label}: seen ${lastSeen.length} characters, restored ${restored.length}`);
  }

  for (let run = 1; run <= RUNS; run++) {
    it(`keeps every character seen when the extension host is killed mid-stream (run ${run})`, async () => {
      await interruptAndRestore(
        async (page) => {
          const pids = extensionHostPids(session.server);
          assert.ok(pids.length > 0, "found the extension host in code-server's process tree");
          for (const pid of pids) process.kill(pid, 'SIGKILL');
          // Whatever the host posted before it died reaches the webview within a frame or two.
          await page.waitForTimeout(300);
          return false;
        },
        150 + run * 170,
        `SIGKILL ${run}`,
      );
    });
  }

  for (let run = 1; run <= RUNS; run++) {
    it(`keeps every character seen when the window is reloaded mid-stream (run ${run})`, async () => {
      await interruptAndRestore(
        async (page) => {
          const reloaded = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 60_000 });
          await runCommand(page, 'Developer: Reload Window');
          await reloaded;
          return true;
        },
        100 + run * 190,
        `reload ${run}`,
      );
    });
  }

  it('opens a link in a reply exactly once, only after VS Code asks, never after Cancel: left, middle, Ctrl, Shift clicks and Enter', async () => {
    const page = session.page;
    const frame = await openChat(page);
    const text = 'See [https://docs.example.com/](https://evil.example.net/steal) and [the guide](https://guide.example.org/start).';
    await send(frame, `Links please [[scenario:${JSON.stringify({ kind: 'text', text })}]]`);
    const reply = frame.locator('.turn.assistant').last();
    const link = reply.locator('a', { hasText: 'the guide' });
    await reply.locator('.turn-footer').waitFor({ timeout: 60_000 });
    assert.match(
      await reply.locator('.link-target').innerText(),
      /evil\.example\.net/,
      'the real target shows beside a link whose text names another',
    );
    assert.equal(await reply.locator('.link-target').count(), 1, 'only beside that one');
    assert.equal(await assertLinkOpensOnlyAfterAsking(page, link, /guide\.example\.org\/start/), 5, 'one opening per Open');
    // The link that shows another address: VS Code's question names the real one.
    const dialog = page.locator('.monaco-dialog-box');
    const openings = countOpenings(page);
    try {
      await reply.locator('a', { hasText: 'docs.example.com' }).click();
      await dialog.waitFor({ timeout: 20_000 });
      assert.match(await dialog.innerText(), /evil\.example\.net\/steal/);
      await screenshot(page, 'chat-link-confirmation');
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
      await page.waitForTimeout(1_500);
      assert.equal(openings.count, 0, 'nothing opens after Cancel');
    } finally {
      openings.stop();
    }
  });

  it('shows a 2 MB single-line reply as plain text, and Stop still answers while it streams', async () => {
    const page = session.page;
    const frame = await openChat(page);
    const huge = JSON.stringify({ kind: 'huge', bytes: 2 * 1024 * 1024, singleLine: true, chunkDelayMs: 15 });
    await send(frame, `One long line [[scenario:${huge}]]`);
    const reply = frame.locator('.turn.assistant').last();
    await reply.locator('.plain-text').waitFor({ timeout: 60_000 });
    assert.equal(await reply.locator('.reply-body.streaming').count(), 1, 'still streaming when it fell back to plain text');
    await frame.locator('.send-button.stop').click();
    await reply.locator('.turn-status.stopped').waitFor({ timeout: 30_000 });
    // Once stopped, the rest of what arrived joins the line streamed as plain text: one element, the line unbroken.
    await frame.locator('.send-button:not(.stop)').waitFor();
    assert.equal(await reply.locator('.plain-text').count(), 1, 'the line in one piece of plain text');
    const shown = await reply.locator('.plain-text').evaluate((el) => (el as unknown as { textContent: string }).textContent.length);
    // Past the 4,000-character line that turns a reply into plain text (PLAIN_ABOVE_CHARS), and short of all of it.
    assert.ok(shown > 4_000 && shown < 2 * 1024 * 1024, `stopped part-way, the part shown as plain text (${shown} characters)`);
    await screenshot(page, 'chat-huge-line');
  });

  it('tells once in the panel about damaged conversation files, leaves them untouched and recovers what it can', async () => {
    const page = session.page;
    const dir = conversationsDir(session.server);
    const files = fs.readdirSync(dir).filter((n) => n.endsWith('.json'));
    const current = files
      .map((n) => ({ n, at: (JSON.parse(fs.readFileSync(path.join(dir, n), 'utf8')) as { updatedAt: number }).updatedAt }))
      .sort((a, b) => b.at - a.at)[0].n;
    const original = fs.readFileSync(path.join(dir, current), 'utf8');
    // The current conversation cut off in its last answer, and one file of each other kind of damage.
    const damaged: Record<string, Buffer> = {
      [current]: Buffer.from(original.slice(0, original.lastIndexOf('w0') + 2)),
      'empty1.json': Buffer.alloc(0),
      'binary1.json': Buffer.from([0x00, 0xff, 0x13, 0x37, 0x50, 0x4b, 0x03, 0x04]),
      'shape1.json': Buffer.from(JSON.stringify({ version: 1, id: 'shape1', turns: [{ nonsense: true }] })),
    };
    for (const [name, data] of Object.entries(damaged)) fs.writeFileSync(path.join(dir, name), data);
    await page.reload();
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    const frame = await openChat(page);
    const notice = frame.locator('.notice');
    await notice.waitFor({ state: 'visible', timeout: 60_000 });
    assert.match(await notice.innerText(), /could not be read .*left as it is/);
    await screenshot(page, 'chat-damaged-file');
    // The current conversation came back from its readable prefix, in a new conversation.
    assert.ok((await frame.locator('.turn.user').count()) >= RUNS * 2, 'the questions of the cut-off file are back');
    const recovered = fs
      .readdirSync(dir)
      .filter((n) => n.endsWith('.json') && !files.includes(n) && !(n in damaged))
      .map((n) => JSON.parse(fs.readFileSync(path.join(dir, n), 'utf8')) as { title: string; turns: { role: string; text: string }[] });
    assert.equal(recovered.length, 1, 'one new conversation: the cut-off one (nothing was readable in the others)');
    assert.match(recovered[0].title, /^Recovered: /);
    assert.match(recovered[0].turns.find((t) => t.role === 'assistant')?.text ?? '', /^w000 w001/, 'the answers up to the cut');
    for (const [name, data] of Object.entries(damaged)) {
      assert.deepEqual(fs.readFileSync(path.join(dir, name)), data, `${name} left byte for byte`);
    }
    // Open Damaged File opens it in VS Code.
    await notice.getByRole('button', { name: 'Open Damaged File' }).click();
    await page
      .locator('.tab', { hasText: /\.json/ })
      .first()
      .waitFor({ timeout: 30_000 });

    // Told once: after another reload, no notice.
    await page.reload();
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    const again = await openChat(page);
    await again.locator('.turn.user').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1_000);
    assert.equal(await again.locator('.notice').isVisible(), false, 'not told a second time');
  });
});
