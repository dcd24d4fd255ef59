// Whether a request may go to this URL now: plain http:// to another machine sends the key in clear text, so it
// is refused until the user has confirmed that origin once.
import * as l10n from '@vscode/l10n';
import { isLoopbackHost } from './loopback';

export function insecureTransportError(url: string, confirmedOrigins: ReadonlySet<string>): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined; // the client reports an invalid URL in its own words
  }
  if (parsed.protocol !== 'http:' || isLoopbackHost(parsed.hostname) || confirmedOrigins.has(parsed.origin)) return undefined;
  return l10n.t(
    'The hub {0} uses plain http://, which would send your API key unencrypted over the network. Use its https:// address, or run "AI Hub: Choose Hub" and confirm plain HTTP for this hub.',
    parsed.origin,
  );
}
