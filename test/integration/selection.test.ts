// The selection commands in the real extension host against the local hub: refactor opens a diff of
// read-only proposal documents, Accept applies it as one undo step, Reject and a changed document leave the
// file alone; fix sends the diagnostics, custom prompts expand, tests open in a new editor, oversized code
// never reaches the hub, and explain lands in the chat panel's conversation; Refactor / Fix with two models
// opens a diff per model, and accepting one discards the other.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { enqueue, hubKey, hubRequests, hubUrl, resetHub, until } from './support/hub';

interface Recorded {
  path: string;
  body: { model?: string; messages?: { role: string; content: string }[] };
}

const enqueueText = (text: string) => enqueue({ kind: 'text', text });

async function chatRequests(): Promise<Recorded[]> {
  return (await hubRequests<Recorded>()).filter((r) => r.path === '/v1/chat/completions');
}

const lastUserMessage = (r: Recorded | undefined) => r?.body.messages?.filter((m) => m.role === 'user').at(-1)?.content ?? '';

const proposalTabs = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.scheme === 'aihub-proposal');

const SOURCE = [
  'export class Calc {',
  '  total(xs: number[]): number {',
  '    let sum = 0;',
  '    for (const x of xs) {',
  '      sum = sum + x;',
  '    }',
  '    return sum;',
  '  }',
  '}',
  '',
].join('\n');

// The model answers dedented, with prose around the fence: the extension must strip and re-indent it.
const ANSWER =
  'Here is a simpler version:\n\n```ts\ntotal(xs: number[]): number {\n  return xs.reduce((a, b) => a + b, 0);\n}\n```\n\nThis uses `reduce` instead of a loop.';
const EXPECTED = SOURCE.replace(
  / {2}total[\s\S]*?\n {2}\}\n/,
  '  total(xs: number[]): number {\n    return xs.reduce((a, b) => a + b, 0);\n  }\n',
);

async function openSource(text = SOURCE): Promise<vscode.TextEditor> {
  // A new untitled document can be handed the name, and so the text, of one closed a moment ago that the
  // extension host has not let go of yet (closeEverything waits for that, within a limit): ask again until it is new.
  for (let attempt = 1; ; attempt++) {
    const document = await vscode.workspace.openTextDocument({ language: 'typescript', content: text });
    if (document.getText() === text || attempt === 5) return vscode.window.showTextDocument(document, { preview: false });
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Closes every editor without a save prompt (the untitled test documents are dirty), then gives the extension
 * host a moment to let go of their documents: on a busy machine the next test's new untitled document could
 * otherwise be handed the name, and the stale text, of the one just closed.
 */
async function closeEverything(): Promise<void> {
  for (let i = 0; i < 30 && vscode.window.tabGroups.all.some((g) => g.tabs.length > 0); i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'untitled' && !d.isClosed)) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Selects the `total` method as whole lines, as a user dragging over it would. */
function selectMethod(editor: vscode.TextEditor): void {
  editor.selection = new vscode.Selection(1, 0, 8, 0);
}

const enqueueFor = (model: string, text: string) => enqueue({ kind: 'text', text, model });

/** What every suite here needs around each test: the runner's key stored, the hub's queue empty, no editor left open. */
function useSelectionHooks(): void {
  before(async () => {
    assert.ok(hubUrl && hubKey, 'AIHUB_TEST_HUB_URL and AIHUB_TEST_KEY are set by the runner');
    await vscode.commands.executeCommand('aihub.setApiKey', hubKey);
  });
  beforeEach(resetHub);
  afterEach(closeEverything);
}

describe('Refactor / Fix with two models', function () {
  this.timeout(60_000);
  const LOOP =
    'Here you are:\n\n```ts\ntotal(xs: number[]): number {\n  let sum = 0;\n  for (const x of xs) sum += x;\n  return sum;\n}\n```';
  const WITH_LOOP = SOURCE.replace(
    / {2}total[\s\S]*?\n {2}\}\n/,
    '  total(xs: number[]): number {\n    let sum = 0;\n    for (const x of xs) sum += x;\n    return sum;\n  }\n',
  );

  useSelectionHooks();

  it('asks both models the same refactor, opens a diff per model; Accept one applies it in one undo step and discards the other', async () => {
    const editor = await openSource();
    selectMethod(editor);
    await enqueueFor('gpt-4o', ANSWER);
    await enqueueFor('deepseek-chat', LOOP);
    const ids = await vscode.commands.executeCommand<(string | undefined)[]>('aihub.refactorWithTwoModels', {
      models: ['gpt-4o', 'deepseek-chat'],
      instruction: 'simplify',
    });
    assert.equal(ids?.length, 2);
    assert.ok(ids[0] && ids[1] && ids[0] !== ids[1], 'a proposal per model');

    const requests = await chatRequests();
    assert.deepEqual(requests.map((r) => r.body.model).sort(), ['deepseek-chat', 'gpt-4o']);
    assert.equal(lastUserMessage(requests[0]), lastUserMessage(requests[1]), 'the same prompt to both');
    assert.match(lastUserMessage(requests[0]), /^Simplify this code/);

    const tabs = await until(proposalTabs, (t) => t.length === 2, 'a diff per model');
    const byTitle = new Map(tabs.map((t) => [t.label, t.input as vscode.TabInputTextDiff]));
    const gpt = [...byTitle].find(([label]) => label.includes('gpt-4o'));
    const deepseek = [...byTitle].find(([label]) => label.includes('deepseek-chat'));
    assert.ok(gpt && deepseek, `each diff names its model (${[...byTitle.keys()].join(' | ')})`);
    assert.equal((await vscode.workspace.openTextDocument(gpt[1].modified)).getText(), EXPECTED);
    assert.equal((await vscode.workspace.openTextDocument(deepseek[1].modified)).getText(), WITH_LOOP);
    assert.equal(editor.document.getText(), SOURCE, 'nothing is applied before Accept');

    assert.equal(await vscode.commands.executeCommand('aihub.acceptProposal', ids[1]), true);
    assert.equal(editor.document.getText(), WITH_LOOP, "deepseek-chat's proposal is applied");
    await until(proposalTabs, (t) => t.length === 0, "both diffs closed (the other model's discarded)");
    assert.equal(await vscode.commands.executeCommand('aihub.acceptProposal', ids[0]), false, 'the discarded one cannot be accepted');
    assert.equal(editor.document.getText(), WITH_LOOP);

    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), SOURCE, 'one undo step restores the original');
  });

  it('Fix with two models sends the fix prompt to both', async () => {
    const editor = await openSource();
    selectMethod(editor);
    await enqueueFor('gpt-4o', ANSWER);
    await enqueueFor('claude-sonnet-4.6', LOOP);
    const ids = await vscode.commands.executeCommand<(string | undefined)[]>('aihub.fixWithTwoModels', {
      models: ['gpt-4o', 'claude-sonnet-4.6'],
    });
    assert.equal(ids?.filter(Boolean).length, 2);
    const requests = await chatRequests();
    assert.deepEqual(requests.map((r) => r.body.model).sort(), ['claude-sonnet-4.6', 'gpt-4o']);
    for (const r of requests) assert.match(lastUserMessage(r), /fix/i);
    await until(proposalTabs, (t) => t.length === 2, 'a diff per model');
    assert.equal(await vscode.commands.executeCommand('aihub.rejectProposal', ids[0]), true);
    assert.equal(proposalTabs().length, 1, 'Reject closes only its own diff');
    assert.equal(editor.document.getText(), SOURCE);
  });
});

describe('selection commands', function () {
  this.timeout(40_000);

  useSelectionHooks();

  it('refactor opens a diff of proposal documents; Accept applies it re-indented, as one undo step', async () => {
    const editor = await openSource();
    selectMethod(editor);
    await enqueueText(ANSWER);
    const id = await vscode.commands.executeCommand<string>('aihub.refactorSelection', 'simplify');
    assert.ok(id, 'a proposal was made');

    const [request] = await chatRequests();
    const sent = lastUserMessage(request);
    assert.match(sent, /^Simplify this code/);
    assert.ok(sent.includes('```ts\n  total(xs: number[]): number {\n    let sum = 0;'), 'the selected code is sent in a fence');
    assert.equal(request.body.model, vscode.workspace.getConfiguration('aihub').get('defaultModel'));

    const [tab] = await until(proposalTabs, (t) => t.length === 1, 'the proposal diff tab');
    const diff = tab.input as vscode.TabInputTextDiff;
    assert.equal(diff.original.scheme, 'aihub-proposal');
    const left = await vscode.workspace.openTextDocument(diff.original);
    const right = await vscode.workspace.openTextDocument(diff.modified);
    assert.equal(left.getText(), SOURCE, 'the left side is the file as it was');
    assert.equal(right.getText(), EXPECTED, 'the right side is the file with the proposal in place');
    assert.equal(editor.document.getText(), SOURCE, 'nothing is applied before Accept');

    assert.equal(await vscode.commands.executeCommand('aihub.acceptProposal', id), true);
    assert.equal(editor.document.getText(), EXPECTED);
    assert.equal(proposalTabs().length, 0, 'the diff is closed after Accept');
    assert.equal(vscode.window.activeTextEditor?.document, editor.document, 'the edited file is in front');

    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), SOURCE, 'one undo restores the original');
  });

  it('Reject closes the diff and leaves the file unchanged; Accept afterwards does nothing', async () => {
    const editor = await openSource();
    selectMethod(editor);
    await enqueueText(ANSWER);
    const id = await vscode.commands.executeCommand<string>('aihub.refactorSelection', 'simplify');
    await until(proposalTabs, (t) => t.length === 1, 'the proposal diff tab');
    assert.equal(await vscode.commands.executeCommand('aihub.rejectProposal', id), true);
    assert.equal(proposalTabs().length, 0);
    assert.equal(await vscode.commands.executeCommand('aihub.acceptProposal', id), false);
    assert.equal(editor.document.getText(), SOURCE);
    assert.equal(editor.document.isDirty, true, 'still the untitled document as opened');
  });

  it('refuses to apply a proposal to a document that changed meanwhile', async () => {
    const editor = await openSource();
    selectMethod(editor);
    await enqueueText(ANSWER);
    const id = await vscode.commands.executeCommand<string>('aihub.refactorSelection', 'simplify');
    await until(proposalTabs, (t) => t.length === 1, 'the proposal diff tab');
    // The editor is behind the diff now: edit the document as another extension or a formatter would.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(editor.document.uri, new vscode.Position(0, 0), '// edited meanwhile\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const edited = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand('aihub.acceptProposal', id), false);
    assert.equal(editor.document.getText(), edited, "the user's edit stays, the proposal is not applied");
    assert.equal(proposalTabs().length, 1, 'the diff stays open to compare or reject');
  });

  it('with no selection, takes the function around the cursor', async () => {
    const editor = await openSource();
    editor.selection = new vscode.Selection(2, 6, 2, 6);
    await enqueueText(ANSWER);
    const id = await vscode.commands.executeCommand<string>('aihub.refactorSelection', 'Use reduce');
    assert.ok(id);
    const sent = lastUserMessage((await chatRequests())[0]);
    assert.match(sent, /^Use reduce/);
    assert.ok(
      sent.includes('  total(xs: number[]): number {\n    let sum = 0;') && sent.includes('    return sum;\n  }\n```'),
      `the whole method is sent: ${sent}`,
    );
    assert.ok(!sent.includes('export class Calc'), 'but not the class around it');
    await vscode.commands.executeCommand('aihub.acceptProposal', id);
    assert.equal(editor.document.getText(), EXPECTED);
  });

  it('fix sends the diagnostics inside the selection as context', async () => {
    const editor = await openSource();
    const diagnostics = vscode.languages.createDiagnosticCollection('selection-test');
    try {
      const inside = new vscode.Diagnostic(new vscode.Range(4, 6, 4, 9), 'Probable overflow in sum', vscode.DiagnosticSeverity.Warning);
      inside.source = 'selection-test';
      diagnostics.set(editor.document.uri, [
        inside,
        new vscode.Diagnostic(new vscode.Range(0, 0, 0, 6), 'Outside the selection', vscode.DiagnosticSeverity.Error),
      ]);
      selectMethod(editor);
      await enqueueText(ANSWER);
      const id = await vscode.commands.executeCommand<string>('aihub.fixSelection');
      assert.ok(id);
      const sent = lastUserMessage((await chatRequests())[0]);
      assert.match(sent, /^Fix the problems listed below/);
      assert.ok(sent.includes('- line 5, warning (selection-test): Probable overflow in sum'), sent);
      assert.ok(!sent.includes('Outside the selection'));
      await vscode.commands.executeCommand('aihub.rejectProposal', id);
    } finally {
      diagnostics.dispose();
    }
  });

  it("document asks for the language's doc comments and proposes a diff", async () => {
    const editor = await openSource();
    selectMethod(editor);
    await enqueueText('```ts\n/** Adds up the numbers. */\ntotal(xs: number[]): number {\n  return 0;\n}\n```');
    const id = await vscode.commands.executeCommand<string>('aihub.documentSelection');
    assert.ok(id);
    assert.match(lastUserMessage((await chatRequests())[0]), /TSDoc/);
    await vscode.commands.executeCommand('aihub.acceptProposal', id);
    assert.ok(editor.document.getText().includes('\n  /** Adds up the numbers. */\n  total('));
  });

  it('write tests opens the tests in a new untitled editor of the same language', async () => {
    const editor = await openSource();
    selectMethod(editor);
    await enqueueText('Tests:\n```ts\nimport { Calc } from "./calc";\ntest("sums", () => expect(new Calc().total([1, 2])).toBe(3));\n```');
    const uri = await vscode.commands.executeCommand<string>('aihub.writeTests');
    assert.ok(uri);
    const tests = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    assert.ok(tests);
    assert.equal(tests.isUntitled, true);
    assert.equal(tests.languageId, 'typescript');
    assert.equal(tests.getText(), 'import { Calc } from "./calc";\ntest("sums", () => expect(new Calc().total([1, 2])).toBe(3));\n');
    assert.equal(editor.document.getText(), SOURCE);
  });

  it('runs a custom diff prompt from aihub.prompts with its placeholders expanded', async () => {
    const config = vscode.workspace.getConfiguration('aihub');
    await config.update(
      'prompts',
      [{ name: 'Port', template: 'Port this {{language}} from {{fileName}}:\n{{selection}}', mode: 'diff' }],
      vscode.ConfigurationTarget.Global,
    );
    try {
      const editor = await openSource();
      selectMethod(editor);
      await enqueueText(ANSWER);
      const id = await vscode.commands.executeCommand<string>('aihub.runPrompt', 'Port');
      assert.ok(id);
      const sent = lastUserMessage((await chatRequests())[0]);
      assert.ok(sent.startsWith(`Port this typescript from ${editor.document.uri.path}:\n  total(xs: number[]): number {`), sent);
      assert.equal(sent.match(/let sum = 0/g)?.length, 1, 'the code is sent once');
      await vscode.commands.executeCommand('aihub.rejectProposal', id);
    } finally {
      await config.update('prompts', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('a reply broken mid-stream or a hub error proposes nothing and leaves the file alone', async () => {
    const editor = await openSource();
    selectMethod(editor);
    for (const scenario of [
      { kind: 'disconnect', afterChunks: 2 },
      { kind: 'status', status: 401 },
    ]) {
      await enqueue(scenario);
      const id = await vscode.commands.executeCommand<string>('aihub.refactorSelection', 'simplify');
      assert.equal(id, undefined, `no proposal after ${scenario.kind}`);
    }
    assert.equal((await chatRequests()).length, 2, 'each attempt reached the hub once (401 is not retried; a broken stream is not resent)');
    assert.equal(proposalTabs().length, 0);
    assert.equal(editor.document.getText(), SOURCE);
  });

  it('explain sends the code to the chat panel: the hub gets the explain prompt, the conversation file keeps the turn', async function () {
    const commands = await vscode.commands.getCommands(true);
    if (!commands.includes('aihub._chatAsk')) this.skip();
    const editor = await openSource();
    selectMethod(editor);
    await enqueueText('It sums the numbers.');
    assert.equal(await vscode.commands.executeCommand('aihub.explainSelection'), true);

    const [request] = await until(chatRequests, (r) => r.length > 0, "the chat panel's request");
    const sent = lastUserMessage(request);
    assert.ok(sent.startsWith(`Explain this code from ${editor.document.uri.path}, lines 2–8 (typescript)`), sent.slice(0, 300));
    assert.ok(sent.includes('let sum = 0;'), 'the attached code is in the request');

    interface Snapshot {
      conversation: { id: string; turns: { role: string; text: string; display?: string; status?: string }[] };
      busy: boolean;
      storageDir: string;
    }
    const snapshot = await until(
      () => vscode.commands.executeCommand<Snapshot>('aihub._chatSnapshot'),
      (x) => !x.busy && x.conversation.turns.some((t) => t.role === 'assistant' && t.text.includes('It sums the numbers.')),
      'the answer in the conversation',
    );
    const file = vscode.Uri.file(`${snapshot.storageDir}/${snapshot.conversation.id}.json`);
    const stored = await until(
      async () => JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as Snapshot['conversation'],
      (c) => c.turns.some((t) => t.role === 'assistant' && t.text.includes('It sums the numbers.')),
      'the answer saved to the conversation file',
    );
    const question = stored.turns.filter((t) => t.role === 'user').at(-1);
    assert.ok(question?.text.startsWith('Explain this code from'), JSON.stringify(question).slice(0, 300));
    assert.equal(question?.display, `Explain the selection (${editor.document.uri.path}, lines 2–8)`);
  });
  // Last in the suite: closing its 30,000-line untitled document takes the host a while, and a new untitled
  // document opened meanwhile can be handed the closed one's name and text.
  it("refuses code larger than the model's context before sending anything", async () => {
    // About 240,000 tokens of ordinary code: over gpt-4o-mini's 111,616-token input limit by any tokenizer.
    const editor = await openSource('const value = compute(input, options);\n'.repeat(30_000));
    assert.equal(editor.document.lineCount, 30_001, 'the editor holds the large code');
    editor.selection = new vscode.Selection(0, 0, 30_000, 0);
    const id = await vscode.commands.executeCommand<string>('aihub.refactorSelection', 'simplify');
    assert.equal(id, undefined);
    assert.equal((await chatRequests()).length, 0, 'no request reached the hub');
    assert.equal(proposalTabs().length, 0);
  });
});
