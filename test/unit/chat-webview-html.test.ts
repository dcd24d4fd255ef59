// The chat webview's HTML: the CSP allows only the nonce'd bundle, local styles and fonts, local or data: images.
import * as assert from 'node:assert/strict';
import { parseL10nBundle } from '../../src/shared/l10nBundle';
import { chatWebviewHtml, newNonce } from '../../src/core/chat/webviewHtml';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

function policy(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  assert.ok(content, 'the page has a CSP meta tag');
  const map = new Map<string, string[]>();
  for (const directive of content.replace(/&#39;|&apos;/g, "'").split(';')) {
    const [name, ...values] = directive.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

describe('chat webview HTML', () => {
  const nonce = newNonce();
  const html = chatWebviewHtml({
    cspSource: CSP_SOURCE,
    nonce,
    scriptUri: `${CSP_SOURCE}/dist/webview/main.js`,
    styleUris: [`${CSP_SOURCE}/dist/webview/main.css`],
    surface: 'sidebar',
  });
  const csp = policy(html);

  it('starts from default-src none and allows scripts only by nonce', () => {
    assert.deepEqual(csp.get('default-src'), ["'none'"]);
    assert.deepEqual(csp.get('script-src'), [`'nonce-${nonce}'`]);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    assert.ok(scripts[0].includes(`nonce="${nonce}"`));
    assert.ok(!/<script[^>]*>[^<]+<\/script>/.test(html), 'no inline script body');
    assert.ok(!/\son[a-z]+=/i.test(html), 'no inline event handlers');
  });

  it('takes styles and fonts only from the webview source, images only from it and data:', () => {
    assert.deepEqual(csp.get('style-src'), [CSP_SOURCE]);
    assert.deepEqual(csp.get('font-src'), [CSP_SOURCE]);
    assert.deepEqual(csp.get('img-src'), [CSP_SOURCE, 'data:']);
    for (const [name, values] of csp) {
      for (const value of values) {
        assert.ok(!["'unsafe-inline'", "'unsafe-eval'", 'https:', 'http:', '*'].includes(value), `${name} must not allow ${value}`);
      }
    }
    assert.deepEqual(csp.get('connect-src'), ["'none'"]);
  });

  it('uses a fresh 128-bit nonce each time and refuses a weak one', () => {
    const a = newNonce();
    const b = newNonce();
    assert.notEqual(a, b);
    assert.equal(Buffer.from(a, 'base64').length, 16);
    assert.throws(
      () => chatWebviewHtml({ cspSource: CSP_SOURCE, nonce: 'abc', scriptUri: 'x', styleUris: [], surface: 'sidebar' }),
      /nonce/,
    );
  });

  it('escapes the values it is given', () => {
    const evil = chatWebviewHtml({
      cspSource: CSP_SOURCE,
      nonce,
      scriptUri: '"><script>alert(1)</script>',
      styleUris: ['x" onload="alert(1)'],
      surface: 'editor',
    });
    assert.equal((evil.match(/<script\b/g) ?? []).length, 1);
    assert.ok(!evil.includes('onload="alert'));
    assert.ok(evil.includes('data-surface="editor"'));
  });

  it('gives other pages (the Usage view) the same policy under their own, escaped, title', () => {
    const page = chatWebviewHtml({ cspSource: CSP_SOURCE, nonce, scriptUri: 'u.js', styleUris: [], surface: 'editor', title: 'Usage <b>' });
    assert.deepEqual(policy(page), csp);
    assert.ok(page.includes('<title>Usage &lt;b&gt;</title>'));
  });

  it('hands the page its translations in the body, escaped, and they read back as the same bundle', () => {
    const bundle = { 'Send (Enter)': '发送 (Enter)', 'Use "{0}"': '使用“{0}”', '<b>"x"</b> & y': '"><script>alert(1)</script>' };
    const page = chatWebviewHtml({
      cspSource: CSP_SOURCE,
      nonce,
      scriptUri: 'u.js',
      styleUris: [],
      surface: 'editor',
      language: 'zh-cn',
      l10n: bundle,
    });
    assert.equal((page.match(/<script\b/g) ?? []).length, 1, 'no script but the bundle');
    assert.ok(page.includes('<html lang="zh-cn">'));
    const attr = /data-l10n="([^"]*)"/.exec(page)?.[1];
    const decoded = attr
      ?.replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    assert.deepEqual(parseL10nBundle(decoded), bundle);
    assert.equal(parseL10nBundle('{"not": 1}'), undefined, 'what is not a bundle leaves the page in English');
    assert.ok(
      !chatWebviewHtml({ cspSource: CSP_SOURCE, nonce, scriptUri: 'u.js', styleUris: [], surface: 'editor' }).includes('data-l10n'),
    );
  });
});
