// Reasoning round trips on tool turns, thinking effort, the options passed through, and usage for VS Code: the
// pure parts, and what the client sends the local hub over HTTP.
import * as assert from 'node:assert/strict';
import { HubClient } from '../../src/core/hub/client';
import type { ChatMessage } from '../../src/core/hub/types';
import { toOpenAiMessages, type NeutralMessage } from '../../src/core/lm/messages';
import { toLanguageModelInfo } from '../../src/core/lm/modelInfo';
import { chooseEffort, effortConfigurationSchema, effortFor, readEffortSetting } from '../../src/core/lm/reasoningEffort';
import { ReasoningMemory } from '../../src/core/lm/reasoningMemory';
import { requestOptions } from '../../src/core/lm/requestOptions';
import { USAGE_MIME_TYPE, usageData } from '../../src/core/lm/usageReport';
import { TOOL_REASONING } from '../hub/scenarios';
import { startHub, type LocalHub } from '../hub/server';

const model = (id: string) => ({ id, raw: { id } });

describe('reasoning memory', () => {
  it('recalls a turn by any of its tool call ids', () => {
    const memory = new ReasoningMemory();
    memory.remember(['call_a', 'call_b'], 'thought one');
    assert.equal(memory.recall(['call_b']), 'thought one');
    assert.equal(memory.recall(['call_x', 'call_a']), 'thought one');
    assert.equal(memory.recall(['call_x']), undefined);
    memory.remember(['call_b'], 'thought two');
    assert.equal(memory.recall(['call_a']), undefined, 'a turn remembered again replaces the old one whole');
    assert.deepEqual(memory.size, { turns: 1, chars: 'thought two'.length });
  });

  it('stays within its bounds, oldest turns first, and keeps nothing empty or oversized', () => {
    const memory = new ReasoningMemory({ maxTurns: 3, maxChars: 100 });
    for (let i = 0; i < 5; i++) memory.remember([`c${i}`], `reasoning ${i}`);
    assert.deepEqual(memory.size, { turns: 3, chars: 33 });
    assert.equal(memory.recall(['c1']), undefined);
    assert.equal(memory.recall(['c4']), 'reasoning 4');
    memory.remember(['big'], 'x'.repeat(90));
    assert.deepEqual(memory.size, { turns: 1, chars: 90 }, 'older turns leave to make room by characters too');
    memory.remember(['huge'], 'y'.repeat(101));
    memory.remember([], 'no ids');
    memory.remember(['empty'], '');
    assert.deepEqual(memory.size, { turns: 1, chars: 90 });
  });
});

describe('reasoning sent back on tool turns', () => {
  const call = { kind: 'toolCall' as const, callId: 'call_1', name: 'get_weather', input: { city: 'Oslo' } };
  const conversation = (assistant: NeutralMessage['parts']): NeutralMessage[] => [
    { role: 'user', parts: [{ kind: 'text', text: 'Weather in Oslo?' }] },
    { role: 'assistant', parts: assistant },
    { role: 'user', parts: [{ kind: 'toolResult', callId: 'call_1', text: 'rain' }] },
  ];
  const assistantOf = (messages: ChatMessage[]) =>
    messages.find((m) => m.role === 'assistant') as Extract<ChatMessage, { role: 'assistant' }>;

  it('takes the thinking parts VS Code handed back', () => {
    const sent = toOpenAiMessages(conversation([{ kind: 'thinking', text: 'I should look it up.' }, call]));
    assert.equal(assistantOf(sent).reasoning_content, 'I should look it up.');
    assert.deepEqual(
      sent.map((m) => m.role),
      ['user', 'assistant', 'tool'],
    );
  });

  it('recalls the reasoning by call id when VS Code did not hand it back', () => {
    const asked: string[][] = [];
    const sent = toOpenAiMessages(conversation([call]), (ids) => (asked.push(ids), ids.includes('call_1') ? 'kept thought' : undefined));
    assert.deepEqual(asked, [['call_1']]);
    assert.equal(assistantOf(sent).reasoning_content, 'kept thought');
  });

  it('adds nothing to a turn without tool calls, or when no reasoning is known', () => {
    const plain = toOpenAiMessages([
      {
        role: 'assistant',
        parts: [
          { kind: 'thinking', text: 'hmm' },
          { kind: 'text', text: 'Hello' },
        ],
      },
    ]);
    assert.deepEqual(plain, [{ role: 'assistant', content: 'Hello' }]);
    assert.equal('reasoning_content' in assistantOf(toOpenAiMessages(conversation([call]))), false);
  });
});

describe('thinking effort and passed-through options', () => {
  it('passes user, seed, response_format and reasoning_effort, in either spelling', () => {
    const { options, dropped } = requestOptions(
      { user: 'user-42', seed: 7, responseFormat: { type: 'json_object' }, reasoningEffort: 'high' },
      undefined,
      false,
    );
    assert.deepEqual(options, { user: 'user-42', seed: 7, response_format: { type: 'json_object' }, reasoning_effort: 'high' });
    assert.deepEqual(dropped, []);
  });

  it("chooses the caller's effort, then the picker's, then the setting's, skipping values that are not efforts", () => {
    assert.equal(chooseEffort('low', 'high'), 'low');
    assert.equal(chooseEffort(undefined, 'high'), 'high');
    assert.equal(chooseEffort('extreme', 42, 'medium'), 'medium');
    assert.equal(chooseEffort(undefined, undefined), undefined);
  });

  it('reads the per-model setting by id or glob, leaving out what is not an effort', () => {
    const setting = readEffortSetting({ 'deepseek-*': 'high', o3: 'low', 'gpt-5': 'turbo', bad: 1 });
    assert.deepEqual(setting, { 'deepseek-*': 'high', o3: 'low' });
    assert.equal(effortFor('deepseek-r1', setting), 'high');
    assert.equal(effortFor('o3', setting), 'low');
    assert.equal(effortFor('gpt-4o', setting), undefined);
    assert.deepEqual(readEffortSetting(['x']), {});
  });

  it("offers the effort in VS Code's picker for reasoning models only, defaulting to the setting", () => {
    const o3 = toLanguageModelInfo(model('o3'), {}, { 'o*': 'high' });
    assert.deepEqual(o3.configurationSchema, effortConfigurationSchema('high'));
    const schema = o3.configurationSchema as { properties: { reasoningEffort: { enum: string[]; default?: string; group: string } } };
    assert.deepEqual(schema.properties.reasoningEffort.enum, ['low', 'medium', 'high']);
    assert.equal(schema.properties.reasoningEffort.default, 'high');
    assert.equal(schema.properties.reasoningEffort.group, 'navigation');
    assert.equal(toLanguageModelInfo(model('gpt-4o')).configurationSchema, undefined);
    const noDefault = toLanguageModelInfo(model('deepseek-r1')).configurationSchema as typeof schema;
    assert.equal('default' in noDefault.properties.reasoningEffort, false, 'without a setting the hub decides');
  });
});

describe('usage for VS Code', () => {
  it("is OpenAI's usage object in a data part of type 'usage'", () => {
    assert.equal(USAGE_MIME_TYPE, 'usage');
    const decoded = JSON.parse(new TextDecoder().decode(usageData({ promptTokens: 1200, completionTokens: 34, totalTokens: 1234 })));
    assert.deepEqual(decoded, { prompt_tokens: 1200, completion_tokens: 34, total_tokens: 1234 });
  });
});

describe('reasoning round trip and effort against the local hub', () => {
  let hub: LocalHub;
  before(async () => {
    hub = await startHub({ apiKey: null });
  });
  after(() => hub.close());

  const tools = [
    { type: 'function' as const, function: { name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } } } } },
  ];
  const client = (defaults?: Record<string, string>) =>
    new HubClient({ baseUrl: hub.url, getApiKey: () => 'sk-x', keyOptional: true, maxRetries: 0, requestDefaults: () => defaults ?? {} });

  it("a thinking-mode model refuses the tool turn without its reasoning and answers with it (DeepSeek's rule)", async () => {
    hub.enqueue({ kind: 'thinkingTools' }, 3);
    const first = await client().streamChat({ model: 'deepseek-v4', messages: [{ role: 'user', content: 'find it' }], tools });
    assert.equal(first.reasoning, TOOL_REASONING);
    assert.equal(first.toolCalls.length, 1);
    const call = first.toolCalls[0];
    const turn = (reasoning?: string): ChatMessage[] => [
      { role: 'user', content: 'find it' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } }],
        ...(reasoning ? { reasoning_content: reasoning } : {}),
      },
      { role: 'tool', tool_call_id: call.id, content: 'found' },
    ];
    await assert.rejects(client().streamChat({ model: 'deepseek-v4', messages: turn(), tools }), /reasoning_content.*passed back/);
    const second = await client().streamChat({ model: 'deepseek-v4', messages: turn(first.reasoning), tools });
    assert.match(second.text, /The tool returned: found/);
  });

  it('adds the per-model effort where the request sets none, and never over the request', async () => {
    await client({ reasoning_effort: 'high' }).streamChat({ model: 'o3', messages: [{ role: 'user', content: 'a' }] });
    assert.equal((hub.requests.at(-1)!.body as { reasoning_effort?: string }).reasoning_effort, 'high');
    await client({ reasoning_effort: 'high' }).streamChat({
      model: 'o3',
      messages: [{ role: 'user', content: 'b' }],
      reasoning_effort: 'low',
    });
    assert.equal((hub.requests.at(-1)!.body as { reasoning_effort?: string }).reasoning_effort, 'low');
    await client().streamChat({ model: 'o3', messages: [{ role: 'user', content: 'c' }] });
    assert.equal('reasoning_effort' in (hub.requests.at(-1)!.body as object), false);
  });
});
