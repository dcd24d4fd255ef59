// The usage log as CSV for a spreadsheet: one row per reply, RFC 4180 quoting. Model ids come from the hub, so a
// cell that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe.
import type { UsageRecord } from './record';

const COLUMNS: readonly [string, (r: UsageRecord) => string | number | null][] = [
  ['time', (r) => r.time],
  ['surface', (r) => r.surface],
  ['hub', (r) => r.hub],
  ['model', (r) => r.model],
  ['served_model', (r) => r.servedModel],
  ['input_tokens', (r) => r.inputTokens],
  ['output_tokens', (r) => r.outputTokens],
  ['cached_tokens', (r) => r.cachedTokens],
  ['reasoning_tokens', (r) => r.reasoningTokens],
  ['cost', (r) => r.cost],
  ['currency', (r) => r.currency],
  ['duration_ms', (r) => Math.round(r.durationMs)],
  ['first_token_ms', (r) => (r.firstTokenMs === null ? null : Math.round(r.firstTokenMs))],
  ['outcome', (r) => r.outcome],
  ['error_kind', (r) => r.errorKind],
  // "gpt-4o: no available channel (503)": who could not answer before this model did, and why.
  ['fallback_from', (r) => (r.fallbackFrom?.length ? r.fallbackFrom.map((s) => `${s.model}: ${s.reason}`).join('; ') : null)],
];

export function usageCsv(records: readonly UsageRecord[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  for (const r of records) lines.push(COLUMNS.map(([, get]) => cell(get(r))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function cell(value: string | number | null): string {
  // Unknown stays empty: a spreadsheet must not sum a made-up zero.
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
