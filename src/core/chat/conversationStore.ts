// Conversations as one JSON file each in a folder (the extension's globalStorageUri): never globalState,
// which VS Code loads whole into memory and warns about past 512 KB.
//
// Writes are atomic (a temp file renamed over the old one), so a crash mid-write leaves the previous version,
// never half a file. Saves of one conversation run one at a time and collapse: while a write is in flight only
// the newest snapshot waits, so a fast stream of saves cannot pile up or land out of order. Beside each file,
// while an answer streams, its journal (`<id>.journal`, see replyJournal.ts) holds every piece already shown.
//
// A file that cannot be read is never changed or deleted by the store: it is reported as damaged, with what
// could be recovered from it and its journal.
import * as nodeFs from 'node:fs/promises';
import * as path from 'node:path';
import { silentLogger, type Logger } from '../logger';
import {
  CONVERSATION_ID,
  conversationSchema,
  settleInterrupted,
  summarize,
  type Conversation,
  type ConversationSummary,
} from './conversation';
import { DAMAGE_TEXT, damageOf, recoverTurns, type Damage } from './recovery';
import { FileJournal, parseJournal, replayJournal } from './replyJournal';

/** The few file operations the store needs (node:fs/promises fits; tests inject failures). */
export interface StoreFs {
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
  readdir(dir: string): Promise<string[]>;
  readFile(file: string, encoding: 'utf8'): Promise<string>;
  writeFile(file: string, data: string, encoding: 'utf8'): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { force: true }): Promise<void>;
}

interface SaveQueue {
  /** The newest snapshot not yet written, with everyone waiting for it. */
  pending?: { json: string; waiters: { resolve(): void; reject(err: unknown): void }[] };
  running?: Promise<void>;
}

/** A conversation file that could not be read: left as it is, with what could be read of it. */
export interface DamagedFile {
  id: string;
  file: string;
  damage: Damage;
  recovered: ReturnType<typeof recoverTurns>;
}

export type Opened = { kind: 'ok'; conversation: Conversation } | { kind: 'missing' } | ({ kind: 'damaged' } & DamagedFile);

let tempCounter = 0;

export class ConversationStore {
  private readonly queues = new Map<string, SaveQueue>();
  private readonly fs: StoreFs;
  private readonly logger: Logger;

  constructor(
    readonly dir: string,
    options: { fs?: StoreFs; logger?: Logger } = {},
  ) {
    this.fs = options.fs ?? nodeFs;
    this.logger = options.logger ?? silentLogger;
  }

  /** Every readable conversation, newest first. A damaged or foreign file is skipped with a warning. */
  async list(): Promise<ConversationSummary[]> {
    const conversations = await this.loadAll();
    return conversations.map(summarize);
  }

  async loadAll(): Promise<Conversation[]> {
    return (await this.scan()).conversations;
  }

  /** Every conversation file: the readable ones newest first (journals replayed, nothing written), and the damaged. */
  async scan(): Promise<{ conversations: Conversation[]; damaged: DamagedFile[] }> {
    let names: string[];
    try {
      names = await this.fs.readdir(this.dir);
    } catch (err) {
      if (isNotFound(err)) return { conversations: [], damaged: [] };
      throw err;
    }
    const ids = names
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -'.json'.length))
      .filter((id) => CONVERSATION_ID.test(id));
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
    const damage = damageOf(text, id);
    if (damage) {
      this.logger.warn(`chat: cannot read ${file}: ${DAMAGE_TEXT[damage]}; the file is left as it is`);
      return { kind: 'damaged', id, file, damage, recovered: recoverTurns(text, journal) };
    }
    const conversation = conversationSchema.parse(JSON.parse(text));
    const fromJournal = replayJournal(conversation, journal) > 0;
    return { kind: 'ok', conversation: settleInterrupted(conversation), fromJournal };
  }

  /** Resolves once this snapshot (or a newer one of the same conversation) is on disk. */
  save(conversation: Conversation): Promise<void> {
    if (!CONVERSATION_ID.test(conversation.id)) return Promise.reject(new Error(`invalid conversation id ${conversation.id}`));
    // Serialised now: later changes to the object must not leak into this snapshot.
    const json = JSON.stringify(conversation);
    const queue = this.queueOf(conversation.id);
    const done = new Promise<void>((resolve, reject) => {
      const waiters = queue.pending?.waiters ?? [];
      waiters.push({ resolve, reject });
      queue.pending = { json, waiters };
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
  }

  /** Waits for every save in flight (deactivation, tests). */
  async flush(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.running));
  }

  private async drain(id: string, queue: SaveQueue): Promise<void> {
    try {
      while (queue.pending) {
        const { json, waiters } = queue.pending;
        queue.pending = undefined;
        try {
          await this.writeAtomically(this.fileOf(id), json);
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

function isNotFound(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
