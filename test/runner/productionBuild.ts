// A production build and .vsix of the working tree, made in a throwaway copy: `node esbuild.js --production`
// starts by deleting dist/, which must not happen under the feet of tests running in the shared tree (the e2e
// package test and the extension benchmark both use it).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const SKIP = new Set(['node_modules', '.git', 'dist', 'out', 'test-results', '.vscode-test']);

export interface ProductionBuild {
  dir: string;
  vsix: string;
  remove(): void;
}

export function buildProductionCopy(): ProductionBuild {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aihub-bench-build-'));
  try {
    for (const entry of fs.readdirSync(ROOT)) {
      if (SKIP.has(entry)) continue;
      fs.cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
    }
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    // `npm run package` itself, so the benchmark measures exactly what is shipped.
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    const vsix = path.join(dir, 'dist', 'aihub-vscode.vsix');
    return { dir, vsix, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
