// What the demo hub answers to a chat completion request: read which command or question it is from the
// messages, then take the prepared answer (code answers, chat topics) or an honest one derived from the request.
import { MESSAGE_OVERHEAD_TOKENS, estimateTokens } from '../../src/core/models/tokenEstimate';
import { fencedCode } from '../../src/core/prompts/codeContext';
import type { DemoModel } from './catalogue';
import { explanation, rewrite, rewriteKind, unitTests, type CodeBlock, type RewriteRequest } from './codeAnswers';
import { findTopic, intentOf, suggestions } from './chatTopics';

export interface RequestMessage {
  role?: string;
  content?: unknown;
}

export interface DemoReply {
  content: string;
  /** The thinking a reasoning model shows before its answer. */
  reasoning?: string;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  completion_tokens_details?: { reasoning_tokens: number };
}

export function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content.map((p: { type?: string; text?: string }) => (p?.type === 'text' ? (p.text ?? '') : '')).join('');
  return '';
}

const SWITCH_NOTE =
  '---\n\n_You are talking to the **offline demo hub**: its `demo/…` models are scripted, so this answer was prepared, not generated, and their prices and the balance are play money. To use real models, run **AI Hub: Choose Hub** and **AI Hub: Set API Key** from the command palette._';

/** Fenced code blocks at the start of a line, with the tag after the opening fence. */
function codeBlocks(text: string): { tag: string; code: string }[] {
  return [...text.matchAll(/^(`{3,}|~{3,})([^\n`]*)\n([\s\S]*?)\n\1[ \t]*$/gm)].map((m) => ({ tag: m[2].trim(), code: m[3] }));
}

/** Where the code came from, as the extension's prompts say it: `from utils.ts, lines 4–13 (typescript)` or an attachment label. */
function codeSource(text: string): { fileName?: string; language?: string } {
  const located = /from (\S+?), lines? [\d–-]+ \(([\w.+#-]+)\)/.exec(text) ?? /^(\S+) \(([\w.+#-]+)\):\n(?:`{3,}|~{3,})/m.exec(text);
  return located ? { fileName: located[1], language: located[2] } : {};
}

function firstBlock(text: string): CodeBlock | undefined {
  const block = codeBlocks(text)[0];
  if (!block) return undefined;
  return { code: block.code, language: codeSource(text).language ?? languageOfTag(block.tag) };
}

function languageOfTag(tag: string): string {
  const known: Record<string, string> = {
    ts: 'typescript',
    js: 'javascript',
    py: 'python',
    tsx: 'typescriptreact',
    jsx: 'javascriptreact',
  };
  return known[tag] ?? tag;
}

/** `./utils` for `utils.ts` or `src/utils.ts`: how a test file beside the code imports it. */
function moduleOf(fileName: string | undefined): string {
  const base = (fileName ?? 'code').split('/').at(-1) ?? 'code';
  return `./${base.replace(/\.[^.]+$/, '')}`;
}

const REWRITE_THINKING: Record<RewriteRequest, string> = {
  simplify:
    'Simplify, keeping the behaviour exactly: remove temporaries and nesting, keep every edge case (empty input, negatives) as it was.',
  names: 'Better names for locals only: exported names and the signature stay, so callers are unaffected.',
  types: 'Add explicit types where they help a reader, without changing any runtime behaviour.',
  modernise:
    'Modern syntax: let/const, destructuring, template literals, nullish coalescing, where they fit and change nothing observable.',
  extract: 'Find the most self-contained part, give it a name that says what it computes, and call it from the original place.',
  fix: 'Look for real bugs, not style: the default sort() compares numbers as strings, off-by-one errors, unhandled empty input. Smallest change that fixes each.',
  document: 'TSDoc for each function: what it does, each parameter, the return value and what it throws, and why where it is not obvious.',
  custom: 'A custom instruction I have no prepared answer for; the honest change I can make is documenting the parameters.',
};

/** The answer to a request, and what a reasoning model thinks first. */
export function demoReply(messages: readonly RequestMessage[], model: DemoModel): DemoReply {
  const system = messages
    .filter((m) => m.role === 'system')
    .map((m) => textOf(m.content))
    .join('\n');
  const lastUser = textOf([...messages].reverse().find((m) => m.role === 'user')?.content);
  const reply = (content: string, thinking: string): DemoReply => (model.reasoning ? { content, reasoning: thinking } : { content });

  // The selection commands: one fenced block back, nothing else (the extension takes the code from it).
  if (system.startsWith('You write unit tests') || system.startsWith('You rewrite code')) {
    const block = firstBlock(lastUser) ?? { code: '', language: '' };
    const language = codeSource(lastUser).language ?? block.language;
    if (system.startsWith('You write unit tests')) {
      const tests = unitTests(block, moduleOf(codeSource(lastUser).fileName));
      return reply(
        fencedCode(tests, language),
        'Tests with node:test and node:assert: normal cases, edge cases, the error case, one behaviour per test.',
      );
    }
    const kind = rewriteKind(lastUser, language);
    return reply(fencedCode(rewrite(kind, block), language), REWRITE_THINKING[kind]);
  }

  const chat = chatAnswer(lastUser, model);
  const firstReply = !messages.some((m) => m.role === 'assistant');
  return reply(firstReply ? `${chat.content}\n\n${SWITCH_NOTE}` : chat.content, chat.reasoning ?? '');
}

function chatAnswer(question: string, model: DemoModel): DemoReply {
  const block = firstBlock(question);
  const q = question.toLowerCase();
  const prose = question.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\1[ \t]*$/gm, '').trim();
  const prepared = (content: string) => (model.brief ? shortVersion(content) : content);
  if (block && (/\b(explain|what does|how does|walk me through|understand|review)\b/.test(q) || !intentOf(prose))) {
    const { text, thinking } = explanation(block);
    return { content: prepared(text), reasoning: thinking };
  }
  const topic = findTopic(prose);
  if (topic) return { content: prepared(topic.answer), reasoning: topic.thinking };
  const intent = intentOf(prose);
  if (intent) {
    const what = { compare: 'comparison', write: 'function', howto: 'how-to' }[intent];
    return {
      content: `I have no prepared ${what} for that: I am **${model.id}**, a scripted model of the offline demo hub, and I only know a few answers by heart. These ${what === 'how-to' ? 'how-tos' : `${what}s`} I can show you:\n\n${suggestions(intent)}\n\nOr select a function in \`utils.ts\` and use **Explain**, **Refactor**, **Fix**, **Add Documentation** or **Write Unit Tests** from the editor's right-click menu (AI Hub).`,
      reasoning: `The question asks for a ${what}, but none of my prepared ones matches it. Inventing one would be dishonest, so I will say so and list what I can show.`,
    };
  }
  const greeting = /^(hi|hello|hey|good (morning|afternoon|evening))\b|\b(who are you|what can you do|what are you|help)\b/.test(q);
  const opening = greeting
    ? `Hello! I am **${model.id}**, a scripted model of AI Hub's offline demo hub.`
    : `I am **${model.id}**, a scripted model of AI Hub's offline demo hub, and I have no prepared answer for "${shorten(prose)}".`;
  return {
    content: `${opening} I answer from a small set of prepared replies, so you can try the extension without a key or a network. Things to try:\n\n${suggestions()}\n- Select a function in \`utils.ts\`, right-click → **AI Hub** → Explain, Refactor, Fix (one function has a bug), Add Documentation or Write Unit Tests\n- Pick **demo/thinker** under the input to see a reasoning model's thinking`,
    reasoning: greeting
      ? 'A greeting or a question about me: introduce myself honestly as a scripted demo model and suggest what to try.'
      : 'No prepared answer matches this question. Rather than make something up, say so and suggest what the demo can show.',
  };
}

/** The short version a brief model gives: the opening paragraph and the first table or code block after it. */
export function shortVersion(text: string): string {
  const blocks: string[] = [];
  let fence: string | undefined;
  let current: string[] = [];
  for (const line of text.split('\n')) {
    const marker = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && marker) fence = marker;
    else if (fence !== undefined && line.trim() === fence) fence = undefined;
    if (fence === undefined && line.trim() === '') {
      if (current.length) blocks.push(current.join('\n'));
      current = [];
    } else current.push(line);
  }
  if (current.length) blocks.push(current.join('\n'));
  const example = blocks.slice(1).find((b) => /^(\||`{3,}|~{3,})/.test(b));
  return example ? `${blocks[0]}\n\n${example}` : (blocks[0] ?? text);
}

function shorten(text: string): string {
  const line = text.split('\n')[0].trim();
  return line.length > 80 ? `${line.slice(0, 77)}…` : line;
}

/** Token counts as OpenAI reports them, estimated the way the extension estimates them (o200k-like). */
export function usageOf(messages: readonly RequestMessage[], reply: DemoReply): Usage {
  const prompt = messages.reduce((n, m) => n + MESSAGE_OVERHEAD_TOKENS + estimateTokens(textOf(m.content)), 3);
  const reasoning = reply.reasoning ? estimateTokens(reply.reasoning) : 0;
  const completion = estimateTokens(reply.content) + reasoning;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    ...(reply.reasoning ? { completion_tokens_details: { reasoning_tokens: reasoning } } : {}),
  };
}
