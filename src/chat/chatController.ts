// The chat's state on the extension side: the current conversation, the reply streaming into it, and every
// webview showing it (the sidebar view and any editor tab get the same messages). The webviews only render;
// everything that changes a conversation happens here and is saved before anyone is told.
import { hubHost } from '../core/hubs/hubUrl';
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { newConversation, type Attachment, type Conversation, type UserTurn } from '../core/chat/conversation';
import type { ImageRef } from '../core/chat/chatImages';
import type { ConversationStore } from '../core/chat/conversationStore';
import { fallbackNotice } from '../core/chat/fallback';
import type { ReplyLoop } from '../core/chat/replyLoop';
import { withDerivedTitle } from '../core/chat/title';
import type { HostMessage } from '../shared/chatProtocol';
import type { Services } from '../services';
import { ConversationHistory } from './conversationHistory';
import { DamagedConversations } from './damagedConversations';
import { chatReplyLoop } from './chatReplyLoop';

const CURRENT_KEY = 'aihub.chat.currentConversation';

export interface ChatSurface {
  /** Whether a page took the message (not one still loading, nor a surface that is no page). */
  post(message: HostMessage): boolean;
}

interface Running {
  loop: ReplyLoop;
  done: Promise<void>;
}

export interface AskInput {
  text: string;
  display?: string;
  context?: Attachment[];
  images?: ImageRef[];
}

export class ChatController implements vscode.Disposable {
  private conversation: Conversation;
  private running: Running | undefined;
  private readonly surfaces = new Set<ChatSurface>();
  private focusWanted = false;
  readonly damaged: DamagedConversations;
  /** Switching, renaming, pinning and deleting conversations of the history. */
  readonly history = new ConversationHistory(this);
  readonly ready: Promise<void>;

  constructor(
    readonly services: Services,
    readonly store: ConversationStore,
  ) {
    this.conversation = this.blank();
    this.damaged = new DamagedConversations(store, services.context.globalState, services.log);
    this.ready = this.restore();
  }

  get current(): Conversation {
    return this.conversation;
  }

  get busy(): boolean {
    return this.running !== undefined;
  }

  connect(surface: ChatSurface): vscode.Disposable {
    this.surfaces.add(surface);
    return new vscode.Disposable(() => this.surfaces.delete(surface));
  }

  /**
   * Everything a freshly loaded webview needs. Pending pieces of the answer go out first, right before the
   * conversation is read, so none is shown twice and none is missing.
   */
  async stateFor(): Promise<HostMessage> {
    await this.ready;
    const recent = (await this.store.list().catch(() => [])).slice(0, 20);
    const hasKey = await this.services.hub.hasKey();
    this.running?.loop.flushShown();
    const c = this.conversation;
    const readOnly = this.store.readOnlyReason(c.id);
    return {
      type: 'state',
      conversation: c,
      busy: this.busy,
      hasKey,
      hub: hubHost(this.services.hub.baseUrl),
      recent,
      ...(readOnly ? { readOnly } : {}),
    };
  }

  broadcast(message: HostMessage): void {
    for (const surface of this.surfaces) surface.post(message);
  }

  /** The cursor in the chat's input: at once where a page shows, else in the next page to load (Open Chat reveals a
   *  view whose page is not there yet, and a request sent before it was would be lost). */
  focusInput(): void {
    let taken = false;
    for (const surface of this.surfaces) taken = surface.post({ type: 'focusInput' }) || taken;
    this.focusWanted = !taken;
  }

  /** Whether a page that has just loaded is to take the input's focus (asked for while none was showing). */
  takeFocusRequest(): boolean {
    const wanted = this.focusWanted;
    this.focusWanted = false;
    return wanted;
  }

  async broadcastState(): Promise<void> {
    const state = await this.stateFor();
    this.broadcast(state);
  }

  /** A new user turn in the current conversation; resolves once it is saved and its request has started. */
  async ask(input: AskInput): Promise<{ conversationId: string; turnId: string }> {
    await this.ready;
    if (this.running) await this.stop();
    const readOnly = this.store.readOnlyReason(this.conversation.id);
    if (readOnly) {
      // Never written to: the question goes to a new chat instead, so nothing typed is lost either.
      await this.showBlank();
      this.broadcast({
        type: 'notice',
        message: vscode.l10n.t('The conversation you were in is read-only, so your question started a new chat.'),
      });
    }
    const turn: UserTurn = { id: randomUUID(), role: 'user', text: input.text, createdAt: Date.now() };
    if (input.display && input.display !== input.text) turn.display = input.display;
    if (input.context?.length) turn.context = input.context;
    if (input.images?.length) turn.images = input.images;
    const c = this.conversation;
    c.turns.push(turn);
    this.retitle(c);
    this.broadcast({ type: 'turnAdded', conversationId: c.id, turn, title: c.title });
    return this.reply(c);
  }

  /** Asks the last question again: drops every answer after it. */
  async regenerate(): Promise<void> {
    await this.ready;
    if (this.running) await this.stop();
    const c = this.conversation;
    if (this.refuseReadOnly(c)) return;
    const last = c.turns.findLastIndex((t) => t.role === 'user');
    if (last < 0) return;
    c.turns.splice(last + 1);
    await this.broadcastState();
    await this.reply(c);
  }

  async editAndResend(turnId: string, text: string): Promise<void> {
    await this.ready;
    if (this.running) await this.stop();
    const c = this.conversation;
    if (this.refuseReadOnly(c)) return;
    const index = c.turns.findIndex((t) => t.id === turnId && t.role === 'user');
    if (index < 0 || !text.trim()) return;
    const turn = c.turns[index] as UserTurn;
    c.turns.splice(index + 1);
    c.turns[index] = { ...turn, text, display: undefined, createdAt: Date.now() };
    this.retitle(c);
    await this.broadcastState();
    await this.reply(c);
  }

  async stop(): Promise<void> {
    const running = this.running;
    if (!running) return;
    running.loop.stop();
    await running.done;
  }

  async setModel(model: string): Promise<void> {
    await this.ready;
    const c = this.conversation;
    if (c.model === model || this.refuseReadOnly(c)) return;
    c.model = model;
    if (c.turns.length > 0) {
      c.updatedAt = Date.now();
      await this.save(c);
    }
    this.broadcast({ type: 'modelChanged', conversationId: c.id, model });
  }

  /** Follows a new default model while the conversation has no turns yet (nothing was asked of the old one). */
  adoptDefaultModel(model: string): void {
    if (this.conversation.turns.length > 0 || !model || this.conversation.model === model) return;
    this.conversation.model = model;
    this.broadcast({ type: 'modelChanged', conversationId: this.conversation.id, model });
  }

  async newChat(): Promise<void> {
    await this.ready;
    if (this.conversation.turns.length === 0) return this.broadcastState();
    await this.showBlank();
  }

  /** Says, in the panel, why a newer version's conversation is not changed; true when it is one. */
  refuseReadOnly(c: Conversation): boolean {
    const reason = this.store.readOnlyReason(c.id);
    if (reason) this.broadcast({ type: 'notice', message: reason });
    return reason !== undefined;
  }

  /** The conversation in memory (on screen, or an answer streaming into it): never re-read from its file. */
  live(id: string): Conversation | undefined {
    if (id === this.conversation.id) return this.conversation;
    return this.running?.loop.conversation.id === id ? this.running.loop.conversation : undefined;
  }

  /** Writes what is still in memory: the reply streaming now, and every save in flight (deactivation). */
  async flush(): Promise<void> {
    await this.running?.loop.flushSaved();
    await this.store.flush();
  }

  dispose(): void {
    this.running?.loop.interrupt();
    this.surfaces.clear();
  }

  /** Stops the answer streaming into this conversation, if one is. */
  async stopAnswering(id: string): Promise<void> {
    if (this.running?.loop.conversation.id === id) await this.stop();
  }

  /** Shows an empty conversation (nothing is saved until something is asked in it). */
  showBlank(): Promise<void> {
    return this.show(this.blank());
  }

  async show(c: Conversation): Promise<void> {
    this.conversation = c;
    await this.services.context.globalState.update(CURRENT_KEY, c.id);
    await this.broadcastState();
  }

  private async reply(c: Conversation): Promise<{ conversationId: string; turnId: string }> {
    const loop = chatReplyLoop(this.services, this.store, c, {
      broadcast: (message) => this.broadcast(message),
      saveFailed: (err) => this.saveFailed(err),
    });
    // The question is on disk before the request leaves: nothing the user typed is lost to a crash.
    await loop.begin();
    const turn = loop.turn;
    if (c === this.conversation && this.services.context.globalState.get(CURRENT_KEY) !== c.id) {
      await this.services.context.globalState.update(CURRENT_KEY, c.id);
    }
    this.broadcast({ type: 'turnAdded', conversationId: c.id, turn: { ...turn }, title: c.title });
    this.broadcast({ type: 'busy', busy: true });
    const done = loop.run().then(() => {
      if (turn.status === 'error') this.services.log.warn(`chat: ${turn.model}: ${turn.error?.message ?? 'failed'}`);
      else this.services.models.recordSuccess(turn.model);
      if (turn.fallbacks?.length && turn.status !== 'error') this.services.log.info(`chat: ${fallbackNotice(turn.fallbacks, turn.model)}`);
      this.running = undefined;
      this.broadcast({ type: 'turnFinished', conversationId: c.id, turn: { ...turn } });
      this.broadcast({ type: 'busy', busy: false });
    });
    this.running = { loop, done };
    return { conversationId: c.id, turnId: turn.id };
  }

  /** Writes the conversation; a failure is told in the panel, and the conversation stays on screen. */
  async save(c: Conversation): Promise<void> {
    await this.store.save(c).catch((err: unknown) => this.saveFailed(err));
  }

  /** Logged by the store; the user is told, and the conversation stays on screen. */
  private saveFailed(err: unknown): void {
    this.broadcast({
      type: 'notice',
      message: vscode.l10n.t('The conversation could not be saved: {0}', err instanceof Error ? err.message : String(err)),
    });
  }

  private retitle(c: Conversation): void {
    const titled = withDerivedTitle(c);
    c.title = titled.title;
    c.updatedAt = Date.now();
  }

  private blank(): Conversation {
    return newConversation(randomUUID(), this.services.config.current.defaultModel, Date.now());
  }

  private async restore(): Promise<void> {
    const id = this.services.context.globalState.get<string>(CURRENT_KEY);
    const opened = id ? await this.store.open(id).catch(() => undefined) : undefined;
    if (opened?.kind === 'ok') this.conversation = opened.conversation;
    // Only files changed since the history index was written are read (a crash, another window, a damaged file).
    const { damaged } = await this.store.verify().catch(() => ({ damaged: [] }));
    const recovered = await this.damaged.handle(damaged, id, this.services.config.current.defaultModel);
    if (recovered) {
      this.conversation = recovered;
      await this.services.context.globalState.update(CURRENT_KEY, recovered.id);
    }
  }
}
