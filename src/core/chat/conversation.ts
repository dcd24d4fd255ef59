// A chat conversation as stored on disk and shown in the panel. The schema is the one definition: the store
// validates files with it and the host ↔ webview protocol embeds it.
import * as z from 'zod/mini';
import { chatSettingsSchema } from './chatSettings';
import { imageRefSchema } from './chatImages';
import { newChatTitle } from './title';
import { lazySchema } from '../lazySchema';

/** Conversation ids become file names: only this alphabet, so a message from the webview cannot reach other paths. */
export const CONVERSATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const attachmentSchema = lazySchema(() =>
  z.object({
    fileName: z.string(),
    language: z.string(),
    text: z.string(),
  }),
);
export type Attachment = z.infer<typeof attachmentSchema>;

export const usageSchema = lazySchema(() =>
  z.object({
    promptTokens: z.number(),
    completionTokens: z.number(),
    totalTokens: z.number(),
    cachedTokens: z.optional(z.number()),
    reasoningTokens: z.optional(z.number()),
    /** USD, as the hub reported it (OpenRouter). */
    cost: z.optional(z.number()),
  }),
);

export const turnErrorSchema = lazySchema(() =>
  z.object({
    message: z.string(),
    /** HubError kind: the panel offers "Set API Key" for noKey/auth, "Top Up" for quota. */
    kind: z.optional(z.string()),
    /** The HTTP status the hub answered with, when it answered. */
    status: z.optional(z.number()),
    /** How long the hub asked to wait (429 Retry-After), so a comparison column can come back when allowed. */
    retryAfterMs: z.optional(z.number()),
    /** The hub (host) that failed: after a switch to another hub, the panel says the failure was the old one's. */
    hub: z.optional(z.string()),
    /** The hub's id for the failed request, to quote to its support. */
    requestId: z.optional(z.string()),
  }),
);
export type TurnError = z.infer<typeof turnErrorSchema>;

export const userTurnSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    role: z.literal('user'),
    /** What is sent to the model. */
    text: z.string(),
    /** What the transcript shows instead, when a command wrote a long prompt ("Explain `sum` (a.ts, line 3)"). */
    display: z.optional(z.string()),
    context: z.optional(z.array(attachmentSchema)),
    /** Pasted, dropped or attached images: references to files beside the conversations (chatImages.ts). */
    images: z.optional(z.array(imageRefSchema)),
    createdAt: z.number(),
  }),
);
export type UserTurn = z.infer<typeof userTurnSchema>;

export const replyStatusSchema = lazySchema(() => z.enum(['streaming', 'done', 'stopped', 'error', 'interrupted']));
export type ReplyStatus = z.infer<typeof replyStatusSchema>;

/** When the reply's parts arrived, from the moment its request left (for a comparison's metrics). */
export const replyTimingSchema = lazySchema(() =>
  z.object({
    firstTokenMs: z.optional(z.number()),
    totalMs: z.optional(z.number()),
  }),
);
export type ReplyTiming = z.infer<typeof replyTimingSchema>;

export const assistantTurnSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    role: z.literal('assistant'),
    model: z.string(),
    text: z.string(),
    reasoning: z.optional(z.string()),
    status: replyStatusSchema,
    usage: z.optional(usageSchema),
    finishReason: z.optional(z.string()),
    possiblyTruncated: z.optional(z.boolean()),
    /** Said with the answer when the oldest messages were left out to fit the model's context. */
    contextNote: z.optional(z.string()),
    /** The model that answered, when the hub names another than the one asked (hubs map aliases). */
    servedModel: z.optional(z.string()),
    /** The hub's id for the request. */
    requestId: z.optional(z.string()),
    /** What the reply cost in USD (the hub's figure, or its tokens at the model's price); absent when unknown. */
    cost: z.optional(z.number()),
    error: z.optional(turnErrorSchema),
    timing: z.optional(replyTimingSchema),
    /** Models that could not answer before `model` did (aihub.fallbackModels), in the order they were tried. */
    fallbacks: z.optional(z.array(z.object({ model: z.string(), reason: z.string() }))),
    createdAt: z.number(),
  }),
);
export type AssistantTurn = z.infer<typeof assistantTurnSchema>;

export const turnSchema = lazySchema(() => z.discriminatedUnion('role', [userTurnSchema, assistantTurnSchema]));
export type Turn = z.infer<typeof turnSchema>;

export const conversationSchema = lazySchema(() =>
  z.object({
    version: z.literal(1),
    id: z.string().check(z.regex(CONVERSATION_ID)),
    title: z.string(),
    /** Set by the user (rename): never replaced by the derived title. */
    customTitle: z.optional(z.boolean()),
    /** A comparison: one question, then one reply per model (opened in the Compare tab, never continued as a chat). */
    kind: z.optional(z.literal('comparison')),
    model: z.string(),
    /** This conversation's system prompt, temperature, max output tokens and reasoning effort (unset: the defaults). */
    settings: z.optional(chatSettingsSchema),
    /** Kept at the top of the history. */
    pinned: z.optional(z.boolean()),
    createdAt: z.number(),
    updatedAt: z.number(),
    turns: z.array(turnSchema),
  }),
);
export type Conversation = z.infer<typeof conversationSchema>;

export const conversationSummarySchema = lazySchema(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    model: z.string(),
    updatedAt: z.number(),
    turns: z.number(),
    kind: z.optional(z.literal('comparison')),
  }),
);
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export function newConversation(id: string, model: string, now: number): Conversation {
  return { version: 1, id, title: newChatTitle(), model, createdAt: now, updatedAt: now, turns: [] };
}

/**
 * A reply still marked as streaming in a file was cut off by a reload or a crashed extension host: what was
 * saved is kept and shown as interrupted, never as still running.
 */
export function settleInterrupted(c: Conversation): Conversation {
  if (!c.turns.some((t) => t.role === 'assistant' && t.status === 'streaming')) return c;
  return { ...c, turns: c.turns.map((t) => (t.role === 'assistant' && t.status === 'streaming' ? { ...t, status: 'interrupted' } : t)) };
}
