// The demo hub's models: named `demo/…` and described as scripted, so nobody takes an answer for a real
// model's. Each states its context length and capabilities, as a hub that publishes them does.

export interface DemoModel {
  id: string;
  description: string;
  /** Shows its thinking (streamed as `reasoning_content`) before answering. */
  reasoning: boolean;
  /** How fast the answer streams, in tokens per second. */
  tokensPerSecond: number;
  contextLength: number;
}

export const DEMO_MODELS: readonly DemoModel[] = [
  {
    id: 'demo/assistant',
    description:
      'Scripted demo model of the offline demo hub: prepared answers for the demo workspace and common first questions, no real model behind it.',
    reasoning: false,
    tokensPerSecond: 70,
    contextLength: 128_000,
  },
  {
    id: 'demo/thinker',
    description: 'Scripted demo reasoning model: shows its (prepared) thinking before the same prepared answers. No real model behind it.',
    reasoning: true,
    tokensPerSecond: 55,
    contextLength: 200_000,
  },
  {
    id: 'demo/swift',
    description: 'Scripted demo model that streams the same prepared answers faster. No real model behind it.',
    reasoning: false,
    tokensPerSecond: 160,
    contextLength: 32_000,
  },
];

export const DEFAULT_DEMO_MODEL = DEMO_MODELS[0].id;

/** The `/v1/models` entries: OpenAI's shape plus the fields hubs publish (new-api, LiteLLM-style capabilities). */
export function modelEntries(): Record<string, unknown>[] {
  return DEMO_MODELS.map((m, i) => ({
    id: m.id,
    object: 'model',
    created: 1_764_547_200 + i,
    owned_by: 'demo',
    description: m.description,
    context_length: m.contextLength,
    max_output_tokens: 8_192,
    capabilities: { tools: false, vision: false, reasoning: m.reasoning },
    supported_endpoint_types: ['openai'],
    // OpenRouter's per-token price shape: the demo costs nothing, and the Models view and Compare say "free".
    pricing: { prompt: '0', completion: '0' },
  }));
}
