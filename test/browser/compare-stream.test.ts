// Compare columns streaming at once in a real Chromium page: they share one frame's drawing (src/webview/streamFrame.ts),
// take turns so that none waits for the others to finish, and each ends showing exactly what the same answer shows
// when drawn finished.
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { bundleProbe, launchChromium, openProbePage } from './probePage';

interface Streamed {
  /** Each column's reply as the page shows it, streamed and then finished: its text, and the elements it is in. */
  streamed: string[];
  streamedShape: string[];
  /** The same answer drawn finished (as a saved comparison opens). */
  saved: string;
  savedShape: string;
  /** Per column, while streaming: the frame at which it first showed some of its text, and all it would before finishing. */
  firstShown: number[];
  allShown: number[];
}

// Runs in the page: columns fed `source` in 24-character deltas, interleaved, a burst per task (as the host posts
// them at thousands a second); finished once the last delta is in (`finishAtOnce`) or once the streamed text is
// drawn, then drawn until nothing changes for ten frames. What is compared is what a person sees: the text (without
// the whitespace between block elements, which depends on where pieces were cut) and the elements it is in (without
// the boxes and <pre> pieces it was drawn in).
const PROBE = `
import { CompareColumn } from './src/webview/compareColumn';
const SHAPE = 'h1,h2,h3,h4,h5,h6,p,ul,ol,li,blockquote,table,thead,tbody,tr,th,td,.code-block,.code-header,strong,em,a,:not(pre)>code,hr';
const shape = (el: Element) => Array.from(el.querySelectorAll(SHAPE)).map((e) => e.tagName + '.' + e.className).join(' ');
function visibleText(el: Element): string {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (node.nodeValue!.trim() !== '' || node.parentElement!.closest('pre')) text += node.nodeValue;
  return text;
}
(window as any).stream = (source: string, columns: number, burst: number, finishAtOnce: boolean) =>
  new Promise((resolve) => {
    const out = document.getElementById('out')!;
    out.replaceChildren();
    const turn = (id: string, status: 'streaming' | 'done', text: string) => ({ id, role: 'assistant', model: 'm' + id, text, status, createdAt: 0 }) as any;
    const view = (id: string, phase: 'streaming' | 'done') => ({ id, phase, cost: 'unknown' }) as any;
    const cols = Array.from({ length: columns }, (_, i) => new CompareColumn(turn('c' + i, 'streaming', ''), view('c' + i, 'streaming')));
    const saved = new CompareColumn(turn('s', 'done', source), view('s', 'done'));
    out.append(...cols.map((c) => c.element), saved.element);
    const bodies = cols.map((c) => c.element.querySelector('.reply-body')!);
    const progress: number[][] = cols.map(() => []);
    let at = 0;
    let finished = false;
    const finish = () => {
      finished = true;
      for (const c of cols) c.finish(turn(c.id, 'done', source));
    };
    (function feed() {
      for (const end = Math.min(source.length, at + burst * 24); at < end; at += 24) for (const c of cols) c.delta(source.slice(at, at + 24), '');
      if (at < source.length) return void setTimeout(feed, 0);
      if (finishAtOnce) finish();
    })();
    let last = '';
    let quiet = 0;
    (function poll() {
      if (!finished) cols.forEach((_, i) => progress[i].push((bodies[i].textContent ?? '').length));
      const now = out.textContent ?? '';
      quiet = now === last ? quiet + 1 : 0;
      last = now;
      if (quiet >= 10 && at >= source.length && !finished) {
        finish();
        quiet = 0;
      }
      if (quiet < 10 || !finished) return requestAnimationFrame(poll);
      const savedBody = saved.element.querySelector('.reply-body')!;
      resolve({
        streamed: bodies.map(visibleText),
        saved: visibleText(savedBody),
        streamedShape: bodies.map(shape),
        savedShape: shape(savedBody),
        firstShown: progress.map((p) => p.findIndex((n) => n > 0)),
        allShown: progress.map((p) => p.indexOf(p[p.length - 1])),
      });
    })();
  });
`;

function answer(): string {
  const parts = ['# Comparing the approaches\n\n'];
  for (let i = 0; i < 12; i++) {
    parts.push(
      `## Step ${i + 1}\n\nThe function \`handle${i}\` reads the **input** and returns a _new_ value; see [the guide](https://example.com/${i}).\n\n`,
      `- first, validate (${i})\n- then map each item\n  - nested, with \`code\`\n- finally, sort\n\n`,
      `\`\`\`ts\n${Array.from({ length: 30 }, (_, l) => `const v${i}_${l} = items.filter((x) => x.size > ${l}); // ${i}`).join('\n')}\n\`\`\`\n\n`,
      `| input | output | note |\n| --- | ---: | --- |\n${Array.from({ length: 25 }, (_, r) => `| ${r} | ${r * i} | *row ${r}* |`).join('\n')}\n\n`,
      `> A quote about step ${i}, with a line\n> that continues.\n\n1. one\n2. two\n\n`,
    );
  }
  return parts.join('');
}

describe('Compare columns streaming together (Chromium)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let page: Page;

  before(async () => {
    const probe = await bundleProbe(PROBE);
    browser = await launchChromium();
    page = await openProbePage(browser, probe, {
      body: '<div id="out" style="display: flex"></div>',
      viewport: { width: 1400, height: 900 },
      styles: ['chat.css', 'compare.css'],
    });
  });
  after(async () => {
    await browser?.close();
  });

  function stream(source: string, columns: number, burst: number, finishAtOnce: boolean): Promise<Streamed> {
    return page.evaluate(
      ([s, c, b, f]) =>
        (globalThis as unknown as { stream(s: string, c: number, b: number, f: boolean): Promise<Streamed> }).stream(s, c, b, f),
      [source, columns, burst, finishAtOnce] as const,
    );
  }

  for (const [columns, burst, finishAtOnce] of [
    [3, 40, true],
    [3, 40, false],
    [3, 2_000, true],
    [1, 40, false],
  ] as const) {
    const when = finishAtOnce ? 'finished with the last delta' : 'finished once drawn';
    it(`${columns} column(s) fed ${burst} deltas a task, ${when}, show exactly the answer drawn finished`, async () => {
      const source = answer();
      const result = await stream(source, columns, burst, finishAtOnce);
      assert.ok(result.saved.includes('row 24') && result.saved.includes('const v11_29'), 'the finished answer is drawn whole');
      for (let i = 0; i < columns; i++) {
        assert.equal(result.streamed[i], result.saved, `column ${i + 1}: the same text`);
        assert.equal(result.streamedShape[i], result.savedShape, `column ${i + 1}: the same elements`);
      }
    });
  }

  it('draws every column as it streams: none waits for another to show all of its answer', async () => {
    // The whole answer arrives in one task: each column has far more than a frame's budget to draw.
    const result = await stream(answer(), 3, 100_000, false);
    const firstDone = Math.min(...result.allShown);
    for (let i = 0; i < 3; i++)
      assert.ok(
        result.firstShown[i] >= 0 && result.firstShown[i] < firstDone,
        `column ${i + 1} first showed text at frame ${result.firstShown[i]}, before frame ${firstDone} when one column had drawn all of it`,
      );
  });
});
