// Portkey's open-source AI gateway (npm @portkey-ai/gateway) as a separate process between the extension and the
// local hub, for the gateway integration suite. It lives in test/gateway/portkey with its own package.json and
// lock, pinned to what the gateway's own lockfile pins (newer hono releases break its streaming: Portkey#1389),
// installed here with `npm ci` on first use, so a fresh clone needs nothing else.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { freePort, registerCleanup, stopGroup, waitForHttp } from './processes';
import { REPO_ROOT } from './toolchain';

export const PORTKEY_DIR = path.join(REPO_ROOT, 'test', 'gateway', 'portkey');
const ENTRY = path.join(PORTKEY_DIR, 'node_modules', '@portkey-ai', 'gateway', 'build', 'start-server.js');

export interface PortkeyProcess {
  /** `http://127.0.0.1:PORT/v1`: the base URL a client uses. */
  url: string;
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

/** `npm ci` in the gateway's folder when its modules are missing or older than its lock. */
export function ensurePortkeyInstalled(): void {
  const installed = path.join(PORTKEY_DIR, 'node_modules', '.package-lock.json');
  const lock = path.join(PORTKEY_DIR, 'package-lock.json');
  if (fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs && fs.existsSync(ENTRY)) return;
  console.error('[portkey] installing the gateway (npm ci in test/gateway/portkey)…');
  // The outer npm's npm_* variables (under `npm test`) would point this install at the repository's own package.
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('npm_')) env[k] = v;
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PORTKEY_DIR, stdio: ['ignore', 'inherit', 'inherit'], env });
}

export async function startPortkey(): Promise<PortkeyProcess> {
  ensurePortkeyInstalled();
  const port = await freePort();
  // This machine's Node (20): the pinned @hono/node-server predates Node 24's undici change (Portkey#1604).
  const child = spawn(process.execPath, [ENTRY, `--port=${port}`, '--headless'], {
    cwd: PORTKEY_DIR,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'test' },
  });
  let out = '';
  // The gateway logs every upstream failure with a stack: keep the tail only.
  const keep = (chunk: Buffer) => (out = (out + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const stop = () => stopGroup(child);
  const unregister = registerCleanup(stop);
  try {
    await waitForHttp(`http://127.0.0.1:${port}/`, 30_000, () => child.exitCode === null && child.signalCode === null);
  } catch (err) {
    unregister();
    await stop();
    throw new Error(`Portkey's gateway did not start: ${(err as Error).message}\n${out}`);
  }
  return {
    url: `http://127.0.0.1:${port}/v1`,
    pid: child.pid!,
    output: () => out,
    stop: async () => {
      unregister();
      await stop();
    },
  };
}
