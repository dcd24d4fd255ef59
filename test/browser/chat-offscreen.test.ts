// A long conversation in a real Chromium page: the replies of its earlier turns are drawn only when they near the
// screen and dropped again far from it (src/webview/offscreenReplies.ts), yet every reply appears when scrolled to,
// drawn exactly as it is drawn on its own, with working buttons, and what is on screen does not move while replies
// above or below it are drawn, dropped and drawn again.
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { screenshot } from '../runner/workbench';
import { bundleProbe, launchChromium, openProbePage } from './probePage';

const REPLIES = 30;

// Runs in the page: the chat's Transcript in a scrolling box, and a reference MarkdownView drawing one text alone.
const PROBE = `
import { Transcript } from './src/webview/transcript';
import { MarkdownView } from './src/webview/markdownView';
import { codeActionOf } from './src/webview/codeBlocks';
const w = window as any;
w.codeActionOf = codeActionOf;
w.w = w;
w.open = (conversation: any) => {
  const transcript = new Transcript((text) => w.announced.push(text));
  transcript.element.style.cssText = 'height: 600px; overflow-y: auto; display: block';
  document.getElementById('out')!.replaceChildren(transcript.element);
  transcript.show(conversation);
  w.transcript = transcript;
  w.scroller = transcript.element;
  // As the chat does (main.ts): it opens at its end, and stays there while the turns above are built.
  w.scroller.scrollTop = w.scroller.scrollHeight;
  w.stick = new ResizeObserver(() => (w.scroller.scrollTop = w.scroller.scrollHeight));
  w.stick.observe(w.scroller.firstElementChild.nextElementSibling);
};
w.announced = [];
// Resolves once nothing has changed for ten frames: the page's elements, the scroll position and its height.
w.quiet = () =>
  new Promise((resolve) => {
    let last = '';
    let same = 0;
    (function poll() {
      const now = [document.getElementsByTagName('*').length, w.scroller.scrollTop, w.scroller.scrollHeight].join();
      same = now === last ? same + 1 : 0;
      last = now;
      if (same < 10) requestAnimationFrame(poll);
      else resolve(undefined);
    })();
  });
w.reference = async (text: string) => {
  const element = document.createElement('div');
  document.getElementById('reference')!.replaceChildren(element);
  new MarkdownView(element).setFinal(text);
  await w.quiet();
  return element.querySelector('.md-stable')!.innerHTML;
};
w.reply = (i: number) => document.querySelector('[data-turn-id="a' + i + '"]') as HTMLElement;
w.drawnHtml = (i: number) => w.reply(i).querySelector('.reply-body .md-stable').innerHTML;
// A reply's text is on the page (a dropped reply keeps only its boxes, empty).
w.isDrawn = (i: number) => w.reply(i).querySelector('.reply-body .md-piece > *') !== null;
w.drawnCount = () => Array.from(document.querySelectorAll('.reply-body .md-stable')).filter((e) => e.querySelector('.md-piece > *')).length;
// What the code-block buttons of a reply would send (the page's click handler sends this message).
w.codeActions = (root: HTMLElement) => Array.from(root.querySelectorAll('[data-action="code-copy"]')).map((b) => w.codeActionOf(b));
w.scrollToReply = (i: number, offset: number) => {
  w.scroller.scrollTop += w.reply(i).getBoundingClientRect().top - w.scroller.getBoundingClientRect().top + offset;
};
// Scrolls until reply i's top is \`offset\` above the top of the box: the heights above it change as replies are laid
// out for the first time (estimated until then), and the browser keeps what was on screen in place meanwhile.
w.reach = async (i: number, offset: number) => {
  for (let tries = 0; tries < 20 && Math.abs(w.topOf(i) + offset) > 1; tries++) {
    w.scrollToReply(i, offset);
    await w.quiet();
  }
};
w.topOf = (i: number) => w.reply(i).getBoundingClientRect().top - w.scroller.getBoundingClientRect().top;
`;

function replyText(i: number): string {
  const sections = Array.from({ length: 12 }, (_, s) =>
    [
      `## Part ${s} of reply ${i}`,
      '',
      `Reply ${i} explains \`step${s}\` with **bold** and _emphasis_, and [a link](https://example.com/${i}/${s}).`,
      '',
      '```ts',
      ...Array.from({ length: 6 }, (_, l) => `const value${l} = compute(${i}, ${s}, ${l}); // line ${l}`),
      '```',
      '',
      '| part | value |',
      '| --- | --- |',
      `| ${s} | ${i * s} |`,
      '',
    ].join('\n'),
  );
  return `${sections.join('\n')}\nend of reply ${i}.`;
}

function conversation(): unknown {
  const turns = [];
  for (let i = 0; i < REPLIES; i++) {
    turns.push({ id: `u${i}`, role: 'user', text: `Question ${i}`, createdAt: i });
    turns.push({ id: `a${i}`, role: 'assistant', model: 'm', text: replyText(i), status: 'done', createdAt: i, finishReason: 'stop' });
  }
  return { version: 1, id: 'c', title: 'Long', model: 'm', createdAt: 0, updatedAt: 0, turns };
}

describe('chat long conversation, replies drawn near the screen (Chromium)', function () {
  this.timeout(180_000);
  let browser: Browser;
  let page: Page;
  const references: string[] = [];

  const call = <T>(body: string): Promise<T> => page.evaluate(body) as Promise<T>;

  before(async () => {
    const probe = await bundleProbe(PROBE);
    browser = await launchChromium();
    page = await openProbePage(browser, probe, {
      body: '<div id="out"></div><div id="reference"></div>',
      viewport: { width: 700, height: 700 },
      // The webview's modules reach VS Code's API when loaded; a stub stands in for it.
      before: ['window.acquireVsCodeApi = () => ({ postMessage() {}, getState() {}, setState() {} });'],
      styles: ['chat.css'],
    });
    await page.evaluate((c) => (globalThis as unknown as { open(c: unknown): void }).open(c), conversation());
    for (let i = 0; i < REPLIES; i++) references.push(await call<string>(`w.reference(${JSON.stringify(replyText(i))})`));
    await call(`(document.getElementById('reference').replaceChildren(), w.quiet())`);
    await call('w.stick.disconnect()');
  });
  after(async () => {
    await browser?.close();
  });

  it('opens at its end with the last reply drawn, and the first replies not drawn', async () => {
    const state = await call<{ last: string; first: boolean; drawn: number }>(
      `w.reach(${REPLIES - 1}, 0).then(() => ({ last: w.drawnHtml(${REPLIES - 1}), first: w.isDrawn(0), drawn: w.drawnCount() }))`,
    );
    assert.equal(state.last, references[REPLIES - 1], 'the last reply, drawn as it is drawn alone');
    assert.equal(state.first, false, 'the first reply is not drawn');
    assert.ok(state.drawn < REPLIES, `only the replies near the screen are drawn (${state.drawn} of ${REPLIES})`);
  });

  it('keeps what is on screen in place while replies are drawn, dropped and drawn again', async () => {
    // From the top down, 200px a frame, through replies never drawn (each as tall as an estimate until it is, and
    // drawn a screen before it is reached; those three screens behind are dropped), then back up through the dropped
    // ones, drawn again, then down again: every frame, what is on screen has moved by exactly the distance scrolled.
    // (Scrolling up into replies never laid out can still shift what is on screen when their estimated heights give
    // way to real ones: the browser's scroll anchoring does not absorb it there. Here every reply scrolled up into
    // was laid out on the way down.)
    await call('w.reach(0, 0)');
    assert.equal(await call<boolean>('w.isDrawn(2)'), false, 'the third reply is not drawn yet');
    const moves = await call<{ step: number; moved: number }[]>(`new Promise((resolve) => {
      const moves = [];
      const steps = [...Array(120).fill(200), ...Array(100).fill(-200), ...Array(100).fill(200)];
      let at = 0;
      // The element at the middle of the box, and where it is.
      const probe = () => {
        const box = w.scroller.getBoundingClientRect();
        const el = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return { el, top: el.getBoundingClientRect().top };
      };
      let seen = probe();
      (function step() {
        if (at === steps.length) return resolve(moves);
        w.scroller.scrollTop += steps[at];
        requestAnimationFrame(() => requestAnimationFrame(() => {
          if (seen.el.isConnected) moves.push({ step: steps[at], moved: seen.top - seen.el.getBoundingClientRect().top });
          at++;
          seen = probe();
          step();
        }));
      })();
    })`);
    const jumps = moves.filter((m) => Math.abs(m.moved - m.step) > 2);
    assert.ok(moves.length > 300, `measured ${moves.length} steps`);
    assert.equal(jumps.length, 0, `no jump: ${jumps.map((m) => `${m.step} → ${Math.round(m.moved)}`).join(', ')} (of ${moves.length})`);
    await call('w.quiet()');
    assert.equal(await call<boolean>('w.isDrawn(0)'), false, 'the replies scrolled away from are dropped');
    const drawn = await call<number>('w.drawnCount()');
    assert.ok(drawn <= 6, `only the replies near the screen hold their text (${drawn})`);
  });

  it('draws every reply when scrolled to, top to bottom and back, exactly as it is drawn alone', async () => {
    const order = [...Array(REPLIES).keys(), ...[...Array(REPLIES).keys()].reverse()];
    for (const i of order) {
      await call(`w.reach(${i}, 0)`);
      assert.equal(await call<string>(`w.drawnHtml(${i})`), references[i], `reply ${i}`);
    }
    const drawn = await call<number>('w.drawnCount()');
    assert.ok(drawn <= 6, `the replies scrolled away from are dropped again (${drawn} drawn)`);
    await screenshot(page, 'chat-offscreen-drawn');
  });

  it('gives a reply drawn again working code-block buttons, and its text to Copy', async () => {
    // Reply 5 was drawn, dropped and drawn again by now (the test before went to the end and back to the top).
    await call('w.reach(5, 0).then(() => w.quiet())');
    const actions = await call<{ code: string; language: string }[]>('w.codeActions(w.reply(5))');
    assert.deepEqual(
      actions.map((a) => [a.code, a.language]),
      Array.from({ length: 12 }, (_, s) => [
        Array.from({ length: 6 }, (_, l) => `const value${l} = compute(5, ${s}, ${l}); // line ${l}`).join('\n'),
        'ts',
      ]),
      'one copy button per code block, each sending its code',
    );
    assert.equal(await call<string>(`w.transcript.replyText('a5')`), replyText(5));
  });

  it('announces nothing when replies are drawn or dropped, and the transcript is no live region', async () => {
    assert.deepEqual(await call<string[]>('w.announced'), []);
    assert.equal(
      await call<boolean>(`w.scroller.closest('[aria-live]') === null && w.scroller.querySelector('[aria-live]') === null`),
      true,
    );
  });

  it('never drops a reply streaming, one holding the selection, or a question being edited', async () => {
    // A question and a reply streaming at the end; a selection in reply 3 and an edit of question 4; then to the
    // end and back: all of them were far from the screen meanwhile.
    await call(`(w.transcript.add({ id: 'u-live', role: 'user', text: 'More', createdAt: 99 }),
      w.transcript.add({ id: 'a-live', role: 'assistant', model: 'm', text: '', status: 'streaming', createdAt: 99 }),
      w.transcript.delta('a-live', ${JSON.stringify(replyText(99))}, ''), w.quiet())`);
    await call('w.reach(3, 0)');
    const selected = await call<string>(`(() => {
      w.transcript.editTurn('u4', () => {});
      getSelection().selectAllChildren(w.reply(3).querySelector('.reply-body p'));
      return getSelection().toString();
    })()`);
    assert.ok(selected.includes('Reply 3 explains'), selected);
    await call(`w.reach(${REPLIES - 1}, 0)`);
    const atEnd = await call<{ three: boolean; selected: string; editor: string }>(
      `({ three: w.isDrawn(3), selected: getSelection().toString(), editor: document.querySelector('.edit-input')?.value })`,
    );
    assert.equal(atEnd.three, true, 'the reply holding the selection is still drawn');
    assert.equal(atEnd.selected, selected, 'and the selection is unchanged');
    assert.equal(atEnd.editor, 'Question 4', 'the question being edited is still in its editor');
    await call('getSelection().removeAllRanges()');
    await call('w.reach(0, 0)');
    const live = await call<string>(`document.querySelector('[data-turn-id="a-live"]').textContent`);
    assert.ok(live.includes('end of reply 99.'), 'the streaming reply is still drawn, far from the screen');
    // Without the selection, reply 3 is dropped the next time it goes far away.
    await call('w.reach(3, 0)');
    await call(`w.reach(${REPLIES - 1}, 0)`);
    assert.equal(await call<boolean>('w.isDrawn(3)'), false, 'without the selection, the reply is dropped when far away again');
  });
});
