// The reference every stream variant is compared with: the bytes split into events by eventsource-parser,
// each event's data handed on, nothing decoded, checked or kept.
import { createParser } from 'eventsource-parser';

export async function feedEvents(response: Response, onData: (data: string) => void): Promise<void> {
  const parser = createParser({ onEvent: (m) => onData(m.data) });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
}
