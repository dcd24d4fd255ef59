// The OpenAI-compatible request shapes the hub accepts, and the events the client yields while streaming.

export type ChatRole = 'system' | 'user' | 'assistant' | 'tool';

export interface TextContentPart {
  type: 'text';
  text: string;
}
export interface ImageContentPart {
  type: 'image_url';
  image_url: { url: string; detail?: 'auto' | 'low' | 'high' };
}
export type ContentPart = TextContentPart | ImageContentPart;

export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string | ContentPart[] }
  /** `reasoning_content`: the turn's reasoning, which thinking-mode models (DeepSeek, Kimi, GLM) need back on tool turns. */
  | { role: 'assistant'; content: string | null; tool_calls?: ToolCall[]; reasoning_content?: string }
  | { role: 'tool'; content: string; tool_call_id: string };

export interface ToolDefinition {
  type: 'function';
  function: { name: string; description?: string; parameters?: Record<string, unknown> };
}

export type ToolChoice = 'auto' | 'none' | 'required' | { type: 'function'; function: { name: string } };

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  stop?: string | string[];
  presence_penalty?: number;
  frequency_penalty?: number;
  seed?: number;
  /** An end-user id for the hub's abuse monitoring (OpenAI's `user`; seed 002 documents it for the hubs). */
  user?: string;
  response_format?: { type: string; [field: string]: unknown };
  reasoning_effort?: string;
  tools?: ToolDefinition[];
  tool_choice?: ToolChoice;
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** Prompt tokens read from the provider's cache (part of promptTokens), where the hub reports them. */
  cachedTokens?: number;
  /** Reasoning tokens (part of completionTokens), where the hub reports them. */
  reasoningTokens?: number;
  /** USD the hub says the reply cost (OpenRouter's `usage.cost`). */
  cost?: number;
}

/** One piece of a streamed reply, in arrival order. */
export type ChatEvent =
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string }
  /** A fragment of a tool call; fragments with the same `index` belong to one call (the decoder's slot, not the hub's `index`). */
  | { type: 'toolCallDelta'; index: number; id?: string; name?: string; argumentsDelta: string }
  | { type: 'usage'; usage: Usage }
  | { type: 'finish'; reason: string };

export interface HubModel {
  id: string;
  ownedBy?: string;
  created?: number;
  /** Every field the hub sent, so views can show metadata this client does not know about. */
  raw: Record<string, unknown>;
}
