// Summaries of repeated measurements: the median and how far the runs spread around it.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

export interface Summary {
  median: number;
  min: number;
  max: number;
  p95: number;
  runs: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], p95: at(0.95), runs: sorted.length };
}

/** "12.3 ms" with a precision that suits the size. */
export function ms(value: number): string {
  if (value >= 100) return `${Math.round(value)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

/** Median with the spread: "123 ms (118–131, n=7)". */
export function msSpread(s: Summary): string {
  const short = (v: number) => ms(v).replace(' ms', '');
  return `${ms(s.median)} (${short(s.min)}–${short(s.max)}, n=${s.runs})`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}

/** A markdown table. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** "met" / "MISSED" against a goal, so a missed goal is never hidden in a column of numbers. */
export function verdict(ok: boolean): string {
  return ok ? 'met' : '**MISSED**';
}

/** A full garbage collection before a timed run, so one run's garbage is not collected during the next. */
export function collectGarbage(): void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed();
  // Not started with --expose-gc (`tsx bench/index.ts`): the flag can still be set and gc read from a fresh context.
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}
