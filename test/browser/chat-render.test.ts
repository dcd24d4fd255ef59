// The chat's reply view in a real Chromium page: a reply of any shape is drawn a piece at a time (no frame does all
// of a huge table or code block) and completely (every row and line, in one table and one code block).
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { screenshot } from '../runner/workbench';
import { bundleProbe, launchChromium, openProbePage } from './probePage';

interface Drawn {
  /** How much text was on screen at each frame, until nothing changed for ten frames. */
  progress: number[];
  tables: number;
  rows: number;
  codeBlocks: number;
  /** The code the block's Copy button sends. */
  copied: string | undefined;
  plainText: number;
  text: string;
}

// Runs in the page: a MarkdownView drawing a saved reply (setFinal) or a streamed one (append, then finish).
const PROBE = `
import { MarkdownView } from './src/webview/markdownView';
import { codeActionOf, decorateCodeBlocks } from './src/webview/codeBlocks';
void decorateCodeBlocks;
const count = (body: HTMLElement) => body.querySelectorAll('tr').length + body.querySelectorAll('pre').length * 0 + (body.querySelector('code')?.parentElement?.parentElement?.textContent?.split('\\\\n').length ?? 0);
(window as any).draw = (source: string, stream: boolean) =>
  new Promise((resolve) => {
    const out = document.getElementById('out')!;
    out.replaceChildren();
    const body = document.createElement('div');
    out.append(body);
    const view = new MarkdownView(body);
    if (stream) {
      for (let at = 0; at < source.length; at += 5000) view.append(source.slice(at, at + 5000));
      requestAnimationFrame(() => requestAnimationFrame(() => view.finish()));
    } else view.setFinal(source);
    const progress: number[] = [];
    let quiet = 0;
    (function poll() {
      const n = (body.textContent ?? '').length;
      quiet = progress.length > 0 && progress[progress.length - 1] === n ? quiet + 1 : 0;
      progress.push(n);
      if (quiet < 10) return requestAnimationFrame(poll);
      const copy = body.querySelector<HTMLElement>('.code-block [data-action="code-copy"]');
      resolve({
        progress,
        tables: body.querySelectorAll('table').length,
        rows: body.querySelectorAll('tbody tr').length,
        codeBlocks: body.querySelectorAll('.code-block').length,
        copied: copy ? codeActionOf(copy)?.code : undefined,
        plainText: body.querySelectorAll('.plain-text').length,
        text: body.textContent ?? '',
      });
    })();
  });
`;

describe('chat reply view (Chromium)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let page: Page;

  before(async () => {
    const probe = await bundleProbe(PROBE);
    browser = await launchChromium();
    page = await openProbePage(browser, probe, { body: '<div id="out"></div>', styles: ['chat.css'] });
  });
  after(async () => {
    await browser?.close();
  });

  function draw(source: string, stream = false): Promise<Drawn> {
    return page.evaluate(([s, st]) => (globalThis as unknown as { draw(s: string, st: boolean): Promise<Drawn> }).draw(s, st), [
      source,
      stream,
    ] as const);
  }

  /** How many distinct states the page showed before the last: more than one means it was drawn over several frames. */
  function steps(progress: number[]): number {
    return new Set(progress.filter((n) => n > 0 && n < progress[progress.length - 1])).size;
  }

  const rows = 1_500;
  const table = `Before the table.\n\n| n | square | note |\n|---|---:|---|\n${Array.from({ length: rows }, (_, i) => `| ${i} | ${i * i} | *row ${i}* |`).join('\n')}\n\nAfter the table.\n`;
  const codeLines = Array.from({ length: 2_000 }, (_, i) => `const v${i} = { a: "s", b: [${i}, 2, 3] }; // line ${i}`);
  const fence = `Some code:\n\n\`\`\`ts\n${codeLines.join('\n')}\n\`\`\`\n\nDone.\n`;

  for (const stream of [false, true]) {
    const how = stream ? 'streamed' : 'saved';
    it(`draws a ${how} table of ${rows} rows progressively, as one complete table`, async () => {
      const drawn = await draw(table, stream);
      if (!stream) assert.ok(steps(drawn.progress) >= 3, `drawn over several frames: ${drawn.progress.slice(0, 12).join(', ')}`);
      assert.equal(drawn.tables, 1, 'one table, not one per piece');
      assert.equal(drawn.rows, rows, 'every row');
      assert.match(drawn.text, /row 1499/);
      assert.match(drawn.text, /After the table\./);
      assert.equal((drawn.text.match(/square/g) ?? []).length, 1, 'the header once');
    });

    it(`draws a ${how} code block of ${codeLines.length} lines progressively, as one block whose Copy has every line`, async () => {
      const drawn = await draw(fence, stream);
      if (!stream) assert.ok(steps(drawn.progress) >= 3, `drawn over several frames: ${drawn.progress.slice(0, 12).join(', ')}`);
      assert.equal(drawn.codeBlocks, 1, 'one code block, one header and one set of actions');
      assert.equal(drawn.copied, codeLines.join('\n'));
      assert.match(drawn.text, /Done\./);
    });
  }

  it('scrolls a long code block sideways as one, however many pieces it was drawn in; its header stays in view', async () => {
    await page.setViewportSize({ width: 400, height: 500 });
    await page.evaluate(
      () =>
        ((globalThis as unknown as { document: { getElementById(id: string): { style: { width: string } } } }).document.getElementById(
          'out',
        ).style.width = '320px'),
    );
    const wide = Array.from({ length: 80 }, (_, i) => `const line${i} = ['a long line of code that is wider than the side bar', ${i}];`);
    await draw(`\`\`\`ts\n${wide.join('\n')}\n\`\`\`\n`);
    const scrolled = await page.evaluate(() => {
      type Box = { scrollWidth: number; clientWidth: number; scrollLeft: number; getBoundingClientRect(): { left: number } };
      const doc = (globalThis as unknown as { document: { querySelector(s: string): Box; querySelectorAll(s: string): ArrayLike<Box> } })
        .document;
      const block = doc.querySelector('.code-block');
      const pres = Array.from(doc.querySelectorAll('.code-block pre'));
      block.scrollLeft = 150;
      return {
        pieces: pres.length,
        scrollingOnTheirOwn: pres.filter((p) => p.scrollWidth > p.clientWidth + 1).length,
        blockScrolls: block.scrollWidth > block.clientWidth,
        scrollLeft: block.scrollLeft,
        headerShift: doc.querySelector('.code-header').getBoundingClientRect().left - block.getBoundingClientRect().left,
      };
    });
    await screenshot(page, 'chat-code-block-scrolled');
    await page.evaluate(
      () =>
        ((globalThis as unknown as { document: { getElementById(id: string): { style: { width: string } } } }).document.getElementById(
          'out',
        ).style.width = ''),
    );
    assert.ok(scrolled.pieces >= 2, `drawn in pieces (${scrolled.pieces})`);
    assert.equal(scrolled.scrollingOnTheirOwn, 0, 'no piece scrolls on its own');
    assert.ok(scrolled.blockScrolls && scrolled.scrollLeft === 150, 'the block scrolls sideways as a whole');
    assert.ok(Math.abs(scrolled.headerShift) <= 1, `the header stays at the block's left edge (${scrolled.headerShift}px)`);
  });

  it('shows one line too long for markdown as plain text, and the markdown around it as markdown', async () => {
    const line = 'word *w* '.repeat(2_000);
    const drawn = await draw(`# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n${line}\nafter **bold**\n`);
    assert.equal(drawn.plainText, 1);
    assert.equal(drawn.tables, 1);
    assert.ok(drawn.text.includes(line), 'the long line whole, as it was written');
    assert.match(drawn.text, /after bold/);
  });

  for (const stream of [false, true]) {
    it(`draws a ${stream ? 'streamed' : 'saved'} reply that is one long line with no newline once, as one plain text`, async () => {
      const line = 'word '.repeat(20_000);
      const drawn = await draw(line, stream);
      assert.equal(drawn.plainText, 1, 'one element: the line is not broken where the stream ended');
      assert.equal(drawn.text, line, 'all of it, once');
    });
  }
});
