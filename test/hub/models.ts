// The test hub's model catalogue: realistic ids and metadata in the shape new-api hubs publish.

export interface HubModel {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
  supported_endpoint_types?: string[];
  [extra: string]: unknown;
}
/** The older name, kept for callers written before `HubModel`. */
export type HubModelEntry = HubModel;

const CATALOGUE: [owner: string, ids: string[]][] = [
  [
    'openai',
    [
      'gpt-4o',
      'gpt-4o-mini',
      'gpt-4-turbo',
      'gpt-4.1',
      'gpt-4.1-mini',
      'gpt-4.1-nano',
      'o1',
      'o3',
      'o3-mini',
      'o4-mini',
      'gpt-5',
      'gpt-5-mini',
      'text-embedding-3-small',
      'openai/gpt-4o',
    ],
  ],
  [
    'anthropic',
    [
      'claude-sonnet-4.6',
      'claude-opus-4.6',
      'claude-haiku-4.5',
      'claude-sonnet-4',
      'claude-3-5-sonnet',
      'claude-3-7-sonnet',
      'anthropic/claude-sonnet-4.6',
    ],
  ],
  ['google', ['gemini-2.5-pro', 'gemini-2.5-flash', 'gemini-2.5-flash-lite', 'gemini-2.0-flash', 'google/gemini-2.5-pro']],
  ['deepseek', ['deepseek-chat', 'deepseek-reasoner', 'deepseek-r1', 'deepseek-v3', 'deepseek-v3.2', 'deepseek/deepseek-chat']],
  ['meta', ['llama-4-maverick', 'llama-4-scout', 'llama-3.3-70b-instruct', 'llama-3.1-8b-instruct']],
  ['mistral', ['mistral-large', 'mistral-medium', 'mistral-small', 'codestral-latest', 'pixtral-large']],
  ['alibaba', ['qwen3-235b-a22b', 'qwen3-coder', 'qwen-max', 'qwen-plus', 'qwen2.5-72b-instruct', 'qwq-32b']],
  ['xai', ['grok-4', 'grok-3', 'grok-3-mini', 'grok-code-fast-1']],
  ['moonshot', ['kimi-k2', 'moonshot-v1-128k']],
  ['zhipu', ['glm-4.6', 'glm-4.5-air']],
  ['minimax', ['minimax-m2']],
  ['cohere', ['command-r-plus', 'command-a']],
  ['perplexity', ['sonar-pro', 'sonar-reasoning']],
];

// new-api lists the APIs a model can be called through; providers with a native API of their own expose it
// beside the OpenAI-compatible one, which is the only one this extension uses.
const NATIVE: Record<string, string> = { anthropic: 'anthropic', google: 'gemini' };

function entry(id: string, owner: string, index: number): HubModel {
  const endpoints = /embedding/.test(id) ? ['embeddings'] : NATIVE[owner] ? [NATIVE[owner], 'openai'] : ['openai'];
  return { id, object: 'model', created: 1_700_000_000 + index * 86_400, owned_by: owner, supported_endpoint_types: endpoints };
}

export function defaultModels(): HubModel[] {
  let index = 0;
  return CATALOGUE.flatMap(([owner, ids]) => ids.map((id) => entry(id, owner, index++)));
}

// Suffixes real hubs put on dated snapshots, previews and resellers' variants; with a round number they keep
// every synthetic id distinct however many are asked for.
const VARIANTS = ['', '-latest', '-preview', '-2025-04-14', '-2025-08-07', '-thinking', '-free', '-fast'];

/** `n` distinct, realistic-looking models spread over the catalogue's providers, for benchmarks of big lists. */
export function makeModels(n: number): HubModel[] {
  const out: HubModel[] = [];
  const bases = CATALOGUE.flatMap(([owner, ids]) => ids.map((id) => [owner, id] as const));
  for (let i = 0; i < n; i++) {
    const [owner, base] = bases[i % bases.length];
    const round = Math.floor(i / bases.length);
    const variant = VARIANTS[round % VARIANTS.length];
    const cycle = Math.floor(round / VARIANTS.length);
    out.push(entry(`${base}${variant}${cycle > 0 ? `-${cycle + 1}` : ''}`, owner, i % 700));
  }
  return out;
}
