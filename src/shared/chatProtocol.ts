// Every message between the chat webview and the extension, one discriminated union per direction. Both
// sides safeParse what they receive: the webview runs model output, so the host trusts nothing it sends.
import * as z from 'zod/mini';
import {
  assistantTurnSchema,
  attachmentSchema,
  conversationSchema,
  conversationSummarySchema,
  turnSchema,
} from '../core/chat/conversation';
import { chatSettingsSchema, SYSTEM_PROMPT_MAX_CHARS } from '../core/chat/chatSettings';
import { imageRefSchema } from '../core/chat/chatImages';
import { lazySchema } from '../core/lazySchema';

const id = lazySchema(() => z.string().check(z.minLength(1), z.maxLength(200)));

export const modelOptionSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    provider: z.optional(z.string()),
    detail: z.optional(z.string()),
    /** "$3/$15 per 1M", "$0.04 per call", "free"; absent when the hub publishes no price. */
    price: z.optional(z.string()),
    /** Takes `reasoning_effort`: said by the hub, or guessed from the model's family; absent: it does not. */
    reasoning: z.optional(z.enum(['yes', 'guessed'])),
    /** The largest answer the hub, the family table or aihub.modelLimits gives; absent when unknown. */
    maxOutput: z.optional(z.number()),
  }),
);
export type ModelOption = z.infer<typeof modelOptionSchema>;

export const codeActionSchema = lazySchema(() => z.enum(['copy', 'insert', 'replace', 'newFile', 'apply']));
export type CodeAction = z.infer<typeof codeActionSchema>;

/** A code block's button, with the block (the chat's and the Compare tab's webviews send the same message). */
export const codeActionMessageSchema = lazySchema(() =>
  z.object({
    type: z.literal('codeAction'),
    action: codeActionSchema,
    code: z.string(),
    language: z.string().check(z.maxLength(100)),
    /** The file the block's fence names (```ts path=src/a.ts). */
    path: z.optional(z.string().check(z.maxLength(1000))),
  }),
);
export type CodeActionMessage = z.infer<typeof codeActionMessageSchema>;

// ── webview → host ───────────────────────────────────────────────────────────────────────────────────────────
export const webviewMessageSchema = lazySchema(() =>
  z.discriminatedUnion('type', [
    /** The page is listening: the host posts nothing before this. */
    z.object({ type: z.literal('ready') }),
    z.object({
      type: z.literal('send'),
      text: z.string().check(z.maxLength(2_000_000)),
      context: z.array(attachmentSchema),
      images: z.optional(z.array(imageRefSchema)),
    }),
    /** A pasted or dropped image, base64 (the page refuses one over the cap before reading it; the host checks again). */
    z.object({
      type: z.literal('attachImage'),
      id,
      name: z.string().check(z.maxLength(300)),
      mime: z.string().check(z.maxLength(100)),
      data: z.string().check(z.maxLength(28_000_000)),
    }),
    z.object({ type: z.literal('stop') }),
    /** Asks the last question again (after an answer, a stop or an error). */
    z.object({ type: z.literal('regenerate') }),
    /** Replaces an earlier question and asks from there: the turns after it are dropped. */
    z.object({ type: z.literal('editResend'), turnId: id, text: z.string().check(z.maxLength(2_000_000)) }),
    z.object({ type: z.literal('setModel'), model: z.string().check(z.minLength(1), z.maxLength(300)) }),
    /** This conversation's settings as typed (numbers as text): the host checks them again before keeping them. */
    z.object({
      type: z.literal('setSettings'),
      settings: z.object({
        systemPrompt: z.optional(z.string().check(z.maxLength(SYSTEM_PROMPT_MAX_CHARS * 2))),
        temperature: z.optional(z.string().check(z.maxLength(40))),
        maxTokens: z.optional(z.string().check(z.maxLength(40))),
        reasoningEffort: z.optional(z.string().check(z.maxLength(40))),
      }),
    }),
    z.object({ type: z.literal('loadModels'), refresh: z.boolean() }),
    /** `pick`: the Attach menu (open editors, a workspace file, the current file's problems, the terminal's selection); `image`: a file dialog. */
    z.object({ type: z.literal('attach'), what: z.enum(['selection', 'file', 'pick', 'image']) }),
    codeActionMessageSchema,
    z.object({ type: z.literal('copyText'), text: z.string() }),
    z.object({ type: z.literal('openLink'), href: z.string().check(z.maxLength(8192)) }),
    z.object({
      type: z.literal('command'),
      command: z.enum(['newChat', 'history', 'setApiKey', 'selectHub', 'export', 'openInEditor', 'topUp']),
    }),
    z.object({ type: z.literal('switchConversation'), id }),
    /** Compare: the draft (it may be empty: then it is asked for) with its attachments, the chat's model ticked first. */
    z.object({
      type: z.literal('compare'),
      text: z.string().check(z.maxLength(2_000_000)),
      context: z.array(attachmentSchema),
      model: z.optional(z.string().check(z.maxLength(300))),
    }),
    /** The button of a notice (e.g. "Open Damaged File"), by the id the notice carried. */
    z.object({ type: z.literal('noticeAction'), id }),
  ]),
);
export type WebviewMessage = z.infer<typeof webviewMessageSchema>;

// ── host → webview ───────────────────────────────────────────────────────────────────────────────────────────
export const hostMessageSchema = lazySchema(() =>
  z.discriminatedUnion('type', [
    /** The whole picture: sent after `ready` and whenever the conversation is switched or rewritten. */
    z.object({
      type: z.literal('state'),
      conversation: conversationSchema,
      busy: z.boolean(),
      hasKey: z.boolean(),
      hub: z.string(),
      recent: z.array(conversationSummarySchema),
      /** Why this conversation is shown read-only (a newer version's file): said with it, in the panel. */
      readOnly: z.optional(z.string()),
    }),
    z.object({ type: z.literal('turnAdded'), conversationId: id, turn: turnSchema, title: z.string() }),
    /** Text that arrived since the last delta (the host batches tokens). */
    z.object({ type: z.literal('delta'), conversationId: id, turnId: id, text: z.string(), reasoning: z.string() }),
    /** The reply's final form: status, usage, error. */
    z.object({ type: z.literal('turnFinished'), conversationId: id, turn: assistantTurnSchema }),
    z.object({ type: z.literal('busy'), busy: z.boolean() }),
    /** Another model answers this reply (aihub.fallbackModels): the ones that could not, and why. */
    z.object({
      type: z.literal('turnModel'),
      conversationId: id,
      turnId: id,
      model: z.string(),
      fallbacks: z.array(z.object({ model: z.string(), reason: z.string() })),
    }),
    z.object({ type: z.literal('models'), models: z.array(modelOptionSchema), loading: z.boolean(), error: z.optional(z.string()) }),
    z.object({ type: z.literal('modelChanged'), conversationId: id, model: z.string() }),
    /** The conversation's settings were changed (absent: all back to the defaults). */
    z.object({ type: z.literal('settingsChanged'), conversationId: id, settings: z.optional(chatSettingsSchema) }),
    /** `aihub.systemPrompt`, what a conversation without its own system prompt sends. */
    z.object({ type: z.literal('defaultSystemPrompt'), systemPrompt: z.string() }),
    z.object({ type: z.literal('keyState'), hasKey: z.boolean(), hub: z.string() }),
    /** `aihub.defaultModel`, which new chats start with: the model button says when this chat uses another. */
    z.object({ type: z.literal('defaultModel'), model: z.string() }),
    z.object({ type: z.literal('attachment'), attachment: attachmentSchema }),
    /** An image stored and ready to send: `id` of the page's attachImage, or `preview` (a data URL) for one picked in a dialog. */
    z.object({ type: z.literal('imageAttached'), image: imageRefSchema, id: z.optional(id), preview: z.optional(z.string()) }),
    /** Something the user asked for could not be done (no editor to attach from, …), or went wrong on its own. */
    z.object({ type: z.literal('notice'), message: z.string(), action: z.optional(z.object({ id, label: z.string() })) }),
    z.object({ type: z.literal('focusInput') }),
  ]),
);
export type HostMessage = z.infer<typeof hostMessageSchema>;
