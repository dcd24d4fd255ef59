// Where a webview benchmark's long tasks go: with AIHUB_BENCH_PROFILE=<folder>, a phase is recorded as a Chromium
// trace (the devtools timeline: style, layout, paint, scripting, garbage collection) and a CPU profile (which of
// our functions ran), both written to that folder, and a summary of the longest tasks printed to stderr. Without
// it nothing is recorded (recording slows the page, so figures are never taken from a profiled run).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';

const FOLDER = process.env.AIHUB_BENCH_PROFILE;

/** True when this run records profiles: the harness is then bundled unminified, so functions keep their names. */
export const profiling = FOLDER !== undefined && FOLDER !== '';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { functionName?: string; url?: string } };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Records `run` when profiling (else just runs it); `name` names the files. */
export async function profiled<T>(browser: Browser, page: Page, session: CDPSession, name: string, run: () => Promise<T>): Promise<T> {
  if (!profiling) return run();
  fs.mkdirSync(FOLDER!, { recursive: true });
  const tracePath = path.join(FOLDER!, `${name}.trace.json`);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  await browser.startTracing(page, {
    path: tracePath,
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'toplevel'],
  });
  try {
    return await run();
  } finally {
    await browser.stopTracing();
    const { profile } = (await session.send('Profiler.stop')) as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    fs.writeFileSync(path.join(FOLDER!, `${name}.cpuprofile`), JSON.stringify(profile));
    process.stderr.write(summarize(name, JSON.parse(fs.readFileSync(tracePath, 'utf8')) as { traceEvents: TraceEvent[] }, profile));
  }
}

/** The renderer's longest tasks, each with where its time went, and the functions that ran longest overall. */
function summarize(
  name: string,
  trace: { traceEvents: TraceEvent[] },
  profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] },
): string {
  const events = trace.traceEvents.filter((e) => e.ph === 'X' && e.dur !== undefined);
  // The page's main thread: the one running the most FunctionCall time.
  const byThread = new Map<string, number>();
  for (const e of events)
    if (e.name === 'FunctionCall') byThread.set(`${e.pid}:${e.tid}`, (byThread.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur!);
  const main = [...byThread].sort((a, b) => b[1] - a[1])[0]?.[0];
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main).sort((a, b) => a.ts - b.ts);
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur! > 50_000).sort((a, b) => b.dur! - a.dur!);
  const lines = [`  profile ${name}: ${tasks.length} tasks over 50 ms on the main thread`];
  const interesting = [
    'FunctionCall',
    'EvaluateScript',
    'v8.evaluateModule',
    'UpdateLayoutTree',
    'Layout',
    'Paint',
    'PrePaint',
    'Layerize',
    'HitTest',
    'ParseHTML',
    'MajorGC',
    'MinorGC',
    'V8.GC_MARK_COMPACTOR',
    'IntersectionObserverController::computeIntersections',
    'ResizeObserverController::DeliverObservations',
    'v8.deserializeMessage',
    'HandlePostMessage',
    'TimerFire',
    'FireAnimationFrame',
    'EventDispatch',
  ];
  for (const task of tasks.slice(0, 8)) {
    const inside = onMain.filter((e) => e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur! && e !== task);
    const totals = new Map<string, number>();
    for (const e of inside) if (interesting.includes(e.name)) totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur!);
    const parts = [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 7)
      .map(([n, d]) => `${n} ${(d / 1000).toFixed(0)}`);
    lines.push(`    ${(task.dur! / 1000).toFixed(0)} ms: ${parts.join(', ')} (ms, nested events counted in each)`);
  }
  // Self time per function from the CPU profile.
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const t = self.get(node.id) ?? 0;
    if (!t) continue;
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber + 1}`;
    byName.set(key, (byName.get(key) ?? 0) + t);
  }
  const total = [...byName.values()].reduce((a, b) => a + b, 0);
  lines.push(`    functions by self time (of ${(total / 1000).toFixed(0)} ms sampled):`);
  for (const [key, t] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 15))
    lines.push(`      ${(t / 1000).toFixed(1).padStart(8)} ms  ${key}`);
  return `${lines.join('\n')}\n`;
}
