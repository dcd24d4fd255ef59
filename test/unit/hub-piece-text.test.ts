// A reply's text built from stream pieces: flattened in runs to spare the garbage collector, it must be exactly the
// pieces joined, whatever their number and content (across run boundaries, empty pieces, surrogate pairs split in two).
import * as assert from 'node:assert/strict';
import { PieceText } from '../../src/core/hub/pieceText';
import { StreamAssembler } from '../../src/core/hub/streamAssembler';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

const ALPHABET = ['a', ' ', 'é', '"', '\n', '字', '😀', '\uD83D', '\uDE00', ''];

function pieces(next: () => number, count: number): string[] {
  return Array.from({ length: count }, () => {
    let piece = '';
    for (let n = Math.floor(next() * 6); n > 0; n--) piece += ALPHABET[Math.floor(next() * ALPHABET.length)];
    return piece;
  });
}

describe('stream text built from pieces', () => {
  it('is the pieces joined, with its length, at every count around the flattening runs', () => {
    const next = random(17);
    for (const count of [0, 1, 255, 256, 257, 511, 512, 513, 3000]) {
      const parts = pieces(next, count);
      const text = new PieceText();
      let expected = '';
      for (const part of parts) {
        text.append(part);
        expected += part;
        assert.equal(text.length, expected.length);
      }
      assert.equal(text.toString(), expected, `${count} pieces`);
    }
  });

  it('assembles text, reasoning and two interleaved tool calls of thousands of pieces as plain joining does', () => {
    const next = random(5);
    const assembler = new StreamAssembler();
    const want = { text: '', reasoning: '', args: ['', ''] };
    for (const piece of pieces(next, 5000)) {
      const pick = next();
      if (pick < 0.3) {
        assembler.add({ type: 'text', text: piece });
        want.text += piece;
      } else if (pick < 0.5) {
        assembler.add({ type: 'reasoning', text: piece });
        want.reasoning += piece;
      } else {
        const index = pick < 0.75 ? 0 : 1;
        assembler.add({ type: 'toolCallDelta', index, id: `call_${index}`, name: 'write_file', argumentsDelta: piece });
        want.args[index] += piece;
      }
    }
    const reply = assembler.snapshot();
    assert.equal(reply.text, want.text);
    assert.equal(reply.reasoning, want.reasoning);
    assert.deepEqual(
      reply.toolCalls.map((c) => [c.index, c.id, c.name, c.arguments]),
      want.args.map((args, index) => [index, `call_${index}`, 'write_file', args]),
    );
    assert.equal(assembler.textLength, want.text.length + want.reasoning.length);
  });
});
