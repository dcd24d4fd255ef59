// A reply's money and support details, through the real reply loop against the local hub: its cost from the
// model's price or the hub's own figure, the model that answered, the request id of a failure, the total.
import * as assert from 'node:assert/strict';
import { newConversation, type Conversation } from '../../src/core/chat/conversation';
import { ReplyLoop } from '../../src/core/chat/replyLoop';
import { conversationTotal, replyCostText, usageLine } from '../../src/core/money/replyCost';
import type { ModelPrice } from '../../src/core/money/price';
import { useLocalHubClient } from './localHubClient';

const PRICE: ModelPrice = { kind: 'tokens', inputPerMillion: 2.5, outputPerMillion: 10 };

function asking(model: string): Conversation {
  const c = newConversation('c1', model, 1);
  c.turns.push({ id: 'u1', role: 'user', text: 'hello', createdAt: 1 });
  return c;
}

describe('reply cost, served model and request id', () => {
  const local = useLocalHubClient();
  afterEach(() => local.hub.setMoney({ flavour: 'newapi' }));

  async function reply(model: string, price?: ModelPrice): Promise<Conversation> {
    const c = asking(model);
    const loop = new ReplyLoop(c, { client: local.client, save: async () => undefined, show: () => undefined, priceOf: () => price });
    await loop.begin();
    await loop.run();
    return c;
  }

  it("prices a reply's tokens at the model's price, and names the model that answered", async () => {
    const c = await reply('codestral-latest', PRICE);
    const turn = c.turns[1];
    assert.equal(turn.role, 'assistant');
    if (turn.role !== 'assistant') return;
    const usage = turn.usage!;
    assert.equal(turn.cost, (usage.promptTokens * 2.5 + usage.completionTokens * 10) / 1e6);
    assert.equal(turn.servedModel, 'codestral-2508');
    assert.match(turn.requestId ?? '', /^20261201/);
    assert.match(replyCostText(turn)!, /^\$0\.\d+/);
    assert.equal(conversationTotal(c.turns), replyCostText(turn));
  });

  it("takes the hub's own cost over the price, and says unknown without either", async () => {
    local.hub.setMoney({ flavour: 'openrouter' });
    const reported = (await reply('gpt-4o', { kind: 'call', perCall: 99 })).turns[1];
    assert.ok(reported.role === 'assistant' && reported.cost !== undefined && reported.cost < 1, 'usage.cost wins');
    local.hub.setMoney({ flavour: 'newapi' });
    const unknown = await reply('gpt-4o');
    const turn = unknown.turns[1];
    assert.ok(turn.role === 'assistant');
    if (turn.role !== 'assistant') return;
    assert.equal(turn.cost, undefined);
    assert.equal(replyCostText(turn), 'cost unknown');
    assert.equal(conversationTotal([...unknown.turns, { role: 'assistant', cost: 0.5 }]), '$0.5 + 1 reply at unknown cost');
    assert.equal(
      usageLine({ promptTokens: 1200, completionTokens: 50, totalTokens: 1250, cachedTokens: 1000, reasoningTokens: 20 }),
      '1,200 in · 50 out tokens (1,000 cached, 20 reasoning)',
    );
  });

  it('keeps the request id of a failure and charges nothing for it', async () => {
    local.hub.enqueue({ kind: 'status', status: 402 });
    const turn = (await reply('gpt-4o', PRICE)).turns[1];
    assert.ok(turn.role === 'assistant');
    if (turn.role !== 'assistant') return;
    assert.equal(turn.status, 'error');
    assert.equal(turn.error?.kind, 'quota');
    assert.match(turn.error?.requestId ?? '', /^20261201/);
    assert.equal(turn.cost, undefined);
    assert.equal(replyCostText(turn), undefined);
  });
});
