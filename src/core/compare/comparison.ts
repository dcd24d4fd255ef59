// A comparison is stored as a conversation of its own kind: the question, then one reply per model. Kept with
// the chats (same folder, same atomic writes, listed in the history), shown in the Compare tab.
import { newConversation, type AssistantTurn, type Conversation, type UserTurn } from '../chat/conversation';
import { deriveTitle } from '../chat/title';
import * as l10n from '@vscode/l10n';

export const MIN_COMPARE_MODELS = 2;
export const MAX_COMPARE_MODELS = 4;

export interface ComparisonInput {
  id: string;
  question: UserTurn;
  models: readonly string[];
  /** Fresh ids for the columns. */
  newId: () => string;
  now: number;
}

export function newComparison(input: ComparisonInput): Conversation {
  const models = [...new Set(input.models.map((m) => m.trim()).filter(Boolean))];
  if (models.length < MIN_COMPARE_MODELS || models.length > MAX_COMPARE_MODELS) {
    throw new Error(`Compare ${MIN_COMPARE_MODELS} to ${MAX_COMPARE_MODELS} different models (got ${models.length}).`);
  }
  const c = newConversation(input.id, models[0], input.now);
  c.kind = 'comparison';
  c.title = comparisonTitle(input.question);
  c.customTitle = true;
  const columns: AssistantTurn[] = models.map((model) => ({
    id: input.newId(),
    role: 'assistant',
    model,
    text: '',
    status: 'streaming',
    createdAt: input.now,
  }));
  c.turns = [input.question, ...columns];
  return c;
}

export function comparisonTitle(question: UserTurn): string {
  return l10n.t('Compare: {0}', deriveTitle(question.display ?? question.text));
}

export function questionOf(c: Conversation): UserTurn | undefined {
  const first = c.turns[0];
  return first?.role === 'user' ? first : undefined;
}

export function columnsOf(c: Conversation): AssistantTurn[] {
  return c.turns.filter((t): t is AssistantTurn => t.role === 'assistant');
}

/** "Continue with this one": the question and that model's answer as an ordinary chat with that model. */
export function continuedConversation(c: Conversation, columnId: string, newId: () => string, now: number): Conversation | undefined {
  const question = questionOf(c);
  const answer = columnsOf(c).find((t) => t.id === columnId);
  if (!question || !answer) return undefined;
  const chat = newConversation(newId(), answer.model, now);
  chat.turns = [
    { ...question, id: newId() },
    { ...answer, id: newId(), status: answer.status === 'streaming' ? 'stopped' : answer.status },
  ];
  chat.title = deriveTitle(question.display ?? question.text);
  return chat;
}
