// Compare in the real extension host against the local hub: three models answer the same prompt at once in an
// editor tab with each column's figures; one column's 503 leaves the others to finish; closing the tab aborts
// every request (the hub sees the connections close); Continue with this one opens the column as a chat; the
// comparison is saved with the chats and opens from the history.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { enqueue, hubKey, hubRequests, hubUrl, resetHub, until } from './support/hub';

interface Column {
  model: string;
  id: string;
  phase: string;
  note?: string;
  cost: string;
}
interface Turn {
  role: string;
  model?: string;
  text: string;
  status?: string;
  usage?: { promptTokens: number; completionTokens: number };
  timing?: { firstTokenMs?: number; totalMs?: number };
  error?: { message: string; kind?: string };
}
interface Snapshot {
  comparison: { id: string; kind?: string; title: string; turns: Turn[] };
  busy: boolean;
  columns: Column[];
  storageDir: string;
}
interface Recorded {
  id: number;
  path: string;
  body: { model?: string; messages?: { role: string; content: string }[] };
  clientClosed: boolean;
}

const MODELS = ['gpt-4o', 'claude-sonnet-4.6', 'deepseek-chat'];

const snapshots = () => vscode.commands.executeCommand<Snapshot[]>('aihub._compareSnapshot');
const snapshotOf = async (id: string) => (await snapshots()).find((s) => s.comparison.id === id);
const compareTabs = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('aihub.comparePanel'));
const chatRequests = async () => (await hubRequests<Recorded>()).filter((r) => r.path === '/v1/chat/completions');

async function closeEverything(): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}

async function finished(id: string): Promise<Snapshot> {
  return (await until(
    () => snapshotOf(id),
    (s) => !!s && !s.busy && s.columns.every((c) => !['queued', 'waiting', 'streaming'].includes(c.phase)),
    'every column to end',
    20_000,
  ))!;
}

describe('Compare', function () {
  this.timeout(60_000);

  before(async () => {
    assert.ok(hubUrl && hubKey, 'AIHUB_TEST_HUB_URL and AIHUB_TEST_KEY are set by the runner');
    await vscode.commands.executeCommand('aihub.setApiKey', hubKey);
  });
  beforeEach(resetHub);
  afterEach(closeEverything);

  it('asks three models at once and shows each answer with its figures', async () => {
    // Slow enough that all three are in flight together.
    for (const model of MODELS)
      await enqueue({ kind: 'text', text: `Answer from ${model}: closures keep their scope.`, chunkDelayMs: 40, model });
    const result = await vscode.commands.executeCommand<{ comparisonId: string }>('aihub.compareModels', {
      models: MODELS,
      prompt: 'Explain closures in one line',
    });
    assert.ok(result?.comparisonId, 'the command answers with the comparison id');
    await until(compareTabs, (t) => t.length === 1, 'the Compare tab');
    const streaming = await until(
      () => snapshotOf(result.comparisonId),
      (s) => !!s && s.columns.filter((c) => c.phase === 'streaming').length === 3,
      'three columns streaming at once',
    );
    assert.equal(streaming?.comparison.kind, 'comparison');

    const done = await finished(result.comparisonId);
    const answers = done.comparison.turns.filter((t) => t.role === 'assistant');
    assert.deepEqual(
      answers.map((t) => [t.model, t.status, t.text]),
      MODELS.map((m) => [m, 'done', `Answer from ${m}: closures keep their scope.`]),
    );
    for (const t of answers) {
      assert.ok(t.usage && t.usage.promptTokens > 0 && t.usage.completionTokens > 0, `${t.model}: tokens in and out`);
      assert.ok(
        t.timing?.firstTokenMs !== undefined && t.timing.totalMs! > t.timing.firstTokenMs,
        `${t.model}: first token and total time`,
      );
    }
    // The local hub publishes new-api prices (/api/pricing): each column's cost is worked out from them.
    assert.ok(
      done.columns.every((c) => /^<?\$\d/.test(c.cost ?? '')),
      `every column priced from the hub's published prices: ${JSON.stringify(done.columns.map((c) => c.cost))}`,
    );
    const requests = await chatRequests();
    assert.deepEqual(requests.map((r) => r.body.model).sort(), [...MODELS].sort());
    for (const r of requests) assert.match(r.body.messages?.at(-1)?.content ?? '', /^Explain closures in one line/);

    // Saved with the chats, durably: the file on disk has all three answers.
    const file = path.join(done.storageDir, `${result.comparisonId}.json`);
    const saved = await until(
      () => JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot['comparison'],
      (c) => c.turns.filter((t) => t.role === 'assistant' && t.status === 'done').length === 3,
      'the comparison saved',
    );
    assert.equal(saved.kind, 'comparison');
  });

  it("one column's 503 shows in that column while the others finish, and Retry brings it back", async () => {
    // 503 is retried by the client (aihub.maxRetries, 2 by default) before the column shows it.
    await enqueue({ kind: 'status', status: 503, model: 'claude-sonnet-4.6' }, 3);
    const { comparisonId } = (await vscode.commands.executeCommand<{ comparisonId: string }>('aihub.compareModels', {
      models: MODELS,
      prompt: 'Compare me',
    }))!;
    const done = await finished(comparisonId);
    assert.deepEqual(
      done.columns.map((c) => [c.model, c.phase]),
      [
        ['gpt-4o', 'done'],
        ['claude-sonnet-4.6', 'error'],
        ['deepseek-chat', 'done'],
      ],
    );
    const failed = done.comparison.turns.find((t) => t.model === 'claude-sonnet-4.6')!;
    assert.equal(failed.error?.kind, 'noChannel');
    assert.match(
      failed.error?.message ?? '',
      /No provider channel is available for "claude-sonnet-4\.6" right now \(503: No available channel/,
    );

    await vscode.commands.executeCommand('aihub._compareControl', { comparisonId, action: 'retry', model: 'claude-sonnet-4.6' });
    const retried = await finished(comparisonId);
    assert.equal(retried.columns.find((c) => c.model === 'claude-sonnet-4.6')?.phase, 'done');
  });

  it('closing the tab aborts all three requests', async () => {
    await enqueue({ kind: 'stall', afterChunks: 3 }, 3);
    const { comparisonId } = (await vscode.commands.executeCommand<{ comparisonId: string }>('aihub.compareModels', {
      models: MODELS,
      prompt: 'A long one',
    }))!;
    await until(chatRequests, (r) => r.length === 3, 'three requests at the hub');
    await until(
      () => snapshotOf(comparisonId),
      (s) => !!s && s.comparison.turns.filter((t) => t.role === 'assistant' && t.text.length > 0).length === 3,
      'text in all three columns',
    );
    await vscode.window.tabGroups.close(compareTabs());
    const closed = await until(chatRequests, (r) => r.length === 3 && r.every((x) => x.clientClosed), 'the hub to see three early closes');
    assert.equal(closed.filter((r) => r.clientClosed).length, 3);
    assert.equal(await snapshotOf(comparisonId), undefined, 'the session ended with its tab');
  });

  it('Continue with this one opens the question and that answer as a chat; the history opens the comparison again', async () => {
    const { comparisonId } = (await vscode.commands.executeCommand<{ comparisonId: string }>('aihub.compareModels', {
      models: ['gpt-4o', 'deepseek-chat'],
      prompt: 'Which is better?',
    }))!;
    await finished(comparisonId);
    await vscode.commands.executeCommand('aihub._compareControl', { comparisonId, action: 'continue', model: 'deepseek-chat' });
    const chat = await until(
      () =>
        vscode.commands.executeCommand<{ conversation: { id: string; model: string; kind?: string; turns: Turn[] } }>(
          'aihub._chatSnapshot',
        ),
      (s) => s.conversation.model === 'deepseek-chat' && s.conversation.turns.length === 2,
      'the chat to show the continued conversation',
    );
    assert.equal(chat.conversation.kind, undefined, 'an ordinary chat');
    assert.deepEqual(
      chat.conversation.turns.map((t) => t.role),
      ['user', 'assistant'],
    );
    assert.equal(chat.conversation.turns[0].text, 'Which is better?');
    assert.match(chat.conversation.turns[1].text, /Echo\*\* from deepseek-chat/);

    await closeEverything();
    assert.equal(compareTabs().length, 0);
    assert.ok(await vscode.commands.executeCommand('aihub._openComparison', comparisonId));
    await until(compareTabs, (t) => t.length === 1, 'the comparison reopened from storage');
    const reopened = await snapshotOf(comparisonId);
    assert.deepEqual(
      reopened?.columns.map((c) => c.phase),
      ['done', 'done'],
    );
  });
});
