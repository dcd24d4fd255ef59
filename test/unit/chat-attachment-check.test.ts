// What may be attached to a question: text only, and no more than the model takes in (the one estimate).
import * as assert from 'node:assert/strict';
import { decodeText, oversized, tokenLabel } from '../../src/core/chat/attachmentCheck';
import { attachmentLabel } from '../../src/core/chat/requestMessages';
import { estimateTokens } from '../../src/core/models/tokenEstimate';

describe('attachment checks', () => {
  it('reads UTF-8 text, and refuses NUL bytes or bytes that are not UTF-8', () => {
    assert.equal(decodeText(new TextEncoder().encode('café ✓\n')), 'café ✓\n');
    assert.equal(decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0])), undefined);
    assert.equal(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9])), undefined, 'Latin-1 é is not UTF-8');
  });

  it('refuses what is larger than the model takes in, with both numbers and where the limit comes from', () => {
    const text = 'word '.repeat(2_000);
    const limits = { maxInputTokens: 1_000, maxOutputTokens: 100, source: 'family' as const };
    const message = oversized('big.txt', text, 'gpt-4o-mini', limits);
    assert.equal(
      message,
      `big.txt was not attached: it is about ${estimateTokens(text).toLocaleString('en-US')} tokens, and gpt-4o-mini takes 1,000 in (typical for this family). Attach a part of it, or pick a model with a larger context.`,
    );
    assert.equal(oversized('small.txt', 'word', 'gpt-4o-mini', limits), undefined);
  });

  it('labels a chip with its lines and its size in tokens, by the one estimate', () => {
    assert.equal(tokenLabel('a'), '~1 token');
    const text = 'export const a = 1;\nexport const b = 2;\n';
    assert.equal(attachmentLabel({ fileName: 'a.ts', language: 'typescript', text }), `a.ts · 2 lines · ~${estimateTokens(text)} tokens`);
  });
});
