// Which files a conversation is about (the code attached to its questions): a selection command asks in the
// open conversation only when it is about the same file, so an old, unrelated history is not sent along.
import type { Conversation } from './conversation';

/** `src/a.ts:13-17` and `src/a.ts` are the same file. */
export function fileOfAttachment(fileName: string): string {
  return fileName.replace(/:\d+(-\d+)?$/, '');
}

export function isAboutFile(conversation: Conversation, fileName: string): boolean {
  const file = fileOfAttachment(fileName);
  return conversation.turns.some((t) => t.role === 'user' && (t.context ?? []).some((a) => fileOfAttachment(a.fileName) === file));
}
