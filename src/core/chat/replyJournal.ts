// What the person has seen of a streaming answer, made durable before they see it. Each batch of the answer is
// appended to the conversation's journal (one JSON line, written synchronously: when the call returns the bytes
// are the operating system's, so a killed or reloaded extension host cannot lose them) and only then posted to
// the webview. Loading a conversation replays its journal over the last full save; the next save compacts it.
//
// Each entry says where its text starts in the answer, so replaying is idempotent: a save that already holds a
// piece (saves run every 750 ms while the journal grows) is not extended twice.
import * as fs from 'node:fs';
import type { Conversation } from './conversation';

export interface JournalEntry {
  /** The assistant turn the text belongs to. */
  turn: string;
  /** Offset of `text` in the turn's text, and of `reasoning` in its reasoning. */
  at: number;
  text: string;
  reasoningAt: number;
  reasoning: string;
}

/** The journal the reply loop writes to: `append` is synchronous on purpose. */
export interface ReplyJournal {
  /** Starts afresh for a new answer, once the conversation before it is saved. */
  reset(): void;
  append(entry: JournalEntry): void;
  /** The answer's final form is saved: the journal is no longer needed. */
  discard(): void;
}

export class FileJournal implements ReplyJournal {
  constructor(readonly file: string) {}

  reset(): void {
    fs.rmSync(this.file, { force: true });
  }

  append(entry: JournalEntry): void {
    // By path each time rather than through a kept descriptor: if another window compacts (removes) this file,
    // the next piece starts a new one instead of vanishing into an unlinked file.
    fs.appendFileSync(this.file, `${JSON.stringify(entry)}\n`, 'utf8');
  }

  discard(): void {
    fs.rmSync(this.file, { force: true });
  }
}

/**
 * The entries a journal's text holds. A last line cut short by the crash that made the journal matter is
 * skipped, as is any line that is not an entry (the file is ours, but a disk can still hand back garbage).
 */
export function parseJournal(text: string): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      const value = JSON.parse(line) as Partial<JournalEntry>;
      if (
        typeof value.turn === 'string' &&
        typeof value.text === 'string' &&
        typeof value.reasoning === 'string' &&
        Number.isSafeInteger(value.at) &&
        Number.isSafeInteger(value.reasoningAt)
      )
        entries.push(value as JournalEntry);
    } catch {
      // A torn last line: everything before it is still good.
    }
  }
  return entries;
}

/**
 * Lays the journal's pieces over the conversation's answers (in place). Returns how many characters were
 * added: 0 when the saved conversation already held everything. A piece that would leave a gap (its start is
 * past the saved text) cannot be placed and ends the replay of that answer.
 */
export function replayJournal(conversation: Conversation, entries: readonly JournalEntry[]): number {
  let added = 0;
  const broken = new Set<string>();
  for (const entry of entries) {
    if (broken.has(entry.turn)) continue;
    const turn = conversation.turns.find((t) => t.id === entry.turn);
    if (turn?.role !== 'assistant') continue;
    const text = extend(turn.text, entry.at, entry.text);
    const reasoning = extend(turn.reasoning ?? '', entry.reasoningAt, entry.reasoning);
    if (text === undefined || reasoning === undefined) {
      broken.add(entry.turn);
      continue;
    }
    added += text.length - turn.text.length + reasoning.length - (turn.reasoning ?? '').length;
    turn.text = text;
    if (reasoning) turn.reasoning = reasoning;
  }
  return added;
}

function extend(saved: string, at: number, piece: string): string | undefined {
  if (at > saved.length) return piece ? undefined : saved;
  if (at + piece.length <= saved.length) return saved;
  return saved + piece.slice(saved.length - at);
}
