// How hard a reasoning model thinks (`reasoning_effort`): chosen per request by the caller (model options), in
// VS Code's model picker (a per-model configuration the host offers from 1.139), or by the `aihub.reasoningEffort`
// setting, in that order. Where none says, nothing is sent and the hub's default applies.
import { findOverride } from '../models/limits';
import * as l10n from '@vscode/l10n';

/** Values OpenAI-compatible hubs accept (`none` and `xhigh` are newer; a hub that does not know them says so). */
export const REASONING_EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'] as const;
export type ReasoningEffort = (typeof REASONING_EFFORTS)[number];

/** The three every reasoning API understands: what the picker offers. */
const OFFERED: readonly ReasoningEffort[] = ['low', 'medium', 'high'];

export function isReasoningEffort(value: unknown): value is ReasoningEffort {
  return typeof value === 'string' && (REASONING_EFFORTS as readonly string[]).includes(value);
}

/** The `aihub.reasoningEffort` setting (model id or glob → effort), entries that are not an effort left out. */
export function readEffortSetting(raw: unknown): Record<string, ReasoningEffort> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  return Object.fromEntries(Object.entries(raw).filter((entry): entry is [string, ReasoningEffort] => isReasoningEffort(entry[1])));
}

export function effortFor(modelId: string, setting: Record<string, ReasoningEffort>): ReasoningEffort | undefined {
  return findOverride(modelId, setting);
}

/** The first effort that is set: the caller's, then VS Code's per-model configuration, then the setting. */
export function chooseEffort(...sources: unknown[]): ReasoningEffort | undefined {
  return sources.find(isReasoningEffort);
}

/**
 * The per-model configuration schema VS Code 1.139 shows in its model picker (an enum in the `navigation` group
 * becomes a menu beside the model) and hands back as `modelConfiguration` with each request.
 */
export function effortConfigurationSchema(defaultEffort: ReasoningEffort | undefined): Record<string, unknown> {
  return {
    properties: {
      reasoningEffort: {
        type: 'string',
        title: l10n.t('Thinking Effort'),
        enum: [...OFFERED],
        enumItemLabels: [l10n.t('Low'), l10n.t('Medium'), l10n.t('High')],
        enumDescriptions: [l10n.t('Quicker and cheaper answers'), l10n.t('The usual balance'), l10n.t('Thinks longest: for hard problems')],
        ...(defaultEffort && OFFERED.includes(defaultEffort) ? { default: defaultEffort } : {}),
        group: 'navigation',
      },
    },
  };
}
