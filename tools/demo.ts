// `npm run demo`: the extension for real, in a real VS Code (code-server) on 127.0.0.1, talking to a local
// demo hub that needs no key and no internet. Ctrl+C stops everything it started.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startHub } from '../test/hub/server';
import { startCodeServer, type CodeServer } from '../test/runner/codeServer';

const ROOT = path.resolve(__dirname, '..');
const VSIX = path.join(ROOT, 'dist', 'aihub-vscode.vsix');

async function main(): Promise<void> {
  console.log('Packaging the extension…');
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: 'inherit' });

  // A little latency per chunk so streaming is visible, as it is with a real hub.
  const hub = await startHub({ apiKey: null, latencyMs: 15, port: Number(process.env.AIHUB_DEMO_HUB_PORT ?? 0) });
  let server: CodeServer | undefined;
  const stop = async () => {
    await server?.stop();
    await hub.close();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stop().then(() => process.exit(0)));
  try {
    server = await startCodeServer({
      installVsix: VSIX,
      port: process.env.AIHUB_DEMO_PORT ? Number(process.env.AIHUB_DEMO_PORT) : undefined,
      machineSettings: { 'aihub.baseUrl': hub.url },
      userSettings: { 'aihub.defaultModel': 'gpt-4o', 'workbench.colorTheme': 'Default Dark Modern' },
    });
    fs.cpSync(path.join(ROOT, 'tools', 'demo-workspace'), server.dirs.workspace, { recursive: true });
  } catch (err) {
    await stop();
    throw err;
  }
  const url = `${server.url}/?folder=${encodeURIComponent(server.dirs.workspace)}`;
  console.log('');
  console.log(`Demo hub (no key needed):  ${hub.url}`);
  console.log(`VS Code with AI Hub:       ${url}`);
  console.log('');
  console.log('Open the URL in a browser, then the AI Hub icon in the activity bar. Ctrl+C stops the demo.');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
