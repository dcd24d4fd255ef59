// What VS Code's model picker shows for a hub model: name, family, limits and capabilities, from the hub's
// metadata where it has any, else from the family table.
import * as l10n from '@vscode/l10n';
import type { HubModel } from '../hub/types';
import { describeModel } from '../models/catalog';
import { bareModelName, OTHER_PROVIDER } from '../models/provider';
import { describeLimitsSource, findOverride, resolveLimits, type LimitOverride } from '../models/limits';
import { mapInSlices } from '../timeSlices';
import { effortConfigurationSchema, effortFor, type ReasoningEffort } from './reasoningEffort';

/** The fields of VS Code's LanguageModelChatInformation, without depending on VS Code. */
export interface LanguageModelInfo {
  id: string;
  name: string;
  family: string;
  version: string;
  detail: string;
  tooltip: string;
  maxInputTokens: number;
  maxOutputTokens: number;
  capabilities: { toolCalling: boolean; imageInput: boolean };
  /** new-api's `supported_endpoint_types`, when the hub lists them. */
  endpoints?: string[];
  /** What VS Code's picker lets the user configure per model (thinking effort, for reasoning models). */
  configurationSchema?: Record<string, unknown>;
}

/**
 * One formatter for every model: `toLocaleString('en-US')` builds one per call (a third of the time of a list).
 * Built on first use: the first number formatter of a process loads ICU's data (10–20 ms), which at module
 * evaluation would count in the extension's activation time.
 */
let tokensFormat: Intl.NumberFormat | undefined;
const formatTokens = (n: number): string => (tokensFormat ??= new Intl.NumberFormat('en-US')).format(n);

/**
 * The picker's entries for the chat models of a list, built in slices: thousands of models (a big hub) are
 * hundreds of ms of work, which in one piece would hold up the whole extension host.
 */
export async function toLanguageModelInfos(
  models: readonly HubModel[],
  overrides: Record<string, LimitOverride> = {},
  efforts: Record<string, ReasoningEffort> = {},
): Promise<LanguageModelInfo[]> {
  const infos = await mapInSlices(models, (m) => toLanguageModelInfo(m, overrides, efforts));
  return distinguishAliases(infos.filter(isChatModel));
}

export function toLanguageModelInfo(
  model: HubModel,
  overrides: Record<string, LimitOverride> = {},
  efforts: Record<string, ReasoningEffort> = {},
): LanguageModelInfo {
  const info = describeModel(model);
  const override = findOverride(model.id, overrides);
  const { maxInputTokens, maxOutputTokens, source } = resolveLimits(info, overrides);
  const toolCalling = override?.toolCalling ?? info.capabilities.includes('tools');
  const imageInput = override?.imageInput ?? info.capabilities.includes('vision');
  const capabilities = info.capabilities.map((c) => (info.guessed.includes(c) ? l10n.t('{0} (guessed)', c) : c));
  return {
    id: model.id,
    // OpenRouter names its models ("Anthropic: Claude Sonnet 4.5"); other hubs leave it to us.
    name: typeof model.raw.name === 'string' && model.raw.name.trim() ? model.raw.name.trim() : displayName(model.id),
    family: bareModelName(model.id),
    version: versionOf(model.id),
    detail: info.provider,
    // VS Code shows the tooltip as one paragraph: each part is a sentence of its own, not a line.
    tooltip: [
      info.provider === OTHER_PROVIDER
        ? l10n.t('{0}, through AI Hub.', model.id)
        : l10n.t('{0} by {1}, through AI Hub.', model.id, info.provider),
      l10n.t(
        'Context: {0} in / {1} out tokens ({2}).',
        formatTokens(maxInputTokens),
        formatTokens(maxOutputTokens),
        describeLimitsSource(source),
      ),
      capabilities.length > 0 ? l10n.t('Capabilities: {0}.', capabilities.join(', ')) : l10n.t('Capabilities: text only.'),
    ].join('\n'),
    maxInputTokens,
    maxOutputTokens,
    capabilities: { toolCalling, imageInput },
    endpoints: info.endpoints,
    ...(info.capabilities.includes('reasoning') ? { configurationSchema: effortConfigurationSchema(effortFor(model.id, efforts)) } : {}),
  };
}

/** Hubs list embedding, image and rerank models too: a chat picker should not offer them. */
export function isChatModel(info: LanguageModelInfo): boolean {
  return !info.endpoints || info.endpoints.some((endpoint) => !NOT_CHAT_ENDPOINT.test(endpoint));
}

const NOT_CHAT_ENDPOINT = /embedding|image-generation|rerank/;

/** Words whose casing a model's maker fixed: an id has them in lower case. */
const CASED: Record<string, string> = {
  gpt: 'GPT',
  chatgpt: 'ChatGPT',
  glm: 'GLM',
  deepseek: 'DeepSeek',
  openai: 'OpenAI',
  qwq: 'QwQ',
  qvq: 'QVQ',
  minimax: 'MiniMax',
  ernie: 'ERNIE',
  vl: 'VL',
  ai: 'AI',
  tts: 'TTS',
  hd: 'HD',
  moe: 'MoE',
};

/**
 * `claude-3-5-sonnet` → `Claude 3.5 Sonnet`, `openai/gpt-4o-mini` → `GPT-4o Mini`, `deepseek-r1` → `DeepSeek R1`,
 * `qwen3-235b-a22b` → `Qwen3 235B A22B`. Ids say versions with dashes between single digits (`4-5` is 4.5).
 */
export function displayName(id: string): string {
  const words = id
    .slice(id.lastIndexOf('/') + 1)
    .split(/[-_\s]+/)
    .filter(Boolean);
  const merged: string[] = [];
  for (const word of words) {
    const previous = merged.at(-1);
    if (previous !== undefined && /^\d$/.test(word) && /(^|\D)\d$/.test(previous) && !/^\d{3,}/.test(previous)) {
      merged[merged.length - 1] = `${previous}.${word}`;
    } else merged.push(word);
  }
  const cased = merged.map(caseWord);
  // OpenAI writes its versions onto the name: GPT-4o, GPT-4.1, GPT-5.
  const out: string[] = [];
  for (const word of cased) {
    if (out.at(-1) === 'GPT' && /^\d/.test(word)) out[out.length - 1] = `GPT-${word}`;
    else out.push(word);
  }
  return out.join(' ');
}

function caseWord(word: string): string {
  const lower = word.toLowerCase();
  if (CASED[lower]) return CASED[lower];
  // OpenAI's reasoning models are lower case by name: o1, o3-mini, o4-mini.
  if (/^o\d$/.test(lower)) return lower;
  // Sizes and short version tags: 70b → 70B, a22b → A22B, r1 → R1, v3.1 → V3.1, k2 → K2, 8x7b → 8x7B.
  if (/^\d+(\.\d+)?[bmk]$/.test(lower) || /^\d+x\d+b$/.test(lower)) return word.toUpperCase().replace('X', 'x');
  if (/^[a-z]\d+(\.\d+)?[a-z]?$/.test(lower)) return word.toUpperCase();
  return /^[a-z]/.test(word) ? word[0].toUpperCase() + word.slice(1) : word;
}

/**
 * Hubs list one model under several ids (`claude-sonnet-4.6` and `anthropic/claude-sonnet-4.6`): VS Code's picker
 * would show two identical names. Where names collide, the prefixed ids say their prefix.
 */
export function distinguishAliases(infos: LanguageModelInfo[]): LanguageModelInfo[] {
  const count = new Map<string, number>();
  for (const info of infos) count.set(info.name, (count.get(info.name) ?? 0) + 1);
  return infos.map((info) => {
    const slash = info.id.lastIndexOf('/');
    if ((count.get(info.name) ?? 0) < 2 || slash < 0) return info;
    return { ...info, name: `${info.name} (${info.id.slice(0, slash + 1)})` };
  });
}

/** A dated snapshot id (`gpt-4o-2024-08-06`) names its version; anything else is the hub's current one. */
function versionOf(id: string): string {
  return /(\d{4}-?\d{2}-?\d{2})/.exec(id)?.[1] ?? 'latest';
}
