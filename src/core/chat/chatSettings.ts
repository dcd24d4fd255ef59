// A conversation's own request settings: its system prompt, temperature, largest answer and reasoning effort.
// Unset fields leave the choice to the default system prompt (`aihub.systemPrompt`) and to the hub's model
// defaults. What reaches the hub is decided here, once, for the chat panel and its tests alike.
import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import type { ChatMessage, ChatRequest } from '../hub/types';
import { REASONING_EFFORTS, type ReasoningEffort } from '../lm/reasoningEffort';
import { lazySchema } from '../lazySchema';

/** OpenAI's documented range; the hubs (seeds 001/002) pass it on unchanged. */
export const TEMPERATURE_RANGE = { min: 0, max: 2 } as const;
/** Where no limit is known for the model: a bound that still catches a typo of a few extra digits. */
export const MAX_TOKENS_CEILING = 1_000_000;
/** A system prompt longer than this is almost certainly a paste gone wrong; it would be sent with every question. */
export const SYSTEM_PROMPT_MAX_CHARS = 100_000;

export const chatSettingsSchema = lazySchema(() =>
  z.object({
    /** Replaces `aihub.systemPrompt` for this conversation; absent: the default applies. */
    systemPrompt: z.optional(z.string().check(z.maxLength(SYSTEM_PROMPT_MAX_CHARS))),
    temperature: z.optional(z.number().check(z.gte(TEMPERATURE_RANGE.min), z.lte(TEMPERATURE_RANGE.max))),
    maxTokens: z.optional(z.number().check(z.int(), z.gte(1), z.lte(MAX_TOKENS_CEILING))),
    reasoningEffort: z.optional(z.enum(REASONING_EFFORTS)),
  }),
);
export type ChatSettings = z.infer<typeof chatSettingsSchema>;

/** Whether a model takes `reasoning_effort`: said by the hub, guessed from its family, or not known at all. */
export type EffortSupport = 'yes' | 'guessed' | 'no' | 'unknown';

/** What the hub's model list (or the family table) says about a model, as far as these settings need it. */
export interface ModelFacts {
  /** Undefined when the hub does not list the model. */
  capabilities?: readonly string[];
  guessed?: readonly string[];
  /** The model's largest answer, where the hub, the family table or aihub.modelLimits says (not the cautious default). */
  maxOutputTokens?: number;
}

export function effortSupport(facts: ModelFacts): EffortSupport {
  if (!facts.capabilities) return 'unknown';
  if (!facts.capabilities.includes('reasoning')) return 'no';
  return facts.guessed?.includes('reasoning') ? 'guessed' : 'yes';
}

/** The words for a refused value, with the range it must be in. */
export type SettingsCheck = { ok: true; settings: ChatSettings } | { ok: false; field: keyof ChatSettings; message: string };

/**
 * Checks settings typed in the panel (numbers may arrive as text): a value out of range is refused with the
 * range, never clamped, so nothing is sent that the person did not choose. Blank fields mean "default".
 */
export function checkChatSettings(input: Record<string, unknown>, facts: ModelFacts): SettingsCheck {
  const settings: ChatSettings = {};
  const prompt = input.systemPrompt;
  if (typeof prompt === 'string' && prompt.trim()) {
    if (prompt.length > SYSTEM_PROMPT_MAX_CHARS)
      return refuse(
        'systemPrompt',
        l10n.t('A system prompt can be at most {0} characters.', SYSTEM_PROMPT_MAX_CHARS.toLocaleString('en-US')),
      );
    settings.systemPrompt = prompt;
  }
  const temperature = numberOf(input.temperature);
  if (temperature !== undefined) {
    const { min, max } = TEMPERATURE_RANGE;
    if (Number.isNaN(temperature) || temperature < min || temperature > max)
      return refuse(
        'temperature',
        l10n.t('Temperature must be a number from {0} to {1} (it was {2}).', min, max, String(input.temperature).trim()),
      );
    settings.temperature = temperature;
  }
  const maxTokens = numberOf(input.maxTokens);
  if (maxTokens !== undefined) {
    const ceiling = Math.min(facts.maxOutputTokens ?? MAX_TOKENS_CEILING, MAX_TOKENS_CEILING);
    const was = String(input.maxTokens).trim();
    if (!Number.isInteger(maxTokens) || maxTokens < 1 || maxTokens > ceiling)
      return refuse(
        'maxTokens',
        facts.maxOutputTokens !== undefined
          ? l10n.t(
              "Max output tokens must be a whole number from 1 to {0}, this model's largest answer (it was {1}).",
              ceiling.toLocaleString('en-US'),
              was,
            )
          : l10n.t('Max output tokens must be a whole number from 1 to {0} (it was {1}).', ceiling.toLocaleString('en-US'), was),
      );
    settings.maxTokens = maxTokens;
  }
  const effort = input.reasoningEffort;
  if (typeof effort === 'string' && effort) {
    if (!(REASONING_EFFORTS as readonly string[]).includes(effort))
      return refuse('reasoningEffort', l10n.t('Reasoning effort must be one of {0}.', REASONING_EFFORTS.join(', ')));
    settings.reasoningEffort = effort as ReasoningEffort;
  }
  return { ok: true, settings };
}

/** The system prompt this conversation sends: its own, else the default; none when both are blank. */
export function systemPromptOf(settings: ChatSettings | undefined, defaultPrompt: string): string | undefined {
  const prompt = settings?.systemPrompt ?? defaultPrompt;
  return prompt.trim() ? prompt : undefined;
}

/** The system message goes first, before every question (and counts against the model's context). */
export function withSystemPrompt(messages: ChatMessage[], systemPrompt: string | undefined): ChatMessage[] {
  return systemPrompt ? [{ role: 'system', content: systemPrompt }, ...messages] : messages;
}

/**
 * The request fields these settings add for `model`. Reasoning effort only for a model known (or guessed from
 * its family) to take it: a model that does not may refuse the whole request over an unknown parameter.
 */
export function requestParameters(settings: ChatSettings | undefined, facts: ModelFacts): Partial<ChatRequest> {
  const out: Partial<ChatRequest> = {};
  if (!settings) return out;
  if (settings.temperature !== undefined) out.temperature = settings.temperature;
  if (settings.maxTokens !== undefined) out.max_tokens = settings.maxTokens;
  const support = effortSupport(facts);
  if (settings.reasoningEffort && (support === 'yes' || support === 'guessed')) out.reasoning_effort = settings.reasoningEffort;
  return out;
}

/** Settings with nothing in them are stored as none. */
export function isEmptySettings(settings: ChatSettings | undefined): boolean {
  return !settings || Object.values(settings).every((v) => v === undefined);
}

function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || !value.trim()) return undefined;
  // Number('') is 0 and Number('1e3') is 1000: only plain decimals (a comma as the decimal mark too) are numbers here.
  const text = value.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$|^-?\.\d+$/.test(text) ? Number(text) : Number.NaN;
}

function refuse(field: keyof ChatSettings, message: string): SettingsCheck {
  return { ok: false, field, message };
}
