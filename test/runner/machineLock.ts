// One real VS Code suite at a time on this machine: two code-servers and two Chromiums starving each other on
// two cores turn waits into timeouts. The first suite to start a code-server holds the lock until its process
// exits; a lock whose holder died is taken over.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const LOCK_DIR = path.join(os.tmpdir(), 'aihub-vscode-suite.lock');
let held = false;

function holder(): number | undefined {
  try {
    return Number(fs.readFileSync(path.join(LOCK_DIR, 'pid'), 'utf8')) || undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function holdMachineLock(): Promise<void> {
  if (held || process.env.AIHUB_NO_SUITE_LOCK) return;
  let said = false;
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR);
      fs.writeFileSync(path.join(LOCK_DIR, 'pid'), String(process.pid));
      held = true;
      process.once('exit', () => fs.rmSync(LOCK_DIR, { recursive: true, force: true }));
      return;
    } catch {
      const pid = holder();
      if (pid !== undefined && !alive(pid)) {
        fs.rmSync(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      if (!said) console.error(`[suite-lock] another VS Code suite runs on this machine (pid ${pid ?? '?'}); waiting for it to finish`);
      said = true;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
