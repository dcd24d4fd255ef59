// The history index on a real folder: the list comes from the index alone (no conversation file read), saves
// and deletes keep it current, files changed by another window are picked up by their size and time, a damaged
// index is rebuilt; the search finds words in titles, models and text; files written by a newer version are
// shown read-only and never written.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { newConversation, type Conversation } from '../../src/core/chat/conversation';
import { ConversationStore, type StoreFs } from '../../src/core/chat/conversationStore';
import { entryOf, INDEX_FILE, SEARCH_TEXT_CHARS, searchHistory } from '../../src/core/chat/historyIndex';

function conversation(id: string, title: string, updatedAt: number, question = 'a question', answer = 'an answer'): Conversation {
  const c = newConversation(id, 'gpt-4o-mini', 1);
  c.title = title;
  c.updatedAt = updatedAt;
  c.turns.push({ id: `${id}-u`, role: 'user', text: question, createdAt: 1 });
  c.turns.push({ id: `${id}-a`, role: 'assistant', model: 'gpt-4o-mini', text: answer, status: 'done', createdAt: 2 });
  return c;
}

/** node:fs/promises, counting the conversation files read. */
function counting(): { fs: StoreFs; reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    fs: {
      mkdir: (d, o) => fsp.mkdir(d, o),
      readdir: (d) => fsp.readdir(d),
      readFile: (f, e) => {
        if (f.endsWith('.json')) reads.push(path.basename(f));
        return fsp.readFile(f, e);
      },
      writeFile: (f, d, e) => fsp.writeFile(f, d, e),
      rename: (a, b) => fsp.rename(a, b),
      rm: (f, o) => fsp.rm(f, o),
      stat: (f) => fsp.stat(f),
    },
  };
}

describe('Chat history index', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aihub-history-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function seeded(n: number): Promise<void> {
    const store = new ConversationStore(dir);
    for (let i = 0; i < n; i++) await store.save(conversation(`c${i}`, `Conversation ${i}`, 1_000 + i, `question ${i}`, `answer ${i}`));
    await store.history();
    await store.flush();
  }

  it('lists from the index alone once it is written, newest first', async () => {
    await seeded(5);
    assert.ok(fs.existsSync(path.join(dir, INDEX_FILE)));
    const { fs: counted, reads } = counting();
    const store = new ConversationStore(dir, { fs: counted });
    const list = await store.list();
    assert.deepEqual(
      list.map((s) => s.id),
      ['c4', 'c3', 'c2', 'c1', 'c0'],
    );
    assert.deepEqual(reads, [], 'no conversation file was read');
    assert.equal((await store.verify()).changed, false, 'nothing changed: verifying reads nothing either');
    assert.deepEqual(reads, []);
  });

  it('keeps the index current through saves, pins and deletes', async () => {
    await seeded(3);
    const store = new ConversationStore(dir);
    await store.history();
    const c0 = (await store.load('c0'))!;
    c0.pinned = true;
    c0.title = 'Pinned one';
    await store.save(c0);
    await store.delete('c2');
    await store.flush();
    const reopened = new ConversationStore(dir);
    const entries = await reopened.history();
    assert.deepEqual(
      entries.map((e) => [e.id, e.title, !!e.pinned]),
      [
        ['c0', 'Pinned one', true],
        ['c1', 'Conversation 1', false],
      ],
    );
  });

  it("picks up another window's changes by the files' size and time, and rebuilds a damaged index", async () => {
    await seeded(3);
    const store = new ConversationStore(dir);
    await store.history();
    // Another window writes a new conversation, changes one and deletes one.
    const other = new ConversationStore(dir);
    await other.save(conversation('c9', 'From the other window', 5_000));
    await other.save(conversation('c1', 'Renamed elsewhere with a longer title', 1_001));
    await other.delete('c0');
    const { entries, changed } = await store.verify();
    assert.equal(changed, true);
    assert.deepEqual(
      entries.map((e) => e.title),
      ['From the other window', 'Conversation 2', 'Renamed elsewhere with a longer title'],
    );
    await store.flush();
    fs.writeFileSync(path.join(dir, INDEX_FILE), '{"version":1,"entries":[{"id":');
    assert.equal((await new ConversationStore(dir).history()).length, 3, 'rebuilt from the files');
  });

  it('searches titles, models and text, every word anywhere, with the words shown', async () => {
    await seeded(0);
    const store = new ConversationStore(dir);
    await store.save(
      conversation('a', 'Debounce in TypeScript', 3, 'How do I debounce a search box?', 'Use a timer that restarts on each key.'),
    );
    await store.save(conversation('b', 'Closures', 2, 'What is a closure?', 'A function with the variables it captured.'));
    const entries = await store.history();
    assert.deepEqual(
      searchHistory(entries, 'debounce').map((m) => [m.entry.id, m.snippet]),
      [['a', undefined]],
    );
    const [byText] = searchHistory(entries, 'closures captured');
    assert.equal(byText.entry.id, 'b');
    assert.match(byText.snippet ?? '', /variables it captured/);
    assert.deepEqual(
      searchHistory(entries, 'gpt-4o-mini timer').map((m) => m.entry.id),
      ['a'],
    );
    assert.equal(searchHistory(entries, 'nothing like this').length, 0);
    assert.equal(searchHistory(entries, '  ').length, 2);
  });

  it('never takes a file this version wrote, every optional field set, for a newer one', async () => {
    const c = conversation('full', 'Everything set', 5);
    Object.assign(c, {
      customTitle: true,
      pinned: true,
      settings: { systemPrompt: 'Be brief.', temperature: 0.2, maxTokens: 100, reasoningEffort: 'low' },
    });
    c.turns[0] = {
      ...c.turns[0],
      display: 'shown',
      context: [{ fileName: 'a.ts', language: 'typescript', text: 'x' }],
    } as Conversation['turns'][0];
    Object.assign(c.turns[1], {
      reasoning: 'thought',
      usage: { promptTokens: 1, completionTokens: 2, totalTokens: 3, cachedTokens: 0, reasoningTokens: 1, cost: 0.1 },
      finishReason: 'stop',
      possiblyTruncated: true,
      contextNote: 'note',
      servedModel: 'gpt-4o-mini-2024',
      requestId: 'r1',
      cost: 0.1,
      timing: { firstTokenMs: 1, totalMs: 2 },
      fallbacks: [{ model: 'gpt-4o', reason: 'no channel' }],
    });
    const store = new ConversationStore(dir);
    await store.save(c);
    const opened = await new ConversationStore(dir).open('full');
    assert.equal(opened.kind, 'ok');
    assert.equal(opened.kind === 'ok' ? opened.readOnly : 'not ok', undefined);
  });

  it("shows a newer version's file read-only and never writes it", async () => {
    const newer = { ...conversation('future', 'From the future', 10), version: 2, folders: ['x'] };
    const unknownField = { ...conversation('extra', 'With a new field', 11), reactions: { a: 1 } };
    const newerText = JSON.stringify(newer, null, 1);
    const extraText = JSON.stringify(unknownField);
    fs.writeFileSync(path.join(dir, 'future.json'), newerText);
    fs.writeFileSync(path.join(dir, 'extra.json'), extraText);
    const store = new ConversationStore(dir);
    const opened = await store.open('future');
    assert.equal(opened.kind, 'ok');
    assert.match(
      opened.kind === 'ok' ? (opened.readOnly ?? '') : '',
      /newer version of AI Hub \(it is in format 2; this version writes format 1\)/,
    );
    const extra = await store.open('extra');
    assert.match(extra.kind === 'ok' ? (extra.readOnly ?? '') : '', /fields this version does not know \(reactions\)/);
    for (const id of ['future', 'extra']) {
      const c = (await store.load(id))!;
      c.title = 'changed';
      await assert.rejects(store.save(c), /read-only so that nothing in it is lost/);
    }
    await store.flush();
    assert.equal(fs.readFileSync(path.join(dir, 'future.json'), 'utf8'), newerText, 'byte for byte as written');
    assert.equal(fs.readFileSync(path.join(dir, 'extra.json'), 'utf8'), extraText);
    const listed = await store.history();
    assert.deepEqual(listed.map((e) => [e.id, !!e.readOnly]).sort(), [
      ['extra', true],
      ['future', true],
    ]);
  });

  it('indexes the first characters of long answers exactly as collapsing their whole text would', () => {
    // The index collapses only a prefix of a long answer (so its entry does not keep the answer in memory): the
    // text must be the same as collapsing everything, whitespace runs across the cut included.
    let seed = 17;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const pieces = ['word', 'x', ' ', '  ', '\n\n', '\t \n   ', ' '.repeat(300), 'é', '🙂'];
    const reference = (c: Conversation) => {
      let out = '';
      for (const part of [...c.turns.filter((t) => t.role === 'user'), ...c.turns.filter((t) => t.role === 'assistant')]) {
        if (out.length >= SEARCH_TEXT_CHARS) break;
        out += `${part.text.replace(/\s+/g, ' ').trim()} `;
      }
      return out.slice(0, SEARCH_TEXT_CHARS).trimEnd();
    };
    for (let i = 0; i < 300; i++) {
      const text = (n: number) => Array.from({ length: n }, () => pieces[random(pieces.length)]).join('');
      const c = conversation(`c${i}`, 't', 1, text(random(700)), text(random(5_000)));
      assert.equal(entryOf(c, { mtimeMs: 0, size: 0 }).text, reference(c), `conversation ${i}`);
    }
  });
});
