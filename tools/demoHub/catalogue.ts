// The demo hub's models: named `demo/…` and described as scripted, so nobody takes an answer for a real
// model's. Each states its context length and capabilities, as a hub that publishes them does, and has a demo
// price that the demo hub bills in play money (money.ts).

export interface DemoModel {
  id: string;
  description: string;
  /** Shows its thinking (streamed as `reasoning_content`) before answering. */
  reasoning: boolean;
  /** How fast the answer streams, in tokens per second. */
  tokensPerSecond: number;
  contextLength: number;
  /** Demo prices in USD per million tokens, billed against the demo key's play money. */
  inputPerMillion: number;
  outputPerMillion: number;
  /** Gives the short version of a prepared chat answer (the first paragraph and the first table or code block). */
  brief: boolean;
}

const PLAY_MONEY = 'Its price is a demo price, billed in play money.';

export const DEMO_MODELS: readonly DemoModel[] = [
  {
    id: 'demo/assistant',
    description: `Scripted demo model of the offline demo hub: prepared answers for the demo workspace and common first questions, no real model behind it. ${PLAY_MONEY}`,
    reasoning: false,
    tokensPerSecond: 70,
    contextLength: 128_000,
    inputPerMillion: 2,
    outputPerMillion: 8,
    brief: false,
  },
  {
    id: 'demo/thinker',
    description: `Scripted demo reasoning model: shows its (prepared) thinking before the same prepared answers. No real model behind it. ${PLAY_MONEY}`,
    reasoning: true,
    tokensPerSecond: 55,
    contextLength: 200_000,
    inputPerMillion: 3,
    outputPerMillion: 15,
    brief: false,
  },
  {
    id: 'demo/swift',
    description: `Scripted demo model that streams the short version of the same prepared answers, faster. No real model behind it. ${PLAY_MONEY}`,
    reasoning: false,
    tokensPerSecond: 160,
    contextLength: 32_000,
    inputPerMillion: 0.4,
    outputPerMillion: 1.6,
    brief: true,
  },
];

export const DEFAULT_DEMO_MODEL = DEMO_MODELS[0].id;

/** The `/v1/models` entries: OpenAI's shape plus the fields hubs publish (new-api, LiteLLM-style capabilities); prices are apart, in /api/pricing, as on new-api. */
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
  }));
}
