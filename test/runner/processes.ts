// Small process helpers shared by the runners: free ports, stopping a whole process group, waiting for HTTP.
import type { ChildProcess } from 'node:child_process';
import * as net from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * SIGTERM to the child's process group, then SIGKILL to whatever of the group is still there after `graceMs`.
 * Waits for the whole group (code-server's extension host and pty host too), not only for the child itself.
 */
export async function stopGroup(child: ChildProcess, graceMs = 3000): Promise<void> {
  const pgid = child.pid;
  if (pgid === undefined) return;
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pgid, sig);
    } catch {
      // the group is gone
    }
  };
  const waitGone = async (ms: number) => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (!groupAlive(pgid) && (child.exitCode !== null || child.signalCode !== null)) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  };
  if (!groupAlive(pgid)) return;
  signal('SIGTERM');
  if (await waitGone(graceMs)) return;
  signal('SIGKILL');
  await waitGone(2000);
}

export async function waitForHttp(url: string, timeoutMs: number, isAlive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`process exited before ${url} answered`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

// Everything a runner started (hub, code-server, Chromium) registers how to stop it here, so that one signal
// handler stops them all: code-server runs in its own process group and would outlive an interrupted runner.
const cleanups = new Set<() => Promise<void>>();

/** Registers `stop` to run on SIGINT/SIGTERM (see `stopOnSignals`); returns a function that unregisters it. */
export function registerCleanup(stop: () => Promise<void>): () => void {
  cleanups.add(stop);
  return () => cleanups.delete(stop);
}

/** Runs every registered cleanup once, in reverse order of registration, never throwing. */
export async function runCleanups(): Promise<void> {
  const all = [...cleanups].reverse();
  cleanups.clear();
  for (const stop of all) await stop().catch(() => undefined);
}

/** On SIGINT/SIGTERM (or SIGHUP): stop everything registered, then exit with 128 + the signal's number. */
export function stopOnSignals(): void {
  const codes: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
  for (const [signal, n] of Object.entries(codes) as [NodeJS.Signals, number][]) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping every process this runner started`);
      void runCleanups().finally(() => process.exit(128 + n));
    });
  }
}
