// Keeps bench/RESULTS.md current: each benchmark's tables sit between markers and are replaced by the next
// run of that benchmark; the notes written around them are left alone.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const FILE = path.join(__dirname, 'RESULTS.md');

export function machine(): string {
  const cpu = os.cpus();
  return `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, ${os.type()} ${os.release()}, Node ${process.versions.node}`;
}

export function writeSection(
  name: string,
  body: string,
  stamp = `_Last run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, \`npm run bench -- ${name}\`, ${machine()}._`,
): void {
  const text = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '# Benchmark results\n';
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const stamped = `${start}\n${stamp}\n\n${body.trim()}\n${end}`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const next = from >= 0 && to > from ? text.slice(0, from) + stamped + text.slice(to + end.length) : `${text.trimEnd()}\n\n${stamped}\n`;
  fs.writeFileSync(FILE, next);
}
