// Reading a response body with a ceiling, so a huge error page or reply cannot exhaust memory.
import { HubError } from './errors';
import type { IdleWatchdog } from './idleWatchdog';
import * as l10n from '@vscode/l10n';

/** Reads a body as text but never more than `max` characters, so a huge error page cannot exhaust memory. */
export async function readCapped(response: Response, max: number, watchdog: IdleWatchdog, failWhenOver = false): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let out = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      watchdog.touch();
      out += decoder.decode(value, { stream: true });
      if (out.length > max) {
        if (failWhenOver)
          throw new HubError({
            kind: 'tooLarge',
            message: l10n.t("The hub's reply passed {0} MB and was not read.", Math.round(max / 1e6)),
          });
        return out.slice(0, max);
      }
    }
    return out + decoder.decode();
  } finally {
    reader.cancel().catch(() => undefined);
  }
}
