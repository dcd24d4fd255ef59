// Fallback in the real extension host against the local hub: with aihub.fallbackModels in the user's settings,
// a 503 before the first byte is answered by the next model and the reply and its usage line say so; a 402, a
// failure after the first byte and a vscode.lm request never fall back; a workspace's value of the setting is ignored.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { enqueue, hubKey, hubRequests, hubUrl, resetHub, until } from './support/hub';

interface Turn {
  role: string;
  model?: string;
  text: string;
  status?: string;
  error?: { kind?: string };
  fallbacks?: { model: string; reason: string }[];
}
interface ChatSnapshot {
  conversation: { model: string; turns: Turn[] };
  busy: boolean;
}
interface Recorded {
  path: string;
  body: { model?: string };
}

interface UsageLine {
  time: string;
  surface: string;
  model: string;
  outcome: string;
  errorKind: string | null;
  fallbackFrom?: { model: string; reason: string }[];
}

const FALLBACKS = { 'gpt-4o': ['gpt-4o-mini'] };
/** A 503 the client's own retries (aihub.maxRetries, 2) do not get past. */
const NO_CHANNEL = { kind: 'status', status: 503, model: 'gpt-4o' };

const config = () => vscode.workspace.getConfiguration('aihub');
const snapshot = () => vscode.commands.executeCommand<ChatSnapshot>('aihub._chatSnapshot');
const modelsAsked = async () => (await hubRequests<Recorded>()).filter((r) => r.path === '/v1/chat/completions').map((r) => r.body.model);

/** Asks in a new chat with gpt-4o; resolves with the finished reply. */
async function ask(prompt: string): Promise<Turn> {
  await vscode.commands.executeCommand('aihub.newChat');
  await until(snapshot, (s) => s.conversation.model === 'gpt-4o' && s.conversation.turns.length === 0, 'a new chat with gpt-4o');
  await vscode.commands.executeCommand('aihub._chatAsk', { prompt });
  const done = await until(
    snapshot,
    (s) => !s.busy && s.conversation.turns.length === 2 && s.conversation.turns[1].status !== 'streaming',
    'the reply to finish',
  );
  return done.conversation.turns[1];
}

describe('Fallback models', function () {
  this.timeout(60_000);

  before(async () => {
    assert.ok(hubUrl && hubKey, 'AIHUB_TEST_HUB_URL and AIHUB_TEST_KEY are set by the runner');
    await vscode.commands.executeCommand('aihub.setApiKey', hubKey);
    await config().update('defaultModel', 'gpt-4o', vscode.ConfigurationTarget.Global);
  });
  beforeEach(async () => {
    await resetHub();
    await config().update('fallbackModels', FALLBACKS, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await config().update('fallbackModels', undefined, vscode.ConfigurationTarget.Global);
    await config().update('defaultModel', undefined, vscode.ConfigurationTarget.Global);
  });

  it('a 503 before the first byte is answered by the next model, and the reply and its usage line say so', async () => {
    await enqueue(NO_CHANNEL, 3);
    const since = Date.now() - 1000;
    const reply = await ask('Hello with fallback');
    assert.equal(reply.status, 'done');
    assert.equal(reply.model, 'gpt-4o-mini');
    assert.match(reply.text, /Echo\*\* from gpt-4o-mini/);
    assert.deepEqual(reply.fallbacks, [{ model: 'gpt-4o', reason: 'no available channel (503)' }]);
    assert.deepEqual(await modelsAsked(), ['gpt-4o', 'gpt-4o', 'gpt-4o', 'gpt-4o-mini'], 'retried first, then the fallback');

    // Marked in the models view for a while.
    const view = await vscode.commands.executeCommand<{ items: { label: string; description?: string; children?: unknown[] }[] }>(
      'aihub._modelsViewSnapshot',
    );
    const flat = (items: { label: string; description?: string; children?: unknown[] }[]): { label: string; description?: string }[] =>
      items.flatMap((i) => [i, ...flat((i.children ?? []) as typeof items)]);
    const gpt4o = flat(view.items).find((i) => i.label === 'gpt-4o');
    assert.match(gpt4o?.description ?? '', /⚠ no channel, just now/);

    // The usage log: the model asked failed on its own line; the answer's line names it and why.
    const lines = await until(
      async () =>
        (await vscode.commands.executeCommand<{ records: UsageLine[] }>('aihub._usageSnapshot')).records.filter(
          (r) => r.surface === 'chat' && Date.parse(r.time) >= since,
        ),
      (l) => l.length === 2,
      'both requests in the usage log',
    );
    assert.deepEqual(
      lines.map((l) => [l.model, l.outcome, l.errorKind, l.fallbackFrom]),
      [
        ['gpt-4o', 'error', 'noChannel', undefined],
        ['gpt-4o-mini', 'done', null, [{ model: 'gpt-4o', reason: 'no available channel (503)' }]],
      ],
    );
  });

  it('never on 402: the account, not the model', async () => {
    await enqueue({ kind: 'status', status: 402, model: 'gpt-4o' });
    const reply = await ask('Hello with no quota');
    assert.equal(reply.status, 'error');
    assert.equal(reply.error?.kind, 'quota');
    assert.equal(reply.model, 'gpt-4o');
    assert.equal(reply.fallbacks, undefined);
    assert.deepEqual(await modelsAsked(), ['gpt-4o']);
  });

  it('never after the first byte', async () => {
    await enqueue({ kind: 'midStreamError', afterChunks: 3, model: 'gpt-4o' });
    const reply = await ask('Hello then a break');
    assert.equal(reply.status, 'error');
    assert.equal(reply.model, 'gpt-4o');
    assert.ok(reply.text.length > 0, 'what arrived is kept');
    assert.deepEqual(await modelsAsked(), ['gpt-4o']);
  });

  it('never for vscode.lm callers: they asked for one model', async () => {
    await enqueue(NO_CHANNEL, 3);
    const [model] = await vscode.lm.selectChatModels({ vendor: 'aihub', id: 'gpt-4o' });
    assert.ok(model, 'gpt-4o is offered through vscode.lm');
    let error: unknown;
    try {
      const response = await model.sendRequest([vscode.LanguageModelChatMessage.User('Hello from another extension')]);
      for await (const part of response.stream) void part;
    } catch (err) {
      error = err;
    }
    assert.ok(error instanceof Error, 'the 503 reaches the caller');
    assert.ok(!(await modelsAsked()).includes('gpt-4o-mini'), 'no other model was asked');
  });

  it("ignores a workspace's aihub.fallbackModels", async () => {
    await config().update('fallbackModels', undefined, vscode.ConfigurationTarget.Global);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'the runner opens a workspace folder');
    const file = path.join(folder, '.vscode', 'settings.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ 'aihub.fallbackModels': ['gpt-4o-mini'] }));
    try {
      // VS Code reads the file on its own; give it the time a person's edit would take to be noticed.
      await until(
        () => config().inspect('fallbackModels')?.workspaceValue,
        (v) => v !== undefined,
        'VS Code to read the workspace settings',
        5_000,
      ).catch(() => undefined);
      await enqueue(NO_CHANNEL, 3);
      const reply = await ask('Hello from a cloned repository');
      assert.equal(reply.status, 'error');
      assert.equal(reply.error?.kind, 'noChannel');
      assert.equal(reply.model, 'gpt-4o');
      assert.ok(!(await modelsAsked()).includes('gpt-4o-mini'), 'the workspace could not route the prompt to another model');
    } finally {
      fs.rmSync(path.join(folder, '.vscode'), { recursive: true, force: true });
    }
  });
});
