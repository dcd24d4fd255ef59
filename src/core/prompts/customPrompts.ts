// The `aihub.prompts` setting: the user's own prompts, checked entry by entry so one bad entry is reported
// and the rest still work.
import * as z from 'zod/mini';
import type { ChatMessage } from '../hub/types';
import { attachment, rewriteMessages, type ChatAsk } from './builtinPrompts';
import { shownLocation, type CodeContext } from './codeContext';
import { expandTemplate, mentionsSelection } from './template';

export type PromptMode = 'chat' | 'diff';

export interface CustomPrompt {
  name: string;
  template: string;
  mode: PromptMode;
}

const entrySchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1)),
  template: z.string().check(z.minLength(1)),
  mode: z.optional(z.enum(['chat', 'diff'])),
});

export function parseCustomPrompts(value: unknown): { prompts: CustomPrompt[]; problems: string[] } {
  if (value === undefined || value === null) return { prompts: [], problems: [] };
  if (!Array.isArray(value)) return { prompts: [], problems: ['aihub.prompts must be a list of {name, template, mode} entries.'] };
  const prompts: CustomPrompt[] = [];
  const problems: string[] = [];
  value.forEach((entry, index) => {
    const parsed = entrySchema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push(`aihub.prompts[${index}]${issue?.path.length ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'invalid entry'}`);
      return;
    }
    prompts.push({ name: parsed.data.name.trim(), template: parsed.data.template, mode: parsed.data.mode ?? 'chat' });
  });
  return { prompts, problems };
}

/** A chat-mode prompt: the expanded template; the code is attached when the template does not place it itself. */
export function customChatAsk(prompt: CustomPrompt, ctx: CodeContext): ChatAsk {
  const inline = mentionsSelection(prompt.template);
  return {
    prompt: expandTemplate(prompt.template, ctx),
    display: `${prompt.name} (${shownLocation(ctx)})`,
    context: inline ? undefined : [attachment(ctx)],
  };
}

/** A diff-mode prompt: the expanded template as the instruction of a rewrite. */
export function customRewriteMessages(prompt: CustomPrompt, ctx: CodeContext): ChatMessage[] {
  return rewriteMessages(expandTemplate(prompt.template, ctx), ctx, { codeInInstruction: mentionsSelection(prompt.template) });
}
