// The demo as `npm run demo` runs it, for the command and for the end-to-end test that drives it: the packaged
// extension in a real VS Code (code-server), the demo hub (tools/demoHub) as its only hub, the demo workspace
// open, and a profile that puts AI Hub's chat first: VS Code's own chat closed, and a demo-only companion
// extension (tools/demoStart) that opens AI Hub's chat when the window first starts.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startCodeServer, type CodeServer } from '../test/runner/codeServer';
import { DEFAULT_DEMO_MODEL } from './demoHub/catalogue';
import { startDemoHub, type DemoHub } from './demoHub/server';

const ROOT = path.resolve(__dirname, '..');
const VSIX = path.join(ROOT, 'dist', 'aihub-vscode.vsix');
const DEMO_START = path.join(ROOT, 'tools', 'demoStart');
const DEMO_START_VSIX = path.join(ROOT, 'dist', 'aihub-demo-start.vsix');
export const DEMO_WORKSPACE = path.join(ROOT, 'tools', 'demo-workspace');
export const DEMO_HUB_NAME = 'Demo hub (offline, scripted)';

export interface DemoOptions {
  port?: number;
  hubPort?: number;
  /** Build and package the extension first (default true): the demo runs what a user would install. */
  build?: boolean;
}

export interface DemoSession {
  hub: DemoHub;
  server: CodeServer;
  /** The workbench with the demo workspace open. */
  url: string;
  stop(): Promise<void>;
}

/** The demo profile: the demo hub chosen and named, its default model, and VS Code's own chat closed. */
export function demoSettings(hubUrl: string): { machine: Record<string, unknown>; user: Record<string, unknown> } {
  return {
    machine: { 'aihub.baseUrl': hubUrl, 'aihub.hubs': [{ name: DEMO_HUB_NAME, baseUrl: hubUrl }] },
    user: {
      'aihub.defaultModel': DEFAULT_DEMO_MODEL,
      'workbench.colorTheme': 'Default Dark Modern',
      // VS Code's own chat needs a GitHub Copilot sign-in: left closed, so the first thing in view is AI Hub's.
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      // No README preview at start: a second webview loading beside the chat's in a browser that has never run
      // VS Code's webview service worker can wait forever for it (the chat stayed blank); the companion opens
      // utils.ts instead, and the README is one click away in the Explorer.
      'workbench.startupEditor': 'none',
      'editor.minimap.enabled': false,
    },
  };
}

export async function startDemo(options: DemoOptions = {}): Promise<DemoSession> {
  if (options.build !== false) execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: 'inherit' });
  packageDemoStart();
  const hub = await startDemoHub({ port: options.hubPort ?? 0 });
  let server: CodeServer | undefined;
  const stop = async () => {
    await server?.stop();
    await hub.close();
  };
  try {
    const settings = demoSettings(hub.url);
    server = await startCodeServer({
      installVsix: [VSIX, DEMO_START_VSIX],
      port: options.port,
      machineSettings: settings.machine,
      userSettings: settings.user,
    });
    fs.cpSync(DEMO_WORKSPACE, server.dirs.workspace, { recursive: true });
  } catch (err) {
    await stop();
    throw err;
  }
  return { hub, server, url: `${server.url}/?folder=${encodeURIComponent(server.dirs.workspace)}`, stop };
}

/** The companion that opens AI Hub's chat at start: packaged apart, so AI Hub's own .vsix never carries it. */
function packageDemoStart(): void {
  execFileSync(
    path.join(ROOT, 'node_modules', '.bin', 'vsce'),
    ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', DEMO_START_VSIX],
    { cwd: DEMO_START, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}
