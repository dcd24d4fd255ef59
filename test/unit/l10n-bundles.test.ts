// Every string a person sees has its English text and its Simplified Chinese translation. A string given to
// l10n.t() in src/ that is missing from l10n/bundle.l10n.json (run `npm run l10n`) or from
// l10n/bundle.l10n.zh-cn.json fails here, as does a %key% of package.json without an entry in package.nls.json
// or package.nls.zh-cn.json, a translation that drops or invents a {0} placeholder, and entries left behind; and
// a walkthrough page without its translation beside it (VS Code opens `<page>.nls.<language>.md` when it exists).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';

const ROOT = path.resolve(__dirname, '..', '..');

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;
}

/** Every `%key%` placeholder in package.json, wherever it sits. */
function manifestKeys(): Set<string> {
  const keys = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      const m = /^%([^%\s]+)%$/.exec(value);
      if (m) keys.add(m[1]);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(readJson('package.json'));
  return keys;
}

/** The markdown pages package.json's walkthroughs show. */
function walkthroughPages(): string[] {
  const walkthroughs = (readJson('package.json').contributes as { walkthroughs: { steps: { media: { markdown?: string } }[] }[] })
    .walkthroughs;
  return walkthroughs.flatMap((w) => w.steps.flatMap((s) => (s.media.markdown ? [s.media.markdown] : [])));
}

/** The messages src/ passes to vscode.l10n.t() and @vscode/l10n's t(), as `npm run l10n` exports them. */
async function sourceMessages(): Promise<Set<string>> {
  const files = fs
    .readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => ({ extension: path.extname(f), contents: fs.readFileSync(path.join(ROOT, 'src', f), 'utf8') }))
    // Only files that localize anything need the (slow) parse.
    .filter((f) => f.contents.includes('l10n'));
  return new Set(Object.keys(await getL10nJson(files)));
}

const placeholders = (text: string): string[] => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();

function checkBundle(file: string, keys: Set<string>, translated: boolean): void {
  const bundle = readJson(file);
  const missing = [...keys].filter((k) => typeof bundle[k] !== 'string' || bundle[k] === '');
  const stale = Object.keys(bundle).filter((k) => !keys.has(k));
  assert.deepEqual(missing, [], `missing from ${file}`);
  assert.deepEqual(stale, [], `in ${file} but no longer used`);
  if (!translated) return;
  const wrong = Object.entries(bundle).filter(([k, v]) => placeholders(k).join() !== placeholders(String(v)).join());
  assert.deepEqual(wrong, [], `${file}: translations whose {n} placeholders differ from the English`);
}

describe('localization bundles', function () {
  // Parsing every source file with the exporter's tree-sitter grammar takes a few seconds on a loaded machine.
  this.timeout(60_000);
  const keys = manifestKeys();
  let messages: Set<string>;
  before(async () => {
    messages = await sourceMessages();
  });

  it('package.json takes its titles and descriptions from package.nls.json', () => {
    assert.ok(keys.size > 50, `package.json uses %key% placeholders (${keys.size})`);
  });

  it('package.nls.json has an entry for every %key% of package.json, and no other', () => checkBundle('package.nls.json', keys, false));
  it('package.nls.zh-cn.json translates every %key% of package.json', () => checkBundle('package.nls.zh-cn.json', keys, true));

  it('l10n/bundle.l10n.json has every string src/ localizes, and no other', () => checkBundle('l10n/bundle.l10n.json', messages, false));
  it('l10n/bundle.l10n.zh-cn.json translates every string src/ localizes', () =>
    checkBundle('l10n/bundle.l10n.zh-cn.json', messages, true));

  it('every walkthrough page has a Simplified Chinese page beside it', () => {
    const pages = walkthroughPages();
    assert.ok(pages.length >= 3, `the walkthrough's markdown pages (${pages.length})`);
    for (const page of pages) {
      const translated = page.replace(/\.md$/, '.nls.zh-cn.md');
      assert.ok(fs.existsSync(path.join(ROOT, translated)), `${translated} is missing`);
      const english = fs.readFileSync(path.join(ROOT, page), 'utf8');
      const chinese = fs.readFileSync(path.join(ROOT, translated), 'utf8');
      assert.ok(/[\u4e00-\u9fff]/.test(chinese) && chinese !== english, `${translated} is not a translation`);
    }
  });
});
