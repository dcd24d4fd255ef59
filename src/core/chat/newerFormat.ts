// Conversation files written by a newer version of AI Hub: a higher format version, or fields this version does
// not know. Reading them as this version's conversations and saving them back would drop what this version
// cannot see, so they are shown read-only, with the reason, and never written.
import * as l10n from '@vscode/l10n';
import { conversationSchema, type Conversation } from './conversation';

export const FORMAT_VERSION = 1;

/**
 * The conversation in a file whose `version` is newer than this one's, when it still reads as one (then shown
 * read-only); undefined otherwise.
 */
export function readNewerVersion(json: unknown, id: string): { conversation: Conversation; readOnly: string } | undefined {
  if (!json || typeof json !== 'object') return undefined;
  const version = (json as { version?: unknown }).version;
  if (typeof version !== 'number' || version <= FORMAT_VERSION) return undefined;
  const parsed = conversationSchema.safeParse({ ...json, version: FORMAT_VERSION });
  if (!parsed.success || parsed.data.id !== id) return undefined;
  return {
    conversation: parsed.data,
    readOnly: readOnlyReason(l10n.t('it is in format {0}; this version writes format {1}', version, FORMAT_VERSION)),
  };
}

/** Why a conversation read by this version must not be saved back: fields it does not know, named. */
export function unknownFieldsReason(json: unknown, parsed: Conversation): string | undefined {
  const unknown = [...new Set(unknownFields(json, parsed, ''))];
  if (unknown.length === 0) return undefined;
  const first = unknown.slice(0, 5).join(', ');
  const shown = unknown.length > 5 ? l10n.t('{0}, and {1} more', first, unknown.length - 5) : first;
  return readOnlyReason(l10n.t('it holds fields this version does not know ({0})', shown));
}

function readOnlyReason(detail: string): string {
  return l10n.t(
    'This conversation was written by a newer version of AI Hub ({0}). It is shown read-only so that nothing in it is lost; update AI Hub to continue it, or start a new chat.',
    detail,
  );
}

function unknownFields(raw: unknown, parsed: unknown, at: string): string[] {
  if (Array.isArray(raw) && Array.isArray(parsed)) return raw.flatMap((item, i) => unknownFields(item, parsed[i], `${at}[]`));
  if (!isRecord(raw) || !isRecord(parsed)) return [];
  return Object.keys(raw).flatMap((key) => {
    const name = at ? `${at}.${key}` : key;
    return key in parsed ? unknownFields(raw[key], parsed[key], name) : [name];
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}
