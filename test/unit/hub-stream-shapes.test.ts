// Streams as servers and gateways really shape them (issue 14, items 4, 6 and 7), against the local hub over HTTP.
//
// What was found, and where (the frames themselves are in test/hub/shapes.ts):
// | class                | member                                       | source                                    |
// |----------------------|----------------------------------------------|-------------------------------------------|
// | end of the stream    | last event without its blank line / newline   | openai-node flushes its line decoder at  |
// |                      | (`[DONE]\n`, `[DONE]`, finish chunk, lone CR) | the end of the body; Go proxies, SSE spec |
// | tool-call pieces     | every call at index 0, each a new id          | new-api#2701, Gemini's OpenAI endpoint    |
// |                      | no index on any piece                         | Cloudflare Workers AI, Kimi (pxpipe#264)  |
// |                      | a new id minted for every piece               | mlx-openai-server#216                     |
// |                      | two entries with one index in one chunk       | vLLM spec. decoding, openai-python#3201   |
// | reasoning in content | <think> (DeepSeek-R1 distills, QwQ, Qwen3,    | vLLM reasoning parsers (deepseek_r1,      |
// |                      | GLM, MiniMax), <thinking>, <seed:think>,      | qwen3, glm45, seed_oss, mistral, kimi)    |
// |                      | [THINK] (Magistral), ◁think▷ (Kimi-VL)        |                                           |
// Not handled, on purpose: a reply whose opening tag was in the prompt (only `</think>` in the content). Telling
// it apart needs the whole reply, and the answer would have to wait for it.
import * as assert from 'node:assert/strict';
import { splitThinking, ThinkTagSplitter } from '../../src/core/hub/thinkTags';
import type { ChatEvent, ChatRequest } from '../../src/core/hub/types';
import { THINK_TAGS, THOUGHT, type OpenEnding, type ThinkTag, type ToolCallShape } from '../hub/shapes';
import type { Scenario } from '../hub/scenarios';
import { useLocalHubClient } from './localHubClient';

const KEY = 'sk-unit-shapes-key';

describe('stream shapes from gateways and servers', () => {
  const local = useLocalHubClient(KEY);
  const request = (text = 'Answer me'): ChatRequest => ({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
  async function stream(scenario: Scenario, req = request()) {
    local.hub.enqueue(scenario);
    const events: ChatEvent[] = [];
    const result = await local.client.streamChat(req, { onEvent: (e) => events.push(e) });
    const joined = (type: 'text' | 'reasoning') => events.flatMap((e) => (e.type === type ? [e.text] : [])).join('');
    return { result, events, text: joined('text'), reasoning: joined('reasoning') };
  }

  describe('the end of a stream (item 4)', () => {
    const endings: OpenEnding[] = ['doneNoBlankLine', 'doneNoNewline', 'finishNoNewline', 'finishCarriageReturn'];
    for (const ending of endings) {
      it(`${ending}: the last event is still delivered`, async () => {
        const whole = await stream({ kind: 'echo' });
        const { result } = await stream({ kind: 'openEnd', ending });
        assert.equal(result.text, whole.result.text);
        assert.equal(result.finishReason, 'stop');
        assert.deepEqual(result.usage, whole.result.usage, 'the usage chunk before the end arrived');
        assert.equal(result.possiblyTruncated, false);
        assert.equal(result.skippedChunks, 0);
      });
    }

    it('keeps the other rules: no finish and no [DONE] is cut short, [DONE] without a finish is possibly truncated', async () => {
      await assert.rejects(stream({ kind: 'endsEarly', afterChunks: 3 }), /closed before the reply was finished/);
      const unfinished = `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'half' }, finish_reason: null }] })}`;
      await assert.rejects(stream({ kind: 'raw', body: unfinished }), /closed before the reply was finished \(after 4 characters\)/);
      assert.equal((await stream({ kind: 'truncated' })).result.possiblyTruncated, true);
    });
  });

  describe('tool calls whose index does not identify them (item 6)', () => {
    const calls = [
      { name: 'read_file', arguments: { path: 'src/extension.ts', lines: [1, 40] } },
      { name: 'search', arguments: { query: 'registerLanguageModelChatProvider "quoted"', limit: 5 } },
      { name: 'read_file', arguments: { path: 'README.md' } },
    ];
    const shapes: ToolCallShape[] = ['openai', 'allIndexZero', 'noIndex', 'idPerPiece', 'duplicateIndex'];
    for (const shape of shapes) {
      it(`${shape}: each call whole, in order, with its first id`, async () => {
        const { result } = await stream({ kind: 'toolCall', calls, shape });
        assert.equal(result.finishReason, 'tool_calls');
        assert.deepEqual(
          result.toolCalls.map((c) => [c.id, c.name, JSON.parse(c.arguments) as unknown]),
          calls.map((c, i) => [`call_${i}_${c.name}`, c.name, c.arguments]),
        );
      });
    }

    it('a continuation piece without an index joins the call it continues, even after several calls', async () => {
      const frame = (tool: object) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { tool_calls: [tool] } }] })}\n\n`;
      const body = [
        frame({ index: 0, id: 'a', function: { name: 'one', arguments: '{"x":' } }),
        frame({ index: 1, id: 'b', function: { name: 'two', arguments: '{"y":' } }),
        frame({ function: { arguments: '2}' } }),
        frame({ index: 0, function: { arguments: '1}' } }),
        `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] })}\n\ndata: [DONE]\n\n`,
      ].join('');
      const { result } = await stream({ kind: 'raw', body });
      assert.deepEqual(
        result.toolCalls.map((c) => [c.id, c.name, c.arguments]),
        [
          ['a', 'one', '{"x":1}'],
          ['b', 'two', '{"y":2}'],
        ],
      );
    });
  });

  describe('<think> tags inside content (item 7)', () => {
    for (const tag of Object.keys(THINK_TAGS) as ThinkTag[]) {
      it(`${THINK_TAGS[tag][0]}…${THINK_TAGS[tag][1]} split across chunks: reasoning events, then the answer`, async () => {
        const plain = await stream({ kind: 'echo' });
        const { result, events, text, reasoning } = await stream({ kind: 'thinkTags', tag });
        assert.equal(reasoning.trim(), THOUGHT);
        assert.equal(text, plain.text, 'the answer is exactly the reply, tags and blank lines gone');
        assert.equal(result.text, plain.result.text);
        assert.equal(result.reasoning.trim(), THOUGHT);
        const firstText = events.findIndex((e) => e.type === 'text');
        assert.ok(
          events.slice(firstText).every((e) => e.type !== 'reasoning'),
          'no reasoning after the answer started',
        );
      });
    }

    it('splits a whole (non-streamed) reply the same way', async () => {
      local.hub.enqueue({ kind: 'thinkTags' });
      const result = await local.client.complete(request('plain please'));
      assert.equal(result.reasoning.trim(), THOUGHT);
      assert.match(result.text, /^\*\*Echo\*\*/);
    });

    it('leaves a tag in the middle of an answer alone: the model is writing about it', async () => {
      const { text, reasoning } = await stream({ kind: 'text', text: 'Use <think>…</think> to mark reasoning.' });
      assert.equal(text, 'Use <think>…</think> to mark reasoning.');
      assert.equal(reasoning, '');
    });

    it('finds tags split at every position, and gives back what only looked like a tag', () => {
      const reply = '\n<think>\nstep one\n</think>\n\nThe answer.';
      for (let a = 1; a < reply.length; a++) {
        for (const b of [a + 1, a + 3, reply.length]) {
          const out = { text: '', reasoning: '' };
          const splitter = new ThinkTagSplitter();
          const collect = (e: ChatEvent) => {
            if (e.type === 'text' || e.type === 'reasoning') out[e.type] += e.text;
          };
          for (const piece of [reply.slice(0, a), reply.slice(a, b), reply.slice(b)]) if (piece) splitter.write(piece, collect);
          splitter.flush(collect);
          assert.deepEqual(out, { text: 'The answer.', reasoning: '\nstep one\n' }, `split at ${a}, ${b}`);
        }
      }
      assert.deepEqual(splitThinking('<thi'), { reasoning: '', text: '<thi' });
      assert.deepEqual(splitThinking('<think>cut off mid-thou'), { reasoning: 'cut off mid-thou', text: '' });
      assert.deepEqual(splitThinking('<template>x</template>'), { reasoning: '', text: '<template>x</template>' });
    });
  });
});
