// The conversation store on a real temporary folder: atomic writes, corrupt files, serialised saves.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { newConversation, type Conversation } from '../../src/core/chat/conversation';
import { ConversationStore, type StoreFs } from '../../src/core/chat/conversationStore';
import type { Logger } from '../../src/core/logger';

function conversation(id: string, text = 'hello', updatedAt = 1000): Conversation {
  const c = newConversation(id, 'gpt-4o-mini', updatedAt);
  c.turns.push({ id: 'u1', role: 'user', text, createdAt: updatedAt });
  return c;
}

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, trace() {}, debug() {}, info() {}, error() {}, warn: (m) => warnings.push(m) };
}

describe('ConversationStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aihub-store-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('saves one JSON file per conversation and loads it back, newest first in the list', async () => {
    const store = new ConversationStore(dir);
    await store.save(conversation('older', 'first question', 1000));
    await store.save(conversation('newer', 'second question', 2000));
    assert.deepEqual(fs.readdirSync(dir).sort(), ['newer.json', 'older.json']);
    const loaded = await store.load('older');
    assert.equal(loaded?.turns[0].role === 'user' && loaded.turns[0].text, 'first question');
    assert.deepEqual(
      (await store.list()).map((s) => s.id),
      ['newer', 'older'],
    );
  });

  it('creates its folder on the first save and lists nothing before', async () => {
    const store = new ConversationStore(path.join(dir, 'not', 'yet'));
    assert.deepEqual(await store.list(), []);
    await store.save(conversation('a'));
    assert.equal((await store.list()).length, 1);
  });

  it('skips a corrupt or foreign file with a warning and still lists the rest', async () => {
    const logger = recordingLogger();
    const store = new ConversationStore(dir, { logger });
    await store.save(conversation('good'));
    fs.writeFileSync(path.join(dir, 'broken.json'), '{"version":1,"id":"broken","tit');
    fs.writeFileSync(path.join(dir, 'foreign.json'), JSON.stringify({ hello: 'world' }));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a conversation');
    const list = await store.list();
    assert.deepEqual(
      list.map((s) => s.id),
      ['good'],
    );
    assert.equal(logger.warnings.length, 2);
    assert.ok(logger.warnings.some((w) => w.includes('broken.json') && /not valid JSON/.test(w)));
    assert.ok(logger.warnings.some((w) => w.includes('foreign.json')));
  });

  it('marks a reply saved mid-stream as interrupted when loaded again (the host died)', async () => {
    const store = new ConversationStore(dir);
    const c = conversation('crash');
    c.turns.push({ id: 'a1', role: 'assistant', model: 'm', text: 'partial ans', status: 'streaming', createdAt: 1 });
    await store.save(c);
    const loaded = await store.load('crash');
    const reply = loaded?.turns[1];
    assert.equal(reply?.role === 'assistant' && reply.status, 'interrupted');
    assert.equal(reply?.text, 'partial ans', 'what was shown is kept');
  });

  it('writes through a temp file and a rename: a failed write leaves the previous version and no temp file', async () => {
    const calls: string[] = [];
    let failWrites = false;
    const failing: StoreFs = {
      mkdir: (d, o) => fsp.mkdir(d, o),
      readdir: (d) => fsp.readdir(d),
      readFile: (f, e) => fsp.readFile(f, e),
      rm: (f, o) => fsp.rm(f, o),
      stat: (f) => fsp.stat(f),
      writeFile: async (f, data, e) => {
        calls.push(`write ${path.basename(f)}`);
        if (failWrites) {
          await fsp.writeFile(f, data.slice(0, 10), e); // half a file, then the disk fills up
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        }
        await fsp.writeFile(f, data, e);
      },
      rename: async (from, to) => {
        calls.push(`rename ${path.basename(from)} -> ${path.basename(to)}`);
        await fsp.rename(from, to);
      },
    };
    const store = new ConversationStore(dir, { fs: failing });
    await store.save(conversation('atomic', 'version one'));
    assert.match(calls[0], /^write atomic\.json\.\d+\.\d+\.tmp$/);
    assert.match(calls[1], /^rename atomic\.json\.\d+\.\d+\.tmp -> atomic\.json$/);
    failWrites = true;
    await assert.rejects(store.save(conversation('atomic', 'version two')), /ENOSPC/);
    assert.deepEqual(fs.readdirSync(dir), ['atomic.json'], 'the temp file is removed');
    const kept = JSON.parse(fs.readFileSync(path.join(dir, 'atomic.json'), 'utf8')) as Conversation;
    assert.equal(kept.turns[0].role === 'user' && kept.turns[0].text, 'version one');
  });

  it('runs saves of one conversation one at a time, ending with the newest, and collapses the waiting ones', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const written: string[] = [];
    const slow: StoreFs = {
      mkdir: (d, o) => fsp.mkdir(d, o),
      readdir: (d) => fsp.readdir(d),
      readFile: (f, e) => fsp.readFile(f, e),
      rm: (f, o) => fsp.rm(f, o),
      stat: (f) => fsp.stat(f),
      rename: (a, b) => fsp.rename(a, b),
      writeFile: async (f, data, e) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setImmediate(r));
        written.push((JSON.parse(data) as Conversation).title);
        await fsp.writeFile(f, data, e);
        inFlight--;
      },
    };
    const store = new ConversationStore(dir, { fs: slow });
    const c = conversation('busy');
    const saves: Promise<void>[] = [];
    for (let i = 1; i <= 20; i++) {
      c.title = `v${i}`;
      saves.push(store.save(c));
    }
    await Promise.all(saves);
    assert.equal(maxInFlight, 1, 'never two writes of one file at once');
    assert.equal(written[0], 'v1');
    assert.equal(written.at(-1), 'v20', 'the last write is the newest snapshot');
    assert.ok(written.length <= 3, `saves waiting behind a write collapse into one (wrote ${written.join(', ')})`);
    assert.equal((await store.load('busy'))?.title, 'v20');
  });

  it('saves different conversations independently and deletes after pending saves', async () => {
    const store = new ConversationStore(dir);
    await Promise.all([store.save(conversation('one')), store.save(conversation('two')), store.save(conversation('three'))]);
    assert.equal((await store.list()).length, 3);
    void store.save(conversation('two', 'changed'));
    await store.delete('two');
    await store.flush();
    assert.deepEqual((await store.list()).map((s) => s.id).sort(), ['one', 'three']);
  });

  it('refuses ids that could name another path', async () => {
    const store = new ConversationStore(dir);
    await assert.rejects(store.save({ ...conversation('x'), id: '../escape' }), /invalid conversation id/);
    assert.equal(await store.load('../../etc/passwd'), undefined);
    await store.delete('../x');
    assert.deepEqual(fs.readdirSync(dir), []);
  });
});
