// The chips under a question in the transcript: its attached code and context (name, lines, tokens) and its
// images (name and size; the files stay beside the conversation).
import type { UserTurn } from '../core/chat/conversation';
import { attachmentLabel } from '../core/chat/requestMessages';
import { h, icon } from './dom';
import { sizeLabel } from './imageInput';

export function questionChips(turn: UserTurn): HTMLElement | undefined {
  if (!turn.context?.length && !turn.images?.length) return undefined;
  return h(
    'div',
    { class: 'chips' },
    ...(turn.context ?? []).map((a) =>
      h('span', { class: 'chip', title: a.fileName }, icon('file-code'), h('span', { text: attachmentLabel(a) })),
    ),
    ...(turn.images ?? []).map((image) =>
      h(
        'span',
        { class: 'chip image-chip', title: image.name },
        icon('file-media'),
        h('span', { text: `${image.name} · ${sizeLabel(image.bytes)}` }),
      ),
    ),
  );
}
