// Worker process: reads queued replies with one variant when the parent asks. The `memory` request (sent
// first) samples the heap every millisecond during one read and notes the resident set's growth; `time`
// requests time a batch of reads.
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import { serveRequests, workerInput } from '../child';
import { makeReader, type Outcome, type VariantName } from './variants';

export interface VariantInput {
  variant: VariantName;
  baseUrl: string;
  apiKey: string;
}

export type VariantRequest = { kind: 'memory' } | { kind: 'time'; reads: number };

export interface MemoryResult {
  /** Growth of the resident set during the first read, over the process's size before it. */
  rssGrowth: number;
  /** Highest heap use during the first read, over the heap before it (after a full GC). */
  heapPeak: number;
  outcome: Outcome;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const input = workerInput<VariantInput>();
const read = makeReader(input.variant, input.baseUrl, input.apiKey);
let expected: Outcome | undefined;

async function memory(): Promise<MemoryResult> {
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
  expected = outcome;
  return { rssGrowth: process.resourceUsage().maxRSS * 1024 - rssBefore, heapPeak: heapMax - heapBefore, outcome };
}

/**
 * Milliseconds per read, over a batch of reads. No full GC is forced first, for big reads either: with no reply
 * alive, a forced full GC lets V8 collect the hidden classes of the last reply's objects and throw away the optimized
 * code that read them (`--trace-deopt`: "weak objects" for the chunk guard, the decoder and the text assembler),
 * so every sample started partly cold: the warm-up undone, most for the variants that do work per chunk (ours, the
 * openai SDK), not at all for the bare parse, which reads no property of a chunk (bench/RESULTS.md).
 */
async function time(reads: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < reads; i++) {
    const got = await read();
    if (got.size !== expected?.size) throw new Error(`read ${got.size}, the first read ${expected?.size}`);
  }
  return (performance.now() - start) / reads;
}

serveRequests<VariantRequest, MemoryResult | number>((message) => (message.kind === 'memory' ? memory() : time(message.reads)));
