// Reads a hub's server-sent event stream (eventsource-parser) into events and the assembled reply, telling a
// finished reply from one cut short.
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import * as z from 'zod/mini';
import type { StreamAssembler } from './streamAssembler';
import type { Logger } from '../logger';
import { ChunkDecoder } from './chunkDecoder';
import { HubError, readErrorBody } from './errors';
import type { IdleWatchdog } from './idleWatchdog';
import type { ChatResult } from './replies';
import { chunkSchema } from './schemas';
import type { ChatEvent } from './types';

/** A single event larger than this is refused: no real chunk comes near it, and it would have to be buffered whole. */
const MAX_EVENT_CHARS = 8 * 1024 * 1024;

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
      skippedChunks++;
      logger.warn(`stream: skipped a chunk that is not JSON: ${JSON.stringify(data.slice(0, 120))}`);
      return;
    }
    const parsed = z.safeParse(chunkSchema, json);
    if (!parsed.success) {
      skippedChunks++;
      logger.warn(`stream: skipped a chunk of unexpected shape: ${parsed.error.issues[0]?.message ?? ''}`);
      return;
    }
    if (parsed.data.error !== undefined) {
      const { code, text } = readErrorBody(JSON.stringify({ error: parsed.data.error }));
      throw new HubError({
        kind: 'brokenStream',
        code,
        hubMessage: text,
        message: `The hub reported an error in the middle of the reply${text ? `: ${text}` : ''}${code ? ` (${code})` : ''}. What arrived is kept; retry, or try another model.`,
      });
    }
    decoder.decode(parsed.data, emit);
    if (assembler.textLength > maxReplyChars) {
      throw new HubError({
        kind: 'tooLarge',
        message: `The reply passed ${Math.round(maxReplyChars / 1e6)} million characters and was stopped. What arrived is kept.`,
      });
    }
  };
  const parser = createParser({
    onEvent: onMessage,
    onError: (err) => {
      if (err.type === 'max-buffer-size-exceeded') {
        throw new HubError({
          kind: 'tooLarge',
          message: 'The hub sent a single stream event larger than 8 MB; the reply was stopped. What arrived is kept.',
        });
      }
      logger.warn(`stream: ${err.message}`);
    },
    maxBufferSize: MAX_EVENT_CHARS,
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const text = new TextDecoder();
  try {
    while (!done) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      watchdog.touch();
      parser.feed(text.decode(value, { stream: true }));
    }
  } finally {
    // Release the connection (a hub may keep it open after [DONE]).
    reader.cancel().catch(() => undefined);
  }
  if (!done && !decoder.sawFinish) {
    const got = assembler.textLength;
    throw new HubError({
      kind: 'brokenStream',
      message: `The connection to the hub closed before the reply was finished${got ? ` (after ${got} characters)` : ''}. What arrived is kept; retry to get the rest.`,
    });
  }
  if (!decoder.sawFinish) {
    assembler.markPossiblyTruncated();
    logger.warn(`stream: ${model} ended without a finish reason; the reply may be cut short`);
  }
  return { ...assembler.snapshot(), skippedChunks };
}
