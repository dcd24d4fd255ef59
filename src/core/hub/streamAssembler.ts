// Builds the whole reply from streamed events. One per request: two overlapping requests never share one.
import { PieceText } from './pieceText';
import type { ChatEvent, Usage } from './types';

export interface AssembledToolCall {
  index: number;
  id: string;
  name: string;
  /** The JSON arguments text, as concatenated from the deltas. */
  arguments: string;
}

export interface AssembledReply {
  text: string;
  reasoning: string;
  toolCalls: AssembledToolCall[];
  usage?: Usage;
  /** `stop`, `length`, `tool_calls`, … or undefined when the hub never said why it stopped. */
  finishReason?: string;
  /**
   * True when the stream ended in good order ([DONE]) without any finish reason: new-api hubs do this when
   * the upstream provider timed out, so the text may be cut short.
   */
  possiblyTruncated: boolean;
}

/** A call being assembled: its arguments arrive in pieces like the text. */
interface CallInProgress {
  index: number;
  id: string;
  name: string;
  arguments: PieceText;
}

export class StreamAssembler {
  private readonly text = new PieceText();
  private readonly reasoning = new PieceText();
  private readonly calls = new Map<number, CallInProgress>();
  private usage?: Usage;
  private finishReason?: string;
  private truncated = false;

  add(event: ChatEvent): void {
    switch (event.type) {
      case 'text':
        this.text.append(event.text);
        break;
      case 'reasoning':
        this.reasoning.append(event.text);
        break;
      case 'toolCallDelta': {
        let call = this.calls.get(event.index);
        if (!call) {
          call = { index: event.index, id: '', name: '', arguments: new PieceText() };
          this.calls.set(event.index, call);
        }
        // The first id names the call: some servers mint a new one for every piece of the same call.
        if (event.id && !call.id) call.id = event.id;
        if (event.name) call.name += call.name === event.name ? '' : event.name;
        call.arguments.append(event.argumentsDelta);
        break;
      }
      case 'usage':
        this.usage = event.usage;
        break;
      case 'finish':
        this.finishReason = event.reason;
        break;
    }
  }

  markPossiblyTruncated(): void {
    this.truncated = true;
  }

  get hasToolCalls(): boolean {
    return this.calls.size > 0;
  }

  get textLength(): number {
    return this.text.length + this.reasoning.length;
  }

  snapshot(): AssembledReply {
    const toolCalls = [...this.calls.values()]
      .sort((a, b) => a.index - b.index)
      // Some hubs never send an id; downstream (tool results) needs one to pair results with calls.
      .map((c) => ({ index: c.index, id: c.id || `call_${c.index}`, name: c.name, arguments: c.arguments.toString() }));
    return {
      text: this.text.toString(),
      reasoning: this.reasoning.toString(),
      toolCalls,
      usage: this.usage,
      finishReason: this.finishReason,
      possiblyTruncated: this.truncated,
    };
  }
}
