// The usage log on disk: one append-only JSON Lines file per month under the extension's global storage.
// Appends are queued and written in the background, several lines in one write: a reply never waits for the disk,
// and a failing disk costs a warning in the log, never an error in the reply. Each write is one `appendFile`
// (O_APPEND) of whole lines, so two VS Code windows appending to the same month interleave lines, never bytes.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { filesForMonth, monthFileName, monthOfFile } from '../core/usage/monthFile';
import { monthOf } from '../core/usage/calendar';
import { formatUsageLine, parseUsageLines, type UsageRecord } from '../core/usage/record';
import type { Logger } from '../core/logger';

export class UsageLog {
  private pending = new Map<string, string[]>();
  private writing: Promise<void> = Promise.resolve();
  private scheduled = false;
  private warned = false;

  constructor(
    readonly dir: string,
    private readonly logger: Logger,
  ) {}

  /** Queues the record; returns at once. */
  append(record: UsageRecord): void {
    const file = monthFileName(monthOf(Date.parse(record.time)));
    const lines = this.pending.get(file);
    if (lines) lines.push(formatUsageLine(record));
    else this.pending.set(file, [formatUsageLine(record)]);
    if (this.scheduled) return;
    this.scheduled = true;
    this.writing = this.writing.then(() => this.flushPending());
  }

  /** Resolves once everything queued so far is on disk (or failed and was logged). */
  flushed(): Promise<void> {
    return this.writing;
  }

  /** The months that have a log file, newest first. */
  async months(): Promise<string[]> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    return names
      .map(monthOfFile)
      .filter((m): m is string => m !== undefined)
      .sort()
      .reverse();
  }

  /** Every record that may belong to `month` (its file and the neighbours'); the caller picks by day. */
  async readAround(month: string): Promise<{ records: UsageRecord[]; skipped: number }> {
    await this.flushed();
    const records: UsageRecord[] = [];
    let skipped = 0;
    for (const name of filesForMonth(month)) {
      const text = await fs.readFile(path.join(this.dir, name), 'utf8').catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') this.logger.warn(`usage: could not read ${name}: ${err.message}`);
        return '';
      });
      skipped += parseUsageLines(text, records).skipped;
    }
    if (skipped > 0) this.logger.warn(`usage: skipped ${skipped} line(s) that are not usage records`);
    return { records, skipped };
  }

  private async flushPending(): Promise<void> {
    // Lines queued while this write is under way go out in the next one.
    this.scheduled = false;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await fs.mkdir(this.dir, { recursive: true });
      for (const [file, lines] of batch) await fs.appendFile(path.join(this.dir, file), lines.join(''), 'utf8');
    } catch (err) {
      // Said once per session: a full disk would otherwise say it after every reply.
      if (!this.warned)
        this.logger.warn(`usage: could not write the usage log in ${this.dir}: ${err instanceof Error ? err.message : String(err)}`);
      this.warned = true;
    }
  }
}
