// A comparison as a markdown document: the question, a table of each model's figures, then each answer.
import type { Conversation } from '../chat/conversation';
import { fencedCode } from '../prompts/codeContext';
import { columnsOf, questionOf } from './comparison';
import type { ModelPrice } from '../money/price';
import { costLabel, metricRows } from './metrics';

export function exportComparison(c: Conversation, priceOf: (model: string) => ModelPrice | undefined): string {
  const question = questionOf(c);
  const columns = columnsOf(c);
  const out: string[] = [`# ${c.title}`, '', `_${new Date(c.createdAt).toISOString().slice(0, 10)} · ${columns.length} models_`, ''];
  if (question) {
    out.push('## Prompt', '', question.display ?? question.text, '');
    for (const a of question.context ?? []) out.push(`**${a.fileName}**`, '', fencedCode(a.text, a.language), '');
  }
  const rows = columns.map((t) => metricRows(t, costLabel(t, priceOf(t.model))));
  const labels = rows[0]?.map(([label]) => label) ?? [];
  out.push(
    '## Figures',
    '',
    `| | ${columns.map((t) => cell(t.model)).join(' | ')} |`,
    `| --- | ${columns.map(() => '---').join(' | ')} |`,
    ...labels.map((label, i) => `| ${label} | ${rows.map((r) => cell(r[i][1])).join(' | ')} |`),
    '',
  );
  for (const t of columns) {
    out.push(`## ${t.model}`, '');
    if (t.reasoning?.trim()) out.push('<details><summary>Thinking</summary>', '', t.reasoning.trim(), '', '</details>', '');
    if (t.text) out.push(t.text.trimEnd(), '');
    if (t.status === 'stopped' || t.status === 'interrupted') out.push(`_(${t.status})_`, '');
    if (t.error) out.push(`> **Error:** ${t.error.message}`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
