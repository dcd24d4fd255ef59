// The local hub (test/hub/cli.ts) as a separate process, as the integration runner and e2e tests use it: a
// crash or a busy loop in the hub cannot take the runner down with it, and it is stopped by its process group.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { registerCleanup, stopGroup } from './processes';
import { REPO_ROOT } from './toolchain';

export interface HubProcessOptions {
  /** The key the hub accepts; without it (and without `noAuth`) the hub's default `sk-test-key`. */
  key?: string;
  /** Accept requests with or without any key. */
  noAuth?: boolean;
  /** 0 (the default) lets the system choose a free port. */
  port?: number;
  startTimeoutMs?: number;
}

export interface HubProcess {
  /** `http://127.0.0.1:PORT/v1`, as the hub printed it. */
  url: string;
  pid: number;
  /** Everything the hub printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export async function startHubProcess(options: HubProcessOptions = {}): Promise<HubProcess> {
  const args = [path.join(REPO_ROOT, 'test', 'hub', 'cli.ts'), '--port', String(options.port ?? 0)];
  if (options.noAuth) args.push('--no-auth');
  else if (options.key) args.push('--key', options.key);
  // tsx runs the script in a child node of its own: a process group of its own lets one signal stop both.
  const child = spawn(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), args, {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const stop = () => stopGroup(child);
  const unregister = registerCleanup(stop);
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the local hub did not start within ${options.startTimeoutMs ?? 30_000} ms:\n${out}`)),
        options.startTimeoutMs ?? 30_000,
      );
      const check = () => {
        const match = /AI Hub local server listening on (http:\/\/\S+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout!.on('data', check);
      child.once('error', (err) => reject(new Error(`the local hub could not be started: ${err.message}`)));
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the local hub exited (${code ?? signal}) before listening:\n${out}`));
      });
    });
    return {
      url,
      pid: child.pid!,
      output: () => out,
      stop: async () => {
        unregister();
        await stop();
      },
    };
  } catch (err) {
    unregister();
    await stop();
    throw err;
  }
}
