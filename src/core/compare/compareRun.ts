// Runs one prompt against several models at once, one column each: at most `limit` requests in flight, each
// column stoppable and retryable on its own, and a rate limit (429) handled per column: that column gives its
// slot up, waits what the hub asked (or a backoff) and tries again, while the other columns carry on.
import * as l10n from '@vscode/l10n';
import type { HubClient } from '../hub/client';
import { backoffMs, sleep } from '../hub/retry';
import type { ChatMessage } from '../hub/types';
import type { AssistantTurn } from '../chat/conversation';
import { resetReply, streamReply } from '../chat/streamReply';
import { ConcurrencyLimit } from './concurrencyLimit';

/** What a column is doing, beyond its reply's status: waiting for a slot, or for a rate limit to pass. */
export type ColumnPhase = 'queued' | 'waiting' | 'streaming' | 'done' | 'stopped' | 'error' | 'interrupted';

export const DEFAULT_COMPARE_CONCURRENCY = 4;
/** Rate-limit rounds a column sits out before it shows the 429 (on top of the client's own retries). */
export const RATE_LIMIT_ROUNDS = 2;
/** With no Retry-After from the hub, a rate-limited column waits this long times 2^round (with jitter). */
const RATE_LIMIT_BASE_MS = 4_000;

export interface CompareRunOptions {
  client: Pick<HubClient, 'streamChat'>;
  messages: ChatMessage[];
  limit?: number;
  rateLimitRounds?: number;
  /** Waits between rate-limit rounds (tests shorten it). */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
  now?: () => number;
  onDelta(columnId: string, delta: { text: string; reasoning: string }): void;
  /** The column's phase changed; `note` says why it waits ("rate-limited (429): trying again in 8 s"). */
  onPhase(columnId: string, phase: ColumnPhase, note?: string): void;
}

interface ColumnState {
  turn: AssistantTurn;
  phase: ColumnPhase;
  abort?: AbortController;
  done?: Promise<void>;
}

export class CompareRun {
  private readonly columns = new Map<string, ColumnState>();
  private readonly slots: ConcurrencyLimit;

  constructor(
    turns: readonly AssistantTurn[],
    private readonly options: CompareRunOptions,
  ) {
    this.slots = new ConcurrencyLimit(options.limit ?? DEFAULT_COMPARE_CONCURRENCY);
    for (const turn of turns) this.columns.set(turn.id, { turn, phase: phaseOf(turn) });
  }

  phase(columnId: string): ColumnPhase | undefined {
    return this.columns.get(columnId)?.phase;
  }

  get busy(): boolean {
    return [...this.columns.values()].some((c) => c.done !== undefined);
  }

  /** Starts every column; resolves when all have finished, failed or been stopped. */
  startAll(): Promise<void> {
    return Promise.all([...this.columns.keys()].map((id) => this.start(id))).then(() => undefined);
  }

  /** (Re)starts one column from an empty reply; resolves when it ends. A running column is left alone. */
  start(columnId: string): Promise<void> {
    const column = this.columns.get(columnId);
    if (!column) return Promise.resolve();
    if (column.done) return column.done;
    const abort = new AbortController();
    column.abort = abort;
    resetReply(column.turn);
    const done = this.run(column, abort.signal).finally(() => {
      column.abort = undefined;
      column.done = undefined;
    });
    column.done = done;
    return done;
  }

  /** Stops one column, or every column; resolves once what was stopped has settled. */
  async stop(columnId?: string): Promise<void> {
    const targets = columnId === undefined ? [...this.columns.values()] : [this.columns.get(columnId)].filter((c) => c !== undefined);
    for (const c of targets) c.abort?.abort();
    await Promise.all(targets.map((c) => c.done));
  }

  private setPhase(column: ColumnState, phase: ColumnPhase, note?: string): void {
    column.phase = phase;
    this.options.onPhase(column.turn.id, phase, note);
  }

  private async run(column: ColumnState, signal: AbortSignal): Promise<void> {
    const rounds = this.options.rateLimitRounds ?? RATE_LIMIT_ROUNDS;
    const wait = this.options.wait ?? sleep;
    for (let round = 0; ; round++) {
      this.setPhase(column, 'queued');
      let release: () => void;
      try {
        release = await this.slots.acquire(signal);
      } catch {
        return this.stopped(column);
      }
      try {
        this.setPhase(column, 'streaming');
        await streamReply({
          client: this.options.client,
          turn: column.turn,
          messages: this.options.messages,
          signal,
          now: this.options.now,
          onDelta: (delta) => this.options.onDelta(column.turn.id, delta),
        });
      } finally {
        release();
      }
      const { turn } = column;
      const rateLimited = turn.status === 'error' && turn.error?.kind === 'rateLimited' && !turn.text && !turn.reasoning;
      if (!rateLimited || round >= rounds) {
        this.setPhase(column, turn.status);
        return;
      }
      // The slot goes to another column while this one waits out its rate limit.
      const ms = turn.error?.retryAfterMs ?? backoffMs(round) * (RATE_LIMIT_BASE_MS / 500);
      this.setPhase(column, 'waiting', l10n.t('rate-limited (429): trying again in {0} s', Math.ceil(ms / 1000)));
      try {
        await wait(ms, signal);
      } catch {
        return this.stopped(column);
      }
      resetReply(turn);
    }
  }

  private stopped(column: ColumnState): void {
    column.turn.status = 'stopped';
    column.turn.error = undefined;
    this.setPhase(column, 'stopped');
  }
}

function phaseOf(turn: AssistantTurn): ColumnPhase {
  return turn.status === 'streaming' ? 'queued' : turn.status;
}
