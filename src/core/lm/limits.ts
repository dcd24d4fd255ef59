// Context and output limits per model. Hubs built on new-api and one-api publish none, so where the hub is
// silent a table of well-known families answers, then a cautious default. Figures are the providers'
// published limits (context window, largest completion) as of late 2026; a user setting overrides any of them.
import * as z from 'zod/mini';
import { bareModelName } from '../models/provider';

export interface ModelLimits {
  contextTokens: number;
  maxOutputTokens: number;
}

/** Used for a model nobody describes: small enough that VS Code never sends more than most models accept. */
export const DEFAULT_LIMITS: ModelLimits = { contextTokens: 32_768, maxOutputTokens: 4_096 };

// First match wins: more specific patterns first.
const FAMILIES: [RegExp, ModelLimits][] = [
  [/^gpt-4\.1/, { contextTokens: 1_047_576, maxOutputTokens: 32_768 }],
  [/^gpt-5/, { contextTokens: 400_000, maxOutputTokens: 128_000 }],
  [/^(gpt-4o|chatgpt-4o)/, { contextTokens: 128_000, maxOutputTokens: 16_384 }],
  [/^gpt-4-turbo/, { contextTokens: 128_000, maxOutputTokens: 4_096 }],
  [/^o[134](-|$)/, { contextTokens: 200_000, maxOutputTokens: 100_000 }],
  [/^claude-(3-5|3-haiku|3-opus|3-sonnet)/, { contextTokens: 200_000, maxOutputTokens: 8_192 }],
  [/^claude-opus-4/, { contextTokens: 200_000, maxOutputTokens: 32_000 }],
  [/^claude/, { contextTokens: 200_000, maxOutputTokens: 64_000 }],
  [/^gemini-(2\.5|3)/, { contextTokens: 1_048_576, maxOutputTokens: 65_536 }],
  [/^gemini/, { contextTokens: 1_048_576, maxOutputTokens: 8_192 }],
  [/^deepseek-(r1|reasoner)/, { contextTokens: 128_000, maxOutputTokens: 32_768 }],
  [/^deepseek/, { contextTokens: 128_000, maxOutputTokens: 8_192 }],
  [/^llama-?4/, { contextTokens: 1_000_000, maxOutputTokens: 16_384 }],
  [/^llama-?3\.[1-3]/, { contextTokens: 128_000, maxOutputTokens: 4_096 }],
  [/^codestral/, { contextTokens: 256_000, maxOutputTokens: 8_192 }],
  [/^(mistral|pixtral|magistral|devstral)/, { contextTokens: 128_000, maxOutputTokens: 8_192 }],
  [/^(qwen3|qwen-plus|qwen-turbo|qwen2\.5|qwq)/, { contextTokens: 128_000, maxOutputTokens: 8_192 }],
  [/^qwen-max/, { contextTokens: 32_768, maxOutputTokens: 8_192 }],
  [/^grok-(4|code)/, { contextTokens: 256_000, maxOutputTokens: 16_384 }],
  [/^grok-3/, { contextTokens: 131_072, maxOutputTokens: 16_384 }],
  [/^(kimi|moonshot-v1-128k)/, { contextTokens: 128_000, maxOutputTokens: 8_192 }],
  [/^glm-4\.[5-9]/, { contextTokens: 128_000, maxOutputTokens: 16_384 }],
];

export function familyLimits(id: string): ModelLimits | undefined {
  const name = bareModelName(id);
  return FAMILIES.find(([pattern]) => pattern.test(name))?.[1];
}

export interface LimitOverride {
  maxInputTokens?: number;
  maxOutputTokens?: number;
  toolCalling?: boolean;
  imageInput?: boolean;
}

const tokens = z.optional(z.number().check(z.int(), z.positive()));
const overrideSchema = z.object({
  maxInputTokens: tokens,
  maxOutputTokens: tokens,
  toolCalling: z.optional(z.boolean()),
  imageInput: z.optional(z.boolean()),
});

/** The `aihub.modelLimits` setting, entry by entry: a malformed entry is left out, never the whole setting. */
export function readLimitOverrides(raw: unknown): Record<string, LimitOverride> {
  const out: Record<string, LimitOverride> = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [key, value] of Object.entries(raw)) {
    const parsed = overrideSchema.safeParse(value);
    if (parsed.success) out[key] = parsed.data;
  }
  return out;
}

/**
 * The override for a model from the `aihub.modelLimits` setting: keys are model ids or globs with `*`
 * (`"claude-*"`); an exact id beats a glob, a longer glob beats a shorter one.
 */
export function findOverride(id: string, overrides: Record<string, LimitOverride>): LimitOverride | undefined {
  if (overrides[id]) return overrides[id];
  const globs = Object.keys(overrides)
    .filter((key) => key.includes('*') && globToRegExp(key).test(id))
    .sort((a, b) => b.length - a.length);
  return globs.length > 0 ? overrides[globs[0]] : undefined;
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(
    `^${glob
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
}
