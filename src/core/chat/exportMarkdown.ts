// A conversation as a markdown document (the "Export" action): readable on its own, code kept in fences.
import { fencedCode } from '../prompts/codeContext';
import type { AssistantTurn, Conversation } from './conversation';

const STATUS_NOTE: Partial<Record<AssistantTurn['status'], string>> = {
  stopped: '_(stopped)_',
  interrupted: '_(interrupted)_',
  error: '_(failed)_',
};

export function exportMarkdown(c: Conversation): string {
  const out: string[] = [`# ${c.title}`, '', `_Model: ${c.model} · ${new Date(c.createdAt).toISOString().slice(0, 10)}_`, ''];
  for (const turn of c.turns) {
    if (turn.role === 'user') {
      out.push('## You', '', turn.display ?? turn.text, '');
      for (const a of turn.context ?? []) out.push(`**${a.fileName}**`, '', fencedCode(a.text, a.language), '');
      continue;
    }
    out.push(`## ${turn.model}`, '');
    if (turn.reasoning?.trim()) out.push('<details><summary>Thinking</summary>', '', turn.reasoning.trim(), '', '</details>', '');
    if (turn.text) out.push(turn.text.trimEnd(), '');
    const note = STATUS_NOTE[turn.status];
    if (note) out.push(note, '');
    if (turn.error) out.push(`> **Error:** ${turn.error.message}`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** A file name for the export: the title's words, safe on every OS. */
export function exportFileName(c: Conversation): string {
  const base =
    c.title
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50) || 'chat';
  return `${base}.md`;
}
