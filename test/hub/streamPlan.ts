// Turns a scenario into the exact bytes (and pauses, and hang-ups) of a streamed reply.
import type { Billing } from './money';
import { defaultToolCalls, echoText, splitText, TOOL_REASONING, toolResultText, type ChatBody, type Scenario } from './scenarios';
import { openEnding, STREAM_ERRORS, THINK_TAGS, THOUGHT, type ToolCallShape } from './shapes';

export type Step = { frame: string } | { disconnect: true } | { stall: number | undefined };

interface Framing {
  eol: string;
  space: string;
}

export function planStream(scenario: Scenario, body: ChatBody, billing?: Billing): Step[] {
  const model = billing?.served ?? body.model ?? 'unknown-model';
  const framing: Framing = { eol: scenario.kind === 'crlf' ? '\r\n' : '\n', space: scenario.kind === 'noSpace' ? '' : ' ' };
  const base = { id: 'chatcmpl-local', object: 'chat.completion.chunk', created: 1_763_856_000, model };
  const data = (payload: unknown): Step => ({
    frame: `data:${framing.space}${typeof payload === 'string' ? payload : JSON.stringify(payload)}${framing.eol}${framing.eol}`,
  });
  const chunk = (delta: Record<string, unknown>, finish: string | null = null): Step =>
    data({ ...base, choices: [{ index: 0, delta, finish_reason: finish }] });
  const textSteps = (text: string, size?: number): Step[] => [
    chunk({ role: 'assistant', content: '' }),
    ...splitText(text, size).map((t) => chunk({ content: t })),
  ];
  const usage = (completion: number) => ({
    prompt_tokens: 17,
    completion_tokens: completion,
    total_tokens: 17 + completion,
    ...billing?.usage(17, completion),
  });
  const finishWithUsage = (reason: string, completion: number): Step[] => [
    chunk({}, reason),
    data({ ...base, choices: [], usage: usage(completion) }),
    data('[DONE]'),
  ];
  const reply = (): string => ('text' in scenario && scenario.text) || toolResultText(body) || echoText(body);

  switch (scenario.kind) {
    case 'raw':
      return [{ frame: scenario.body }];
    case 'midStreamError': {
      const steps = textSteps(reply()).slice(0, scenario.afterChunks + 1);
      return [...steps, data({ error: { message: 'upstream error', type: 'upstream_error', code: 'bad_response' } })];
    }
    case 'streamError':
      return [...textSteps(reply()).slice(0, scenario.afterChunks + 1), { frame: STREAM_ERRORS[scenario.shape] }];
    case 'openEnd': {
      const steps = textSteps(reply());
      const [finish, usage, done] = finishWithUsage('stop', steps.length).map((s) => (s as { frame: string }).frame);
      return [...steps, { frame: openEnding(scenario.ending, finish + usage, done) }];
    }
    case 'thinkTags': {
      // Pieces of 4 to 8 characters split every tag somewhere; a newline before the block, as DeepSeek-R1 distills send.
      const [open, close] = THINK_TAGS[scenario.tag ?? 'think'];
      const steps = textSteps(`\n${open}\n${THOUGHT}\n${close}\n\n${reply()}`);
      return [...steps, ...finishWithUsage('stop', steps.length)];
    }
    case 'disconnect':
      return [...textSteps(reply()).slice(0, scenario.afterChunks + 1), { disconnect: true }];
    case 'stall':
      return [...textSteps(reply()).slice(0, scenario.afterChunks + 1), { stall: scenario.ms }];
    case 'lingers': {
      const steps = textSteps(reply());
      return [...steps, ...finishWithUsage('stop', steps.length), { stall: scenario.ms }];
    }
    case 'endsEarly':
      return textSteps(reply()).slice(0, scenario.afterChunks + 1);
    case 'malformed': {
      const steps = textSteps(reply());
      const broken: Step = { frame: `data: {"choices":[{"delta":{"content":${framing.eol}${framing.eol}` };
      return [
        ...steps.slice(0, scenario.afterChunks + 1),
        broken,
        ...steps.slice(scenario.afterChunks + 1),
        ...finishWithUsage('stop', steps.length),
      ];
    }
    case 'huge': {
      const line = scenario.singleLine ? 'word ' : 'This line repeats to make a very large reply. '.repeat(20) + '\n';
      const text = line.repeat(Math.ceil(scenario.bytes / line.length));
      return [...textSteps(text, 4096), ...finishWithUsage('stop', Math.ceil(text.length / 4))];
    }
    case 'ping': {
      const steps = textSteps(reply());
      // new-api writes `: PING\n\n` while it waits on a slow upstream: a comment, then a blank line.
      const ping: Step = { frame: `: PING${framing.eol}${framing.eol}` };
      return [ping, ...steps.flatMap((s) => [s, ping]), ...finishWithUsage('stop', steps.length)];
    }
    case 'usageOnlyLast':
    case 'echo':
    case 'text':
    case 'crlf':
    case 'noSpace': {
      const steps = textSteps(reply(), scenario.kind === 'text' ? scenario.chunkSize : undefined);
      return [...steps, ...finishWithUsage('stop', steps.length)];
    }
    case 'truncated': {
      // new-api after an upstream timeout: text, a usage chunk and [DONE], but never a finish reason.
      const steps = textSteps(reply());
      return [...steps, data({ ...base, choices: [], usage: usage(steps.length) }), data('[DONE]')];
    }
    case 'reasoning': {
      const thoughts = splitText(THOUGHT);
      const field = scenario.field ?? 'reasoning_content';
      const reasoningSteps = thoughts.map((t) => chunk(scenario.both ? { reasoning_content: t, reasoning: t } : { [field]: t }));
      const steps = textSteps(reply());
      return [
        chunk({ role: 'assistant', content: '' }),
        ...reasoningSteps,
        ...steps.slice(1),
        ...finishWithUsage('stop', steps.length + thoughts.length),
      ];
    }
    case 'thinkingTools': {
      const thinking = splitText(TOOL_REASONING).map((t) => chunk({ reasoning_content: t }));
      const answer = toolResultText(body);
      const calls = defaultToolCalls(body);
      if (answer || calls.length === 0) {
        const steps = textSteps(answer ?? echoText(body));
        return [steps[0], ...thinking, ...steps.slice(1), ...finishWithUsage('stop', steps.length + thinking.length)];
      }
      const [opening, ...rest] = toolCallSteps(calls, 'openai', chunk, finishWithUsage);
      return [opening, ...thinking, ...rest];
    }
    case 'toolCall': {
      const calls = scenario.calls ?? defaultToolCalls(body);
      // A request without a named tool cannot be answered with a call: echo instead of an empty tool_calls reply.
      if (calls.length === 0) return [...textSteps(echoText(body)), ...finishWithUsage('stop', 10)];
      return toolCallSteps(calls, scenario.shape ?? 'openai', chunk, finishWithUsage);
    }
    case 'chunks': {
      // Exactly `count` content chunks (the first also carries the role) so benchmarks can count deltas.
      // Every frame is the same string, rendered once: 100,000 chunks cost one JSON.stringify, not 100,000.
      const text = scenario.chunkText ?? 'token ';
      const steps: Step[] = [];
      if (scenario.count > 0) steps.push(chunk({ role: 'assistant', content: text }));
      const frame = chunk({ content: text });
      for (let i = 1; i < scenario.count; i++) steps.push(frame);
      steps.push(...finishWithUsage('stop', scenario.count));
      return steps;
    }
    default:
      return [...textSteps(echoText(body)), ...finishWithUsage('stop', 10)];
  }
}

function toolCallSteps(
  calls: { name: string; arguments: Record<string, unknown> }[],
  shape: ToolCallShape,
  chunk: (delta: Record<string, unknown>, finish?: string | null) => Step,
  finish: (reason: string, completion: number) => Step[],
): Step[] {
  const steps: Step[] = [chunk({ role: 'assistant', content: null })];
  const calling = (entries: Record<string, unknown>[]) => chunk({ tool_calls: entries });
  const opening = (index: number, call: { name: string }, args = '') => ({
    id: `call_${index}_${call.name}`,
    type: 'function',
    function: { name: call.name, arguments: args },
  });
  // 3 to 7 characters a piece: pieces end mid-key and mid-string, which is what clients must reassemble.
  const pieces = calls.map((c) => splitText(JSON.stringify(c.arguments), undefined, 3));
  switch (shape) {
    case 'openai': {
      // Open every call, then interleave the argument pieces by index, as providers streaming parallel calls do.
      calls.forEach((call, index) => steps.push(calling([{ index, ...opening(index, call) }])));
      const longest = Math.max(...pieces.map((p) => p.length));
      for (let i = 0; i < longest; i++) {
        pieces.forEach((p, index) => {
          if (i < p.length) steps.push(calling([{ index, function: { arguments: p[i] } }]));
        });
      }
      break;
    }
    case 'allIndexZero':
      calls.forEach((call, index) => steps.push(calling([{ index: 0, ...opening(index, call, JSON.stringify(call.arguments)) }])));
      break;
    case 'noIndex':
      // One call after the other: all a stream without indexes can express.
      calls.forEach((call, index) => {
        steps.push(calling([opening(index, call)]));
        for (const p of pieces[index]) steps.push(calling([{ function: { arguments: p } }]));
      });
      break;
    case 'idPerPiece':
      calls.forEach((call, index) => {
        steps.push(calling([{ index, ...opening(index, call) }]));
        pieces[index].forEach((p, n) =>
          steps.push(calling([{ index, id: `call_${index}_${n}_minted`, type: 'function', function: { arguments: p } }])),
        );
      });
      break;
    case 'duplicateIndex':
      calls.forEach((call, index) => {
        const [first, ...rest] = pieces[index];
        steps.push(
          calling([
            { index, ...opening(index, call) },
            { index, function: { arguments: first } },
          ]),
        );
        for (const p of rest) steps.push(calling([{ index, function: { arguments: p } }]));
      });
      break;
  }
  return [...steps, ...finish('tool_calls', steps.length)];
}
