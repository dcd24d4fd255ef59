// Child process: reads the queued replies with one variant. The first read is sampled for memory (heap every
// millisecond, and the process's RSS high-water mark); then warm-up reads, then the timed ones.
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import { childInput, childOutput } from '../child';
import { makeReader, type Outcome, type VariantName } from './variants';

export interface VariantInput {
  variant: VariantName;
  baseUrl: string;
  apiKey: string;
  warmup: number;
  runs: number;
}

export interface VariantResult {
  times: number[];
  /** Growth of the resident set during the first read, over the process's size before it. */
  rssGrowth: number;
  /** Highest heap use during the first read, over the heap before it (after a full GC). */
  heapPeak: number;
  outcome: Outcome;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function main(): Promise<void> {
  const input = childInput<VariantInput>();
  const read = makeReader(input.variant, input.baseUrl, input.apiKey);

  gc();
  const heapBefore = v8.getHeapStatistics().used_heap_size;
  const rssBefore = process.memoryUsage.rss();
  let heapMax = heapBefore;
  const sampler = setInterval(() => {
    heapMax = Math.max(heapMax, v8.getHeapStatistics().used_heap_size);
  }, 1);
  const outcome = await read();
  heapMax = Math.max(heapMax, v8.getHeapStatistics().used_heap_size);
  clearInterval(sampler);
  const rssGrowth = process.resourceUsage().maxRSS * 1024 - rssBefore;

  for (let i = 0; i < input.warmup; i++) await read();
  const times: number[] = [];
  for (let i = 0; i < input.runs; i++) {
    gc();
    const start = performance.now();
    const got = await read();
    times.push(performance.now() - start);
    if (got.size !== outcome.size) throw new Error(`run ${i} read ${got.size}, the first read ${outcome.size}`);
  }
  childOutput({ times, rssGrowth, heapPeak: heapMax - heapBefore, outcome } satisfies VariantResult);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
