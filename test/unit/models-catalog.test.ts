// Grouping, filtering, provider detection and metadata over recorded `/v1/models` bodies of three hub styles.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseModelList } from '../../src/core/hub/models';
import type { HubModel } from '../../src/core/hub/types';
import { buildCatalog, favouritesFirst, filterModels, groupModels, type ModelInfo } from '../../src/core/models/catalog';
import { formatTokens, modelDetails, modelSummary } from '../../src/core/models/format';
import { formatPrice } from '../../src/core/money/formatMoney';
import { compactRaw, extractMetadata } from '../../src/core/models/metadata';
import { detectProvider } from '../../src/core/models/provider';

function fixture(name: string): { models: HubModel[]; skipped: number } {
  const body = readFileSync(path.join(__dirname, '../fixtures/models', `${name}.json`), 'utf8');
  return parseModelList(JSON.parse(body), 'http://127.0.0.1:1/v1');
}

const byId = (catalog: ModelInfo[], id: string): ModelInfo => {
  const model = catalog.find((m) => m.id === id);
  assert.ok(model, `${id} is in the catalog`);
  return model;
};

const summary = (groups: ReturnType<typeof groupModels>) => groups.map((g) => `${g.label}:${g.models.length}`);

describe('models catalog: OpenAI-style list', () => {
  const catalog = buildCatalog(fixture('openai').models);

  it('puts every OpenAI product under OpenAI whatever owned_by says, fine-tunes included', () => {
    assert.deepEqual(summary(groupModels(catalog)), ['OpenAI:13']);
    assert.equal(byId(catalog, 'ft:gpt-4o-mini-2024-07-18:acme::9xYz1').provider, 'OpenAI');
  });

  it('sorts models by id within a group', () => {
    const ids = groupModels(catalog)[0].models.map((m) => m.id);
    assert.deepEqual(ids, [...ids].sort());
    assert.equal(ids[0], 'babbage-002');
  });

  it('guesses capabilities from the id only for chat models, and says they are guesses', () => {
    const gpt4o = byId(catalog, 'gpt-4o');
    assert.deepEqual(gpt4o.capabilities, ['tools', 'vision']);
    assert.deepEqual(gpt4o.guessed, ['tools', 'vision']);
    assert.deepEqual(byId(catalog, 'o3-mini').capabilities, ['tools', 'vision', 'reasoning']);
    assert.deepEqual(byId(catalog, 'text-embedding-3-small').capabilities, []);
    assert.deepEqual(byId(catalog, 'dall-e-3').capabilities, []);
    assert.deepEqual(byId(catalog, 'gpt-3.5-turbo').capabilities, []);
    assert.match(modelDetails(gpt4o).join('\n'), /Capabilities: tools, vision \(guessed from the id\)/);
    assert.match(modelDetails({ ...gpt4o, guessed: ['vision'] }).join('\n'), /Capabilities: tools, vision \(vision guessed from the id\)/);
  });

  it('has no context length or price when the hub gives none', () => {
    const model = byId(catalog, 'gpt-4o-mini');
    assert.equal(model.contextLength, undefined);
    assert.equal(model.price, undefined);
    assert.equal(modelSummary(model), 'tools, vision');
  });
});

describe('models catalog: new-api style list', () => {
  const parsed = fixture('newapi');
  const catalog = buildCatalog(parsed.models);

  it('skips malformed entries and duplicates without losing the rest', () => {
    assert.equal(parsed.skipped, 2);
    assert.equal(catalog.length, 20);
    assert.equal(catalog.filter((m) => m.id === 'gpt-4o').length, 1);
  });

  it('groups by maker from the id family even when owned_by names the channel', () => {
    assert.deepEqual(summary(groupModels(catalog)), [
      'Anthropic:2',
      'DeepSeek:2',
      'Google:2',
      'Jina:1',
      'Meta:1',
      'Mistral:2',
      'Moonshot:1',
      'OpenAI:4',
      'Qwen:2',
      'xAI:1',
      'Zhipu:1',
      'Other:1',
    ]);
    assert.equal(byId(catalog, 'claude-3-5-haiku-20241022').provider, 'Anthropic');
    assert.equal(byId(catalog, 'my-company-finetune').provider, 'Other');
  });

  it('keeps supported_endpoint_types and does not guess chat capabilities for embedding or image models', () => {
    assert.deepEqual(byId(catalog, 'claude-sonnet-4-5-20250929').endpoints, ['anthropic', 'openai']);
    assert.deepEqual(byId(catalog, 'text-embedding-3-large').endpoints, ['embeddings']);
    assert.deepEqual(byId(catalog, 'gpt-image-1').capabilities, []);
    assert.deepEqual(byId(catalog, 'deepseek-reasoner').capabilities, ['tools', 'reasoning']);
    assert.match(modelDetails(byId(catalog, 'gpt-5-mini')).join('\n'), /Endpoints: openai, openai-response/);
  });

  it('filters by id or provider, case-insensitively, every word having to match', () => {
    assert.deepEqual(
      filterModels(catalog, 'CLAUDE').map((m) => m.id),
      ['claude-3-5-haiku-20241022', 'claude-sonnet-4-5-20250929'],
    );
    assert.deepEqual(filterModels(catalog, 'anthropic').length, 2);
    assert.deepEqual(
      filterModels(catalog, 'deepseek reason').map((m) => m.id),
      ['deepseek-reasoner'],
    );
    assert.deepEqual(
      filterModels(catalog, 'mistral').map((m) => m.id),
      ['codestral-latest', 'mistral-large-latest'],
    );
    assert.deepEqual(filterModels(catalog, 'no-such-model'), []);
    assert.equal(filterModels(catalog, '   ').length, catalog.length);
  });

  it('puts matching favourites in a group at the top and keeps them in their provider group', () => {
    const groups = groupModels(catalog, { favourites: ['gpt-4o', 'deepseek-chat', 'gone-from-this-hub'] });
    assert.equal(groups[0].label, 'Favourites');
    assert.equal(groups[0].kind, 'favourites');
    assert.deepEqual(
      groups[0].models.map((m) => m.id),
      ['deepseek-chat', 'gpt-4o'],
    );
    assert.equal(groups.find((g) => g.label === 'OpenAI')?.models.length, 4);
    const filtered = groupModels(catalog, { favourites: ['gpt-4o', 'deepseek-chat'], filter: 'gpt' });
    assert.deepEqual(summary(filtered), ['Favourites:1', 'OpenAI:3']);
    assert.deepEqual(summary(groupModels(catalog, { favourites: ['gpt-4o'], filter: 'claude' })), ['Anthropic:2']);
  });

  it('orders the picker favourites first, each model once', () => {
    const ordered = favouritesFirst(catalog, ['qwq-32b', 'claude-sonnet-4-5-20250929']);
    assert.deepEqual(
      ordered.slice(0, 2).map((m) => m.id),
      ['claude-sonnet-4-5-20250929', 'qwq-32b'],
    );
    assert.equal(ordered.length, catalog.length);
    assert.equal(new Set(ordered.map((m) => m.id)).size, catalog.length);
  });
});

describe('models catalog: OpenRouter-style list', () => {
  const parsed = fixture('openrouter');
  const catalog = buildCatalog(parsed.models);

  it('groups by the provider/ prefix, unknown prefixes title-cased', () => {
    assert.equal(parsed.skipped, 1);
    assert.deepEqual(summary(groupModels(catalog)), [
      'Anthropic:1',
      'DeepSeek:1',
      'Google:1',
      'Meta:1',
      'Mistral:1',
      'Nous Research:1',
      'OpenAI:1',
      'OpenRouter:1',
      'Qwen:1',
      'xAI:1',
    ]);
  });

  it('reads context length, output limit and per-million prices from pricing strings', () => {
    const sonnet = byId(catalog, 'anthropic/claude-sonnet-4.5');
    assert.equal(sonnet.contextLength, 1_000_000);
    assert.equal(sonnet.maxOutputTokens, 64_000);
    assert.deepEqual(sonnet.price, { kind: 'tokens', inputPerMillion: 3, outputPerMillion: 15, cachedInputPerMillion: 0.3 });
    assert.equal(modelSummary(sonnet), '1M ctx · $3/$15 per 1M · tools, vision, reasoning');
    assert.deepEqual(byId(catalog, 'google/gemini-2.5-flash').price, {
      kind: 'tokens',
      inputPerMillion: 0.3,
      outputPerMillion: 2.5,
      cachedInputPerMillion: 0.075,
    });
    assert.equal(formatPrice(byId(catalog, 'openai/gpt-4o-mini').price!), '$0.15/$0.6 per 1M');
    assert.equal(formatPrice(byId(catalog, 'deepseek/deepseek-r1-0528:free').price!), 'free');
    assert.equal(byId(catalog, 'openrouter/auto').price, undefined, 'a variable price (-1) is no price');
  });

  it('takes capabilities from supported_parameters and input_modalities, not from guesses', () => {
    const hermes = byId(catalog, 'nousresearch/hermes-3-llama-3.1-405b');
    assert.deepEqual(hermes.capabilities, [], 'no tools parameter means no tools, whatever the id suggests');
    assert.deepEqual(byId(catalog, 'deepseek/deepseek-r1-0528:free').capabilities, ['reasoning']);
    assert.deepEqual(byId(catalog, 'openai/gpt-4o-mini').capabilities, ['tools', 'vision']);
    assert.deepEqual(byId(catalog, 'openai/gpt-4o-mini').guessed, []);
    assert.deepEqual(byId(catalog, 'meta-llama/llama-3.3-70b-instruct').capabilities, ['tools']);
  });

  it('compacts a model for the cache to a fraction of its size with the same metadata', () => {
    for (const model of parsed.models) {
      const compact = compactRaw(model.raw);
      assert.deepEqual(extractMetadata(model.id, compact), extractMetadata(model.id, model.raw), model.id);
      if (model.raw.description) assert.ok(JSON.stringify(compact).length < JSON.stringify(model.raw).length / 2, model.id);
    }
  });
});

describe('provider detection and formatting', () => {
  const cases: [string, string | undefined, string][] = [
    ['gpt-5', 'system', 'OpenAI'],
    ['o4-mini', undefined, 'OpenAI'],
    ['o1', undefined, 'OpenAI'],
    ['chatgpt-4o-latest', undefined, 'OpenAI'],
    ['claude-opus-4-1', 'openai', 'Anthropic'],
    ['gemini-1.5-pro', undefined, 'Google'],
    ['models/gemini-2.0-flash', undefined, 'Google'],
    ['gemma-3-27b-it', undefined, 'Google'],
    ['deepseek-v3.1', undefined, 'DeepSeek'],
    ['llama3.1:8b', 'library', 'Meta'],
    ['mixtral-8x7b', undefined, 'Mistral'],
    ['codestral-2501', undefined, 'Mistral'],
    ['Qwen2.5-72B-Instruct', undefined, 'Qwen'],
    ['grok-3-mini', undefined, 'xAI'],
    ['accounts/fireworks/models/llama-v3p1-8b-instruct', undefined, 'Meta'],
    ['some-house-model', 'acme-labs', 'Acme Labs'],
    ['some-house-model', 'custom', 'Other'],
    ['some-house-model', undefined, 'Other'],
    ['x-ai/grok-4', undefined, 'xAI'],
    ['z-ai/glm-4.5', undefined, 'Zhipu'],
  ];
  for (const [id, ownedBy, expected] of cases) {
    it(`${id}${ownedBy ? ` (owned_by ${ownedBy})` : ''} → ${expected}`, () => assert.equal(detectProvider(id, ownedBy), expected));
  }

  it('formats token counts compactly', () => {
    assert.deepEqual(
      [formatTokens(131072), formatTokens(1_048_576), formatTokens(8000), formatTokens(512)],
      ['131K', '1.05M', '8K', '512'],
    );
  });

  it("reads other hubs' context fields and declared capabilities", () => {
    const meta = extractMetadata('local-model', { max_model_len: 32768, capabilities: { function_calling: true, vision: false } });
    assert.equal(meta.contextLength, 32768);
    assert.deepEqual(meta.capabilities, ['tools']);
    assert.deepEqual(meta.guessed, []);
    assert.equal(extractMetadata('m', { context_length: 'not a number' }).contextLength, undefined);
    assert.equal(extractMetadata('m', { context_length: -5 }).contextLength, undefined);
  });
});
