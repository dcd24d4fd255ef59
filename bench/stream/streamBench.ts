// Benchmarks 1 and 2: reading a long streamed reply with our hub client vs the openai SDK, a bare parse and
// raw bytes, over loopback from the local hub, each variant in its own process.
import { goal } from '../goals';
import { startHub, type LocalHub } from '../../test/hub/server';
import type { Scenario } from '../../test/hub/scenarios';
import { planStream } from '../../test/hub/streamPlan';
import { startWorker } from '../child';
import { mb, ms, msSpread, ratio, summarize, table, type Summary } from '../stats';
import { reasoningBody, toolCallBody } from './bodies';
import { stageBreakdown } from './stages';
import type { MemoryResult, VariantInput, VariantRequest } from './measureVariant';
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

export const textCases: StreamCase[] = SIZES.map((count) => ({
  label: `text, ${count.toLocaleString('en-US')} chunks (hub \`chunks\` scenario)`,
  chunks: count,
  scenario: () => ({ kind: 'chunks', count }),
}));

export const toolAndReasoningCases: StreamCase[] = SIZES.flatMap((count) => [
  {
    label: `tool-call arguments, ${count.toLocaleString('en-US')} chunks`,
    chunks: count,
    scenario: (): Scenario => ({ kind: 'raw', body: toolCallBody(count) }),
  },
  {
    label: `reasoning + text, ${count.toLocaleString('en-US')} chunks`,
    chunks: count,
    scenario: (): Scenario => ({ kind: 'raw', body: reasoningBody(count) }),
  },
]);

/**
 * Big replies are timed one read per sample; small ones in batches, so a sample is long enough to time well. No full
 * GC is forced between samples (measureVariant.ts says why).
 */
function repeats(chunks: number): { batch: number; warmup: number; runs: number } {
  return chunks >= 50_000 ? { batch: 1, warmup: 2, runs: 7 } : { batch: 10, warmup: 3, runs: 25 };
}

interface Measured {
  variant: VariantName;
  time: Summary;
  memory: MemoryResult;
}

async function measureCase(hub: LocalHub, c: StreamCase): Promise<Measured[]> {
  const { batch, warmup, runs } = repeats(c.chunks);
  hub.clearQueue();
  hub.requests.length = 0;
  hub.enqueue(c.scenario(), VARIANTS.length * (1 + (warmup + runs) * batch));
  const workers = VARIANTS.map((variant) =>
    startWorker<VariantRequest, MemoryResult | number>('stream/measureVariant.ts', {
      variant,
      baseUrl: hub.url,
      apiKey: API_KEY,
    } satisfies VariantInput),
  );
  try {
    // Memory first and one variant at a time: nothing else runs while a peak is sampled.
    const memory: MemoryResult[] = [];
    for (const w of workers) memory.push((await w.request({ kind: 'memory' })) as MemoryResult);
    const samples: number[][] = VARIANTS.map(() => []);
    for (let round = 0; round < warmup + runs; round++) {
      // Round-robin, starting with a different variant each round, so load on the machine is shared fairly.
      for (let k = 0; k < workers.length; k++) {
        const i = (round + k) % workers.length;
        const perRead = (await workers[i].request({ kind: 'time', reads: batch })) as number;
        if (round >= warmup) samples[i].push(perRead);
      }
    }
    const out = VARIANTS.map((variant, i) => ({ variant, time: summarize(samples[i]), memory: memory[i] }));
    const ours = out.find((m) => m.variant === 'ours')!;
    const sdk = out.find((m) => m.variant === 'openai')!;
    // Every variant must have read the whole reply, or the comparison is meaningless.
    if (ours.memory.outcome.size !== sdk.memory.outcome.size || ours.memory.outcome.size === 0) {
      throw new Error(`${c.label}: our client assembled ${ours.memory.outcome.size} characters, the openai SDK ${sdk.memory.outcome.size}`);
    }
    return out;
  } finally {
    for (const w of workers) w.close();
  }
}

/** A stream read from memory, stage by stage, to show where our client's time goes. */
export interface Breakdown {
  label: string;
  body(): string;
}

export const BREAKDOWN_CHUNKS = 100_000;

export const textBreakdown: Breakdown[] = [
  {
    label: 'text',
    body: () =>
      planStream({ kind: 'chunks', count: BREAKDOWN_CHUNKS }, { model: 'bench-model' })
        .map((s) => ('frame' in s ? s.frame : ''))
        .join(''),
  },
];

export const toolAndReasoningBreakdown: Breakdown[] = [
  { label: 'tool-call arguments', body: () => toolCallBody(BREAKDOWN_CHUNKS) },
  { label: 'reasoning + text', body: () => reasoningBody(BREAKDOWN_CHUNKS) },
];

export async function runStreamCases(cases: StreamCase[], heading: string, breakdowns: Breakdown[] = []): Promise<string> {
  const hub = await startHub({ apiKey: API_KEY });
  const sections: string[] = [heading];
  const goals: string[][] = [];
  try {
    for (const c of cases) {
      process.stderr.write(`  ${c.label}…\n`);
      const measured = await measureCase(hub, c);
      const ours = measured.find((m) => m.variant === 'ours')!;
      const by = (v: VariantName) => measured.find((m) => m.variant === v)!.time.median;
      const bytes = measured.find((m) => m.variant === 'raw')!.memory.outcome.size;
      const rows = measured.map((m) => [
        m.variant,
        msSpread(m.time),
        m.variant === 'ours' ? '—' : ratio(ours.time.median, m.time.median),
        mb(m.memory.heapPeak),
        mb(m.memory.rssGrowth),
      ]);
      sections.push(`**${c.label}** (${mb(bytes)} of events; assembled ${ours.memory.outcome.size.toLocaleString('en-US')} characters)`);
      sections.push(table(['variant', 'median per read (min–max, samples)', 'ours ÷ this', 'peak heap growth', 'peak RSS growth'], rows));
      const vsOpenai = by('ours') / by('openai');
      const vsBare = by('ours') / by('bare');
      const vs = (ours: number, other: number) => `${(ours / other).toFixed(2)}× (${ms(ours)} vs ${ms(other)})`;
      goals.push([
        c.label,
        `${vsOpenai.toFixed(2)}× (≤ ${GOAL_VS_OPENAI}×) ${goal(`${heading.replace(/^#+ /, '')}: ${c.label}`, `ours ≤ ${GOAL_VS_OPENAI}× openai SDK`, vs(by('ours'), by('openai')), vsOpenai <= GOAL_VS_OPENAI)}`,
        `${vsBare.toFixed(2)}× (≤ ${GOAL_VS_BARE}×) ${goal(`${heading.replace(/^#+ /, '')}: ${c.label}`, `ours ≤ ${GOAL_VS_BARE}× bare parse`, vs(by('ours'), by('bare')), vsBare <= GOAL_VS_BARE)}`,
        ratio(by('ours'), by('raw')),
      ]);
    }
  } finally {
    await hub.close();
  }
  sections.push('Goals:');
  sections.push(table(['stream', 'ours ÷ openai', 'ours ÷ bare parse', 'ours ÷ raw bytes'], goals));
  for (const b of breakdowns) {
    process.stderr.write(`  stage breakdown, ${b.label}, ${BREAKDOWN_CHUNKS} chunks…\n`);
    sections.push(
      `Where our client's time goes (${b.label}, ${BREAKDOWN_CHUNKS.toLocaleString('en-US')} chunks from memory, each stage cumulative, median of 9):`,
    );
    sections.push(await stageBreakdown(b.body(), BREAKDOWN_CHUNKS));
  }
  return sections.join('\n\n');
}
