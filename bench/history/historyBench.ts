// Benchmark 9: opening the chat history with 1,000 conversations. The real ConversationStore (plain Node, a
// fresh store each run, so nothing is cached between runs) on a folder of 1,000 conversation files:
// - reference: reading and validating every file, as the list did before the index (`scan`);
// - the list from the index alone (`history`), what the quick pick shows first;
// - the index checked against the folder (`verify`: one stat per file, reading only the changed ones), which
//   follows in the background;
// - one search over the 1,000 entries (a keystroke in the quick pick).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { newConversation, type Conversation } from '../../src/core/chat/conversation';
import { ConversationStore } from '../../src/core/chat/conversationStore';
import { INDEX_FILE, searchHistory } from '../../src/core/chat/historyIndex';
import { goal } from '../goals';
import { collectGarbage, kb, mb, ms, msSpread, summarize, table } from '../stats';

const CONVERSATIONS = 1_000;
const RUNS = 2 + 9;
/** Opening the list from the index ÷ reading every file: the point of the index. */
const GOAL_OPEN_RATIO = 0.2;
/** The background check (a stat per file) ÷ reading every file. */
const GOAL_VERIFY_RATIO = 0.5;
const GOAL_SEARCH_MS = 16;

const WORDS = 'the a function returns value array string promise async await type interface error test build cache'.split(' ');

/** A conversation of four questions and four answers (about 10 KB, code blocks included), its text varied by `seed`. */
function sampleConversation(i: number): Conversation {
  const c = newConversation(
    `bench-${String(i).padStart(4, '0')}`,
    i % 3 === 0 ? 'gpt-4o-mini' : 'claude-sonnet-4.5',
    1_700_000_000_000 + i,
  );
  c.title = `Question ${i} about ${WORDS[i % WORDS.length]} handling`;
  c.updatedAt = 1_700_000_000_000 + i * 60_000;
  c.pinned = i % 97 === 0 ? true : undefined;
  if (!c.pinned) delete c.pinned;
  const text = (n: number, seed: number) => Array.from({ length: n }, (_, k) => WORDS[(seed * 7 + k * 13) % WORDS.length]).join(' ');
  for (let t = 0; t < 4; t++) {
    c.turns.push({ id: `${c.id}-u${t}`, role: 'user', text: `${text(40, i + t)} (${i}.${t})?`, createdAt: c.createdAt + t });
    c.turns.push({
      id: `${c.id}-a${t}`,
      role: 'assistant',
      model: c.model,
      text: `${text(250, i * 3 + t)}\n\n\`\`\`ts\n${'const x = await load(value);\n'.repeat(20)}\`\`\``,
      status: 'done',
      usage: { promptTokens: 400, completionTokens: 600, totalTokens: 1_000 },
      createdAt: c.createdAt + t,
    });
  }
  return c;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  collectGarbage();
  const t = performance.now();
  await work();
  return performance.now() - t;
}

export async function runHistoryBench(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aihub-history-bench-'));
  try {
    const seed = new ConversationStore(dir);
    for (let i = 0; i < CONVERSATIONS; i++) await seed.save(sampleConversation(i));
    await seed.history();
    await seed.flush();
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
    const bytes = files.reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
    const indexBytes = fs.statSync(path.join(dir, INDEX_FILE)).size;

    const reference: number[] = [];
    const open: number[] = [];
    const verify: number[] = [];
    const search: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Interleaved, so a busy moment of the machine falls on all of them alike.
      const scanned = new ConversationStore(dir);
      let listed = 0;
      const r = await timed(async () => (listed = (await scanned.scan()).conversations.length));
      if (listed !== CONVERSATIONS) throw new Error(`scan read ${listed} conversations, not ${CONVERSATIONS}`);
      const store = new ConversationStore(dir);
      let entries: Awaited<ReturnType<ConversationStore['history']>> = [];
      const o = await timed(async () => (entries = await store.history()));
      if (entries.length !== CONVERSATIONS) throw new Error(`the index listed ${entries.length} conversations`);
      let changed = true;
      const v = await timed(async () => (changed = (await store.verify()).changed));
      if (changed) throw new Error('verify found changes in an untouched folder');
      let found = 0;
      const s = await timed(async () => (found = searchHistory(entries, 'promise cache').length));
      if (found === 0) throw new Error('the search found nothing');
      if (run < 2) continue;
      reference.push(r);
      open.push(o);
      verify.push(v);
      search.push(s);
    }

    const ref = summarize(reference).median;
    const openMedian = summarize(open).median;
    const verifyMedian = summarize(verify).median;
    const searchMedian = summarize(search).median;
    const openText = `${(openMedian / ref).toFixed(2)}× (${ms(openMedian)} vs ${ms(ref)})`;
    const verifyText = `${(verifyMedian / ref).toFixed(2)}× (${ms(verifyMedian)} vs ${ms(ref)})`;
    const searchText = ms(searchMedian);
    return [
      '### 9. Chat history with 1,000 conversations',
      `${CONVERSATIONS.toLocaleString('en-US')} conversation files of four questions and four answers each (${mb(bytes)} in all; the index beside them is ${kb(indexBytes)}), read by the real \`ConversationStore\` in plain Node, a fresh store per run (the operating system's file cache is warm for all of them alike); ${RUNS - 2} runs after 2 warm-ups, interleaved.`,
      table(
        ['stage', 'median (min–max, runs)'],
        [
          ['reference: read and validate every conversation file (the list before the index)', msSpread(summarize(reference))],
          ['**open the list: the index alone**', msSpread(summarize(open))],
          ['check the index against the folder (a stat per file; in the background once the list shows)', msSpread(summarize(verify))],
          ['search the 1,000 entries for two words (one keystroke)', msSpread(summarize(search))],
        ],
      ),
      table(
        ['goal', 'measured', 'verdict'],
        [
          [
            `open the list ≤ ${GOAL_OPEN_RATIO}× reading every file`,
            openText,
            goal(
              '9. history',
              `open 1,000 conversations' list ≤ ${GOAL_OPEN_RATIO}× reading every file`,
              openText,
              openMedian / ref <= GOAL_OPEN_RATIO,
            ),
          ],
          [
            `check it ≤ ${GOAL_VERIFY_RATIO}× reading every file`,
            verifyText,
            goal(
              '9. history',
              `check the index ≤ ${GOAL_VERIFY_RATIO}× reading every file`,
              verifyText,
              verifyMedian / ref <= GOAL_VERIFY_RATIO,
            ),
          ],
          [
            `a search keystroke ≤ ${GOAL_SEARCH_MS} ms`,
            searchText,
            goal('9. history', `search 1,000 conversations ≤ ${GOAL_SEARCH_MS} ms a keystroke`, searchText, searchMedian <= GOAL_SEARCH_MS),
          ],
        ],
      ),
    ].join('\n\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
