// The small logging interface core code depends on; the extension implements it with a LogOutputChannel.

export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };

/** Replaces every occurrence of each secret (and of any bearer token) in `text`, so a log line or an error never carries a key. */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text.replace(/(Bearer\s+)[^\s"',;]+/gi, '$1[redacted]');
  for (const secret of secrets) {
    // Very short values would blank out ordinary words; real keys are long.
    if (secret && secret.length >= 8) out = out.split(secret).join('[redacted]');
  }
  return out;
}
