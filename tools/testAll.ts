// `npm test`: every check in order (lint, types, unit, the webview's code in a real Chromium, integration in a real
// VS Code, e2e in a real browser driving VS Code),
// each stage's output streamed as it runs, then one summary line that CI can read.
import { spawn } from 'node:child_process';

const stages: [name: string, script: string][] = [
  ['lint', 'lint'],
  ['typecheck', 'typecheck'],
  ['unit', 'test:unit'],
  ['browser', 'test:browser'],
  ['integration', 'test:integration'],
  ['e2e', 'test:e2e'],
];

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

function run(script: string, tally: Tally): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let pending = '';
    child.stdout.on('data', (data: Buffer) => {
      process.stdout.write(data);
      pending += data.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) count(line, tally);
    });
    child.on('close', (code) => {
      count(pending, tally);
      resolve(code ?? 1);
    });
  });
}

// mocha's summary lines ("  12 passing (3s)", "  1 failing", "  2 pending"), wherever a suite ran.
function count(line: string, tally: Tally): void {
  // eslint-disable-next-line no-control-regex
  const plain = line.replace(/\u001b\[[0-9;]*m/g, '');
  const m = /^\s*(\d+) (passing|failing|pending)\b/.exec(plain);
  if (!m) return;
  const n = Number(m[1]);
  if (m[2] === 'passing') tally.passed += n;
  else if (m[2] === 'failing') tally.failed += n;
  else tally.skipped += n;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
  const failedStages: string[] = [];
  for (const [name, script] of stages) {
    if (only.length > 0 && !only.includes(name)) continue;
    console.log(`\n=== ${name} ===`);
    const code = await run(script, tally);
    if (code !== 0) failedStages.push(name);
  }
  console.log(`\nstages failed: ${failedStages.length ? failedStages.join(', ') : 'none'}`);
  console.log(`${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
  process.exit(failedStages.length > 0 ? 1 : 0);
}

void main();
