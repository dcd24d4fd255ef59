// The token estimate against the real o200k tokenizer (gpt-tokenizer, a devDependency only) on a fixed corpus.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { estimateTokens } from '../../src/core/models/tokenEstimate';

const CORPUS = path.join(__dirname, '..', 'fixtures', 'tokens');
const TOLERANCE = 0.15;

describe('token estimate vs the o200k tokenizer', () => {
  const files = fs.readdirSync(CORPUS).sort();

  for (const kind of ['prose', 'code'] as const) {
    const samples = files.filter((f) => f.startsWith(`${kind}-`));
    it(`is within 15% on every ${kind} sample, and on the ${kind} corpus as a whole`, () => {
      assert.ok(samples.length >= 2, `a ${kind} corpus exists`);
      let real = 0;
      let estimated = 0;
      for (const file of samples) {
        const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
        const r = encode(text).length;
        const e = estimateTokens(text);
        real += r;
        estimated += e;
        assert.ok(Math.abs(e - r) / r <= TOLERANCE, `${file}: estimated ${e}, o200k ${r}`);
      }
      assert.ok(Math.abs(estimated - real) / real <= TOLERANCE, `${kind}: estimated ${estimated}, o200k ${real}`);
    });
  }

  it('counts nothing for nothing and grows with the text', () => {
    assert.equal(estimateTokens(''), 0);
    assert.ok(estimateTokens('hello world '.repeat(100)) > estimateTokens('hello world '.repeat(10)) * 9);
  });
});
