// What may be attached to a question: text only (a binary file would be noise to a model and could be huge),
// and no more than the model takes in. Sizes are counted with the one token estimate and the one limits table
// every other surface uses.
import * as l10n from '@vscode/l10n';
import { describeLimitsSource, type ResolvedLimits } from '../models/limits';
import { estimateTokens } from '../models/tokenEstimate';

const n = (x: number) => x.toLocaleString('en-US');

/** The file's text, or undefined when it is not UTF-8 text (a NUL byte, or bytes that are not valid UTF-8). */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** How an attachment is checked against a model: why it is refused, in words, or undefined when it fits. */
export type SizeCheck = (name: string, text: string) => string | undefined;

/** Why an attachment is refused for its size (with the numbers), or undefined when it fits the model's input. */
export function oversized(name: string, text: string, model: string, limits: ResolvedLimits): string | undefined {
  const tokens = estimateTokens(text);
  if (tokens <= limits.maxInputTokens) return undefined;
  return l10n.t(
    '{0} was not attached: it is about {1} tokens, and {2} takes {3} in ({4}). Attach a part of it, or pick a model with a larger context.',
    name,
    n(tokens),
    model,
    n(limits.maxInputTokens),
    describeLimitsSource(limits.source),
  );
}

/** "~1,234 tokens", as the chips show an attachment's size. */
export function tokenLabel(text: string): string {
  const tokens = estimateTokens(text);
  return tokens === 1 ? l10n.t('~1 token') : l10n.t('~{0} tokens', n(tokens));
}
