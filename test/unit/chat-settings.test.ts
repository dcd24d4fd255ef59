// A conversation's own settings: checked with the range in words, stored with the conversation, and sent in the
// request (a reply over real HTTP to the local hub): the system prompt first, temperature and max tokens as set,
// reasoning effort only to a model that takes it.
import * as assert from 'node:assert/strict';
import {
  checkChatSettings,
  effortSupport,
  isEmptySettings,
  requestParameters,
  systemPromptOf,
  type ModelFacts,
} from '../../src/core/chat/chatSettings';
import { conversationSchema, newConversation } from '../../src/core/chat/conversation';
import { ReplyLoop } from '../../src/core/chat/replyLoop';
import { extractMetadata } from '../../src/core/models/metadata';
import { useLocalHubClient } from './localHubClient';

const REASONING: ModelFacts = { capabilities: ['tools', 'reasoning'], guessed: [], maxOutputTokens: 100_000 };
const PLAIN: ModelFacts = { capabilities: ['tools'], guessed: [], maxOutputTokens: 16_384 };
const UNLISTED: ModelFacts = {};

describe('Chat settings', () => {
  it('refuses a temperature out of range with the range, and keeps a good one', () => {
    for (const bad of ['2.5', '-1', 'hot', '1e3']) {
      const check = checkChatSettings({ temperature: bad }, PLAIN);
      assert.equal(check.ok, false, bad);
      assert.equal(!check.ok && check.field, 'temperature');
      assert.match(!check.ok ? check.message : '', /from 0 to 2/);
      assert.ok(!check.ok && check.message.includes(bad), 'the refused value is quoted');
    }
    assert.deepEqual(checkChatSettings({ temperature: '0,7' }, PLAIN), { ok: true, settings: { temperature: 0.7 } });
    assert.deepEqual(checkChatSettings({ temperature: 0 }, PLAIN), { ok: true, settings: { temperature: 0 } });
    assert.deepEqual(checkChatSettings({ temperature: ' ' }, PLAIN), { ok: true, settings: {} }, 'blank: the default');
  });

  it("bounds max output tokens by the model's largest answer where it is known", () => {
    const over = checkChatSettings({ maxTokens: '20000' }, PLAIN);
    assert.equal(over.ok, false);
    assert.match(!over.ok ? over.message : '', /from 1 to 16,384, this model's largest answer/);
    const fraction = checkChatSettings({ maxTokens: '12.5' }, PLAIN);
    assert.match(!fraction.ok ? fraction.message : '', /whole number/);
    assert.deepEqual(checkChatSettings({ maxTokens: '20000' }, UNLISTED), { ok: true, settings: { maxTokens: 20_000 } });
    assert.equal(checkChatSettings({ maxTokens: '2000000' }, UNLISTED).ok, false, 'a typo of extra digits is caught');
  });

  it('says whether a model takes a reasoning effort: from the hub, guessed from the family, or unknown', () => {
    assert.equal(effortSupport(REASONING), 'yes');
    assert.equal(effortSupport(PLAIN), 'no');
    assert.equal(effortSupport(UNLISTED), 'unknown');
    const o3 = extractMetadata('o3-mini', {});
    assert.equal(effortSupport(o3), 'guessed');
    const hubSaysNo = extractMetadata('o3-mini', { supported_parameters: ['tools'] });
    assert.equal(effortSupport(hubSaysNo), 'no', 'the hub’s own list beats the family guess');
  });

  it('sends reasoning effort only to a model that takes it', () => {
    const settings = { temperature: 0.2, maxTokens: 500, reasoningEffort: 'high' as const };
    assert.deepEqual(requestParameters(settings, REASONING), { temperature: 0.2, max_tokens: 500, reasoning_effort: 'high' });
    assert.deepEqual(requestParameters(settings, PLAIN), { temperature: 0.2, max_tokens: 500 });
    assert.deepEqual(requestParameters(settings, UNLISTED), { temperature: 0.2, max_tokens: 500 });
    assert.deepEqual(requestParameters(undefined, REASONING), {});
  });

  it("uses the conversation's system prompt, else the default, else none", () => {
    assert.equal(systemPromptOf({ systemPrompt: 'Be brief.' }, 'Default.'), 'Be brief.');
    assert.equal(systemPromptOf({}, 'Default.'), 'Default.');
    assert.equal(systemPromptOf(undefined, '  '), undefined);
    assert.ok(isEmptySettings({}));
    assert.ok(!isEmptySettings({ temperature: 0 }));
  });

  it('is stored with the conversation and read back; a stored value out of range is not a conversation', () => {
    const c = { ...newConversation('s1', 'o3-mini', 1), settings: { systemPrompt: 'Answer in French.', temperature: 1.2, maxTokens: 800 } };
    assert.deepEqual(conversationSchema.parse(JSON.parse(JSON.stringify(c))).settings, c.settings);
    assert.equal(conversationSchema.safeParse({ ...c, settings: { temperature: 7 } }).success, false);
  });

  describe('in the request', () => {
    const local = useLocalHubClient();

    async function ask(model: string, facts: ModelFacts): Promise<Record<string, unknown>> {
      const c = newConversation(`c-${model}`, model, 1);
      c.settings = { systemPrompt: 'Answer in French.', temperature: 0.3, maxTokens: 256, reasoningEffort: 'low' };
      c.turns.push({ id: 'u1', role: 'user', text: 'Hello', createdAt: 1 });
      c.turns.push({ id: 'a1', role: 'assistant', model, text: 'Bonjour', status: 'done', createdAt: 2 });
      c.turns.push({ id: 'u2', role: 'user', text: 'Again', createdAt: 3 });
      const before = local.hub.requests.length;
      const loop = new ReplyLoop(
        c,
        { client: local.client, save: async () => undefined, show: () => undefined },
        {
          systemPrompt: systemPromptOf(c.settings, 'Default.'),
          parameters: () => requestParameters(c.settings, facts),
          // A small window: the oldest messages are left out, never the system prompt.
          limits: { maxInputTokens: 40, maxOutputTokens: 256, source: 'override' },
        },
      );
      await loop.begin();
      await loop.run();
      return local.hub.requests[before].body as Record<string, unknown>;
    }

    it('sends the system prompt first and the parameters as set', async () => {
      const body = await ask('o3-mini', REASONING);
      const messages = body.messages as { role: string; content: string }[];
      assert.deepEqual(messages[0], { role: 'system', content: 'Answer in French.' });
      assert.equal(body.temperature, 0.3);
      assert.equal(body.max_tokens, 256);
      assert.equal(body.reasoning_effort, 'low');
    });

    it('leaves reasoning effort out for a model that does not take it', async () => {
      const body = await ask('gpt-4o-mini', PLAIN);
      assert.equal('reasoning_effort' in body, false);
      assert.equal(body.temperature, 0.3);
    });
  });
});
