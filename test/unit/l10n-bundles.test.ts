// Every string a person sees has its English text and its Simplified Chinese translation: a %key% of package.json
// without an entry in package.nls.json or package.nls.zh-cn.json fails here, as does a translation left behind
// for a key that no longer exists.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
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

describe('localization bundles', () => {
  const keys = manifestKeys();

  it('package.json takes its titles and descriptions from package.nls.json', () => {
    assert.ok(keys.size > 50, `package.json uses %key% placeholders (${keys.size})`);
  });

  for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
    it(`${file} has an entry for every %key% of package.json, and no other`, () => {
      const nls = readJson(file) as Record<string, unknown>;
      const missing = [...keys].filter((k) => typeof nls[k] !== 'string' || nls[k] === '');
      const stale = Object.keys(nls).filter((k) => !keys.has(k));
      assert.deepEqual(missing, [], `missing from ${file}`);
      assert.deepEqual(stale, [], `in ${file} but not used by package.json`);
    });
  }
});
