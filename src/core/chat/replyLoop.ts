// One answer streamed into its conversation: the question saved before the request leaves, the answer shown in
// batches as it arrives, each batch journalled before it is shown (so what the person saw survives a crash),
// the conversation saved now and then while it streams and once at the end. The VS Code side supplies only the
// ports (save, show, journal, clock), so this very code runs in unit tests and in the latency benchmark.
import { randomUUID } from 'node:crypto';
import type { HubClient } from '../hub/client';
import type { ChatMessage, ChatRequest, Usage } from '../hub/types';
import { costOf, type ModelPrice } from '../money/price';
import type { AssistantTurn, Conversation } from './conversation';
import { DELTA_INTERVAL_MS, DeltaBatcher, type PendingDelta } from './deltaBatcher';
import { requestMessages } from './requestMessages';
import { fallbackReason, type FallbackStep } from './fallback';
import { resetReply, streamReply } from './streamReply';
import type { ReplyJournal } from './replyJournal';
import { ThrottledSave } from './throttledSave';
import { droppedNote, fitToContext, refusedMessage } from './contextBudget';
import { withSystemPrompt } from './chatSettings';
import { estimateMessagesTokens } from '../prompts/tokenBudget';
import type { ResolvedLimits } from '../models/limits';

/** How often a streaming reply is written whole to disk (the journal keeps each shown piece in between). */
export const SAVE_INTERVAL_MS = 750;

export interface ReplyPorts {
  client: Pick<HubClient, 'streamChat'>;
  /** The hub's host, kept on a failure: after a switch to another hub the panel says whose failure it was. */
  hub?: string;
  /** Writes the conversation; resolves once it is on disk, rejects when it could not be written. */
  save(conversation: Conversation): Promise<void>;
  /** Tells the person a save (or the journal) failed; the answer keeps streaming and stays on screen. */
  saveFailed?(err: unknown): void;
  /** Shows a batch of the answer to the person (every webview). */
  show(delta: PendingDelta): void;
  /** Where each batch is made durable before it is shown; without one, only the throttled saves keep it. */
  journal?: ReplyJournal;
  /** Milliseconds, for the metrics and the batching (default `performance.now`-based wall clock). */
  now?(): number;
  /** The model's published price, for the reply's cost; undefined when the hub publishes none. */
  priceOf?(model: string): ModelPrice | undefined;
  /** The models to try, in order, when this one cannot serve now (aihub.fallbackModels); none by default. */
  fallbacks?(model: string): string[];
  /** A model could not serve (no channel, not found, a 5xx) before any of its reply arrived. */
  onModelFailed?(step: FallbackStep, next: string | undefined): void;
  /** The data URLs of the conversation's images, by hash (read from their files when the request is built). */
  imageUrls?(conversation: Conversation): Promise<ReadonlyMap<string, string>>;
}

export interface ReplyOptions {
  saveIntervalMs?: number;
  deltaIntervalMs?: number;
  /** The model's limits: the conversation is fitted to them (oldest messages left out, or refused) before sending. */
  limits?: ResolvedLimits;
  /** Sent first, before every question; kept when older messages are left out to fit the context. */
  systemPrompt?: string;
  /** The conversation's request settings for the model answering (a fallback model gets its own). */
  parameters?(model: string): Partial<ChatRequest>;
}

/** Per-reply figures for whoever records usage: when it started, when the first words arrived, when it ended. */
export interface ReplyMetrics {
  startedAt: number;
  firstTokenAt?: number;
  endedAt: number;
  /** The model asked for. */
  model: string;
  usage?: Usage;
}

export interface ReplyResult {
  turn: AssistantTurn;
  metrics: ReplyMetrics;
}

export class ReplyLoop {
  readonly turn: AssistantTurn;
  private readonly abortController = new AbortController();
  private readonly batcher: DeltaBatcher;
  private readonly saver: ThrottledSave;
  private readonly now: () => number;
  private messages: ChatMessage[] = [];
  /** Set when the question cannot be sent at all: the reason, shown as the answer's error. */
  private refused: string | undefined;
  /** How much of the answer's text and reasoning has been shown (and journalled). */
  private shownText = 0;
  private shownReasoning = 0;
  private journalFailed = false;
  private interrupted = false;

  constructor(
    readonly conversation: Conversation,
    private readonly ports: ReplyPorts,
    private readonly options: ReplyOptions = {},
  ) {
    this.now = ports.now ?? Date.now;
    this.batcher = new DeltaBatcher((delta) => this.show(delta), options.deltaIntervalMs ?? DELTA_INTERVAL_MS, this.now);
    this.saver = new ThrottledSave(async () => void (await this.save()), options.saveIntervalMs ?? SAVE_INTERVAL_MS, this.now);
    this.turn = { id: randomUUID(), role: 'assistant', model: conversation.model, text: '', status: 'streaming', createdAt: this.now() };
  }

  /** Adds the empty answer and saves: nothing the person typed is lost to a crash once this resolves. */
  async begin(): Promise<void> {
    this.messages = requestMessages(this.conversation.turns, await this.ports.imageUrls?.(this.conversation));
    const { limits: modelLimits, systemPrompt } = this.options;
    if (modelLimits) {
      // The system prompt goes with every request: the conversation fits in what it leaves.
      const reserved = systemPrompt ? estimateMessagesTokens(withSystemPrompt([], systemPrompt)) : 0;
      const limits = { ...modelLimits, maxInputTokens: Math.max(0, modelLimits.maxInputTokens - reserved) };
      const fit = fitToContext(this.messages, limits);
      if (!fit.ok) this.refused = refusedMessage(this.turn.model, fit, limits);
      else {
        this.messages = fit.messages;
        if (fit.droppedMessages > 0) this.turn.contextNote = droppedNote(this.turn.model, fit, limits);
      }
    }
    this.messages = withSystemPrompt(this.messages, systemPrompt);
    this.conversation.turns.push(this.turn);
    this.conversation.updatedAt = this.now();
    // Everything before this answer is in the saved file now: an older journal has nothing left to add.
    if (await this.save()) this.guard(() => this.ports.journal?.reset());
  }

  /** Streams the answer; resolves once its final form is saved. Never rejects (see streamReply). */
  async run(): Promise<ReplyResult> {
    const c = this.conversation;
    const startedAt = this.now();
    let firstTokenAt: number | undefined;
    if (this.refused) {
      this.turn.status = 'error';
      this.turn.error = { message: this.refused, kind: 'tooLarge' };
      this.saver.dispose();
      c.updatedAt = this.now();
      await this.save();
      return { turn: this.turn, metrics: { startedAt, endedAt: this.now(), model: this.turn.model } };
    }
    const turn = this.turn;
    const chain = this.ports.fallbacks?.(turn.model) ?? [];
    const steps: FallbackStep[] = [];
    try {
      for (;;) {
        await streamReply({
          client: this.ports.client,
          turn,
          messages: this.messages,
          parameters: this.options.parameters?.(turn.model),
          signal: this.abortController.signal,
          onDelta: (delta) => {
            firstTokenAt ??= this.now();
            this.batcher.push(c.id, turn.id, delta);
            this.saver.touch();
          },
        });
        const reason = fallbackReason(turn.error, !!(turn.text || turn.reasoning));
        if (!reason) break;
        const next = chain.find((m) => m !== turn.model && !steps.some((s) => s.model === m));
        const step = { model: turn.model, reason };
        this.ports.onModelFailed?.(step, next);
        if (!next || this.abortController.signal.aborted) break;
        // Nothing of the reply had arrived: the next model answers in the same turn, which says who did.
        steps.push(step);
        resetReply(turn);
        turn.model = next;
        turn.fallbacks = [...steps];
      }
    } finally {
      this.batcher.flush();
      this.saver.dispose();
    }
    if (this.turn.error && this.ports.hub) this.turn.error.hub = this.ports.hub;
    if (this.interrupted && this.turn.status === 'stopped') this.turn.status = 'interrupted';
    this.priceReply();
    c.updatedAt = this.now();
    // The journal goes only once the final form is on disk; if that write failed, it still holds what was shown.
    if (await this.save()) this.guard(() => this.ports.journal?.discard());
    return { turn: this.turn, metrics: { startedAt, firstTokenAt, endedAt: this.now(), model: this.turn.model, usage: this.turn.usage } };
  }

  /** A reply the hub billed (answered, or stopped after tokens were counted) gets its cost when it can be known. */
  private priceReply(): void {
    const turn = this.turn;
    if (turn.status === 'error' || (!turn.usage && turn.status !== 'done')) return;
    // new-api bills the model asked for, whatever its mapping served.
    const cost = costOf(turn.usage, this.ports.priceOf?.(turn.model));
    if (cost !== 'unknown') turn.cost = cost;
  }

  private show(delta: PendingDelta): void {
    this.guard(() =>
      this.ports.journal?.append({
        turn: delta.turnId,
        at: this.shownText,
        text: delta.text,
        reasoningAt: this.shownReasoning,
        reasoning: delta.reasoning,
      }),
    );
    this.shownText += delta.text.length;
    this.shownReasoning += delta.reasoning.length;
    this.ports.show(delta);
  }

  /** Resolves true once written; a failure is reported and leaves the answer streaming. */
  private save(): Promise<boolean> {
    return this.ports.save(this.conversation).then(
      () => true,
      (err: unknown) => {
        this.ports.saveFailed?.(err);
        return false;
      },
    );
  }

  /** A journal that cannot be written (disk full) is reported once; the answer is still shown. */
  private guard(write: () => void): void {
    try {
      write();
    } catch (err) {
      if (!this.journalFailed) this.ports.saveFailed?.(err);
      this.journalFailed = true;
    }
  }

  stop(): void {
    this.abortController.abort();
  }

  /** Ends the answer because the extension is going away (a reload, a window closing), not because of a Stop. */
  interrupt(): void {
    this.interrupted = true;
    this.abortController.abort();
  }

  /** Sends what is gathered for the webviews now (a webview reloaded: it must not see a piece twice). */
  flushShown(): void {
    this.batcher.flush();
  }

  /** Writes what streamed so far now (the extension is being deactivated). */
  async flushSaved(): Promise<void> {
    await this.saver.flush();
  }
}
