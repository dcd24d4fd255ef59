// What VS Code's model picker shows for a hub model: name, family, limits and capabilities, from the hub's
// metadata where it has any, else from the family table.
import type { HubModel } from '../hub/types';
import { describeModel } from '../models/catalog';
import { bareModelName } from '../models/provider';
import { describeLimitsSource, findOverride, resolveLimits, type LimitOverride } from '../models/limits';

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
}

export function toLanguageModelInfo(model: HubModel, overrides: Record<string, LimitOverride> = {}): LanguageModelInfo {
  const info = describeModel(model);
  const override = findOverride(model.id, overrides);
  const { maxInputTokens, maxOutputTokens, source } = resolveLimits(info, overrides);
  const toolCalling = override?.toolCalling ?? info.capabilities.includes('tools');
  const imageInput = override?.imageInput ?? info.capabilities.includes('vision');
  const capabilities = info.capabilities.map((c) => (info.guessed.includes(c) ? `${c} (guessed)` : c));
  return {
    id: model.id,
    // OpenRouter names its models ("Anthropic: Claude Sonnet 4.5"); other hubs leave it to us.
    name: typeof model.raw.name === 'string' && model.raw.name.trim() ? model.raw.name.trim() : displayName(model.id),
    family: bareModelName(model.id),
    version: versionOf(model.id),
    detail: info.provider,
    tooltip: [
      `${model.id} — ${info.provider}, through AI Hub`,
      `Context: ${maxInputTokens.toLocaleString('en-US')} in / ${maxOutputTokens.toLocaleString('en-US')} out tokens (${describeLimitsSource(source)})`,
      capabilities.length > 0 ? `Capabilities: ${capabilities.join(', ')}` : 'Capabilities: text only',
    ].join('\n'),
    maxInputTokens,
    maxOutputTokens,
    capabilities: { toolCalling, imageInput },
    endpoints: info.endpoints,
  };
}

/** Hubs list embedding, image and rerank models too: a chat picker should not offer them. */
export function isChatModel(info: LanguageModelInfo): boolean {
  return !info.endpoints || info.endpoints.some((endpoint) => !NOT_CHAT_ENDPOINT.test(endpoint));
}

const NOT_CHAT_ENDPOINT = /embedding|image-generation|rerank/;

const UPPER = new Set(['gpt', 'glm', 'r1', 'v3', 'vl', 'ai']);

/** `claude-sonnet-4.6` → `Claude Sonnet 4.6`, `openai/gpt-4o-mini` → `GPT 4o Mini`. */
export function displayName(id: string): string {
  const name = id.slice(id.lastIndexOf('/') + 1);
  return name
    .split(/[-_]/)
    .filter(Boolean)
    .map((word) =>
      UPPER.has(word.toLowerCase()) ? word.toUpperCase() : /^[a-z]/.test(word) ? word[0].toUpperCase() + word.slice(1) : word,
    )
    .join(' ');
}

/** A dated snapshot id (`gpt-4o-2024-08-06`) names its version; anything else is the hub's current one. */
function versionOf(id: string): string {
  return /(\d{4}-?\d{2}-?\d{2})/.exec(id)?.[1] ?? 'latest';
}
