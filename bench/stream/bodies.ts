// Pre-built event streams for shapes the hub's scenarios make only small: long tool-call arguments and long
// reasoning. Served byte for byte by the hub's `raw` scenario, so the server does no work per chunk.
import { splitText } from '../../test/hub/scenarios';
import { planStream } from '../../test/hub/streamPlan';

const MODEL = 'bench-model';
const WORDS = 'the quick brown fox jumps over the lazy dog while reading a very long stream of deltas ';

function words(chars: number): string {
  return WORDS.repeat(Math.ceil(chars / WORDS.length)).slice(0, chars);
}

/** Two parallel tool calls whose JSON arguments arrive in 3–7 character pieces, interleaved by index, as the hub sends them. */
export function toolCallBody(chunks: number): string {
  // The hub cuts tool arguments into 5-character pieces on average; two calls share the chunks.
  const perCall = words(Math.round((chunks * 5) / 2) - 40);
  const calls = [
    { name: 'write_file', arguments: { path: 'src/a.ts', content: perCall } },
    { name: 'write_file', arguments: { path: 'src/b.ts', content: perCall } },
  ];
  return planStream({ kind: 'toolCall', calls }, { model: MODEL })
    .map((s) => ('frame' in s ? s.frame : ''))
    .join('');
}

/** A reasoning model's reply: four fifths `reasoning_content` deltas, then the answer's text deltas. */
export function reasoningBody(chunks: number): string {
  const base = { id: 'chatcmpl-local', object: 'chat.completion.chunk', created: 1_763_856_000, model: MODEL };
  const frame = (payload: unknown) => `data: ${JSON.stringify(payload)}\n\n`;
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
    frame({ ...base, choices: [{ index: 0, delta, finish_reason: finish }] });
  const thoughts = splitText(words(Math.round(chunks * 0.8 * 6))).slice(0, Math.round(chunks * 0.8));
  const answer = splitText(words(chunks * 6)).slice(0, chunks - thoughts.length);
  return [
    chunk({ role: 'assistant', content: '' }),
    ...thoughts.map((t) => chunk({ reasoning_content: t })),
    ...answer.map((t) => chunk({ content: t })),
    chunk({}, 'stop'),
    frame({ ...base, choices: [], usage: { prompt_tokens: 17, completion_tokens: chunks, total_tokens: 17 + chunks } }),
    'data: [DONE]\n\n',
  ].join('');
}

/** How many `data:` events a body holds (for the tables). */
export function eventCount(body: string): number {
  let n = 0;
  for (let i = body.indexOf('data:'); i >= 0; i = body.indexOf('data:', i + 5)) n++;
  return n;
}
