// Reads a hub's server-sent event stream (eventsource-parser) into events and the assembled reply, telling a
// finished reply from one cut short or failed.
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import * as z from 'zod/mini';
import type { StreamAssembler } from './streamAssembler';
import type { Logger } from '../logger';
import { ChunkDecoder } from './chunkDecoder';
import { HubError } from './errors';
import { hubText, isErrorShaped, readErrorJson, type HubWords } from './errorWords';
import type { IdleWatchdog } from './idleWatchdog';
import type { ChatResult } from './replies';
import { chunkSchema, type Chunk } from './schemas';
import { isCommonChunk } from './chunkGuard';
import type { ChatEvent } from './types';
import * as l10n from '@vscode/l10n';

/** A single event larger than this is refused: no real chunk comes near it, and it would have to be buffered whole. */
const MAX_EVENT_CHARS = 8 * 1024 * 1024;

/** Finish reasons that mean the generation failed: OpenRouter's and vLLM's `error`, vLLM's and SGLang's `abort`. */
const FAILED_FINISH = new Set(['error', 'abort']);

export interface EventStreamOptions {
  watchdog: IdleWatchdog;
  assembler: StreamAssembler;
  onEvent?: (event: ChatEvent) => void;
  model: string;
  logger: Logger;
  maxReplyChars: number;
}

export async function readEventStream(response: Response, options: EventStreamOptions): Promise<ChatResult> {
  const { watchdog, assembler, onEvent, model, logger, maxReplyChars } = options;
  const decoder = new ChunkDecoder();
  let skippedChunks = 0;
  let done = false;
  const emit = (event: ChatEvent) => {
    assembler.add(event);
    onEvent?.(event);
  };
  const failed = (words: HubWords | undefined, finishReason?: string) => streamFailure(words, finishReason, assembler);
  const onMessage = (message: EventSourceMessage) => {
    if (done) return;
    const data = message.data;
    if (data === '[DONE]') {
      done = true;
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      // Anthropic-style proxies and others name the event, and may send plain text with it.
      if (message.event === 'error') throw failed({ text: hubText(data) || undefined });
      skippedChunks++;
      logger.warn(`stream: skipped a chunk that is not JSON: ${JSON.stringify(data.slice(0, 120))}`);
      return;
    }
    if (message.event === 'error') throw failed(readErrorJson(json));
    // The common shape passes a hand-written guard; zod decides (and words the warning) for anything else.
    let chunk: Chunk;
    if (isCommonChunk(json)) chunk = json;
    else {
      const parsed = z.safeParse(chunkSchema, json);
      if (!parsed.success) {
        if (isErrorShaped(json)) throw failed(readErrorJson(json));
        skippedChunks++;
        logger.warn(`stream: skipped a chunk of unexpected shape: ${parsed.error.issues[0]?.message ?? ''}`);
        return;
      }
      chunk = parsed.data;
    }
    const choice = chunk.choices?.[0];
    // Off the common path: only a chunk without a choice, with a finish reason or with an error member can be a
    // failure (new-api's relay error has `choices: []`, OpenRouter's a choice with `finish_reason: "error"`). The
    // error member is read from the event itself: hubs put any shape there, `null` included, and leaving it out of
    // the schema keeps validation at its fastest.
    if (choice === undefined || choice.finish_reason != null || (json as { error?: unknown }).error != null) {
      const finish = choice?.finish_reason ?? undefined;
      if (isErrorShaped(json) || (finish !== undefined && FAILED_FINISH.has(finish))) throw failed(readErrorJson(json), finish);
    }
    decoder.decode(chunk, emit);
    if (assembler.textLength > maxReplyChars) {
      throw new HubError({
        kind: 'tooLarge',
        message: l10n.t('The reply passed {0} million characters and was stopped. What arrived is kept.', Math.round(maxReplyChars / 1e6)),
      });
    }
  };
  const parser = createParser({
    onEvent: onMessage,
    onError: (err) => {
      if (err.type === 'max-buffer-size-exceeded') {
        throw new HubError({
          kind: 'tooLarge',
          message: l10n.t('The hub sent a single stream event larger than 8 MB; the reply was stopped. What arrived is kept.'),
        });
      }
      logger.warn(`stream: ${err.message}`);
    },
    maxBufferSize: MAX_EVENT_CHARS,
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const text = new TextDecoder();
  let ended = false;
  try {
    while (!done) {
      let read: Awaited<ReturnType<typeof reader.read>>;
      try {
        read = await reader.read();
      } catch (err) {
        // A cancel or the idle timeout: the client says which. Anything else broke a connection that was working.
        if (watchdog.signal.aborted) throw err;
        throw cutShort(assembler, err);
      }
      if (read.done) {
        // A last event without its blank line, or without any line end, is still an event (openai-node flushes
        // its decoder at the end of the body too).
        ended = true;
        parser.feed(`${text.decode()}\n\n`);
        break;
      }
      watchdog.touch();
      parser.feed(text.decode(read.value, { stream: true }));
    }
  } catch (err) {
    // The reason given spares fetch building an AbortError of its own; the hub sees the connection close.
    reader.cancel(err).catch(() => undefined);
    throw err;
  } finally {
    // Text held back as a possible <think> tag is kept whatever ended the reply.
    decoder.flush(emit);
  }
  if (!ended) readToEnd(reader);
  if (!done && !decoder.sawFinish) throw cutShort(assembler);
  if (!decoder.sawFinish) {
    assembler.markPossiblyTruncated();
    logger.warn(`stream: ${model} ended without a finish reason; the reply may be cut short`);
  }
  return { ...assembler.snapshot(), skippedChunks, servedModel: decoder.servedModel, requestId: decoder.completionId };
}

/** How long a hub may take to end the body after [DONE] before its connection is closed. */
const END_AFTER_DONE_MS = 2_000;
const BODY_NOT_ENDED = new Error('the hub did not end the body after [DONE]');

/**
 * After [DONE], in the background: hubs end the body a moment later, and reading up to that end lets fetch keep the
 * connection for the next request, where cancelling at once closed it whenever the end had not arrived yet (a new
 * connection, over TLS a new handshake, for the next request). A hub that keeps the body open is cut off.
 */
function readToEnd(reader: ReadableStreamDefaultReader<Uint8Array>): void {
  const timer = setTimeout(() => void reader.cancel(BODY_NOT_ENDED).catch(() => undefined), END_AFTER_DONE_MS);
  // A pending timer must not keep a Node process (tests, CLI) alive.
  (timer as { unref?: () => void }).unref?.();
  const next = (): Promise<void> => reader.read().then(({ done }) => (done ? clearTimeout(timer) : next()));
  next().catch(() => clearTimeout(timer));
}

/** The body ended, or its connection broke, before the reply was finished: the hub was reached, so never "unreachable". */
function cutShort(assembler: StreamAssembler, cause?: unknown): HubError {
  const got = assembler.textLength;
  return new HubError({
    kind: 'brokenStream',
    cause,
    message: l10n.t(
      'The connection to the hub closed before the reply was finished{0}. What arrived is kept; retry to get the rest.',
      got ? ` ${l10n.t('(after {0} characters)', got)}` : '',
    ),
  });
}

/** An error the hub reported inside a 200 stream, in its own words. */
function streamFailure(words: HubWords | undefined, finishReason: string | undefined, assembler: StreamAssembler): HubError {
  const { code, text } = words ?? {};
  const said = text ? `: ${text}` : finishReason ? ` ${l10n.t('(finish reason "{0}")', finishReason)}` : '';
  const started = assembler.textLength > 0 || assembler.hasToolCalls;
  return new HubError({
    kind: 'brokenStream',
    code,
    hubMessage: text,
    message: started
      ? l10n.t(
          'The hub reported an error in the middle of the reply{0}{1}. What arrived is kept; retry, or try another model.',
          said,
          code ? ` (${code})` : '',
        )
      : l10n.t('The hub answered with an error{0}{1}. Retry, or try another model.', said, code ? ` (${code})` : ''),
  });
}
