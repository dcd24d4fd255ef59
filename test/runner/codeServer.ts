// Starts a real VS Code (code-server) offline, everything it writes kept in one throwaway folder, in its own
// process group so that stopping it also stops its extension host and pty host.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeLanguagePack } from './languagePack';
import { holdMachineLock } from './machineLock';
import { freePort, registerCleanup, stopGroup, waitForHttp } from './processes';
import { toolchain } from './toolchain';

export interface CodeServerOptions {
  /**
   * The extension under development (absolute path). `openWorkbench` then loads it by default through the
   * workbench's test payload, which needs the smoke-test driver: giving this turns `smokeTestDriver` on.
   */
  extensionDevelopmentPath?: string;
  userSettings?: Record<string, unknown>;
  /**
   * Machine-scoped settings (`aihub.baseUrl`) are ignored in User/settings.json under code-server and only
   * take effect from Machine/settings.json; these are written to both (user settings go to both too).
   */
  machineSettings?: Record<string, unknown>;
  /** Extra environment for code-server, which its extension host inherits. */
  env?: Record<string, string>;
  /** The folder the workbench opens by default; without it an empty folder in the temp dir (`dirs.workspace`). */
  workspaceFolder?: string;
  /** Needed for the workbench to honour a test `payload` (extension development and tests paths). */
  smokeTestDriver?: boolean;
  /** An extensions folder to use (kept on stop); without it a fresh one in the temp dir. */
  extensionsDir?: string;
  /** The .vsix files to install into the extensions folder before starting. */
  installVsix?: string | string[];
  port?: number;
  /** How long to wait for `/healthz` (default 60 s). */
  startTimeoutMs?: number;
  /** VS Code's display language (`--locale`, e.g. `zh-cn`), with a language pack for it (test/runner/languagePack.ts). */
  locale?: string;
}

export interface CodeServer {
  /** `http://127.0.0.1:PORT`, the host the `vscode-remote://` authority must match. */
  url: string;
  port: number;
  /** code-server's pid, also its process group id. */
  pid: number;
  dirs: { root: string; userData: string; extensions: string; workspace: string; home: string; tmp: string };
  extensionDevelopmentPath?: string;
  logFile: string;
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

/** Keeps the workbench quiet and offline: no welcome page, tips, experiments, telemetry or update checks. */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': false,
};

/** The outer npm's `npm_*` variables (npm test) confuse code-server's own node tooling: drop them. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('npm_')) env[k] = v;
  return env;
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  await holdMachineLock();
  const tools = toolchain();
  // A short root: code-server puts unix sockets under TMPDIR and their paths must stay under ~107 bytes.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'acs-'));
  const dirs = {
    root,
    userData: path.join(root, 'ud'),
    extensions: options.extensionsDir ?? path.join(root, 'ext'),
    workspace: options.workspaceFolder ?? path.join(root, 'ws'),
    home: path.join(root, 'home'),
    tmp: path.join(root, 't'),
  };
  const xdg = { config: path.join(root, 'xdg', 'config'), data: path.join(root, 'xdg', 'data'), cache: path.join(root, 'xdg', 'cache') };
  for (const d of [dirs.userData, dirs.extensions, dirs.workspace, dirs.home, dirs.tmp, xdg.config, xdg.data, xdg.cache]) {
    fs.mkdirSync(d, { recursive: true });
  }
  const settings = { ...QUIET_SETTINGS, ...options.userSettings, ...options.machineSettings };
  for (const scope of ['User', 'Machine']) {
    fs.mkdirSync(path.join(dirs.userData, scope), { recursive: true });
    fs.writeFileSync(path.join(dirs.userData, scope, 'settings.json'), JSON.stringify(settings, null, 2));
  }
  if (options.locale) writeLanguagePack(options.locale, dirs);
  const configFile = path.join(root, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(),
    HOME: dirs.home,
    XDG_CONFIG_HOME: xdg.config,
    XDG_DATA_HOME: xdg.data,
    XDG_CACHE_HOME: xdg.cache,
    TMPDIR: dirs.tmp,
    ...options.env,
  };
  const removeRoot = () => fs.rmSync(root, { recursive: true, force: true });
  const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--config', configFile];
  const vsixes = options.installVsix === undefined ? [] : [options.installVsix].flat();
  if (vsixes.length > 0) {
    try {
      execFileSync(tools.node24, [tools.codeServerEntry, ...common, ...vsixes.flatMap((v) => ['--install-extension', v]), '--force'], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (err) {
      removeRoot();
      const e = err as { stdout?: Buffer; stderr?: Buffer; message: string };
      throw new Error(
        `code-server could not install ${vsixes.join(', ')}: ${e.message}\n${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`,
      );
    }
  }
  const port = options.port ?? (await freePort());
  const logFile = path.join(root, 'code-server.log');
  const log = fs.openSync(logFile, 'a');
  const smokeTestDriver = options.smokeTestDriver ?? options.extensionDevelopmentPath !== undefined;
  const args = [
    tools.codeServerEntry,
    ...common,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(options.locale ? ['--locale', options.locale] : []),
  ];
  const child: ChildProcess = spawn(tools.node24, args, { env, cwd: dirs.home, detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const logTail = (lines = 40) => {
    try {
      return fs.readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      unregister();
      await stopGroup(child);
      removeRoot();
    })());
  const unregister = registerCleanup(stop);
  try {
    await waitForHttp(
      `http://127.0.0.1:${port}/healthz`,
      options.startTimeoutMs ?? 60_000,
      () => child.exitCode === null && child.signalCode === null,
    );
  } catch (err) {
    const tail = logTail();
    await stop();
    throw new Error(`code-server did not start: ${(err as Error).message}\n--- code-server log (tail) ---\n${tail}`);
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    dirs,
    extensionDevelopmentPath: options.extensionDevelopmentPath,
    logFile,
    logTail,
    stop,
  };
}
