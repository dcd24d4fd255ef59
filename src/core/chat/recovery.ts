// A conversation file that cannot be read as it is: what is wrong with it, and what of it can still be read.
// The file itself is never changed; whatever is recovered goes into a new conversation.
import * as l10n from '@vscode/l10n';
import { jsonrepair } from 'jsonrepair';
import { assistantTurnSchema, conversationSchema, userTurnSchema, type Conversation, type Turn } from './conversation';
import { newChatTitle } from './title';
import { replayJournal, type JournalEntry } from './replyJournal';

export type Damage = 'empty' | 'binary' | 'truncated' | 'wrongShape';

/** What is wrong with a file, in the display language. */
export function damageText(damage: Damage): string {
  switch (damage) {
    case 'empty':
      return l10n.t('it is empty');
    case 'binary':
      return l10n.t('it is not text');
    case 'truncated':
      return l10n.t('it is not valid JSON (cut short, or changed outside AI Hub)');
    case 'wrongShape':
      return l10n.t('it is not a conversation this version understands');
  }
}

/** What is wrong with a file's text, or undefined when it is a conversation with the expected id. */
export function damageOf(text: string, id: string): Damage | undefined {
  if (text.trim() === '') return 'empty';
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // NUL bytes, or bytes that are not UTF-8 (decoded as U+FFFD): what we write holds neither outside strings.
    return text.includes('\u0000') || text.includes('\uFFFD') ? 'binary' : 'truncated';
  }
  const parsed = conversationSchema.safeParse(json);
  return parsed.success && parsed.data.id === id ? undefined : 'wrongShape';
}

/**
 * The turns that can still be read from a damaged file, in order, up to the first one that cannot (a cut-off
 * file keeps its readable prefix: a last answer cut mid-text keeps the text up to the cut), followed by what
 * the journal holds of the answer that was streaming.
 */
export function recoverTurns(text: string, journal: readonly JournalEntry[]): { turns: Turn[]; title?: string; model?: string } {
  const source = readLoosely(text);
  const turns: Turn[] = [];
  for (const raw of source.turns) {
    const turn = looseTurn(raw);
    if (!turn) break;
    turns.push(turn);
  }
  // An answer the file lost altogether but the journal kept (an empty file) comes back from the journal alone.
  for (const id of new Set(journal.map((e) => e.turn))) {
    if (!turns.some((t) => t.id === id))
      turns.push({ id, role: 'assistant', model: source.model ?? 'unknown', text: '', status: 'interrupted', createdAt: 0 });
  }
  replayJournal({ version: 1, id: 'recovering', title: '', model: '', createdAt: 0, updatedAt: 0, turns }, journal);
  return { turns: turns.filter((t) => t.role === 'user' || t.text || t.reasoning), title: source.title, model: source.model };
}

/** A new conversation holding what was recovered, or undefined when nothing was. */
export function recoveredConversation(
  newId: string,
  recovered: ReturnType<typeof recoverTurns>,
  fallbackModel: string,
  now: number,
): Conversation | undefined {
  if (recovered.turns.length === 0) return undefined;
  return {
    version: 1,
    id: newId,
    title: l10n.t('Recovered: {0}', recovered.title && recovered.title !== newChatTitle() ? recovered.title : l10n.t('conversation')),
    customTitle: true,
    model: recovered.model ?? fallbackModel,
    createdAt: now,
    updatedAt: now,
    turns: recovered.turns,
  };
}

function readLoosely(text: string): { turns: unknown[]; title?: string; model?: string } {
  if (text.includes('\u0000') || text.trim() === '') return { turns: [] };
  let json: unknown;
  try {
    json = JSON.parse(jsonrepair(text));
  } catch {
    return { turns: [] };
  }
  if (!json || typeof json !== 'object') return { turns: [] };
  const o = json as Record<string, unknown>;
  return {
    turns: Array.isArray(o.turns) ? o.turns : [],
    title: typeof o.title === 'string' ? o.title : undefined,
    model: typeof o.model === 'string' ? o.model : undefined,
  };
}

/** A turn as stored, or as much of one as a cut left: a question needs its text, an answer at least its text. */
function looseTurn(raw: unknown): Turn | undefined {
  const user = userTurnSchema.safeParse(raw);
  if (user.success) return user.data;
  const assistant = assistantTurnSchema.safeParse(raw);
  if (assistant.success) return assistant.data.status === 'streaming' ? { ...assistant.data, status: 'interrupted' } : assistant.data;
  if (!raw || typeof raw !== 'object') return undefined;
  const o = raw as Record<string, unknown>;
  if (typeof o.id !== 'string' || typeof o.text !== 'string') return undefined;
  const createdAt = typeof o.createdAt === 'number' ? o.createdAt : 0;
  if (o.role === 'user') return { id: o.id, role: 'user', text: o.text, createdAt };
  if (o.role === 'assistant')
    return {
      id: o.id,
      role: 'assistant',
      model: typeof o.model === 'string' ? o.model : 'unknown',
      text: o.text,
      status: 'interrupted',
      createdAt,
    };
  return undefined;
}
