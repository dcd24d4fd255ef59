// What a hub says about a model beyond its id, read from the shapes hubs actually send: OpenRouter
// (`context_length`, `pricing` in USD per token as strings, `architecture`, `supported_parameters`,
// `top_provider`), new-api (`supported_endpoint_types`), vLLM (`max_model_len`), LiteLLM-style
// (`max_input_tokens`, `capabilities`). Where the hub is silent, capabilities are guessed from the id and
// marked as guesses.
import { readAmount, roundPrice, type ModelPrice } from '../money/price';
import { bareModelName } from './provider';

export type Capability = 'tools' | 'vision' | 'reasoning';
export const CAPABILITIES: readonly Capability[] = ['tools', 'vision', 'reasoning'];

export interface ModelMetadata {
  contextLength?: number;
  maxOutputTokens?: number;
  price?: ModelPrice;
  capabilities: Capability[];
  /** Capabilities inferred from the id because the hub did not say. */
  guessed: Capability[];
  /** new-api's `supported_endpoint_types` (`openai`, `anthropic`, `embeddings`, `image-generation`, …). */
  endpoints?: string[];
}

type Raw = Record<string, unknown>;

const CONTEXT_FIELDS = ['context_length', 'context_window', 'max_context_length', 'max_model_len', 'max_input_tokens', 'input_token_limit'];
const OUTPUT_FIELDS = ['max_output_tokens', 'max_completion_tokens', 'output_token_limit'];
const TOOL_PARAMETERS = ['tools', 'tool_choice'];
const REASONING_PARAMETERS = ['reasoning', 'include_reasoning', 'reasoning_effort'];

// Guesses only for families known to have the capability; an unknown id gets none rather than a wrong one.
const NOT_CHAT = /(embed|embedding|moderation|whisper|tts|dall-e|image|imagen|rerank|transcribe|audio|realtime|search)/;
const GUESS_TOOLS =
  /^(gpt-4|gpt-5|chatgpt-4o|o[134](-|$)|claude-(3|sonnet|opus|haiku)|gemini-(1\.5|2|3)|mistral-(large|medium|small)|codestral|devstral|qwen(2\.5|3|-max|-plus|-turbo)|deepseek-(chat|v3|r1|reasoner)|grok-[2-9]|llama-?3\.[1-3]|llama-?4|kimi|glm-4)/;
const GUESS_VISION =
  /^(gpt-4o|gpt-4\.1|gpt-4-turbo|gpt-5|chatgpt-4o|o[34](-|$)|o1(-\d|$)|claude-(3|sonnet-4|opus-4|haiku-4)|gemini|pixtral|llava|grok-(2-vision|4)|llama-?4)|(-vl\b|vision)/;
const GUESS_REASONING =
  /^(o[134](-|$)|gpt-5|deepseek-(r1|reasoner)|qwq|qvq|claude-(3-7|sonnet-4|opus-4)|gemini-(2\.5|3)|grok-(3-mini|4)|magistral)|(thinking|reasoner)/;

/**
 * What the family table knows about a model's vision: true for families that take images, false for a family it
 * knows (it calls tools) without them, undefined for an id it does not know.
 */
export function familyVision(id: string): boolean | undefined {
  const name = bareModelName(id);
  if (GUESS_VISION.test(name)) return true;
  return GUESS_TOOLS.test(name) ? false : undefined;
}

export function extractMetadata(id: string, raw: Raw): ModelMetadata {
  const topProvider = asRecord(raw.top_provider);
  const capabilities = new Set<Capability>();
  const guessed = new Set<Capability>();
  const said = hubCapabilities(raw);
  const name = bareModelName(id);
  const chatModel = !NOT_CHAT.test(name);
  const guesses: Record<Capability, RegExp> = { tools: GUESS_TOOLS, vision: GUESS_VISION, reasoning: GUESS_REASONING };
  for (const capability of CAPABILITIES) {
    const value = said[capability];
    if (value === true) capabilities.add(capability);
    else if (value === undefined && chatModel && guesses[capability].test(name)) {
      capabilities.add(capability);
      guessed.add(capability);
    }
  }
  const endpoints = stringArray(raw.supported_endpoint_types);
  return {
    contextLength: firstPositive(raw, CONTEXT_FIELDS) ?? positive(topProvider?.context_length),
    maxOutputTokens: positive(topProvider?.max_completion_tokens) ?? firstPositive(raw, OUTPUT_FIELDS),
    price: readPrice(raw.pricing),
    capabilities: CAPABILITIES.filter((c) => capabilities.has(c)),
    guessed: CAPABILITIES.filter((c) => guessed.has(c)),
    endpoints: endpoints.length > 0 ? endpoints : undefined,
  };
}

/** What the hub states outright: true/false per capability, undefined where it says nothing. */
function hubCapabilities(raw: Raw): Partial<Record<Capability, boolean>> {
  const out: Partial<Record<Capability, boolean>> = {};
  const parameters = raw.supported_parameters;
  if (Array.isArray(parameters)) {
    // A list of parameters is a complete statement: a capability absent from it is absent.
    out.tools = parameters.some((p) => TOOL_PARAMETERS.includes(p as string));
    out.reasoning = parameters.some((p) => REASONING_PARAMETERS.includes(p as string));
  }
  const inputs = stringArray(asRecord(raw.architecture)?.input_modalities);
  if (inputs.length > 0) out.vision = inputs.includes('image');
  const declared = asRecord(raw.capabilities);
  if (declared) {
    const tools = declared.tools ?? declared.function_calling ?? declared.tool_calls;
    if (typeof tools === 'boolean') out.tools = tools;
    if (typeof declared.vision === 'boolean') out.vision = declared.vision;
    if (typeof declared.reasoning === 'boolean') out.reasoning = declared.reasoning;
  }
  return out;
}

/** OpenRouter prices are USD per token as decimal strings; "-1" marks a router whose price varies (left unknown). */
function readPrice(value: unknown): ModelPrice | undefined {
  const pricing = asRecord(value);
  if (!pricing) return undefined;
  const input = readAmount(pricing.prompt ?? pricing.input);
  const output = readAmount(pricing.completion ?? pricing.output);
  if (input === undefined || output === undefined) return undefined;
  const cached = readAmount(pricing.input_cache_read);
  return {
    kind: 'tokens',
    inputPerMillion: roundPrice(input * 1e6),
    outputPerMillion: roundPrice(output * 1e6),
    ...(cached === undefined ? {} : { cachedInputPerMillion: roundPrice(cached * 1e6) }),
  };
}

/**
 * The subset of a model's fields that `extractMetadata` reads, so the cached list in globalState stays small
 * (OpenRouter sends a paragraph of description per model) while the cache still yields the same metadata.
 */
export function compactRaw(raw: Raw): Raw {
  const out: Raw = {};
  for (const field of [...CONTEXT_FIELDS, ...OUTPUT_FIELDS, 'supported_endpoint_types', 'capabilities']) {
    if (raw[field] !== undefined && raw[field] !== null) out[field] = raw[field];
  }
  const pricing = asRecord(raw.pricing);
  if (pricing) out.pricing = pick(pricing, ['prompt', 'completion', 'input', 'output', 'input_cache_read']);
  const topProvider = asRecord(raw.top_provider);
  if (topProvider) out.top_provider = pick(topProvider, ['context_length', 'max_completion_tokens']);
  const architecture = asRecord(raw.architecture);
  if (architecture) out.architecture = pick(architecture, ['input_modalities']);
  if (Array.isArray(raw.supported_parameters)) {
    out.supported_parameters = raw.supported_parameters.filter(
      (p) => TOOL_PARAMETERS.includes(p as string) || REASONING_PARAMETERS.includes(p as string),
    );
  }
  return out;
}

function pick(record: Raw, fields: readonly string[]): Raw {
  const out: Raw = {};
  for (const field of fields) if (record[field] !== undefined && record[field] !== null) out[field] = record[field];
  return out;
}

function asRecord(value: unknown): Raw | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : undefined;
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function toNumber(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function positive(value: unknown): number | undefined {
  const n = toNumber(value);
  return n !== undefined && n > 0 ? Math.round(n) : undefined;
}

function firstPositive(raw: Raw, fields: readonly string[]): number | undefined {
  for (const field of fields) {
    const n = positive(raw[field]);
    if (n !== undefined) return n;
  }
  return undefined;
}
