// `npm run test:integration`: runs test/integration/*.test.ts inside a real VS Code extension host, against a
// local hub started here. Offline this is code-server + Chromium; with AIHUB_VSCODE_PATH set (a desktop VS
// Code), @vscode/test-electron runs the same suite.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startHub, type LocalHub } from '../hub/server';
import { startCodeServer, type CodeServer } from './codeServer';
import { openWorkbench, remoteUri, screenshot, type Workbench } from './workbench';

const ROOT = path.resolve(__dirname, '..', '..');
const TESTS = path.join(ROOT, 'out', 'test', 'integration');
const KEY = 'sk-integration-test';
const TIMEOUT_MS = 15 * 60 * 1000;
// The workbench's own console chatter (offline gallery lookups, connection set-up) buries mocha's report.
const WORKBENCH_NOISE = /workbench\.js|open-vsx|ENOTFOUND|Creating a socket|connection token|AgentHost|vsda|ChatModelSelection|AccountPolicyGate|Service Worker|builtin extensions cache|grace time|^\s*$/;

function sampleWorkspace(dir: string): void {
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src', 'sample.ts'), 'export function add(a: number, b: number): number {\n  return a + b;\n}\n');
}

async function runDesktop(vscodeExecutablePath: string, hub: LocalHub): Promise<number> {
  const { runTests } = await import('@vscode/test-electron');
  const tmp = fs.mkdtempSync(path.join(ROOT, 'out', 'vscode-'));
  sampleWorkspace(path.join(tmp, 'ws'));
  const userData = path.join(tmp, 'ud');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ 'aihub.baseUrl': hub.url }));
  try {
    return await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(TESTS, 'index.js'),
      launchArgs: ['--disable-extensions', '--user-data-dir', userData, '--disable-workspace-trust', path.join(tmp, 'ws')],
      extensionTestsEnv: { AIHUB_TEST_HUB_URL: hub.url, AIHUB_TEST_KEY: KEY },
    });
  } catch {
    return 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function runCodeServer(hub: LocalHub): Promise<number> {
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  try {
    server = await startCodeServer({
      smokeTestDriver: true,
      machineSettings: { 'aihub.baseUrl': hub.url },
      env: { AIHUB_TEST_HUB_URL: hub.url, AIHUB_TEST_KEY: KEY },
    });
    sampleWorkspace(server.dirs.workspace);
    const s = server;
    let resolveExit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (resolveExit = resolve));
    workbench = await openWorkbench(server, {
      payload: [
        ['extensionDevelopmentPath', remoteUri(s, ROOT)],
        ['extensionTestsPath', remoteUri(s, TESTS)],
        ['skipWelcome', 'true'],
      ],
      onLog: (line) => {
        if (!WORKBENCH_NOISE.test(line)) console.log(line);
      },
      onExit: (code) => resolveExit(code),
    });
    const timeout = new Promise<number>((resolve) =>
      setTimeout(() => {
        console.error(`integration suite did not finish within ${TIMEOUT_MS / 60000} minutes`);
        resolve(1);
      }, TIMEOUT_MS).unref(),
    );
    const code = await Promise.race([exited, timeout]);
    await screenshot(workbench.page, 'integration-end').catch(() => undefined);
    if (code !== 0) console.error(`--- code-server log (tail) ---\n${server.logTail(60)}`);
    return code;
  } finally {
    await workbench?.close();
    await server?.stop();
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(TESTS, 'index.js'))) {
    console.error(`no compiled suite in ${TESTS}: run "node esbuild.js" first`);
    process.exit(1);
  }
  const hub = await startHub({ apiKey: KEY });
  let code = 1;
  const stopAll = () => {
    void hub.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopAll);
  process.once('SIGTERM', stopAll);
  try {
    const desktop = process.env.AIHUB_VSCODE_PATH;
    code = desktop ? await runDesktop(desktop, hub) : await runCodeServer(hub);
  } catch (err) {
    console.error(err);
  } finally {
    await hub.close();
  }
  process.exit(code);
}

void main();
