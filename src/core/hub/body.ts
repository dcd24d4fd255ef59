// Reading a response body with a ceiling, so a huge error page or reply cannot exhaust memory.
import * as l10n from '@vscode/l10n';
import { HubError } from './errors';
import type { IdleWatchdog } from './idleWatchdog';

/**
 * Reads a body as text, stopping once it passes `max` characters (the rest is not read): then `over` is true and
 * `text` holds the first `max`. `onChunk` runs as each piece arrives (an idle watchdog's touch).
 */
export async function readUpTo(response: Response, max: number, onChunk?: () => void): Promise<{ text: string; over: boolean }> {
  if (!response.body) return { text: '', over: false };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let out = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return { text: out + decoder.decode(), over: false };
      onChunk?.();
      out += decoder.decode(value, { stream: true });
      if (out.length > max) return { text: out.slice(0, max), over: true };
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

/** Reads a body as text but never more than `max` characters, so a huge error page cannot exhaust memory. */
export async function readCapped(response: Response, max: number, watchdog: IdleWatchdog, failWhenOver = false): Promise<string> {
  const { text, over } = await readUpTo(response, max, () => watchdog.touch());
  if (over && failWhenOver)
    throw new HubError({ kind: 'tooLarge', message: l10n.t("The hub's reply passed {0} MB and was not read.", Math.round(max / 1e6)) });
  return text;
}
