// The chat webview's HTML: a pure function of strings, so a unit test can check its Content-Security-Policy.
// Nothing runs but the bundle carrying the nonce; styles and fonts come only from the extension's own files;
// images only from those and data: URIs, because a remote image URL in model output could carry data out.
import { randomBytes } from 'node:crypto';

export interface WebviewHtmlInput {
  /** `webview.cspSource`: the origin the webview serves local resources from. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUris: readonly string[];
  /** Where the chat is shown, for layout (`sidebar` or `editor`). */
  surface: 'sidebar' | 'editor';
  /** The page's title (default "AI Hub Chat"). */
  title?: string;
  /** VS Code's display language (`vscode.env.language`), for the page's lang. */
  language?: string;
  /** The translations for that language (`vscode.l10n.bundle`); none for English. */
  l10n?: Record<string, string>;
}

/** 128 random bits from the OS, fresh for every page load. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    "connect-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function chatWebviewHtml(input: WebviewHtmlInput): string {
  if (!/^[A-Za-z0-9+/=]{16,}$/.test(input.nonce)) throw new Error('the nonce must be base64 from a random source');
  const csp = contentSecurityPolicy(input.cspSource, input.nonce);
  const l10n = input.l10n ? ` data-l10n="${escapeAttr(JSON.stringify(input.l10n))}"` : '';
  const styles = input.styleUris.map((uri) => `<link rel="stylesheet" href="${escapeAttr(uri)}">`).join('\n    ');
  return `<!DOCTYPE html>
<html lang="${escapeAttr(input.language ?? 'en')}">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${styles}
    <title>${escapeAttr(input.title ?? 'AI Hub Chat')}</title>
  </head>
  <body data-surface="${escapeAttr(input.surface)}"${l10n}>
    <div id="app" class="app"></div>
    <script nonce="${escapeAttr(input.nonce)}" src="${escapeAttr(input.scriptUri)}"></script>
  </body>
</html>`;
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
