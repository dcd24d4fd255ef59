// Reasoning that arrives inside `content` between tags (DeepSeek-R1 distills, QwQ and Qwen3, GLM, MiniMax, Seed-OSS,
// Magistral and Kimi-VL served without a reasoning parser, and the hubs in front of them) goes out as reasoning, not
// as answer: for the chat panel, vscode.lm and the selection commands alike, since they all read these events.
//
// A block counts only where the answer starts (after nothing but whitespace, or right after another block): a
// tag later in an answer is text the model is writing about. Tags split across chunks are held back only while
// they could still be a tag, so once the answer has started each chunk passes through untouched.

import type { ChatEvent } from './types';

/** The tag pairs models write (vLLM's reasoning parsers list the same ones). */
const TAGS: readonly (readonly [open: string, close: string])[] = [
  ['<think>', '</think>'],
  ['<thinking>', '</thinking>'],
  ['<seed:think>', '</seed:think>'],
  ['[THINK]', '[/THINK]'],
  ['◁think▷', '◁/think▷'],
];

const enum State {
  /** Before the answer: a block may open here. */
  Start,
  Thinking,
  Answer,
}

export class ThinkTagSplitter {
  private state = State.Start;
  /** Held-back text that may still turn out to be (part of) a tag. */
  private held = '';
  private close = '';
  /** A block has closed: the whitespace before the answer is the block's separator, not part of the answer. */
  private afterBlock = false;

  /** True once the answer has started: every later piece is plain text (the caller's fast path). */
  get passThrough(): boolean {
    return this.state === State.Answer;
  }

  write(piece: string, emit: (event: ChatEvent) => void): void {
    let rest = this.held + piece;
    this.held = '';
    while (rest) {
      if (this.state === State.Answer) {
        emit({ type: 'text', text: rest });
        return;
      }
      if (this.state === State.Start) {
        const start = rest.length - rest.trimStart().length;
        const body = rest.slice(start);
        if (!body) {
          // Only whitespace so far: it belongs to whichever comes next.
          this.held = rest;
          return;
        }
        const tag = TAGS.find(([open]) => body.startsWith(open));
        if (tag) {
          this.state = State.Thinking;
          this.close = tag[1];
          rest = body.slice(tag[0].length);
          continue;
        }
        if (TAGS.some(([open]) => open.startsWith(body))) {
          this.held = rest;
          return;
        }
        this.state = State.Answer;
        if (this.afterBlock) rest = body;
        continue;
      }
      // Thinking: everything up to the closing tag is reasoning.
      const end = rest.indexOf(this.close);
      if (end >= 0) {
        if (end > 0) emit({ type: 'reasoning', text: rest.slice(0, end) });
        this.state = State.Start;
        this.afterBlock = true;
        rest = rest.slice(end + this.close.length);
        continue;
      }
      const keep = partialSuffix(rest, this.close);
      if (rest.length > keep) emit({ type: 'reasoning', text: rest.slice(0, rest.length - keep) });
      this.held = rest.slice(rest.length - keep);
      return;
    }
  }

  /** At the end of the reply: text held back as a possible tag is what it turned out to be. */
  flush(emit: (event: ChatEvent) => void): void {
    if (!this.held) return;
    const held = this.held;
    this.held = '';
    if (this.state === State.Thinking) emit({ type: 'reasoning', text: held });
    else if (!this.afterBlock || held.trim()) emit({ type: 'text', text: this.afterBlock ? held.trimStart() : held });
  }
}

/** How many characters at the end of `text` could be the start of `tag` (compared in place: runs on every thinking chunk). */
function partialSuffix(text: string, tag: string): number {
  next: for (let n = Math.min(tag.length - 1, text.length); n > 0; n--) {
    const start = text.length - n;
    for (let i = 0; i < n; i++) if (text.charCodeAt(start + i) !== tag.charCodeAt(i)) continue next;
    return n;
  }
  return 0;
}

/** Splits a whole message's content (a reply that came in one piece) the same way. */
export function splitThinking(content: string): { reasoning: string; text: string } {
  const out = { reasoning: '', text: '' };
  const splitter = new ThinkTagSplitter();
  const collect = (event: ChatEvent) => {
    if (event.type === 'text') out.text += event.text;
    else if (event.type === 'reasoning') out.reasoning += event.text;
  };
  splitter.write(content, collect);
  splitter.flush(collect);
  return out;
}
