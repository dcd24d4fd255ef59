// Fallback: when the hub says, before any of the reply has arrived, that a model cannot serve now (no channel,
// the model unknown, a 5xx left after the retries), the chat tries the next model the user listed for it. Never
// for the account's problems (401, 402, quota: another model would fail the same way, or cost more), never once
// the reply started (the person would get half of one answer and half of another), never for a rate limit or a
// network failure (not the model's fault). vscode.lm callers never reach this: they asked for one model.
import type { TurnError } from './conversation';
import * as l10n from '@vscode/l10n';

/** `aihub.fallbackModels`: one list for every model, or lists per model id with `*` for the rest. */
export type FallbackSetting = readonly string[] | Readonly<Record<string, readonly string[]>>;

export interface ParsedFallbacks {
  setting: FallbackSetting;
  /** What was left out, in words (for the log). */
  problems: string[];
}

/** Reads the setting entry by entry: a bad entry is reported and left out, the rest kept. */
export function parseFallbackSetting(value: unknown): ParsedFallbacks {
  const problems: string[] = [];
  const list = (v: unknown, where: string): string[] => {
    if (!Array.isArray(v)) {
      problems.push(l10n.t('{0} is not a list of model ids', where));
      return [];
    }
    const ids = v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
    if (ids.length < v.length)
      problems.push(
        v.length - ids.length === 1
          ? l10n.t('{0}: 1 entry is not a model id', where)
          : l10n.t('{0}: {1} entries are not a model id', where, v.length - ids.length),
      );
    return ids;
  };
  if (value === undefined || value === null) return { setting: [], problems };
  if (Array.isArray(value)) return { setting: list(value, 'aihub.fallbackModels'), problems };
  if (typeof value === 'object') {
    const setting: Record<string, string[]> = {};
    for (const [model, v] of Object.entries(value)) setting[model] = list(v, `aihub.fallbackModels["${model}"]`);
    return { setting, problems };
  }
  problems.push(l10n.t('aihub.fallbackModels is neither a list nor an object of lists'));
  return { setting: [], problems };
}

/** The models to try after `model`, in order, each once and never `model` itself. */
export function fallbackChain(setting: FallbackSetting, model: string): string[] {
  const listed = Array.isArray(setting)
    ? setting
    : ((setting as Record<string, readonly string[]>)[model] ?? (setting as Record<string, readonly string[]>)['*'] ?? []);
  return [...new Set(listed)].filter((m) => m !== model);
}

/**
 * Why this failure lets another model answer ("no available channel (503)"), or undefined when it does not.
 * `arrived` is whether any of the reply (text or reasoning) had come before the failure.
 */
export function fallbackReason(error: TurnError | undefined, arrived: boolean): string | undefined {
  if (!error || arrived) return undefined;
  const status = error.status;
  switch (error.kind) {
    case 'noChannel':
      return l10n.t('no available channel ({0})', status ?? 503);
    case 'notFound':
      return l10n.t('model not found ({0})', status ?? 404);
    case 'unavailable':
    case 'server':
      return l10n.t('hub error ({0})', status ?? '5xx');
    default:
      return undefined;
  }
}

/** A model that could not answer, and why. */
export interface FallbackStep {
  model: string;
  reason: string;
}

/** "gpt-4o: no available channel (503) — answered by gpt-4o-mini" (several steps joined with "; "). */
export function fallbackNotice(steps: readonly FallbackStep[], answeredBy: string | undefined): string {
  const failed = steps.map((s) => `${s.model}: ${s.reason}`).join('; ');
  return answeredBy ? l10n.t('{0} — answered by {1}', failed, answeredBy) : l10n.t('{0} — no fallback model could answer', failed);
}
