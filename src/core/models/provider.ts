// Which company a hub model comes from, for grouping hundreds of ids into a readable tree.
// Order of evidence: an id's `provider/` prefix (OpenRouter and friends name the maker there), then the id's
// model family, then `owned_by`. `owned_by` comes last because hubs built on new-api/one-api fill it with the
// channel that serves the model (a Claude model behind an OpenAI-type channel says "openai"), or with
// placeholders like "system" and "custom".

export const OTHER_PROVIDER = 'Other';

/** Vendor slugs as they appear in `provider/` prefixes and `owned_by`, mapped to one display name each. */
const SLUGS: Record<string, string> = {
  openai: 'OpenAI',
  'openai-internal': 'OpenAI',
  azure: 'OpenAI',
  anthropic: 'Anthropic',
  claude: 'Anthropic',
  google: 'Google',
  'vertex-ai': 'Google',
  gemini: 'Google',
  deepseek: 'DeepSeek',
  'deepseek-ai': 'DeepSeek',
  'meta-llama': 'Meta',
  meta: 'Meta',
  mistralai: 'Mistral',
  mistral: 'Mistral',
  qwen: 'Qwen',
  alibaba: 'Qwen',
  'x-ai': 'xAI',
  xai: 'xAI',
  cohere: 'Cohere',
  moonshotai: 'Moonshot',
  moonshot: 'Moonshot',
  'z-ai': 'Zhipu',
  zhipu: 'Zhipu',
  zhipuai: 'Zhipu',
  thudm: 'Zhipu',
  minimax: 'MiniMax',
  baidu: 'Baidu',
  bytedance: 'ByteDance',
  'bytedance-seed': 'ByteDance',
  tencent: 'Tencent',
  '01-ai': '01.AI',
  microsoft: 'Microsoft',
  perplexity: 'Perplexity',
  amazon: 'Amazon',
  nvidia: 'NVIDIA',
  'stepfun-ai': 'StepFun',
  openrouter: 'OpenRouter',
  nousresearch: 'Nous Research',
};

/** Prefixes that are path noise rather than a maker (Google's `models/…`, Fireworks' `accounts/…/models/…`). */
const NOT_A_VENDOR = new Set(['models', 'accounts', 'library', 'hf.co', 'huggingface', '@cf', '@hf']);

/** `owned_by` values that say nothing about the maker. */
const PLACEHOLDER_OWNERS = new Set(['', 'system', 'user', 'custom', 'organization-owner', 'library', 'unknown', 'default']);

/** Model families by id, checked on the id without its `provider/` prefix and any `ft:` fine-tune marker. */
const FAMILIES: readonly (readonly [RegExp, string])[] = [
  [
    /^(gpt-|gpt\d|chatgpt|o\d(-|$)|text-embedding|text-moderation|omni-moderation|dall-e|whisper|tts-|davinci|babbage|codex|computer-use|sora)/,
    'OpenAI',
  ],
  [/^claude/, 'Anthropic'],
  [/^(gemini|gemma|palm|text-bison|chat-bison|imagen|veo|learnlm)/, 'Google'],
  [/^deepseek/, 'DeepSeek'],
  [/^(llama|codellama|meta-llama)/, 'Meta'],
  [/^(mistral|mixtral|codestral|ministral|pixtral|magistral|devstral|open-mistral|open-mixtral|voxtral)/, 'Mistral'],
  [/^(qwen|qwq|qvq)/, 'Qwen'],
  [/^grok/, 'xAI'],
  [/^(command|c4ai|embed-english|embed-multilingual|rerank-)/, 'Cohere'],
  [/^(moonshot|kimi)/, 'Moonshot'],
  [/^(glm|chatglm|cogview|codegeex)/, 'Zhipu'],
  [/^(minimax|abab)/, 'MiniMax'],
  [/^ernie/, 'Baidu'],
  [/^(doubao|seed-)/, 'ByteDance'],
  [/^hunyuan/, 'Tencent'],
  [/^yi-/, '01.AI'],
  [/^phi-/, 'Microsoft'],
  [/^(sonar|pplx)/, 'Perplexity'],
  [/^(nova-|titan|amazon)/, 'Amazon'],
  [/^(nemotron|nvidia)/, 'NVIDIA'],
  [/^step-/, 'StepFun'],
];

/** The model's id without a leading `provider/` path and `ft:` marker, lower-cased: what families are matched on. */
export function bareModelName(id: string): string {
  const lower = id.toLowerCase();
  const slash = lower.lastIndexOf('/');
  const name = slash >= 0 ? lower.slice(slash + 1) : lower;
  return name.startsWith('ft:') ? name.slice(3) : name;
}

export function detectProvider(id: string, ownedBy?: string): string {
  const lower = id.toLowerCase();
  const slash = lower.indexOf('/');
  if (slash > 0) {
    const prefix = lower.slice(0, slash);
    if (!NOT_A_VENDOR.has(prefix)) return SLUGS[prefix] ?? titleCase(prefix);
  }
  const name = bareModelName(id);
  for (const [pattern, provider] of FAMILIES) if (pattern.test(name)) return provider;
  const owner = (ownedBy ?? '').trim().toLowerCase();
  if (!PLACEHOLDER_OWNERS.has(owner)) return SLUGS[owner] ?? titleCase(owner);
  return OTHER_PROVIDER;
}

function titleCase(slug: string): string {
  return slug
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(' ');
}
