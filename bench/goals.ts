// Each benchmark states its goals where it measures them; `npm run bench` keeps them in bench/goals.json (so a
// run of one benchmark keeps the others' rows) and writes the "Goals at a glance" table of bench/RESULTS.md from
// it, so no figure in that table is ever copied by hand.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeSection } from './results';
import { verdict } from './stats';

export interface Goal {
  benchmark: string;
  goal: string;
  measured: string;
  met: boolean;
}

const FILE = path.join(__dirname, 'goals.json');
let pending: Goal[] = [];

/** Records a goal of the benchmark running now; returns its verdict for the benchmark's own table. */
export function goal(benchmark: string, target: string, measured: string, met: boolean): string {
  pending.push({ benchmark, goal: target, measured, met });
  return verdict(met);
}

/** Stores the goals the named benchmark just reported (replacing its earlier ones) and rewrites the summary. */
export function saveGoals(name: string): void {
  const all = readGoals();
  all[name] = pending;
  pending = [];
  fs.writeFileSync(FILE, `${JSON.stringify(all, null, 2)}\n`);
  const rows = Object.values(all)
    .flat()
    .map((g) => `| ${g.benchmark} | ${g.goal} | ${g.measured} | ${verdict(g.met)} |`);
  writeSection(
    'goals',
    ['| benchmark | goal | measured (median) | verdict |', '| --- | --- | --- | --- |', ...rows].join('\n'),
    "_Written by `npm run bench` from each benchmark's last run (bench/goals.json); the sections below have the details._",
  );
}

/** Forgets goals reported by a benchmark that then failed. */
export function dropPendingGoals(): void {
  pending = [];
}

function readGoals(): Record<string, Goal[]> {
  try {
    return JSON.parse(fs.readFileSync(FILE, 'utf8')) as Record<string, Goal[]>;
  } catch {
    return {};
  }
}
