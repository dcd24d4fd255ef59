// Runs one measured variant in its own Node process, so its memory peak is its own and no variant warms the
// JIT for another. The child prints one JSON line; this returns it parsed.
import { spawn } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

export function runChild<T>(script: string, input: unknown, timeoutMs = 180_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(__dirname, script), JSON.stringify(input)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !last.startsWith('{')) {
        reject(new Error(`${script} ${JSON.stringify(input).slice(0, 200)} failed (${signal ?? `exit ${code}`}):\n${err.slice(-2000)}`));
        return;
      }
      resolve(JSON.parse(last) as T);
    });
  });
}

/** In a child: the input the parent passed. */
export function childInput<T>(): T {
  return JSON.parse(process.argv[2]) as T;
}

/** In a child: hands the result to the parent. */
export function childOutput(result: unknown): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
