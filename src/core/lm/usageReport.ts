// A reply's token usage as VS Code takes it from a language-model provider: a data part of mime type "usage"
// holding OpenAI's usage object. Copilot Chat reads it from extension-contributed models (its context indicator
// shows the numbers) and so does the workbench's agent host (`_decodeUsage` in VS Code 1.139).
import type { Usage } from '../hub/types';

export const USAGE_MIME_TYPE = 'usage';

/** The bytes of the data part: OpenAI's field names, the hub's own numbers (none made up when it sent none). */
export function usageData(usage: Usage): Uint8Array {
  return new TextEncoder().encode(
    JSON.stringify({ prompt_tokens: usage.promptTokens, completion_tokens: usage.completionTokens, total_tokens: usage.totalTokens }),
  );
}
