// Which of a caller's model options reach the hub, and how tools and the tool mode are expressed to it.
import type { ChatRequest, ToolChoice, ToolDefinition } from '../hub/types';

/** Options OpenAI-compatible hubs understand; anything else a caller passes is dropped rather than risk a 400. */
const PASSED_THROUGH = [
  'temperature',
  'top_p',
  'max_tokens',
  'stop',
  'presence_penalty',
  'frequency_penalty',
  'seed',
  'user',
  'response_format',
  'reasoning_effort',
] as const;

/** How VS Code callers spell some of them. */
const ALIASES: Record<string, PassedThrough> = {
  maxTokens: 'max_tokens',
  topP: 'top_p',
  responseFormat: 'response_format',
  reasoningEffort: 'reasoning_effort',
};
type PassedThrough = (typeof PASSED_THROUGH)[number];

export interface NeutralTool {
  name: string;
  description?: string;
  inputSchema?: object;
}

export function requestOptions(
  modelOptions: Readonly<Record<string, unknown>> | undefined,
  tools: readonly NeutralTool[] | undefined,
  toolRequired: boolean,
): { options: Pick<ChatRequest, PassedThrough | 'tools' | 'tool_choice'>; dropped: string[] } {
  const options: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(modelOptions ?? {})) {
    const name = ALIASES[key] ?? key;
    if ((PASSED_THROUGH as readonly string[]).includes(name) && value !== undefined && value !== null) options[name] = value;
    else dropped.push(key);
  }
  if (tools && tools.length > 0) {
    const definitions: ToolDefinition[] = tools.map((t) => ({
      type: 'function',
      function: {
        name: t.name,
        description: t.description,
        parameters: (t.inputSchema as Record<string, unknown> | undefined) ?? { type: 'object', properties: {} },
      },
    }));
    options.tools = definitions;
    if (toolRequired) {
      const choice: ToolChoice =
        definitions.length === 1 ? { type: 'function', function: { name: definitions[0].function.name } } : 'required';
      options.tool_choice = choice;
    }
  }
  return { options, dropped };
}
