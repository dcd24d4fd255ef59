// The small logging interface core code depends on; the extension implements it with a LogOutputChannel.

export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };

// Key shapes of the known hubs (sk-…, AH_…), caught even when the caller does not know the key: a hub's error
// page may echo a key that is not the one stored. Long enough not to match ordinary words such as "sk-learn".
const KEY_SHAPED = /\b(sk-[A-Za-z0-9_-]{16,}|AH_[A-Za-z0-9_-]{12,})/g;
// user:password@ in a URL (a gateway address someone pasted whole).
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@:]*:[^\s/@]*@/gi;

/**
 * Replaces every occurrence of each secret, of any bearer token, key-shaped token and URL password in `text`,
 * so a log line or an error never carries a key.
 */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text
    .replace(/(Bearer\s+)[^\s"',;]+/gi, '$1[redacted]')
    .replace(KEY_SHAPED, '[redacted]')
    .replace(URL_CREDENTIALS, '$1[redacted]@');
  for (const secret of secrets) {
    // Very short values would blank out ordinary words; real keys are long.
    if (secret && secret.length >= 8) out = out.split(secret).join('[redacted]');
  }
  return out;
}
