// A real VS Code (code-server) in Chromium with this extension under development and the benchmarks' driver
// (bench/session/hostDriver.ts) loaded into its extension host as the extension tests module: what the
// benchmarks that measure the extension inside a real host share.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import type { LocalHub } from '../../test/hub/server';
import { startCodeServer, type CodeServer } from '../../test/runner/codeServer';
import { REPO_ROOT } from '../../test/runner/toolchain';
import { openWorkbench, remoteUri, type Workbench } from '../../test/runner/workbench';

const DRIVER_DIR = path.join(REPO_ROOT, 'out', 'bench', 'session');

export type Driver = <T>(what: string, params?: Record<string, string | number>) => Promise<T>;

export interface HostSession {
  server: CodeServer;
  workbench: Workbench;
  /** Asks the driver in the current extension host (the one of the last page load). */
  driver: Driver;
  /**
   * Loads the window again (a new extension host); `payload` adds to the workbench's test payload (e.g.
   * `inspect-brk-extensions`). Resolves once the page has navigated; `driverReady` once the new driver answers.
   */
  reload(payload?: [string, string][]): Promise<{ driverReady: Promise<void> }>;
  close(): Promise<void>;
}

async function buildDriver(): Promise<void> {
  // The extension under development as `npm test` builds it, and the driver beside it (under the repository, so
  // the host counts the driver as part of AI Hub and lets it use AI Hub's models without a consent prompt).
  execFileSync(process.execPath, ['esbuild.js'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'hostDriver.ts')],
    outfile: path.join(DRIVER_DIR, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
}

async function waitForFile(file: string, timeoutMs: number): Promise<string> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (text) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the host driver did not start within ${timeoutMs / 1000} s`);
}

function driverAt(port: number): Driver {
  return async <T>(what: string, params: Record<string, string | number> = {}): Promise<T> => {
    const url = new URL(`http://127.0.0.1:${port}/${what}`);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, String(v));
    const res = await fetch(url, { signal: AbortSignal.timeout(30 * 60_000) });
    const text = await res.text();
    if (!res.ok) throw new Error(`host driver ${what}: ${text}`);
    return JSON.parse(text) as T;
  };
}

export async function startHostSession(hub: LocalHub, userSettings: Record<string, unknown> = {}): Promise<HostSession> {
  await buildDriver();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aihub-host-'));
  const portFile = path.join(tmp, 'port');
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  const close = async () => {
    await workbench?.close();
    await server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    server = await startCodeServer({
      smokeTestDriver: true,
      machineSettings: { 'aihub.baseUrl': hub.url },
      userSettings: { 'workbench.secondarySideBar.defaultVisibility': 'hidden', ...userSettings },
      env: { AIHUB_BENCH_DRIVER_PORT_FILE: portFile },
    });
    const payload: [string, string][] = [
      ['extensionDevelopmentPath', remoteUri(server, REPO_ROOT)],
      ['extensionTestsPath', remoteUri(server, DRIVER_DIR)],
      ['skipWelcome', 'true'],
    ];
    workbench = await openWorkbench(server, { payload });
    let driver = driverAt(Number(await waitForFile(portFile, 120_000)));
    const session: HostSession = {
      server,
      workbench,
      driver: (what, params) => driver(what, params),
      async reload(extra = []) {
        fs.rmSync(portFile, { force: true });
        const query = new URLSearchParams({ folder: server!.dirs.workspace, payload: JSON.stringify([...payload, ...extra]) });
        await workbench!.page.goto(`${server!.url}/?${query.toString()}`, { timeout: 120_000 });
        return {
          driverReady: waitForFile(portFile, 120_000).then((port) => {
            driver = driverAt(Number(port));
          }),
        };
      },
      close: async () => {
        await driver('exit').catch(() => undefined);
        await close();
      },
    };
    return session;
  } catch (err) {
    await close();
    throw err;
  }
}
