// The one place every surface's reply is measured: wraps a client's `streamChat`, watches its events for the
// first piece of the answer, and hands one record to `write` when the reply ends, however it ends. The reply
// itself is untouched: the same events, the same result, the same error; a failing `write` or cost lookup is
// swallowed (a usage line is never worth a lost answer), and `write` must only queue (it runs on the reply's path).
import type { ChatResult, HubClient, StreamOptions } from '../hub/client';
import { isHubError } from '../hub/errors';
import type { ChatRequest, Usage } from '../hub/types';
import type { UsageRecord, UsageSurface } from './record';

export type StreamingClient = Pick<HubClient, 'streamChat'>;

export interface ReplyCost {
  cost: number;
  currency: string;
}

export interface MeterOptions {
  surface: UsageSurface;
  hub: string;
  write(record: UsageRecord): void;
  /** The reply's cost from the hub's prices (or its own report); undefined when unknown. */
  costOf?(reply: { model: string; servedModel: string | null; usage: Usage | undefined }): ReplyCost | undefined;
  /** Wall clock for the record's time; monotonic clock for durations. Tests pin them. */
  clock?: () => number;
  monotonic?: () => number;
  onWriteError?(err: unknown): void;
}

export function meterStream(client: StreamingClient, options: MeterOptions): StreamingClient {
  return {
    streamChat: async (request: ChatRequest, streamOptions: StreamOptions = {}): Promise<ChatResult> => {
      const monotonic = options.monotonic ?? (() => performance.now());
      const time = (options.clock ?? Date.now)();
      const started = monotonic();
      let firstTokenMs: number | null = null;
      const onEvent = streamOptions.onEvent;
      const watched: StreamOptions = {
        ...streamOptions,
        onEvent: (event) => {
          if (firstTokenMs === null && (event.type === 'text' || event.type === 'reasoning' || event.type === 'toolCallDelta'))
            firstTokenMs = monotonic() - started;
          onEvent?.(event);
        },
      };
      const fallbackFrom = streamOptions.fallbackFrom?.length
        ? streamOptions.fallbackFrom.map(({ model, reason }) => ({ model, reason }))
        : undefined;
      const finish = (
        outcome: UsageRecord['outcome'],
        reply: Pick<ChatResult, 'usage' | 'servedModel'> | undefined,
        errorKind: string | null,
      ) => {
        try {
          const durationMs = monotonic() - started;
          options.write(buildRecord({ options, request, time, durationMs, firstTokenMs, outcome, reply, errorKind, fallbackFrom }));
        } catch (err) {
          options.onWriteError?.(err);
        }
      };
      let result: ChatResult;
      try {
        result = await client.streamChat(request, watched);
      } catch (err) {
        const cancelled = isHubError(err) && err.kind === 'cancelled';
        finish(cancelled ? 'stopped' : 'error', isHubError(err) ? err.partial : undefined, cancelled ? null : errorKindOf(err));
        throw err;
      }
      finish('done', result, null);
      return result;
    },
  };
}

interface RecordInput {
  options: MeterOptions;
  request: ChatRequest;
  time: number;
  durationMs: number;
  firstTokenMs: number | null;
  outcome: UsageRecord['outcome'];
  reply: Pick<ChatResult, 'usage' | 'servedModel'> | undefined;
  errorKind: string | null;
  fallbackFrom: UsageRecord['fallbackFrom'];
}

function buildRecord(input: RecordInput): UsageRecord {
  const { options } = input;
  const usage: Usage | undefined = input.reply?.usage;
  const servedModel = input.reply?.servedModel ?? null;
  const priced = options.costOf?.({ model: input.request.model, servedModel, usage });
  return {
    v: 1,
    time: new Date(input.time).toISOString(),
    surface: options.surface,
    hub: options.hub,
    model: input.request.model,
    servedModel,
    inputTokens: usage ? usage.promptTokens : null,
    outputTokens: usage ? usage.completionTokens : null,
    // Absent means the hub did not say: unknown, not zero.
    cachedTokens: usage?.cachedTokens ?? null,
    reasoningTokens: usage?.reasoningTokens ?? null,
    cost: priced && Number.isFinite(priced.cost) && priced.cost >= 0 ? priced.cost : null,
    currency: priced && Number.isFinite(priced.cost) && priced.cost >= 0 ? priced.currency : null,
    durationMs: round(input.durationMs),
    firstTokenMs: input.firstTokenMs === null ? null : round(input.firstTokenMs),
    outcome: input.outcome,
    errorKind: input.errorKind,
    ...(input.fallbackFrom ? { fallbackFrom: input.fallbackFrom } : {}),
  };
}

function errorKindOf(err: unknown): string {
  return isHubError(err) ? err.kind : 'unexpected';
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
