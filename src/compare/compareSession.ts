// One comparison on the extension side: its columns streaming through a CompareRun, saved as they stream (a
// crash loses at most a moment of what was shown), and the tab showing it told of every change. The webview
// only renders; stop, retry and continue all happen here.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { AssistantTurn, Conversation } from '../core/chat/conversation';
import { fallbackReason } from '../core/chat/fallback';
import { DELTA_INTERVAL_MS, DeltaBatcher } from '../core/chat/deltaBatcher';
import { requestMessages } from '../core/chat/requestMessages';
import { ThrottledSave } from '../core/chat/throttledSave';
import { CompareRun, type ColumnPhase } from '../core/compare/compareRun';
import { columnsOf, continuedConversation, questionOf } from '../core/compare/comparison';
import { costLabel } from '../core/compare/metrics';
import { Commands } from '../ids';
import type { Services } from '../services';
import type { ColumnView, CompareHostMessage } from '../shared/compareProtocol';

const SAVE_INTERVAL_MS = 750;
/** At most this many of a comparison's requests at once: a hub's per-key concurrency limit is often low. */
export const COMPARE_CONCURRENCY = 3;

export class CompareSession implements vscode.Disposable {
  private readonly run: CompareRun;
  private readonly notes = new Map<string, string | undefined>();
  private readonly deltas: DeltaBatcher;
  private readonly saver: ThrottledSave;
  private post: (message: CompareHostMessage) => void = () => undefined;
  private disposed = false;

  constructor(
    private readonly services: Services,
    readonly comparison: Conversation,
  ) {
    const question = questionOf(comparison);
    this.deltas = new DeltaBatcher(
      (d) => this.post({ type: 'delta', columnId: d.turnId, text: d.text, reasoning: d.reasoning }),
      DELTA_INTERVAL_MS,
      {
        concurrent: true,
      },
    );
    this.saver = new ThrottledSave(() => this.save(), SAVE_INTERVAL_MS);
    this.run = new CompareRun(columnsOf(comparison), {
      client: services.usage.client('compare'),
      messages: question ? requestMessages([question]) : [],
      limit: COMPARE_CONCURRENCY,
      onDelta: (columnId, delta) => {
        this.deltas.push(comparison.id, columnId, delta);
        this.saver.touch();
      },
      onPhase: (columnId, phase, note) => this.phaseChanged(columnId, phase, note),
    });
  }

  get id(): string {
    return this.comparison.id;
  }

  get busy(): boolean {
    return this.run.busy;
  }

  /** Where messages for the tab go (set once its page is ready). */
  attach(post: (message: CompareHostMessage) => void): void {
    this.post = post;
  }

  state(): CompareHostMessage {
    this.deltas.flush();
    return { type: 'state', comparison: this.comparison, columns: columnsOf(this.comparison).map((t) => this.view(t)) };
  }

  /** Saves the comparison, then sends the question to every model; resolves when all columns have ended. */
  async start(): Promise<void> {
    await this.save();
    await this.run.startAll();
  }

  stop(columnId?: string): Promise<void> {
    return this.run.stop(columnId);
  }

  async retry(columnId: string): Promise<void> {
    if (this.disposed) return;
    const done = this.run.start(columnId);
    this.post(this.state());
    await done;
  }

  /** "Continue with this one": the question and this answer become a chat, shown in the chat view. */
  async continueWith(columnId: string): Promise<string | undefined> {
    const chat = continuedConversation(this.comparison, columnId, randomUUID, Date.now());
    if (!chat) return undefined;
    await this.services.conversations.save(chat);
    await vscode.commands.executeCommand(Commands.chatOpen, chat.id);
    return chat.id;
  }

  columnByModel(model: string): AssistantTurn | undefined {
    return columnsOf(this.comparison).find((t) => t.model === model);
  }

  view(turn: AssistantTurn): ColumnView {
    const phase = this.run.phase(turn.id) ?? (turn.status === 'streaming' ? 'queued' : turn.status);
    const note = this.notes.get(turn.id);
    return { id: turn.id, phase, ...(note ? { note } : {}), cost: costLabel(turn, this.services.models.priceOf(turn.model)) };
  }

  /** Closing the tab: every request still running is aborted (the hub sees its connection close). */
  dispose(): void {
    this.disposed = true;
    this.post = () => undefined;
    void this.run.stop().finally(() => {
      this.deltas.dispose();
      this.saver.dispose();
    });
  }

  private phaseChanged(columnId: string, phase: ColumnPhase, note: string | undefined): void {
    this.notes.set(columnId, note);
    const turn = columnsOf(this.comparison).find((t) => t.id === columnId);
    if (!turn) return;
    const settled = phase !== 'queued' && phase !== 'waiting' && phase !== 'streaming';
    if (settled) {
      this.deltas.flush();
      if (turn.status === 'error') this.services.log.warn(`compare: ${turn.model}: ${turn.error?.message ?? 'failed'}`);
      const failed = fallbackReason(turn.error, !!(turn.text || turn.reasoning));
      if (failed) this.services.models.recordFailure(turn.model, failed);
      else if (turn.status === 'done') this.services.models.recordSuccess(turn.model);
      this.comparison.updatedAt = Date.now();
      void this.save();
    }
    this.post({ type: 'column', column: this.view(turn), ...(settled ? { turn: { ...turn } } : {}) });
  }

  private async save(): Promise<void> {
    try {
      await this.services.conversations.save(this.comparison);
    } catch (err) {
      this.post({
        type: 'notice',
        message: vscode.l10n.t('The comparison could not be saved: {0}', err instanceof Error ? err.message : String(err)),
      });
    }
  }
}
