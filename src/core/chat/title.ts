// A conversation's title, derived from its first question until the user renames it.
import * as l10n from '@vscode/l10n';
import type { Conversation } from './conversation';

const MAX_TITLE = 60;

/** An empty conversation's title, in the display language when it was made (a title is kept as it was written). */
export const newChatTitle = (): string => l10n.t('New chat');

/** The first line of the first question, markdown and extra spaces removed, cut at a word near 60 characters. */
export function deriveTitle(text: string): string {
  const line =
    text
      .replace(/```[\s\S]*?(```|$)/g, ' ')
      .split('\n')
      .map((l) =>
        l
          .replace(/^[#>\-*\s]+/, '')
          .replace(/[`*_~]/g, '')
          .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
          .trim(),
      )
      .find((l) => l.length > 0) ?? '';
  const clean = line.replace(/\s+/g, ' ');
  if (!clean) return newChatTitle();
  if (clean.length <= MAX_TITLE) return clean;
  const cut = clean.slice(0, MAX_TITLE);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_TITLE / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

/** The conversation with its title derived from the first question, unless the user chose one. */
export function withDerivedTitle(c: Conversation): Conversation {
  if (c.customTitle) return c;
  const first = c.turns.find((t) => t.role === 'user');
  const title = first ? deriveTitle(first.display ?? first.text) : newChatTitle();
  return title === c.title ? c : { ...c, title };
}
