// Text too large to render as markdown without freezing the panel, shown as plain text in pieces.
import * as l10n from '@vscode/l10n';

/** Plain text is appended in pieces of this size; each is laid out only when on screen (content-visibility). */
const PLAIN_PIECE_CHARS = 8_192;

export function plainElement(): HTMLElement {
  const element = document.createElement('div');
  element.className = 'plain-text';
  element.title = l10n.t('Shown as plain text: too large to render as markdown without freezing the panel');
  return element;
}

/**
 * Appends `source` to a plain-text element in pieces of PLAIN_PIECE_CHARS (the last piece is filled up first), at
 * most 32 pieces a call; returns how much of it was appended.
 */
export function writePlain(into: HTMLElement, source: string): number {
  const limit = Math.min(source.length, PLAIN_PIECE_CHARS * 32);
  let at = 0;
  while (at < limit) {
    let piece = into.lastElementChild as HTMLElement | null;
    if (!piece || (piece.textContent ?? '').length >= PLAIN_PIECE_CHARS) {
      piece = document.createElement('pre');
      into.append(piece);
    }
    const next = Math.min(limit, at + PLAIN_PIECE_CHARS - (piece.textContent ?? '').length);
    piece.append(source.slice(at, next));
    at = next;
  }
  return at;
}
