// The chat history's index: one small file beside the conversations holding what the history list shows and
// searches (title, model, dates, pin, the first characters of the text) for each conversation, with the size and
// modification time of the file it was read from. The list opens from it alone; a file whose size or time
// differs (written by another window, or saved just before a crash) is read again, so the index is only ever a
// cache of the files, never the record.
import * as z from 'zod/mini';
import type { Conversation, ConversationSummary } from './conversation';
import { lazySchema } from '../lazySchema';

/** Not `*.json`: the store lists conversations by that ending. */
export const INDEX_FILE = 'history.index';
/** How much of each conversation's text is searched: its questions first, then its answers. */
export const SEARCH_TEXT_CHARS = 2_000;

const historyEntrySchema = lazySchema(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    model: z.string(),
    createdAt: z.number(),
    updatedAt: z.number(),
    turns: z.number(),
    kind: z.optional(z.literal('comparison')),
    pinned: z.optional(z.boolean()),
    /** Why it is shown read-only (written by a newer version of AI Hub). */
    readOnly: z.optional(z.string()),
    text: z.string(),
    /** The file the entry was read from, to notice it changed. */
    mtimeMs: z.number(),
    size: z.number(),
  }),
);
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

const indexFileSchema = lazySchema(() => z.object({ version: z.literal(1), entries: z.array(historyEntrySchema) }));

export interface FileStamp {
  mtimeMs: number;
  size: number;
}

export function entryOf(c: Conversation, stamp: FileStamp, readOnly?: string): HistoryEntry {
  const entry: HistoryEntry = {
    id: c.id,
    title: c.title,
    model: c.model,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    turns: c.turns.length,
    text: searchText(c),
    mtimeMs: stamp.mtimeMs,
    size: stamp.size,
  };
  if (c.kind) entry.kind = c.kind;
  if (c.pinned) entry.pinned = true;
  if (readOnly) entry.readOnly = readOnly;
  return entry;
}

export function sameStamp(entry: HistoryEntry | undefined, stamp: FileStamp): boolean {
  return !!entry && entry.mtimeMs === stamp.mtimeMs && entry.size === stamp.size;
}

export function summaryOf(entry: HistoryEntry): ConversationSummary {
  const summary: ConversationSummary = {
    id: entry.id,
    title: entry.title,
    model: entry.model,
    updatedAt: entry.updatedAt,
    turns: entry.turns,
  };
  if (entry.kind) summary.kind = entry.kind;
  return summary;
}

/** Pinned first, then the most recently changed. */
export function sortHistory(entries: Iterable<HistoryEntry>): HistoryEntry[] {
  return [...entries].sort((a, b) => Number(!!b.pinned) - Number(!!a.pinned) || b.updatedAt - a.updatedAt);
}

/** The entries of an index file; undefined when it cannot be used (missing, damaged, another version): rebuilt then. */
export function parseIndex(text: string): HistoryEntry[] | undefined {
  try {
    const parsed = indexFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.entries : undefined;
  } catch {
    return undefined;
  }
}

export function serializeIndex(entries: Iterable<HistoryEntry>): string {
  return JSON.stringify({ version: 1, entries: [...entries] });
}

export interface HistoryMatch {
  entry: HistoryEntry;
  /** Where the text matched, when the title and model did not: a few words either side. */
  snippet?: string;
}

/**
 * Conversations whose title, model or text hold every word of the query (case-insensitive), in history order.
 * A blank query matches everything.
 */
export function searchHistory(entries: readonly HistoryEntry[], query: string): HistoryMatch[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return entries.map((entry) => ({ entry }));
  const out: HistoryMatch[] = [];
  for (const entry of entries) {
    const head = `${entry.title} ${entry.model}`.toLowerCase();
    const text = entry.text.toLowerCase();
    if (!words.every((w) => head.includes(w) || text.includes(w))) continue;
    const inText = words.find((w) => !head.includes(w));
    out.push(inText ? { entry, snippet: snippetAt(entry.text, text.indexOf(inText), inText.length) } : { entry });
  }
  return out;
}

/** Questions first (what people remember asking), then answers, whitespace folded, cut at SEARCH_TEXT_CHARS. */
function searchText(c: Conversation): string {
  const questions = c.turns.flatMap((t) => (t.role === 'user' ? [t.display ?? t.text] : []));
  const answers = c.turns.flatMap((t) => (t.role === 'assistant' ? [t.text] : []));
  let out = '';
  for (const part of [...questions, ...answers]) {
    if (out.length >= SEARCH_TEXT_CHARS) break;
    out += `${collapsedPrefix(part, SEARCH_TEXT_CHARS - out.length)} `;
  }
  return out.slice(0, SEARCH_TEXT_CHARS).trimEnd();
}

/**
 * The text with its whitespace runs collapsed and trimmed, at least its first `wanted` characters of that (the
 * whole of it when shorter). Only a prefix of a long answer is collapsed: the index keeps 2,000 characters of it,
 * and a slice of a 100 KB string would keep the whole string alive in memory for as long as the entry lives.
 * Collapsing a prefix gives a prefix of the collapsed whole, so the result is the same as collapsing everything.
 */
function collapsedPrefix(text: string, wanted: number): string {
  for (let take = wanted; ; take *= 2) {
    const prefix = text.length <= take ? text : text.slice(0, take);
    const collapsed = prefix.replace(/\s+/g, ' ').trim();
    if (collapsed.length >= wanted || prefix.length === text.length) return collapsed;
  }
}

function snippetAt(text: string, at: number, length: number): string {
  const start = Math.max(0, at - 30);
  const end = Math.min(text.length, at + length + 50);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
