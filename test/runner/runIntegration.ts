// `npm run test:integration`: runs test/integration/*.test.ts inside a real VS Code extension host, against a
// local hub started here as a separate process. Offline this is code-server + Chromium (headless); with
// AIHUB_VSCODE_PATH set (a desktop VS Code executable), @vscode/test-electron runs the same suite.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startCodeServer, type CodeServer } from './codeServer';
import { holdMachineLock } from './machineLock';
import { startHubProcess, type HubProcess } from './hubProcess';
import { startPortkey, type PortkeyProcess } from './portkeyProcess';
import { runCleanups, stopOnSignals } from './processes';
import { REPO_ROOT } from './toolchain';
import { openWorkbench, remoteUri, screenshot, type Workbench } from './workbench';

const TESTS = path.join(REPO_ROOT, 'out', 'test', 'integration');
const KEY = 'sk-integration-test';
const TIMEOUT_MS = Number(process.env.AIHUB_INTEGRATION_TIMEOUT_MS ?? 10 * 60 * 1000);
// The workbench logs at trace level into the automation logger too; mocha's report arrives as `info`. These
// info/warn/error lines are the workbench's own chatter (offline gallery lookups, connection set-up, and its
// log of language model requests, whose expected errors carry whole stack traces).
const WORKBENCH_NOISE =
  /^\[CHAT\] extension request|open-vsx|ENOTFOUND|Creating a socket|connection token|AgentHost|vsda|ChatModelSelection|AccountPolicyGate|Service Worker|builtin extensions cache|grace time/;
const SHOWN_LEVELS = new Set((process.env.AIHUB_INTEGRATION_LOG_LEVELS ?? 'info,warn,error').split(','));

function sampleWorkspace(dir: string): void {
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src', 'sample.ts'), 'export function add(a: number, b: number): number {\n  return a + b;\n}\n');
}

function elapsed(t0: number): string {
  return `${((Date.now() - t0) / 1000).toFixed(1)} s`;
}

/** What the suites inside the host read to find the local hub, its key and the gateway in front of it. */
function suiteEnv(hub: HubProcess, portkey: PortkeyProcess): Record<string, string> {
  return { AIHUB_TEST_HUB_URL: hub.url, AIHUB_TEST_KEY: KEY, AIHUB_TEST_PORTKEY_URL: portkey.url };
}

async function runDesktop(vscodeExecutablePath: string, hub: HubProcess, portkey: PortkeyProcess): Promise<number> {
  const { runTests } = await import('@vscode/test-electron');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aihub-vscode-'));
  const workspace = path.join(tmp, 'ws');
  sampleWorkspace(workspace);
  const userData = path.join(tmp, 'ud');
  for (const scope of ['User', 'Machine']) {
    fs.mkdirSync(path.join(userData, scope), { recursive: true });
    fs.writeFileSync(
      path.join(userData, scope, 'settings.json'),
      JSON.stringify({
        'aihub.baseUrl': hub.url,
        'workbench.startupEditor': 'none',
        'update.mode': 'none',
        'telemetry.telemetryLevel': 'off',
      }),
    );
  }
  try {
    return await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: path.join(TESTS, 'index.js'),
      launchArgs: ['--disable-extensions', '--user-data-dir', userData, '--disable-workspace-trust', workspace],
      extensionTestsEnv: suiteEnv(hub, portkey),
    });
  } catch (err) {
    console.error(err);
    return 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function runCodeServer(hub: HubProcess, portkey: PortkeyProcess, t0: number): Promise<number> {
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  try {
    server = await startCodeServer({
      smokeTestDriver: true,
      machineSettings: { 'aihub.baseUrl': hub.url },
      // The extension host is a child of code-server and inherits its environment (the activation suite checks).
      env: suiteEnv(hub, portkey),
    });
    console.error(`[integration] code-server up on ${server.url} (${elapsed(t0)})`);
    sampleWorkspace(server.dirs.workspace);
    // A test failure explains itself in mocha's report; without one, code-server's log tells what broke.
    let reported = false;
    let resolveExit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (resolveExit = resolve));
    workbench = await openWorkbench(server, {
      payload: [
        ['extensionDevelopmentPath', remoteUri(server, REPO_ROOT)],
        ['extensionTestsPath', remoteUri(server, TESTS)],
        ['skipWelcome', 'true'],
      ],
      onLog: (line, level) => {
        if (/^\s*\d+ (passing|failing|pending)\b/.test(line)) reported = true;
        if (SHOWN_LEVELS.has(level) && !WORKBENCH_NOISE.test(line)) console.log(line);
      },
      onExit: (code) => resolveExit(code),
    });
    console.error(`[integration] workbench loaded (${elapsed(t0)}); the suite's output follows`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        console.error(`[integration] the suite did not finish within ${TIMEOUT_MS / 1000} s`);
        resolve(1);
      }, TIMEOUT_MS);
    });
    const code = await Promise.race([exited, timeout]).finally(() => clearTimeout(timer));
    // By now the test extension host has exited: the workbench is still up, the extension's views are empty.
    const shot = await screenshot(workbench.page, 'integration-end').catch((err: Error) => `none (${err.message})`);
    console.error(`[integration] suite exited with ${code} (${elapsed(t0)}); screenshot: ${shot}`);
    if (code !== 0 && !reported) console.error(`--- code-server log (tail) ---\n${server.logTail(60)}`);
    return code;
  } finally {
    await workbench?.close();
    await server?.stop();
  }
}

async function main(): Promise<number> {
  const t0 = Date.now();
  if (!fs.existsSync(path.join(TESTS, 'index.js'))) {
    console.error(`no compiled suite in ${TESTS}: run "node esbuild.js" first`);
    return 1;
  }
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) {
    console.error('no dist/extension.js: run "node esbuild.js" first');
    return 1;
  }
  stopOnSignals();
  // Behind another suite's run on this machine first: the time limits count from when this run may start.
  await holdMachineLock();
  armHardStop();
  let hub: HubProcess | undefined;
  let portkey: PortkeyProcess | undefined;
  try {
    hub = await startHubProcess({ key: KEY });
    console.error(`[integration] local hub (pid ${hub.pid}) at ${hub.url} (${elapsed(t0)})`);
    portkey = await startPortkey();
    console.error(`[integration] Portkey gateway (pid ${portkey.pid}) at ${portkey.url} (${elapsed(t0)})`);
    const desktop = process.env.AIHUB_VSCODE_PATH;
    const code = desktop ? await runDesktop(desktop, hub, portkey) : await runCodeServer(hub, portkey, t0);
    if (code !== 0) console.error(`--- Portkey gateway output (tail) ---\n${portkey.output().slice(-4000)}`);
    return code;
  } catch (err) {
    console.error(err);
    if (hub) console.error(`--- local hub output ---\n${hub.output()}`);
    return 1;
  } finally {
    await portkey?.stop();
    await hub?.stop();
    await runCleanups();
  }
}

// A hard stop as well: whatever hangs (a browser that does not close, a stuck stop), the runner ends.
function armHardStop(): void {
  setTimeout(() => {
    console.error('[integration] overall time limit reached: stopping everything');
    void runCleanups().finally(() => process.exit(1));
  }, TIMEOUT_MS + 60_000).unref();
}

void main().then((code) => process.exit(code));
