// Measured variants run in their own Node processes, so each one's memory peak is its own and no variant warms
// the JIT for another. The parent drives them over IPC one request at a time, so runs of different variants
// can be interleaved and a busy moment on the machine falls on all of them alike.
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

export interface Worker<Req, Res> {
  request(message: Req): Promise<Res>;
  close(): void;
}

export function startWorker<Req, Res>(script: string, input: unknown): Worker<Req, Res> {
  const child: ChildProcess = fork(path.join(__dirname, script), [JSON.stringify(input)], {
    cwd: ROOT,
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  let pending: { resolve: (r: Res) => void; reject: (e: Error) => void } | undefined;
  const fail = (why: string) => {
    pending?.reject(new Error(`${script} ${why}:\n${stderr.slice(-2000)}`));
    pending = undefined;
  };
  child.on('message', (message: { ok: true; value: Res } | { ok: false; error: string }) => {
    const p = pending;
    pending = undefined;
    if (message.ok) p?.resolve(message.value);
    else p?.reject(new Error(`${script}: ${message.error}`));
  });
  child.on('exit', (code, signal) => fail(`exited (${signal ?? `code ${code}`})`));
  child.on('error', (err) => fail(String(err)));
  return {
    request: (message) =>
      new Promise<Res>((resolve, reject) => {
        if (child.exitCode !== null || child.signalCode !== null)
          return reject(new Error(`${script} is not running:\n${stderr.slice(-2000)}`));
        pending = { resolve, reject };
        child.send(message as object);
      }),
    close: () => {
      child.removeAllListeners('exit');
      child.kill();
    },
  };
}

/** In a worker: the input the parent passed. */
export function workerInput<T>(): T {
  return JSON.parse(process.argv[2]) as T;
}

/** In a worker: answers each request from the parent with `handle`'s result, one at a time. */
export function serveRequests<Req, Res>(handle: (message: Req) => Promise<Res>): void {
  process.on('message', (message: Req) => {
    handle(message).then(
      (value) => process.send!({ ok: true, value }),
      (err: unknown) => process.send!({ ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
    );
  });
}
