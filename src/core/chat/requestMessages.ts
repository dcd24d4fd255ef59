// The messages sent to the hub for a conversation: each question with its attached code, and the earlier
// answers. Failed answers are left out (the model should not build on an error); stopped ones keep their text.
import * as l10n from '@vscode/l10n';
import type { ChatMessage } from '../hub/types';
import { fencedCode } from '../prompts/codeContext';
import { tokenLabel } from './attachmentCheck';
import { imageParts } from './chatImages';
import type { Attachment, Turn, UserTurn } from './conversation';

export function userContent(turn: UserTurn): string {
  if (!turn.context?.length) return turn.text;
  const attached = turn.context.map((a) => `${a.fileName} (${a.language}):\n${fencedCode(a.text, a.language)}`).join('\n\n');
  return `${turn.text}\n\n${attached}`;
}

/** `imageUrls`: each stored image's data URL by its hash; a question with images is sent as OpenAI content parts. */
export function requestMessages(turns: readonly Turn[], imageUrls?: ReadonlyMap<string, string>): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (const turn of turns) {
    const urls = turn.role === 'user' ? (turn.images ?? []).flatMap((i) => imageUrls?.get(i.hash) ?? []) : [];
    if (turn.role === 'user')
      messages.push({ role: 'user', content: urls.length ? imageParts(userContent(turn), urls) : userContent(turn) });
    else if (turn.text.trim() && turn.status !== 'error' && turn.status !== 'streaming')
      messages.push({ role: 'assistant', content: turn.text });
  }
  return messages;
}

export function attachmentLabel(a: Attachment): string {
  const lines = a.text.replace(/\n$/, '').split('\n').length;
  return `${a.fileName} · ${lines === 1 ? l10n.t('1 line') : l10n.t('{0} lines', lines)} · ${tokenLabel(a.text)}`;
}
