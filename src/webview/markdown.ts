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
    if (!highlightEnabled || !name || code.length > MAX_HIGHLIGHT_CHARS || !hljs.getLanguage(name)) return '';
    try {
      return hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
    } catch {
      return '';
    }
  },
});

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
  try {
    return DOMPurify.sanitize(md.render(source), { ...PURIFY_CONFIG, RETURN_DOM_FRAGMENT: true });
  } finally {
    highlightEnabled = true;
  }
}
