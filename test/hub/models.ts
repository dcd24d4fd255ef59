// The demo hub's model catalogue: realistic ids and metadata in the shape new-api hubs publish.

export interface HubModelEntry {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
  supported_endpoint_types?: string[];
  [extra: string]: unknown;
}

const CATALOGUE: [owner: string, ids: string[]][] = [
  ['openai', ['gpt-4o', 'gpt-4o-mini', 'gpt-4-turbo', 'gpt-4.1', 'gpt-4.1-mini', 'gpt-4.1-nano', 'o3', 'o3-mini', 'o4-mini', 'gpt-5', 'gpt-5-mini', 'text-embedding-3-small', 'openai/gpt-4o']],
  ['anthropic', ['claude-sonnet-4.6', 'claude-opus-4.6', 'claude-haiku-4.5', 'claude-sonnet-4', 'claude-3-5-sonnet', 'claude-3-7-sonnet', 'anthropic/claude-sonnet-4.6']],
  ['google', ['gemini-2.5-pro', 'gemini-2.5-flash', 'gemini-2.5-flash-lite', 'gemini-2.0-flash', 'google/gemini-2.5-pro']],
  ['deepseek', ['deepseek-chat', 'deepseek-reasoner', 'deepseek-r1', 'deepseek-v3', 'deepseek-v3.2', 'deepseek/deepseek-chat']],
  ['meta', ['llama-4-maverick', 'llama-4-scout', 'llama-3.3-70b-instruct', 'llama-3.1-8b-instruct']],
  ['mistral', ['mistral-large', 'mistral-medium', 'mistral-small', 'codestral-latest', 'pixtral-large']],
  ['alibaba', ['qwen3-235b-a22b', 'qwen3-coder', 'qwen-max', 'qwen-plus', 'qwen2.5-72b-instruct', 'qwq-32b']],
  ['xai', ['grok-4', 'grok-3', 'grok-3-mini', 'grok-code-fast-1']],
  ['moonshot', ['kimi-k2', 'moonshot-v1-128k']],
  ['zhipu', ['glm-4.6', 'glm-4.5-air']],
  ['cohere', ['command-r-plus', 'command-a']],
  ['perplexity', ['sonar-pro', 'sonar-reasoning']],
];

function entry(id: string, owner: string, index: number): HubModelEntry {
  return {
    id,
    object: 'model',
    created: 1_700_000_000 + index * 86_400,
    owned_by: owner,
    supported_endpoint_types: id.startsWith('text-embedding') ? ['embeddings'] : ['openai'],
  };
}

export function defaultModels(): HubModelEntry[] {
  let index = 0;
  return CATALOGUE.flatMap(([owner, ids]) => ids.map((id) => entry(id, owner, index++)));
}

/** `n` distinct models spread over the catalogue's providers, for benchmarks of large lists. */
export function makeModels(n: number): HubModelEntry[] {
  const out: HubModelEntry[] = [];
  for (let i = 0; i < n; i++) {
    const [owner, ids] = CATALOGUE[i % CATALOGUE.length];
    const base = ids[Math.floor(i / CATALOGUE.length) % ids.length];
    out.push(entry(`${base}-v${Math.floor(i / CATALOGUE.length)}`, owner, i));
  }
  return out;
}
