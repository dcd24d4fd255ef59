// Context and output limits per model, the one source every surface asks (VS Code's model picker, the selection
// commands' size check, the chat's context budget). Hubs built on new-api and one-api publish none, so where the
// hub is silent a table of well-known families answers, then a cautious default. Figures are the providers'
// published limits (context window, largest completion) as of late 2026; a user setting overrides any of them.
import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import { bareModelName } from './provider';
import { lazySchema } from '../lazySchema';

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

const tokens = lazySchema(() => z.optional(z.number().check(z.int(), z.positive())));
const overrideSchema = lazySchema(() =>
  z.object({
    maxInputTokens: tokens,
    maxOutputTokens: tokens,
    toolCalling: z.optional(z.boolean()),
    imageInput: z.optional(z.boolean()),
  }),
);

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
 * The entry for a model in a per-model setting (`aihub.modelLimits`, `aihub.reasoningEffort`): keys are model ids or globs with `*`
 * (`"claude-*"`); an exact id beats a glob, a longer glob beats a shorter one.
 */
export function findOverride<T>(id: string, overrides: Record<string, T>): T | undefined {
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

/** Where a model's limits came from, so every surface can say how far to trust them. */
export type LimitsSource = 'hub' | 'override' | 'family' | 'default';

export interface ResolvedLimits {
  /** Largest prompt: what VS Code's picker shows as the model's input limit and what a request is checked against. */
  maxInputTokens: number;
  maxOutputTokens: number;
  source: LimitsSource;
}

/** What a model says about itself: the hub's metadata (`describeModel`), or just an id for a model the hub did not list. */
export interface ModelLimitFacts {
  id: string;
  contextLength?: number;
  maxOutputTokens?: number;
}

/** The limits of a model: your `aihub.modelLimits` entry, else the hub's metadata, else the family table, else a cautious default. */
export function resolveLimits(model: ModelLimitFacts, overrides: Record<string, LimitOverride> = {}): ResolvedLimits {
  const family = familyLimits(model.id);
  const override = findOverride(model.id, overrides);
  const context = model.contextLength ?? family?.contextTokens ?? DEFAULT_LIMITS.contextTokens;
  // An output limit can't be more than half the window, or nothing would be left for the prompt.
  const output = Math.min(model.maxOutputTokens ?? family?.maxOutputTokens ?? DEFAULT_LIMITS.maxOutputTokens, Math.floor(context / 2));
  const source: LimitsSource =
    override?.maxInputTokens || override?.maxOutputTokens ? 'override' : model.contextLength ? 'hub' : family ? 'family' : 'default';
  return { maxInputTokens: override?.maxInputTokens ?? context - output, maxOutputTokens: override?.maxOutputTokens ?? output, source };
}

/** How a surface names the source of a model's limits. */
export function describeLimitsSource(source: LimitsSource): string {
  switch (source) {
    case 'override':
      return l10n.t('your aihub.modelLimits');
    case 'hub':
      return l10n.t('from the hub');
    case 'family':
      return l10n.t('typical for this family');
    case 'default':
      return l10n.t('not published by the hub: a cautious default, set aihub.modelLimits to change it');
  }
}
