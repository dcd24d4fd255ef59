// The history index kept on disk for the conversation store: read once, checked against the folder by the
// files' size and modification time (reading only the files that changed), updated by the store's own saves
// and deletes, and written back at most once a second (a streaming answer saves every 750 ms) and on flush.
// It is only a cache of the files: a missing or damaged index is rebuilt from them.
import type { Logger } from '../logger';
import type { DamagedFile, Opened } from './conversationStore';
import { entryOf, parseIndex, sameStamp, serializeIndex, sortHistory, type FileStamp, type HistoryEntry } from './historyIndex';

const WRITE_DELAY_MS = 1_000;

export interface HistoryIndexPorts {
  file: string;
  fs: { readFile(file: string, encoding: 'utf8'): Promise<string> };
  logger: Logger;
  /** The conversation file's size and time; undefined when it is gone. */
  stampOf(id: string): Promise<FileStamp | undefined>;
  ids(): Promise<string[]>;
  read(id: string): Promise<Opened>;
  write(file: string, data: string): Promise<void>;
}

export class HistoryIndexFile {
  private index: Map<string, HistoryEntry> | undefined;
  private loading: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dirty = false;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly ports: HistoryIndexPorts) {}

  /** Pinned first, then the newest: as the index has it (read once, then kept up to date). */
  async entries(): Promise<HistoryEntry[]> {
    await this.load();
    return sortHistory(this.index!.values());
  }

  /** Files added, removed or changed since the index was written are read; `damaged` cannot be. */
  async verify(): Promise<{ entries: HistoryEntry[]; damaged: DamagedFile[]; changed: boolean }> {
    await this.load();
    return this.reconcile();
  }

  /** After a conversation's file is written: its entry, with the file's new size and time. */
  async saved(id: string, entry: HistoryEntry): Promise<void> {
    if (!this.index) return; // Not loaded yet: loading compares the files' times and reads this one again.
    const stamp = await this.ports.stampOf(id);
    if (!stamp) return;
    this.index.set(id, { ...entry, mtimeMs: stamp.mtimeMs, size: stamp.size });
    this.changed();
  }

  deleted(id: string): void {
    if (this.index?.delete(id)) this.changed();
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.write();
  }

  private load(): Promise<void> {
    this.loading ??= (async () => {
      const text = await this.ports.fs.readFile(this.ports.file, 'utf8').catch(() => undefined);
      const entries = text === undefined ? undefined : parseIndex(text);
      this.index = new Map(entries?.map((e) => [e.id, e]));
      // No usable index yet (first run, or damaged): built from the files once.
      if (!entries) await this.reconcile();
    })();
    return this.loading;
  }

  private async reconcile(): Promise<{ entries: HistoryEntry[]; damaged: DamagedFile[]; changed: boolean }> {
    const index = this.index!;
    const ids = await this.ports.ids();
    const damaged: DamagedFile[] = [];
    let changed = false;
    await Promise.all(
      ids.map(async (id) => {
        const stamp = await this.ports.stampOf(id);
        if (!stamp || sameStamp(index.get(id), stamp)) return;
        const opened = await this.ports.read(id);
        changed = true;
        if (opened.kind === 'ok') index.set(id, entryOf(opened.conversation, stamp, opened.readOnly));
        else {
          index.delete(id);
          if (opened.kind === 'damaged') damaged.push(opened);
        }
      }),
    );
    const present = new Set(ids);
    for (const id of index.keys()) {
      if (present.has(id)) continue;
      index.delete(id);
      changed = true;
    }
    if (changed) this.changed();
    return { entries: sortHistory(index.values()), damaged, changed };
  }

  private changed(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.write();
    }, WRITE_DELAY_MS);
    this.timer.unref?.();
  }

  private write(): Promise<void> {
    if (this.dirty && this.index) {
      this.dirty = false;
      const json = serializeIndex(this.index.values());
      this.writing = this.writing
        .then(() => this.ports.write(this.ports.file, json))
        // Only a cache: the next start rebuilds what it misses from the files.
        .catch((err: unknown) =>
          this.ports.logger.warn(`chat: could not write the history index: ${err instanceof Error ? err.message : String(err)}`),
        );
    }
    return this.writing;
  }
}
