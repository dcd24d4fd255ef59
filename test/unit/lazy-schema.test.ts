// Schemas built on first use: nothing is built until a schema is read, it is built once, and the stand-in parses,
// embeds, infers and words errors exactly as the schema it stands for.
import * as assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { lazySchema } from '../../src/core/lazySchema';
import { conversationSchema } from '../../src/core/chat/conversation';
import { hostMessageSchema } from '../../src/shared/chatProtocol';

describe('lazySchema', () => {
  it('builds the schema on its first use, once', () => {
    let builds = 0;
    const schema = lazySchema(() => {
      builds++;
      return z.object({ n: z.number() });
    });
    assert.equal(builds, 0);
    assert.deepEqual(schema.parse({ n: 1 }), { n: 1 });
    assert.equal(schema.safeParse({ n: 'x' }).success, false);
    assert.equal(builds, 1);
  });

  it('parses, embeds and words errors like the schema it stands for', () => {
    const make = () => z.object({ id: z.string().check(z.minLength(1)), tags: z.optional(z.array(z.enum(['a', 'b']))) });
    const plain = make();
    const lazy = lazySchema(make);
    const inputs = [{ id: 'x' }, { id: '' }, { id: 'x', tags: ['a', 'c'] }, { tags: 3 }, null, 'text'];
    for (const input of inputs) {
      assert.deepEqual(lazy.safeParse(input), plain.safeParse(input));
      assert.deepEqual(z.array(lazy).safeParse([input]), z.array(plain).safeParse([input]));
      assert.deepEqual(z.safeParse(z.optional(lazy), input), z.safeParse(z.optional(plain), input));
    }
    const union = z.discriminatedUnion('kind', [
      lazySchema(() => z.object({ kind: z.literal('a'), a: z.number() })),
      lazySchema(() => z.object({ kind: z.literal('b'), b: z.string() })),
    ]);
    assert.deepEqual(union.parse({ kind: 'b', b: 'x' }), { kind: 'b', b: 'x' });
    assert.equal(union.safeParse({ kind: 'c' }).success, false);
    assert.ok(lazy instanceof z.ZodMiniObject);
  });

  it('the chat schemas embedded in one another still decide as before', () => {
    const conversation = { version: 1, id: 'c1', title: 'T', model: 'm', createdAt: 1, updatedAt: 1, turns: [] };
    const turn = { id: 't', role: 'user', text: 'hi', createdAt: 1 };
    assert.equal(conversationSchema.safeParse({ ...conversation, turns: [turn] }).success, true);
    const bad = conversationSchema.safeParse({ ...conversation, id: '../x', turns: [{ ...turn, role: 'robot' }] });
    assert.equal(bad.success, false);
    assert.deepEqual(
      bad.error?.issues.map((issue) => issue.path.join('.')),
      ['id', 'turns.0.role'],
    );
    const state = { type: 'state', conversation, busy: false, hasKey: true, hub: 'h', recent: [] };
    assert.equal(hostMessageSchema.safeParse(state).success, true);
  });
});
