// Benchmarks 1 and 2: reading a long streamed reply with our hub client vs the openai SDK, a bare parse and
// raw bytes, over loopback from the local hub, each variant in its own process.
import { startHub, type LocalHub } from '../../test/hub/server';
import type { Scenario } from '../../test/hub/scenarios';
import { runChild } from '../child';
import { mb, msSpread, ratio, summarize, table, verdict, type Summary } from '../stats';
import { reasoningBody, toolCallBody } from './bodies';
import type { VariantInput, VariantResult } from './measureVariant';
import { VARIANTS, type VariantName } from './variants';

const API_KEY = 'sk-bench';
const GOAL_VS_OPENAI = 0.25;
const GOAL_VS_BARE = 1.25;

export interface StreamCase {
  label: string;
  scenario: () => Scenario;
  chunks: number;
}

const SIZES = [1_000, 100_000];

export const textCases: StreamCase[] = SIZES.map((count) => ({ label: `text, ${count.toLocaleString('en-US')} chunks (hub \`chunks\` scenario)`, chunks: count, scenario: () => ({ kind: 'chunks', count }) }));

export const toolAndReasoningCases: StreamCase[] = SIZES.flatMap((count) => [
  { label: `tool-call arguments, ${count.toLocaleString('en-US')} chunks`, chunks: count, scenario: (): Scenario => ({ kind: 'raw', body: toolCallBody(count) }) },
  { label: `reasoning + text, ${count.toLocaleString('en-US')} chunks`, chunks: count, scenario: (): Scenario => ({ kind: 'raw', body: reasoningBody(count) }) },
]);

function repeats(chunks: number): { warmup: number; runs: number } {
  return chunks >= 50_000 ? { warmup: 2, runs: 7 } : { warmup: 30, runs: 40 };
}

interface Measured {
  variant: VariantName;
  time: Summary;
  result: VariantResult;
}

async function measureCase(hub: LocalHub, c: StreamCase): Promise<Measured[]> {
  const { warmup, runs } = repeats(c.chunks);
  const scenario = c.scenario();
  const out: Measured[] = [];
  for (const variant of VARIANTS) {
    hub.clearQueue();
    hub.enqueue(scenario, 1 + warmup + runs);
    hub.requests.length = 0;
    const input: VariantInput = { variant, baseUrl: hub.url, apiKey: API_KEY, warmup, runs };
    const result = await runChild<VariantResult>('stream/measureVariant.ts', input);
    out.push({ variant, time: summarize(result.times), result });
  }
  const ours = out.find((m) => m.variant === 'ours')!;
  const sdk = out.find((m) => m.variant === 'openai')!;
  // Every variant must have read the whole reply, or the comparison is meaningless.
  if (ours.result.outcome.size !== sdk.result.outcome.size || ours.result.outcome.size === 0) {
    throw new Error(`${c.label}: our client assembled ${ours.result.outcome.size} characters, the openai SDK ${sdk.result.outcome.size}`);
  }
  return out;
}

export async function runStreamCases(cases: StreamCase[], heading: string): Promise<string> {
  const hub = await startHub({ apiKey: API_KEY });
  const sections: string[] = [heading];
  const goals: string[][] = [];
  try {
    for (const c of cases) {
      process.stderr.write(`  ${c.label}…\n`);
      const measured = await measureCase(hub, c);
      const ours = measured.find((m) => m.variant === 'ours')!;
      const by = (v: VariantName) => measured.find((m) => m.variant === v)!.time.median;
      const bytes = measured.find((m) => m.variant === 'raw')!.result.outcome.size;
      const rows = measured.map((m) => [
        m.variant,
        msSpread(m.time),
        m.variant === 'ours' ? '—' : ratio(ours.time.median, m.time.median),
        mb(m.result.heapPeak),
        mb(m.result.rssGrowth),
      ]);
      sections.push(`**${c.label}** (${mb(bytes)} of events; assembled ${ours.result.outcome.size.toLocaleString('en-US')} characters)`);
      sections.push(table(['variant', 'median (min–max, runs)', 'ours ÷ this', 'peak heap growth', 'peak RSS growth'], rows));
      const vsOpenai = by('ours') / by('openai');
      const vsBare = by('ours') / by('bare');
      goals.push([c.label, `${vsOpenai.toFixed(2)}× (≤ ${GOAL_VS_OPENAI}×) ${verdict(vsOpenai <= GOAL_VS_OPENAI)}`, `${vsBare.toFixed(2)}× (≤ ${GOAL_VS_BARE}×) ${verdict(vsBare <= GOAL_VS_BARE)}`, ratio(by('ours'), by('raw'))]);
    }
  } finally {
    await hub.close();
  }
  sections.push('Goals:');
  sections.push(table(['stream', 'ours ÷ openai', 'ours ÷ bare parse', 'ours ÷ raw bytes'], goals));
  return sections.join('\n\n');
}
