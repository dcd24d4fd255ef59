// Reasoning that must go back to the model on tool turns. DeepSeek's thinking mode with tools, Kimi K2 thinking
// and GLM refuse the next request ("The reasoning_content in the thinking mode must be passed back to the API")
// unless the assistant message that made the tool calls carries its reasoning as `reasoning_content`. VS Code does
// not always hand thinking parts back to the provider (vscode#318920), so the reasoning of each turn that ended
// in tool calls is kept here, keyed by its tool call ids, which VS Code does hand back.

export interface ReasoningMemoryLimits {
  /** Turns remembered; the oldest goes first. */
  maxTurns: number;
  /** Characters kept over all turns; a single longer reasoning is not kept at all. */
  maxChars: number;
}

interface Turn {
  ids: string[];
  reasoning: string;
}

export class ReasoningMemory {
  // Insertion-ordered: the first entry is the oldest turn, evicted first.
  private readonly turns = new Map<string, Turn>();
  private chars = 0;
  private count = 0;

  constructor(private readonly limits: ReasoningMemoryLimits = { maxTurns: 256, maxChars: 4_000_000 }) {}

  /** Keeps the reasoning of a turn that ended in these tool calls. */
  remember(callIds: readonly string[], reasoning: string): void {
    const ids = callIds.filter(Boolean);
    if (ids.length === 0 || !reasoning || reasoning.length > this.limits.maxChars) return;
    for (const id of ids) this.forget(id);
    const turn: Turn = { ids, reasoning };
    for (const id of ids) this.turns.set(id, turn);
    this.chars += reasoning.length;
    this.count++;
    while (this.count > this.limits.maxTurns || this.chars > this.limits.maxChars) {
      const oldest = this.turns.values().next().value;
      if (!oldest) break;
      this.forget(oldest.ids[0]);
    }
  }

  /** The reasoning of the turn that made any of these calls. */
  recall(callIds: readonly string[]): string | undefined {
    for (const id of callIds) {
      const turn = this.turns.get(id);
      if (turn) return turn.reasoning;
    }
    return undefined;
  }

  get size(): { turns: number; chars: number } {
    return { turns: this.count, chars: this.chars };
  }

  private forget(id: string): void {
    const turn = this.turns.get(id);
    if (!turn) return;
    for (const other of turn.ids) this.turns.delete(other);
    this.chars -= turn.reasoning.length;
    this.count--;
  }
}
