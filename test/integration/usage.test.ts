// The usage log in a real extension host against the local hub: a reply from the chat panel, from a selection
// command and through vscode.lm each add one line to this month's file, with tokens and times and without
// anything that was asked, answered, or the key.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { enqueue, hubKey, hubUrl, resetHub, until } from './support/hub';

interface Line {
  time: string;
  surface: string;
  hub: string;
  model: string;
  inputTokens: number | null;
  outputTokens: number | null;
  cost: number | null;
  durationMs: number;
  firstTokenMs: number | null;
  outcome: string;
  errorKind: string | null;
}
interface Snapshot {
  dir: string;
  month: string;
  records: Line[];
}

const snapshot = () => vscode.commands.executeCommand<Snapshot>('aihub._usageSnapshot');

describe('usage log', function () {
  // A loaded machine makes a selection command take half a minute end to end (diff editors, notifications).
  this.timeout(120_000);
  let since = 0;
  /** Records of replies asked since the test began, from one surface. */
  const linesFrom = async (surface: string) =>
    (await snapshot()).records.filter((r) => r.surface === surface && Date.parse(r.time) >= since);

  before(async () => {
    await vscode.commands.executeCommand('aihub.setApiKey', hubKey);
  });
  beforeEach(async () => {
    await resetHub();
    since = Date.now() - 1000;
  });
  afterEach(async () => {
    for (let i = 0; i < 10 && vscode.window.tabGroups.all.some((g) => g.tabs.length > 0); i++)
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('the chat panel writes one line per reply: model, tokens, times, outcome', async () => {
    const question = 'usage-probe chat question 5d1e';
    await vscode.commands.executeCommand('aihub._chatAsk', { prompt: question });
    const [line] = await until(
      () => linesFrom('chat'),
      (l) => l.length === 1,
      'the chat reply in the usage log',
    );
    assert.equal(line!.outcome, 'done');
    assert.equal(line!.hub, hubUrl);
    assert.equal(line!.model, vscode.workspace.getConfiguration('aihub').get('defaultModel'));
    assert.ok(line!.inputTokens! > 0 && line!.outputTokens! > 0, 'the tokens the hub reported');
    assert.ok(line!.cost! > 0, "priced from the local hub's published prices (/api/pricing)");
    assert.ok(line!.firstTokenMs !== null && line!.firstTokenMs <= line!.durationMs);

    const { dir, month } = await snapshot();
    const text = fs.readFileSync(path.join(dir, `usage-${month}.jsonl`), 'utf8');
    assert.ok(!text.includes('usage-probe'), 'the question is not in the log');
    assert.ok(!text.includes(hubKey), 'the key is not in the log');
  });

  it('a selection command writes its line, and so does a failed one with its error kind', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'typescript',
      content: 'export function add(a: number, b: number) {\n  return a + b;\n}\n',
    });
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    editor.selection = new vscode.Selection(0, 0, 3, 0);
    await enqueue({ kind: 'text', text: '```ts\nexport const add = (a: number, b: number) => a + b;\n```' });
    const id = await vscode.commands.executeCommand<string>('aihub.refactorSelection', 'simplify');
    assert.ok(id, 'a proposal was made');
    await vscode.commands.executeCommand('aihub.rejectProposal', id);

    await enqueue({ kind: 'status', status: 402, code: 'insufficient_user_quota', message: 'quota exhausted' });
    assert.equal(await vscode.commands.executeCommand('aihub.refactorSelection', 'simplify'), undefined);

    // Other suites' selection commands ran earlier in this host: these two are the last lines.
    const lines = (
      await until(
        () => linesFrom('selection'),
        (l) => l.length >= 2 && l.at(-1)!.outcome === 'error',
        'both selection replies in the usage log',
      )
    ).slice(-2);
    assert.deepEqual(
      lines.map((l) => [l.outcome, l.errorKind]),
      [
        ['done', null],
        ['error', 'quota'],
      ],
    );
    assert.ok(lines[0]!.outputTokens! > 0);
  });

  it('vscode.lm writes its line, and a cancelled request is recorded as stopped', async () => {
    const [chat] = await vscode.lm.selectChatModels({ vendor: 'aihub', id: 'gpt-4o' });
    assert.ok(chat, 'gpt-4o is offered through vscode.lm');
    const response = await chat.sendRequest([vscode.LanguageModelChatMessage.User('usage-probe lm question')]);
    let text = '';
    for await (const part of response.text) text += part;
    assert.match(text, /usage-probe lm question/);

    await enqueue({ kind: 'stall', afterChunks: 2, ms: 20_000 });
    const source = new vscode.CancellationTokenSource();
    const stalled = await chat.sendRequest([vscode.LanguageModelChatMessage.User('stall please')], {}, source.token);
    const reading = (async () => {
      for await (const part of stalled.text) if (part) source.cancel();
    })();
    await reading.catch(() => undefined);

    const lines = await until(
      () => linesFrom('lm'),
      (l) => l.length === 2,
      'both vscode.lm replies in the usage log',
    );
    assert.equal(lines[0]!.model, 'gpt-4o');
    assert.equal(lines[0]!.outcome, 'done');
    assert.ok(lines[0]!.outputTokens! > 0);
    assert.equal(lines[1]!.outcome, 'stopped');
  });

  it('aihub.showUsage opens the Usage view in an editor tab', async () => {
    await vscode.commands.executeCommand('aihub.showUsage');
    const tab = await until(
      () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .find((t) => t.input instanceof vscode.TabInputWebview && t.label === 'AI Hub Usage'),
      (t) => t !== undefined,
      'the Usage tab',
    );
    assert.ok((tab!.input as vscode.TabInputWebview).viewType.endsWith('aihub.usage'));
  });
});
