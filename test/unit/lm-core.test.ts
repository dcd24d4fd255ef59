// The language-model provider's pure parts: model information, message conversion and request options.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HubModel } from '../../src/core/hub/types';
import { parseModelList } from '../../src/core/hub/models';
import { DEFAULT_LIMITS, findOverride, readLimitOverrides } from '../../src/core/models/limits';
import { countMessageTokens, toOpenAiMessages, type NeutralMessage } from '../../src/core/lm/messages';
import { displayName, distinguishAliases, isChatModel, toLanguageModelInfo } from '../../src/core/lm/modelInfo';
import { requestOptions } from '../../src/core/lm/requestOptions';
import { parseToolArguments } from '../../src/core/lm/toolArguments';

function fixture(name: string): HubModel[] {
  const json: unknown = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'models', `${name}.json`), 'utf8'));
  return parseModelList(json, 'https://hub.example/v1').models;
}

describe('language model information', () => {
  it('takes limits and capabilities from OpenRouter metadata when the hub publishes them', () => {
    const models = fixture('openrouter');
    const withContext = models.find((m) => typeof m.raw.context_length === 'number')!;
    const info = toLanguageModelInfo(withContext);
    const context = withContext.raw.context_length as number;
    assert.equal(info.maxInputTokens + info.maxOutputTokens, context, 'input and output share the published window');
    assert.match(info.tooltip, /from the hub/);
    assert.equal(info.id, withContext.id);
  });

  it('falls back to the family table for new-api hubs, which publish no limits', () => {
    const models = fixture('newapi');
    const claude = models.find((m) => m.id.startsWith('claude'))!;
    const info = toLanguageModelInfo(claude);
    assert.equal(info.maxInputTokens + info.maxOutputTokens, 200_000);
    assert.match(info.tooltip, /typical for this family/);
    assert.equal(info.capabilities.toolCalling, true);
  });

  it('uses a cautious default for a model nobody describes, and a user override above all', () => {
    const unknown: HubModel = { id: 'acme-private-7b', raw: { id: 'acme-private-7b' } };
    const info = toLanguageModelInfo(unknown);
    assert.equal(info.maxInputTokens + info.maxOutputTokens, DEFAULT_LIMITS.contextTokens);
    assert.equal(info.capabilities.toolCalling, false);
    const overridden = toLanguageModelInfo(
      unknown,
      readLimitOverrides({
        'acme-*': { maxInputTokens: 100_000, maxOutputTokens: 9_000, toolCalling: true },
        broken: { maxInputTokens: -5 },
      }),
    );
    assert.deepEqual([overridden.maxInputTokens, overridden.maxOutputTokens, overridden.capabilities.toolCalling], [100_000, 9_000, true]);
    assert.match(overridden.tooltip, /aihub\.modelLimits/);
  });

  it('prefers an exact id over a glob, and a longer glob over a shorter one', () => {
    const overrides = { 'gpt-*': { maxInputTokens: 1 }, 'gpt-4o*': { maxInputTokens: 2 }, 'gpt-4o-mini': { maxInputTokens: 3 } };
    assert.equal(findOverride('gpt-4o-mini', overrides)?.maxInputTokens, 3);
    assert.equal(findOverride('gpt-4o', overrides)?.maxInputTokens, 2);
    assert.equal(findOverride('gpt-5', overrides)?.maxInputTokens, 1);
    assert.equal(findOverride('claude', overrides), undefined);
  });

  it('names models readably and keeps the hub id as the id', () => {
    const names: [string, string][] = [
      ['claude-sonnet-4.6', 'Claude Sonnet 4.6'],
      ['claude-3-5-sonnet-20241022', 'Claude 3.5 Sonnet 20241022'],
      ['claude-sonnet-4-5', 'Claude Sonnet 4.5'],
      ['claude-opus-4-1-20250805', 'Claude Opus 4.1 20250805'],
      ['openai/gpt-4o-mini', 'GPT-4o Mini'],
      ['gpt-4.1', 'GPT-4.1'],
      ['gpt-4o-2024-08-06', 'GPT-4o 2024 08 06'],
      ['o3-mini', 'o3 Mini'],
      ['deepseek-chat', 'DeepSeek Chat'],
      ['deepseek-r1', 'DeepSeek R1'],
      ['deepseek-v3.1', 'DeepSeek V3.1'],
      ['qwen3-235b-a22b', 'Qwen3 235B A22B'],
      ['meta-llama/llama-3-1-70b-instruct', 'Llama 3.1 70B Instruct'],
      ['mixtral-8x7b', 'Mixtral 8x7B'],
      ['glm-4.5', 'GLM 4.5'],
      ['kimi-k2', 'Kimi K2'],
      ['gemini-2.5-pro', 'Gemini 2.5 Pro'],
      ['text-embedding-3-small', 'Text Embedding 3 Small'],
    ];
    for (const [id, name] of names) assert.equal(displayName(id), name, id);
    const info = toLanguageModelInfo({ id: 'gpt-4o-2024-08-06', raw: {} });
    assert.equal(info.version, '2024-08-06');
    assert.equal(info.family, 'gpt-4o-2024-08-06');
  });

  it('tells provider/ aliases of one model apart by their prefix, and only where the names collide', () => {
    const infos = distinguishAliases(
      ['claude-sonnet-4.6', 'anthropic/claude-sonnet-4.6', 'openai/gpt-4o'].map((id) => toLanguageModelInfo({ id, raw: {} })),
    );
    assert.deepEqual(
      infos.map((i) => i.name),
      ['Claude Sonnet 4.6', 'Claude Sonnet 4.6 (anthropic/)', 'GPT-4o'],
    );
  });

  it('writes the tooltip as sentences, so VS Code joining its lines keeps them apart', () => {
    const info = toLanguageModelInfo({ id: 'claude-sonnet-4.6', raw: {} });
    const lines = info.tooltip.split('\n');
    assert.equal(lines.length, 3);
    assert.ok(
      lines.every((line) => line.endsWith('.')),
      info.tooltip,
    );
    assert.match(info.tooltip, /^claude-sonnet-4\.6 by Anthropic, through AI Hub\.\nContext: /);
    assert.doesNotMatch(toLanguageModelInfo({ id: 'acme-7b', raw: {} }).tooltip, /by Other/);
  });

  it('leaves embedding and image-only models out of a chat picker', () => {
    const models = fixture('newapi').map((m) => toLanguageModelInfo(m));
    const embeddings = models.filter((m) => m.endpoints?.every((e) => e === 'embeddings'));
    assert.ok(embeddings.length > 0, 'the fixture lists an embedding model');
    assert.ok(embeddings.every((m) => !isChatModel(m)));
    assert.ok(models.filter(isChatModel).length > models.length / 2);
  });
});

describe('message conversion', () => {
  const png = new Uint8Array([137, 80, 78, 71]);
  const conversation: NeutralMessage[] = [
    { role: 'system', parts: [{ kind: 'text', text: 'Be brief.' }] },
    {
      role: 'user',
      parts: [
        { kind: 'text', text: 'What is in ' },
        { kind: 'text', text: 'this picture?' },
        { kind: 'image', mimeType: 'image/png', data: png },
      ],
    },
    {
      role: 'assistant',
      parts: [
        { kind: 'text', text: 'Let me look.' },
        { kind: 'toolCall', callId: 'call_1', name: 'zoom', input: { factor: 2 } },
      ],
    },
    { role: 'user', parts: [{ kind: 'toolResult', callId: 'call_1', text: 'zoomed' }] },
  ];

  it("maps roles, joins text, sends images as data URLs and tool calls and results in OpenAI's shape", () => {
    assert.deepEqual(toOpenAiMessages(conversation), [
      { role: 'system', content: 'Be brief.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in this picture?' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw==' } },
        ],
      },
      {
        role: 'assistant',
        content: 'Let me look.',
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'zoom', arguments: '{"factor":2}' } }],
      },
      { role: 'tool', tool_call_id: 'call_1', content: 'zoomed' },
    ]);
  });

  it('counts more tokens for more content, and an image as a fixed cost', () => {
    const short = countMessageTokens({ role: 'user', parts: [{ kind: 'text', text: 'hi' }] });
    const long = countMessageTokens({ role: 'user', parts: [{ kind: 'text', text: 'hi '.repeat(500) }] });
    const image = countMessageTokens(conversation[1]);
    assert.ok(long > short * 50);
    assert.ok(image > 700);
  });
});

describe('request options', () => {
  it('passes what hubs understand and drops the rest', () => {
    const { options, dropped } = requestOptions(
      { temperature: 0.2, maxTokens: 100, stop: ['END'], vendorSecretFlag: true, top_k: 3 },
      undefined,
      false,
    );
    assert.deepEqual(options, { temperature: 0.2, max_tokens: 100, stop: ['END'] });
    assert.deepEqual(dropped.sort(), ['top_k', 'vendorSecretFlag']);
  });

  it('declares tools, and forces the only tool (or any tool) when the mode is Required', () => {
    const tools = [{ name: 'search', description: 'Search docs', inputSchema: { type: 'object', properties: { q: { type: 'string' } } } }];
    assert.equal(requestOptions({}, tools, false).options.tool_choice, undefined);
    assert.deepEqual(requestOptions({}, tools, true).options.tool_choice, { type: 'function', function: { name: 'search' } });
    assert.equal(requestOptions({}, [...tools, { name: 'open' }], true).options.tool_choice, 'required');
    assert.deepEqual(requestOptions({}, [{ name: 'open' }], false).options.tools?.[0].function.parameters, {
      type: 'object',
      properties: {},
    });
  });
});

describe('tool call arguments', () => {
  it('parses the reassembled JSON object, and treats no arguments as an empty object', () => {
    assert.deepEqual(parseToolArguments('get_weather', '{"city":"Paris","days":3}'), { city: 'Paris', days: 3 });
    assert.deepEqual(parseToolArguments('list_files', ''), {});
    assert.deepEqual(parseToolArguments('list_files', '  '), {});
  });

  it('names the tool and shows what the model sent when the arguments are not a JSON object', () => {
    assert.throws(() => parseToolArguments('get_weather', '{"city":"Par'), /tool "get_weather".*not a JSON object: \{"city":"Par$/);
    assert.throws(() => parseToolArguments('sum', '[1,2]'), /tool "sum".*\[1,2\]/);
    assert.throws(() => parseToolArguments('sum', 'null'), /tool "sum"/);
    assert.throws(
      () => parseToolArguments('big', `{"x":"${'y'.repeat(500)}`),
      (err: Error) => err.message.length < 300 && err.message.endsWith('…'),
    );
  });
});
