// What the person saw of a streaming answer survives the extension host dying: the journal written before each
// batch is shown, replayed and compacted on load; damaged files reported, left untouched, and recovered from.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { newConversation, type Conversation } from '../../src/core/chat/conversation';
import { ConversationStore } from '../../src/core/chat/conversationStore';
import { damageOf, recoverTurns } from '../../src/core/chat/recovery';
import { parseJournal, replayJournal, type JournalEntry } from '../../src/core/chat/replyJournal';
import { ReplyLoop } from '../../src/core/chat/replyLoop';
import { useLocalHubClient } from './localHubClient';

function asking(id: string, text: string): Conversation {
  const c = newConversation(id, 'gpt-4o-mini', 1);
  c.turns.push({ id: 'u1', role: 'user', text, createdAt: 1 });
  return c;
}

const entry = (at: number, text: string, turn = 'a1'): JournalEntry => ({ turn, at, text, reasoningAt: 0, reasoning: '' });

describe('reply journal', () => {
  let dir: string;
  const local = useLocalHubClient();
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aihub-journal-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('holds every shown piece before it is shown; a copy of the folder taken at any show restores at least that text', async () => {
    local.hub.enqueue({ kind: 'stall', afterChunks: 40, ms: 10_000 });
    const store = new ConversationStore(dir);
    const c = asking('c1', 'tell me a long story');
    let shown = '';
    const snapshots: { shown: string; files: Map<string, string> }[] = [];
    // Rarely saved: the journal alone must carry what was shown.
    const loop = new ReplyLoop(
      c,
      {
        client: local.client,
        save: (x) => store.save(x),
        journal: store.journal(c.id),
        show: (d) => {
          // The moment a webview would receive this piece: the folder as a crash right after would leave it.
          shown += d.text;
          const files = new Map(fs.readdirSync(dir).map((n) => [n, fs.readFileSync(path.join(dir, n), 'utf8')]));
          snapshots.push({ shown, files });
        },
      },
      { saveIntervalMs: 60_000, deltaIntervalMs: 0 },
    );
    await loop.begin();
    const done = loop.run();
    while (loop.turn.text.length < 100) await new Promise((r) => setTimeout(r, 10));
    loop.stop();
    await done;
    assert.ok(snapshots.length >= 3, `several batches shown (${snapshots.length})`);
    for (const [i, snapshot] of snapshots.entries()) {
      const crashed = fs.mkdtempSync(path.join(os.tmpdir(), 'aihub-crashed-'));
      try {
        for (const [name, text] of snapshot.files) fs.writeFileSync(path.join(crashed, name), text);
        const restored = await new ConversationStore(crashed).load('c1');
        const reply = restored?.turns[1];
        assert.equal(reply?.role, 'assistant');
        assert.equal(reply.text, snapshot.shown, `after show ${i}: exactly what was shown`);
        assert.equal(reply.status, 'interrupted');
        assert.ok(!fs.existsSync(path.join(crashed, 'c1.journal')), 'compacted on load');
        const file = JSON.parse(fs.readFileSync(path.join(crashed, 'c1.json'), 'utf8')) as Conversation;
        assert.equal(file.turns[1].text, snapshot.shown, 'the replayed answer is written back');
      } finally {
        fs.rmSync(crashed, { recursive: true, force: true });
      }
    }
    assert.ok(!fs.existsSync(path.join(dir, 'c1.journal')), 'the journal is removed once the final form is saved');
  });

  it('replays idempotently over a save that already holds part or all of a piece', () => {
    const c = asking('c1', 'q');
    c.turns.push({ id: 'a1', role: 'assistant', model: 'm', text: 'Hello wo', status: 'streaming', createdAt: 1 });
    const added = replayJournal(c, [entry(0, 'Hello'), entry(5, ' world'), entry(11, '!')]);
    assert.equal(c.turns[1].text, 'Hello world!');
    assert.equal(added, 4);
    assert.equal(replayJournal(c, [entry(0, 'Hello'), entry(5, ' world'), entry(11, '!')]), 0, 'nothing twice');
    assert.equal(c.turns[1].text, 'Hello world!');
  });

  it('skips a torn last line and pieces past a gap, and pieces of answers that are gone', () => {
    const lines = [entry(0, 'ab'), entry(2, 'cd')].map((e) => JSON.stringify(e)).join('\n') + '\n{"turn":"a1","at":4,"te';
    const entries = parseJournal(lines);
    assert.equal(entries.length, 2);
    const c = asking('c1', 'q');
    c.turns.push({ id: 'a1', role: 'assistant', model: 'm', text: '', status: 'streaming', createdAt: 1 });
    replayJournal(c, [...entries, entry(10, 'after a gap'), entry(4, 'ef'), entry(0, 'x', 'gone')]);
    assert.equal(c.turns[1].text, 'abcd');
  });

  it('does not compact while only listing (another window may still be writing the journal)', async () => {
    const store = new ConversationStore(dir);
    const c = asking('c1', 'q');
    c.turns.push({ id: 'a1', role: 'assistant', model: 'm', text: '', status: 'streaming', createdAt: 1 });
    await store.save(c);
    store.journal('c1').append(entry(0, 'seen'));
    const [listed] = await store.loadAll();
    assert.equal(listed.turns[1].text, 'seen', 'listed with the journal replayed');
    assert.ok(fs.existsSync(path.join(dir, 'c1.journal')));
  });
});

describe('damaged conversation files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aihub-damaged-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const good = (): Conversation => {
    const c = asking('d1', 'What is a closure?');
    c.title = 'Closures';
    c.turns.push({
      id: 'a1',
      role: 'assistant',
      model: 'm',
      text: 'A closure is a function with its scope.',
      status: 'done',
      createdAt: 2,
    });
    c.turns.push({ id: 'u2', role: 'user', text: 'And a monad?', createdAt: 3 });
    c.turns.push({ id: 'a2', role: 'assistant', model: 'm', text: 'A monad is a monoid in the category', status: 'done', createdAt: 4 });
    return c;
  };

  it('names each kind of damage', () => {
    const json = JSON.stringify(good());
    assert.equal(damageOf(json, 'd1'), undefined);
    assert.equal(damageOf('', 'd1'), 'empty');
    assert.equal(damageOf('  \n', 'd1'), 'empty');
    assert.equal(damageOf('\u0000\u0001PK\u0003\u0004', 'd1'), 'binary');
    assert.equal(damageOf(json.slice(0, 120), 'd1'), 'truncated');
    assert.equal(damageOf('{"hello":"world"}', 'd1'), 'wrongShape');
    assert.equal(damageOf(json, 'other'), 'wrongShape', 'an id that does not match its file name');
  });

  it('reports each damaged file, leaves it byte for byte, and recovers the readable prefix of a cut-off file', async () => {
    const json = JSON.stringify(good());
    const cut = json.slice(0, json.indexOf('in the category'));
    const files: Record<string, string | Buffer> = {
      'd1.json': cut,
      'd2.json': '',
      'd3.json': Buffer.from([0x00, 0xff, 0xfe, 0x50, 0x4b, 0x03]),
      'd4.json': JSON.stringify({ version: 1, id: 'd4', turns: 'not a list' }),
    };
    for (const [name, data] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), data);
    const store = new ConversationStore(dir);
    const { conversations, damaged } = await store.scan();
    assert.equal(conversations.length, 0);
    assert.deepEqual(damaged.map((d) => [d.id, d.damage]).sort(), [
      ['d1', 'truncated'],
      ['d2', 'empty'],
      ['d3', 'binary'],
      ['d4', 'wrongShape'],
    ]);
    const d1 = damaged.find((d) => d.id === 'd1')!;
    assert.deepEqual(
      d1.recovered.turns.map((t) => t.text),
      ['What is a closure?', 'A closure is a function with its scope.', 'And a monad?', 'A monad is a monoid'],
    );
    assert.equal(d1.recovered.title, 'Closures');
    const opened = await store.open('d1');
    assert.equal(opened.kind, 'damaged');
    for (const [name, data] of Object.entries(files))
      assert.deepEqual(fs.readFileSync(path.join(dir, name)), Buffer.from(data), `${name} untouched`);
  });

  it('recovers a streaming answer from the journal when its file was emptied', () => {
    const recovered = recoverTurns('', [entry(0, 'What was '), entry(9, 'shown')]);
    assert.deepEqual(
      recovered.turns.map((t) => [t.role, t.text]),
      [['assistant', 'What was shown']],
    );
  });
});
