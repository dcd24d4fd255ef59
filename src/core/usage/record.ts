// One line of the usage log: what one reply cost and how it went, never what was asked or answered, never a key.
// The log is JSON Lines (one record per line), so a line cut short by a crash spoils only itself.
import * as z from 'zod/mini';
import { compiledObject } from '../hub/schemas';
import { isCommonUsageRecord } from './recordGuard';
import { lazySchema } from '../lazySchema';

/** Where a reply was asked from. A string, not an enum: a newer version's surfaces must not spoil an older reader. */
export type UsageSurface = 'chat' | 'selection' | 'lm' | (string & {});

export type UsageOutcome = 'done' | 'stopped' | 'error';

const count = lazySchema(() => z.nullable(z.number().check(z.int(), z.nonnegative())));
const name = lazySchema(() => z.string().check(z.minLength(1), z.maxLength(500)));

// On zod's compiled fast path: opening a heavy month validates a hundred thousand lines (`npm run bench -- usage`).
export const usageRecordSchema = lazySchema(() =>
  compiledObject({
    /** The format's version: a reader skips lines of a version it does not know. */
    v: z.literal(1),
    /** When the request was sent, ISO 8601 in UTC. */
    time: z.string().check(z.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/)),
    surface: name,
    /** The hub's API address (no key, no credentials: hub addresses with a user or password are refused). */
    hub: name,
    /** The model asked for. */
    model: name,
    /** The model the hub says answered (hubs remap aliases); null when it did not say. */
    servedModel: z.nullable(name),
    /** Token counts as the hub reported them; null where it reported nothing. */
    inputTokens: count,
    outputTokens: count,
    cachedTokens: count,
    reasoningTokens: count,
    /** What the reply cost, in `currency`; null when unknown (never a guess). */
    cost: z.nullable(z.number().check(z.nonnegative())),
    currency: z.nullable(z.string().check(z.maxLength(20))),
    /** From sending the request to the end of the reply. */
    durationMs: z.number().check(z.nonnegative()),
    /** From sending the request to the first piece of the answer (text, reasoning or a tool call); null if none came. */
    firstTokenMs: z.nullable(z.number().check(z.nonnegative())),
    outcome: z.enum(['done', 'stopped', 'error']),
    /** The hub client's error kind (`quota`, `timeout`, …) when the outcome is `error`. */
    errorKind: z.nullable(z.string().check(z.maxLength(40))),
    /**
     * Present when `model` answered as a fallback: the models that could not serve before it, in order, each with
     * why ("no available channel (503)"); the first is the model the person asked for. Their own failed requests
     * have their own lines (outcome `error`).
     */
    fallbackFrom: z.optional(z.array(compiledObject({ model: name, reason: z.string().check(z.minLength(1), z.maxLength(200)) }))),
  }),
);

export type UsageRecord = z.infer<typeof usageRecordSchema>;

/** The record as one line of the log, newline included. */
export function formatUsageLine(record: UsageRecord): string {
  return `${JSON.stringify(record)}\n`;
}

export interface ParsedUsage {
  records: UsageRecord[];
  /** Lines that were not records (cut short by a crash, edited by hand, or written by a newer version). */
  skipped: number;
}

/** Reads a log file's text: every valid line, in order; the others are counted, never fatal. */
export function parseUsageLines(text: string, into: UsageRecord[] = []): ParsedUsage {
  let skipped = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (!line) continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      skipped++;
      continue;
    }
    // The common line passes a hand-written guard; zod decides for anything else (recordGuard.ts says why).
    if (isCommonUsageRecord(json)) {
      into.push(json);
      continue;
    }
    const parsed = z.safeParse(usageRecordSchema, json);
    if (parsed.success) into.push(parsed.data);
    else skipped++;
  }
  return { records: into, skipped };
}
