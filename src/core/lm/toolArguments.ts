// A tool call's streamed JSON arguments, checked once the stream has delivered all of them.

/**
 * The arguments as the object VS Code's LanguageModelToolCallPart carries. Some hubs send an empty string for
 * a tool without parameters; anything that is not a JSON object is the model's mistake, reported in words
 * instead of handing a tool input it cannot use.
 */
export function parseToolArguments(name: string, json: string): object {
  try {
    const value: unknown = JSON.parse(json.trim() || '{}');
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {
    // reported below, with the text the model produced
  }
  const shown = json.length > 200 ? `${json.slice(0, 200)}…` : json;
  throw new Error(`The model called the tool "${name}" with arguments that are not a JSON object: ${shown || '(nothing)'}`);
}
