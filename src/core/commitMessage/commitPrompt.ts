// The request that asks a model for a commit message: the repository's style as rules and examples, what the
// author already typed (as hints), and the diff cut to what the model takes. Also what comes back, cleaned of
// the wrapping models add (a code fence, quotes, "Commit message:"), also while it is still streaming.
import type { ChatMessage } from '../hub/types';
import type { ResolvedLimits } from '../models/limits';
import { estimateMessagesTokens } from '../prompts/tokenBudget';
import { describeCommitStyle, type CommitStyle } from './commitStyle';
import { fitDiff, type FittedDiff } from './fitDiff';

/**
 * However large the model's context, a commit message needs no more than this much diff: beyond it each
 * message would cost more than the change is worth reading in full, and the files are all named anyway.
 */
export const MAX_DIFF_TOKENS = 32_000;
/** The note about a cut diff, counted before it is known whether it will be written. */
const NOTE_TOKENS = 80;

export interface CommitPromptInput {
  style: CommitStyle;
  /** The unified diff of the changes to describe (untracked files added as new-file diffs). */
  diff: string;
  /** Whether the diff is the staged changes (else every change in the working tree). */
  staged: boolean;
  /** What the author had typed in the commit box: hints, not a message to keep. */
  draft: string;
  limits: ResolvedLimits;
}

export type CommitPrompt =
  | { ok: true; messages: ChatMessage[]; diff: FittedDiff }
  /** Not even the list of changed files fits the model: the numbers say why. */
  | { ok: false; fixedTokens: number; diffTokens: number; files: number; maxInputTokens: number };

const SYSTEM = [
  'You write git commit messages. Reply with the commit message only: no preamble, no quotes, no code fence, no',
  'explanation. Describe what the change does and why, from the diff; never invent changes the diff does not show.',
].join(' ');

function userMessage(input: CommitPromptInput, diff: FittedDiff | undefined): string {
  const { style } = input;
  const parts = [`Write the commit message for ${input.staged ? 'these staged changes' : 'these changes'}, in this repository's style:`];
  parts.push(
    describeCommitStyle(style)
      .map((rule) => `- ${rule}`)
      .join('\n'),
  );
  if (style.examples.length > 0)
    parts.push(`Recent commit subjects here, newest first:\n${style.examples.map((s) => `  ${s}`).join('\n')}`);
  if (input.draft.trim()) parts.push(`The author's notes for this commit (use them; they may be rough):\n${input.draft.trim()}`);
  if (diff && (diff.cut > 0 || diff.omitted > 0)) {
    parts.push(
      `Note: the diff was too large to show whole (about ${diff.originalTokens.toLocaleString('en-US')} tokens): ` +
        `${diff.whole} of ${diff.files} files are shown in full, ${diff.cut} in part and ${diff.omitted} by name only. ` +
        'Describe the change as a whole from what is shown and from the file names.',
    );
  }
  parts.push(`The diff:\n${diff?.text ?? ''}`);
  return parts.join('\n\n');
}

export function buildCommitPrompt(input: CommitPromptInput): CommitPrompt {
  const fixedTokens =
    estimateMessagesTokens([
      { role: 'system', content: SYSTEM },
      { role: 'user', content: userMessage(input, undefined) },
    ]) + NOTE_TOKENS;
  const budget = Math.min(MAX_DIFF_TOKENS, input.limits.maxInputTokens - fixedTokens);
  const diff = budget > 0 ? fitDiff(input.diff, budget) : undefined;
  if (!diff) {
    const whole = fitDiff(input.diff, Number.MAX_SAFE_INTEGER);
    return {
      ok: false,
      fixedTokens,
      diffTokens: whole?.originalTokens ?? 0,
      files: whole?.files ?? 0,
      maxInputTokens: input.limits.maxInputTokens,
    };
  }
  return {
    ok: true,
    messages: [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: userMessage(input, diff) },
    ],
    diff,
  };
}

/**
 * The message as the input box should show it, from the whole reply or the part received so far: without a
 * code fence around it (an opening one alone while streaming), "Commit message:" before it or quotes around it.
 */
export function cleanCommitMessage(reply: string): string {
  let text = reply.replace(/\r\n/g, '\n').trim();
  text = text.replace(/^(?:here(?:'s| is) (?:the|a|your) )?commit message:?\s*\n?/i, '');
  const fence = /^(`{3,}|~{3,})[^\n]*(?:\n|$)/.exec(text);
  if (fence) {
    text = text.slice(fence[0].length);
    const close = text.lastIndexOf(fence[1]);
    if (close >= 0) text = text.slice(0, close);
  }
  text = text.trim();
  const quoted = /^(["'`])([\s\S]*)\1$/.exec(text);
  if (quoted && !quoted[2].includes(quoted[1])) text = quoted[2].trim();
  return text;
}
