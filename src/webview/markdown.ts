// Model output to safe HTML. The model is untrusted: raw HTML in markdown is off, the result is sanitised
// again by DOMPurify, images are never loaded (a remote image URL can carry data out: shown as text instead),
// and links keep only http(s)/mailto targets — the page opens none itself, it asks the host.
import DOMPurify from 'dompurify';
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdownLang from 'highlight.js/lib/languages/markdown';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import MarkdownIt from 'markdown-it';
import { fencePath } from '../core/chat/codeBlockFile';
import * as l10n from '@vscode/l10n';

// A handful of common languages keeps the bundle small; an unknown fence is shown plain.
const LANGUAGES = { bash, cpp, csharp, diff, go, java, javascript, json, markdown: markdownLang, python, rust, typescript, xml, yaml };
for (const [name, language] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, language);
hljs.registerAliases(['sh', 'shell', 'zsh', 'console', 'shellscript'], { languageName: 'bash' });
hljs.registerAliases(['tsx', 'typescriptreact'], { languageName: 'typescript' });
hljs.registerAliases(['jsx', 'javascriptreact', 'mjs', 'cjs'], { languageName: 'javascript' });
hljs.registerAliases(['html', 'svg', 'vue'], { languageName: 'xml' });
hljs.registerAliases(['jsonc', 'json5'], { languageName: 'json' });
hljs.registerAliases(['c', 'h', 'hpp', 'cc'], { languageName: 'cpp' });

/** Highlighting is worth its cost only up to a size; a bigger block is shown plain rather than freezing the page. */
const MAX_HIGHLIGHT_CHARS = 60_000;

let highlightEnabled = true;

const md = new MarkdownIt({
  html: false,
  linkify: true,
  breaks: false,
  highlight(code, lang) {
    const name = lang.trim().toLowerCase();
    const language = name ? hljs.getLanguage(name) : undefined;
    if (!language) return '';
    // A fence still streaming is not highlighted yet: its grammar is compiled in idle time before it is.
    if (!highlightEnabled) {
      if (!compiled.has(language)) compileSoon(name);
      return '';
    }
    if (code.length > MAX_HIGHLIGHT_CHARS) return '';
    compiled.add(language);
    try {
      return hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
    } catch {
      return '';
    }
  },
});

// One-time costs of a page's first reply, paid in idle time before it arrives: markdown-it's and DOMPurify's first
// run (their code not compiled by V8 yet) and highlight.js compiling a language's grammar on its first use (every
// mode's regular expressions: TypeScript's took 10–60 ms). Together they made the first frame of a first reply the
// longest task of a stream (90 ms for a 20 KB reply on a quiet machine). Each is its own idle task.
const compiled = new Set<object>();
/** Languages to compile in idle time, the next first; a fence seen streaming moves its language to the front. */
const toCompile: string[] = [];
let firstRenderDone = false;
let idleTask: number | undefined;
const WARM_UP_MARKDOWN =
  '# A\n\nSome **bold**, _em_, `code` and [a link](https://example.com).\n\n- one\n- two\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n> quote\n';
const WARM_UP_CODE = 'const a = f("b", 1); // c\n';
/** The languages models write most, compiled first. */
const COMMON_LANGUAGES = ['typescript', 'javascript', 'python', 'bash', 'json'];

/** Starts paying the first reply's one-time costs in idle time (a page calls it once it is loaded). */
export function warmUpRendering(): void {
  for (const name of [...COMMON_LANGUAGES, ...Object.keys(LANGUAGES)]) if (!toCompile.includes(name)) toCompile.push(name);
  scheduleIdle();
}

function compileSoon(name: string): void {
  const at = toCompile.indexOf(name);
  if (at >= 0) toCompile.splice(at, 1);
  toCompile.unshift(name);
  scheduleIdle();
}

function scheduleIdle(): void {
  if (idleTask !== undefined || typeof requestIdleCallback !== 'function') return;
  idleTask = requestIdleCallback(() => {
    idleTask = undefined;
    warmUpStep();
    if (toCompile.length > 0) scheduleIdle();
  });
}

function warmUpStep(): void {
  if (!firstRenderDone) {
    renderMarkdown(WARM_UP_MARKDOWN);
    return;
  }
  const name = toCompile.shift()!;
  const language = hljs.getLanguage(name);
  if (!language || compiled.has(language)) return;
  compiled.add(language);
  hljs.highlight(WARM_UP_CODE, { language: name, ignoreIllegals: true });
}

// A fence that names its file (```ts path=src/a.ts) keeps the name on the code element: Apply opens that file.
const renderFence = md.renderer.rules.fence!;
md.renderer.rules.fence = (tokens, index, options, env, self) => {
  const path = fencePath(tokens[index].info);
  if (path) tokens[index].attrSet('data-path', path);
  return renderFence(tokens, index, options, env, self);
};

// An image is named, never fetched: `![alt](url)` becomes text that says what it was.
md.renderer.rules.image = (tokens, index) => {
  const token = tokens[index];
  const alt = token.content || l10n.t('image');
  return `<span class="md-image" title="${md.utils.escapeHtml(l10n.t('Image not loaded'))}">[${md.utils.escapeHtml(l10n.t('image: {0}', alt))}]</span>`;
};

// Every link says where it goes on hover; one whose text names another address than its target ("[bank.com](
// https://evil.example)") shows the real host beside it, before anyone clicks. VS Code's own prompt shows the
// full address again before it opens an external site.
const ADDRESS_IN_TEXT = /(?:[a-z][a-z0-9+.-]*:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,})/i;
md.renderer.rules.link_open = (tokens, index, options, _env, self) => {
  const token = tokens[index];
  const href = String(token.attrGet('href') ?? '');
  token.attrSet('title', href);
  let text = '';
  let close = index + 1;
  for (; close < tokens.length && tokens[close].type !== 'link_close'; close++) text += tokens[close].content;
  const shown = ADDRESS_IN_TEXT.exec(text)?.[1]?.toLowerCase();
  const target = hostOf(href);
  if (shown && target && shown !== target && !target.endsWith(`.${shown}`) && tokens[close]) tokens[close].meta = { realHost: target };
  return self.renderToken(tokens, index, options);
};
md.renderer.rules.link_close = (tokens, index, options, _env, self) => {
  const realHost = (tokens[index].meta as { realHost?: string } | null)?.realHost;
  const closing = self.renderToken(tokens, index, options);
  return realHost
    ? `${closing}<span class="link-target" title="${md.utils.escapeHtml(l10n.t('Where this link really goes'))}"> (${md.utils.escapeHtml(realHost)})</span>`
    : closing;
};

function hostOf(href: string): string | undefined {
  try {
    return new URL(href).hostname.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

const PURIFY_CONFIG = {
  FORBID_TAGS: [
    'img',
    'image',
    'svg',
    'math',
    'style',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'iframe',
    'object',
    'embed',
    'video',
    'audio',
    'source',
    'picture',
    'link',
    'meta',
    'base',
  ],
  FORBID_ATTR: ['style', 'srcset', 'src', 'action', 'formaction', 'background', 'poster'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
};

export interface RenderOptions {
  /** Off while a block is still streaming: it is highlighted once, when complete. */
  highlight?: boolean;
}

/**
 * The markdown as sanitised nodes, ready to insert: DOMPurify's own parse of the HTML is what is shown (a string
 * from it was parsed a second time into the page, a third of the cost of drawing a piece of a stream).
 */
export function renderMarkdown(source: string, options: RenderOptions = {}): DocumentFragment {
  highlightEnabled = options.highlight ?? true;
  firstRenderDone = true;
  try {
    return DOMPurify.sanitize(md.render(source), { ...PURIFY_CONFIG, RETURN_DOM_FRAGMENT: true });
  } finally {
    highlightEnabled = true;
  }
}
