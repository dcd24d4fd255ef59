// Runs before `npm test` and `npm run demo` so that a fresh clone needs no other step: installs the npm
// dependencies when they are missing or older than the lock file, then the offline VS Code toolchain.
// Plain Node with no dependencies, because it runs before any are installed.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const installed = path.join(root, 'node_modules', '.package-lock.json');
const lock = path.join(root, 'package-lock.json');

if (!fs.existsSync(installed) || fs.statSync(installed).mtimeMs < fs.statSync(lock).mtimeMs) {
  console.error('[bootstrap] installing npm dependencies (npm ci)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}
execFileSync('bash', [path.join(root, 'tools', 'ensure-toolchain.sh')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
