// Starts a real VS Code (code-server) offline, everything it writes kept in one throwaway folder, in its own
// process group so that stopping it also stops its extension host and pty host.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort, stopGroup, waitForHttp } from './processes';
import { toolchain } from './toolchain';

export interface CodeServerOptions {
  userSettings?: Record<string, unknown>;
  /** Machine-scoped settings (aihub.baseUrl) only take effect from here under code-server. */
  machineSettings?: Record<string, unknown>;
  env?: Record<string, string>;
  /** Needed for the workbench to honour a test `payload` (extension development and tests paths). */
  smokeTestDriver?: boolean;
  /** A .vsix to install into the fresh extensions folder before starting. */
  installVsix?: string;
  port?: number;
}

export interface CodeServer {
  url: string;
  port: number;
  pid: number;
  dirs: { root: string; userData: string; extensions: string; workspace: string };
  logFile: string;
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': false,
};

function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('npm_')) env[k] = v;
  return env;
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const tools = toolchain();
  // A short root: code-server puts unix sockets under TMPDIR and their paths must stay under ~107 bytes.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'acs-'));
  const dirs = {
    root,
    userData: path.join(root, 'ud'),
    extensions: path.join(root, 'ext'),
    workspace: path.join(root, 'ws'),
  };
  for (const d of [dirs.userData, dirs.extensions, dirs.workspace, path.join(root, 'home'), path.join(root, 't'), path.join(root, 'xdg', 'config'), path.join(root, 'xdg', 'data'), path.join(root, 'xdg', 'cache')]) {
    fs.mkdirSync(d, { recursive: true });
  }
  const settings = { ...QUIET_SETTINGS, ...options.userSettings };
  for (const [scope, values] of [['User', settings], ['Machine', { ...settings, ...options.machineSettings }]] as const) {
    fs.mkdirSync(path.join(dirs.userData, scope), { recursive: true });
    fs.writeFileSync(path.join(dirs.userData, scope, 'settings.json'), JSON.stringify(scope === 'User' ? { ...values, ...options.machineSettings } : values, null, 2));
  }
  const configFile = path.join(root, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(),
    HOME: path.join(root, 'home'),
    XDG_CONFIG_HOME: path.join(root, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(root, 'xdg', 'data'),
    XDG_CACHE_HOME: path.join(root, 'xdg', 'cache'),
    TMPDIR: path.join(root, 't'),
    ...options.env,
  };
  const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--config', configFile];
  if (options.installVsix) {
    execFileSync(tools.node24, [tools.codeServerEntry, ...common, '--install-extension', options.installVsix, '--force'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  }
  const port = options.port ?? (await freePort());
  const logFile = path.join(root, 'code-server.log');
  const log = fs.openSync(logFile, 'a');
  const args = [
    tools.codeServerEntry,
    ...common,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  const child: ChildProcess = spawn(tools.node24, args, { env, detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const logTail = (lines = 40) => {
    try {
      return fs.readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };
  const stop = async () => {
    await stopGroup(child);
    fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000, () => child.exitCode === null);
  } catch (err) {
    const tail = logTail();
    await stop();
    throw new Error(`code-server did not start: ${(err as Error).message}\n${tail}`);
  }
  return { url: `http://127.0.0.1:${port}`, port, pid: child.pid!, dirs, logFile, logTail, stop };
}
