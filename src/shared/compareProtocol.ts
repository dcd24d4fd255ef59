// Every message between the Compare tab's webview and the extension, one discriminated union per direction,
// safeParsed on both sides like the chat's. The code-block actions and links reuse the chat's shapes.
import * as z from 'zod/mini';
import { assistantTurnSchema, conversationSchema } from '../core/chat/conversation';
import { codeActionMessageSchema } from './chatProtocol';

const id = z.string().check(z.minLength(1), z.maxLength(200));

export const columnPhaseSchema = z.enum(['queued', 'waiting', 'streaming', 'done', 'stopped', 'error', 'interrupted']);

export const columnViewSchema = z.object({
  id,
  phase: columnPhaseSchema,
  /** Why it waits ("rate-limited (429): trying again in 8 s"). */
  note: z.optional(z.string()),
  /** "unknown" until the hub publishes a price for the model. */
  cost: z.string(),
});
export type ColumnView = z.infer<typeof columnViewSchema>;

// ── webview → host ───────────────────────────────────────────────────────────────────────────────────────────
export const compareWebviewMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  /** Stops one column, or all of them without `columnId`. */
  z.object({ type: z.literal('stop'), columnId: z.optional(id) }),
  z.object({ type: z.literal('retry'), columnId: id }),
  /** Turns this column into an ordinary chat conversation, opened in the chat. */
  z.object({ type: z.literal('continue'), columnId: id }),
  z.object({ type: z.literal('export') }),
  codeActionMessageSchema,
  z.object({ type: z.literal('copyText'), text: z.string() }),
  z.object({ type: z.literal('openLink'), href: z.string().check(z.maxLength(8192)) }),
]);
export type CompareWebviewMessage = z.infer<typeof compareWebviewMessageSchema>;

// ── host → webview ───────────────────────────────────────────────────────────────────────────────────────────
export const compareHostMessageSchema = z.discriminatedUnion('type', [
  /** The whole comparison: after `ready`, and after a column is retried. */
  z.object({ type: z.literal('state'), comparison: conversationSchema, columns: z.array(columnViewSchema) }),
  /** Text that arrived in one column since its last delta (the host batches tokens). */
  z.object({ type: z.literal('delta'), columnId: id, text: z.string(), reasoning: z.string() }),
  /** A column changed phase; with `turn` when its reply settled (final text, usage, timing, error). */
  z.object({ type: z.literal('column'), column: columnViewSchema, turn: z.optional(assistantTurnSchema) }),
  z.object({ type: z.literal('notice'), message: z.string() }),
]);
export type CompareHostMessage = z.infer<typeof compareHostMessageSchema>;
