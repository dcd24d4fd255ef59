// Conversations as one JSON file each in a folder (the extension's globalStorageUri): never globalState,
// which VS Code loads whole into memory and warns about past 512 KB.
//
// Writes are atomic (a temp file renamed over the old one), so a crash mid-write leaves the previous version,
// never half a file. Saves of one conversation run one at a time and collapse: while a write is in flight only
// the newest snapshot waits, so a fast stream of saves cannot pile up or land out of order. Beside each file,
// while an answer streams, its journal (`<id>.journal`, see replyJournal.ts) holds every piece already shown.
//
// A file that cannot be read is never changed or deleted by the store: it is reported as damaged, with what
// could be recovered from it and its journal. A file written by a newer version is read but never written back.
//
// The history list reads the index beside the files (historyIndex.ts), not every file; `verify` brings it up to
// date with the folder by the files' size and modification time.
import * as nodeFs from 'node:fs/promises';
import * as path from 'node:path';
import { silentLogger, type Logger } from '../logger';
import { CONVERSATION_ID, conversationSchema, settleInterrupted, type Conversation, type ConversationSummary } from './conversation';
import { damageText, damageOf, recoverTurns, type Damage } from './recovery';
import { entryOf, INDEX_FILE, summaryOf, type FileStamp, type HistoryEntry } from './historyIndex';
import { HistoryIndexFile } from './historyIndexFile';
import { readNewerVersion, unknownFieldsReason } from './newerFormat';
import { FileJournal, parseJournal, replayJournal } from './replyJournal';

/** The few file operations the store needs (node:fs/promises fits; tests inject failures). */
export interface StoreFs {
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
  readdir(dir: string): Promise<string[]>;
  readFile(file: string, encoding: 'utf8'): Promise<string>;
  writeFile(file: string, data: string, encoding: 'utf8'): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { force: true }): Promise<void>;
  stat(file: string): Promise<FileStamp>;
}

interface SaveQueue {
  /** The newest snapshot not yet written, with everyone waiting for it. */
  pending?: { json: string; entry: HistoryEntry; waiters: { resolve(): void; reject(err: unknown): void }[] };
  running?: Promise<void>;
}

/** A conversation file that could not be read: left as it is, with what could be read of it. */
export interface DamagedFile {
  id: string;
  file: string;
  damage: Damage;
  recovered: ReturnType<typeof recoverTurns>;
}

/** `readOnly`: why the conversation must not be written back (a newer version's file). */
export type Opened =
  { kind: 'ok'; conversation: Conversation; readOnly?: string } | { kind: 'missing' } | ({ kind: 'damaged' } & DamagedFile);

let tempCounter = 0;

export class ConversationStore {
  private readonly queues = new Map<string, SaveQueue>();
  private readonly fs: StoreFs;
  private readonly logger: Logger;
  private readonly index: HistoryIndexFile;
  /** Conversations read from a newer version's files, with the reason: never written. */
  private readonly readOnly = new Map<string, string>();

  constructor(
    readonly dir: string,
    options: { fs?: StoreFs; logger?: Logger } = {},
  ) {
    this.fs = options.fs ?? nodeFs;
    this.logger = options.logger ?? silentLogger;
    this.index = new HistoryIndexFile({
      file: path.join(dir, INDEX_FILE),
      fs: this.fs,
      logger: this.logger,
      stampOf: (id) => this.fs.stat(this.fileOf(id)).catch(() => undefined),
      ids: () => this.conversationIds(),
      read: (id) => this.read(id),
      write: (file, data) => this.writeAtomically(file, data),
    });
  }

  /** Every readable conversation, pinned first, then newest first, from the index. */
  async list(): Promise<ConversationSummary[]> {
    return (await this.history()).map(summaryOf);
  }

  /** The history as the index has it (read once, then kept up to date by this store's own saves). */
  history(): Promise<HistoryEntry[]> {
    return this.index.entries();
  }

  /**
   * Brings the index up to date with the folder: files added, removed or changed since it was written (another
   * window, a crash between a save and the index) are read; `damaged` are the files that cannot be.
   */
  verify(): Promise<{ entries: HistoryEntry[]; damaged: DamagedFile[]; changed: boolean }> {
    return this.index.verify();
  }

  /** Why the conversation is read-only, when it came from a newer version's file. */
  readOnlyReason(id: string): string | undefined {
    return this.readOnly.get(id);
  }

  async loadAll(): Promise<Conversation[]> {
    return (await this.scan()).conversations;
  }

  /** Every conversation file: the readable ones newest first (journals replayed, nothing written), and the damaged. */
  async scan(): Promise<{ conversations: Conversation[]; damaged: DamagedFile[] }> {
    const ids = await this.conversationIds();
    const opened = await Promise.all(ids.map((id) => this.read(id)));
    return {
      conversations: opened.flatMap((o) => (o.kind === 'ok' ? [o.conversation] : [])).sort((a, b) => b.updatedAt - a.updatedAt),
      damaged: opened.flatMap((o) => (o.kind === 'damaged' ? [o] : [])),
    };
  }

  /** The conversation, or undefined when it does not exist or cannot be read (logged). */
  async load(id: string): Promise<Conversation | undefined> {
    const opened = await this.open(id);
    return opened.kind === 'ok' ? opened.conversation : undefined;
  }

  /**
   * Reads a conversation to show it: its journal, if a crash left one, is replayed and compacted into the file
   * (the answer that was streaming is saved whole, marked interrupted, and the journal removed).
   */
  async open(id: string): Promise<Opened> {
    const opened = await this.read(id);
    if (opened.kind === 'ok' && opened.fromJournal) {
      await this.save(opened.conversation);
      await this.fs.rm(this.journalFile(id), { force: true });
    }
    return opened;
  }

  /** The journal an answer streaming into this conversation writes to. */
  journal(id: string): FileJournal {
    if (!CONVERSATION_ID.test(id)) throw new Error(`invalid conversation id ${id}`);
    return new FileJournal(this.journalFile(id));
  }

  private async read(id: string): Promise<Opened & { fromJournal?: boolean }> {
    if (!CONVERSATION_ID.test(id)) return { kind: 'missing' };
    const file = this.fileOf(id);
    let text: string;
    try {
      text = await this.fs.readFile(file, 'utf8');
    } catch (err) {
      if (!isNotFound(err)) this.logger.warn(`chat: could not read ${file}: ${message(err)}`);
      return { kind: 'missing' };
    }
    const journal = parseJournal(await this.fs.readFile(this.journalFile(id), 'utf8').catch(() => ''));
    const newer = readNewerVersion(parseOrUndefined(text), id);
    if (newer) return this.readOnlyOpened(id, newer.conversation, newer.readOnly);
    const damage = damageOf(text, id);
    if (damage) {
      this.logger.warn(`chat: cannot read ${file}: ${damageText(damage)}; the file is left as it is`);
      return { kind: 'damaged', id, file, damage, recovered: recoverTurns(text, journal) };
    }
    const json: unknown = JSON.parse(text);
    const conversation = conversationSchema.parse(json);
    const unknown = unknownFieldsReason(json, conversation);
    if (unknown) return this.readOnlyOpened(id, conversation, unknown);
    this.readOnly.delete(id);
    const fromJournal = replayJournal(conversation, journal) > 0;
    return { kind: 'ok', conversation: settleInterrupted(conversation), fromJournal };
  }

  /** A newer version's conversation: shown as it is (no journal replayed into it), never saved. */
  private readOnlyOpened(id: string, conversation: Conversation, reason: string): Opened {
    this.logger.warn(`chat: ${this.fileOf(id)} is shown read-only: ${reason}`);
    this.readOnly.set(id, reason);
    return { kind: 'ok', conversation: settleInterrupted(conversation), readOnly: reason };
  }

  /** Resolves once this snapshot (or a newer one of the same conversation) is on disk. */
  save(conversation: Conversation): Promise<void> {
    if (!CONVERSATION_ID.test(conversation.id)) return Promise.reject(new Error(`invalid conversation id ${conversation.id}`));
    const readOnly = this.readOnly.get(conversation.id);
    if (readOnly) return Promise.reject(new Error(readOnly));
    // Serialised now: later changes to the object must not leak into this snapshot.
    const json = JSON.stringify(conversation);
    const entry = entryOf(conversation, { mtimeMs: 0, size: 0 });
    const queue = this.queueOf(conversation.id);
    const done = new Promise<void>((resolve, reject) => {
      const waiters = queue.pending?.waiters ?? [];
      waiters.push({ resolve, reject });
      queue.pending = { json, entry, waiters };
    });
    if (!queue.running) queue.running = this.drain(conversation.id, queue);
    return done;
  }

  async delete(id: string): Promise<void> {
    if (!CONVERSATION_ID.test(id)) return;
    const queue = this.queues.get(id);
    if (queue?.pending) {
      for (const w of queue.pending.waiters) w.resolve();
      queue.pending = undefined;
    }
    await queue?.running;
    await this.fs.rm(this.fileOf(id), { force: true });
    await this.fs.rm(this.journalFile(id), { force: true });
    this.readOnly.delete(id);
    this.index.deleted(id);
  }

  /** Waits for every save in flight, the index's included (deactivation, tests). */
  async flush(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.running));
    await this.index.flush();
  }

  private async conversationIds(): Promise<string[]> {
    let names: string[];
    try {
      names = await this.fs.readdir(this.dir);
    } catch (err) {
      if (isNotFound(err)) return [];
      throw err;
    }
    return names
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -'.json'.length))
      .filter((id) => CONVERSATION_ID.test(id));
  }

  private async drain(id: string, queue: SaveQueue): Promise<void> {
    try {
      while (queue.pending) {
        const { json, entry, waiters } = queue.pending;
        queue.pending = undefined;
        try {
          await this.writeAtomically(this.fileOf(id), json);
          await this.index.saved(id, entry);
          for (const w of waiters) w.resolve();
        } catch (err) {
          this.logger.error(`chat: could not save conversation ${id}: ${message(err)}`);
          for (const w of waiters) w.reject(err);
        }
      }
    } finally {
      queue.running = undefined;
      if (!queue.pending) this.queues.delete(id);
    }
  }

  private async writeAtomically(file: string, data: string): Promise<void> {
    await this.fs.mkdir(this.dir, { recursive: true });
    const temp = `${file}.${process.pid}.${++tempCounter}.tmp`;
    try {
      await this.fs.writeFile(temp, data, 'utf8');
      await this.fs.rename(temp, file);
    } catch (err) {
      await this.fs.rm(temp, { force: true }).catch(() => undefined);
      throw err;
    }
  }

  private queueOf(id: string): SaveQueue {
    let queue = this.queues.get(id);
    if (!queue) {
      queue = {};
      this.queues.set(id, queue);
    }
    return queue;
  }

  private fileOf(id: string): string {
    return path.join(this.dir, `${id}.json`);
  }

  private journalFile(id: string): string {
    return path.join(this.dir, `${id}.journal`);
  }
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isNotFound(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
