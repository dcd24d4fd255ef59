// The four ways of reading one streamed reply that the stream benchmarks compare. Each returns what it got,
// so the benchmark can check that every variant read the whole reply.
import OpenAI from 'openai';
import { HubClient } from '../../src/core/hub/client';
import { feedEvents } from './bareParse';

export type VariantName = 'ours' | 'openai' | 'bare' | 'raw';
export const VARIANTS: readonly VariantName[] = ['ours', 'openai', 'bare', 'raw'];

export interface Outcome {
  /** Characters of text + reasoning + tool-call arguments assembled (bytes for `raw`, events for `bare`). */
  size: number;
  /** Events or chunks seen. */
  events: number;
}

export type Reader = () => Promise<Outcome>;

const MODEL = 'bench-model';
const MESSAGES = [{ role: 'user' as const, content: 'Stream the benchmark reply.' }];

export function makeReader(variant: VariantName, baseUrl: string, apiKey: string): Reader {
  switch (variant) {
    case 'ours':
      return ours(baseUrl, apiKey);
    case 'openai':
      return openai(baseUrl, apiKey);
    case 'bare':
      return () => bare(baseUrl, apiKey);
    case 'raw':
      return () => raw(baseUrl, apiKey);
  }
}

/** Our hub client, as the chat panel calls it: validated chunks, events to a callback, the reply assembled. */
function ours(baseUrl: string, apiKey: string): Reader {
  const client = new HubClient({ baseUrl, getApiKey: () => apiKey, maxRetries: 0 });
  return async () => {
    let events = 0;
    const result = await client.streamChat({ model: MODEL, messages: MESSAGES }, { onEvent: () => events++ });
    const args = result.toolCalls.reduce((n, c) => n + c.arguments.length, 0);
    return { size: result.text.length + result.reasoning.length + args, events };
  };
}

/** The official SDK, used the way its README shows: iterate the chunks and concatenate the deltas. */
function openai(baseUrl: string, apiKey: string): Reader {
  const client = new OpenAI({ baseURL: baseUrl, apiKey, maxRetries: 0 });
  return async () => {
    const stream = await client.chat.completions.create({
      model: MODEL,
      messages: MESSAGES,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let reasoning = '';
    const calls: { id?: string; name: string; arguments: string }[] = [];
    let events = 0;
    for await (const chunk of stream) {
      events++;
      const delta = chunk.choices[0]?.delta;
      if (!delta) continue;
      if (delta.content) text += delta.content;
      // Not in the SDK's types: DeepSeek-style hubs send it, and the SDK passes unknown fields through.
      const thought = (delta as { reasoning_content?: string }).reasoning_content;
      if (thought) reasoning += thought;
      for (const call of delta.tool_calls ?? []) {
        const slot = (calls[call.index] ??= { name: '', arguments: '' });
        if (call.id) slot.id = call.id;
        if (call.function?.name) slot.name = call.function.name;
        slot.arguments += call.function?.arguments ?? '';
      }
    }
    return { size: text.length + reasoning.length + calls.reduce((n, c) => n + c.arguments.length, 0), events };
  };
}

function post(baseUrl: string, apiKey: string): Promise<Response> {
  return fetch(`${baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ model: MODEL, messages: MESSAGES, stream: true, stream_options: { include_usage: true } }),
  });
}

/** The practical floor of reading a stream: events split and each JSON.parse'd, nothing checked or kept. */
async function bare(baseUrl: string, apiKey: string): Promise<Outcome> {
  const response = await post(baseUrl, apiKey);
  let events = 0;
  await feedEvents(response, (data) => {
    if (data !== '[DONE]') JSON.parse(data);
    events++;
  });
  return { size: events, events };
}

/** The transport alone: the bytes read and counted, nothing decoded. */
async function raw(baseUrl: string, apiKey: string): Promise<Outcome> {
  const response = await post(baseUrl, apiKey);
  let bytes = 0;
  let reads = 0;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    reads++;
  }
  return { size: bytes, events: reads };
}
