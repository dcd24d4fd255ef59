// AI Hub: Generate Commit Message in the real extension host, through VS Code's own Git extension, on a real git
// repository in a temporary folder, against the local hub: the staged changes (else all, untracked files
// included) with the repository's style go to the default model, the reply streams into the Source Control input
// box; no changes or a diff too large for the model send nothing; a failure puts back what the box held.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ChatMessage } from '../../src/core/hub/types';
import { estimateMessagesTokens } from '../../src/core/prompts/tokenBudget';
import { enqueue, hubKey, hubRequests, hubUrl, resetHub, until } from './support/hub';

interface Repo {
  readonly rootUri: vscode.Uri;
  readonly inputBox: { value: string };
}
interface GitApi {
  openRepository(root: vscode.Uri): Promise<Repo | null>;
}
interface Recorded {
  path: string;
  clientClosed: boolean;
  body: { model?: string; messages?: { role: string; content: string }[] };
}

const HISTORY = [
  'feat(math): add multiply',
  'fix(math): round halves to even',
  'docs: explain the rounding',
  'feat(io): read numbers from a file',
];
const MATH = 'export function add(a: number, b: number): number {\n  return a + b;\n}\n';

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], { cwd: dir, encoding: 'utf8' });
}

async function chatRequests(): Promise<Recorded[]> {
  return (await hubRequests<Recorded>()).filter((r) => r.path.endsWith('/chat/completions'));
}

const userText = (r: Recorded) => r.body.messages?.find((m) => m.role === 'user')?.content ?? '';

/**
 * Sets the Source Control input box and waits until it reads `value` steadily. VS Code echoes every value set in
 * the box back to the extension host, so on a loaded machine an echo of an earlier value (the last test's message)
 * can arrive after this one and be taken for the box's content.
 */
async function setBox(repo: Repo, value: string): Promise<void> {
  repo.inputBox.value = value;
  const deadline = Date.now() + 15_000;
  let steadySince = Date.now();
  while (Date.now() - steadySince < 400) {
    if (Date.now() > deadline) assert.fail(`the input box kept changing; it reads ${JSON.stringify(repo.inputBox.value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (repo.inputBox.value !== value) steadySince = Date.now();
  }
}

describe('commit message (integration)', function () {
  this.timeout(60_000);
  let dir: string;
  let repo: Repo;
  // The test's command, awaited after it whatever the test's outcome: one still running would refuse the next.
  let running: Promise<unknown> | undefined;
  const generate = (r: Repo) => {
    const call = vscode.commands.executeCommand<string | undefined>('aihub.generateCommitMessage', { rootUri: r.rootUri });
    running = Promise.resolve(call).catch(() => undefined);
    return call;
  };

  before(async () => {
    assert.ok(hubUrl && hubKey, 'AIHUB_TEST_HUB_URL and AIHUB_TEST_KEY are set by the runner');
    await vscode.commands.executeCommand('aihub.setApiKey', hubKey);
    assert.ok(execFileSync('git', ['--version'], { encoding: 'utf8' }).startsWith('git version'), 'git runs in the extension host');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aihub-commit-'));
    git(dir, 'init', '-q', '-b', 'main');
    fs.mkdirSync(path.join(dir, 'src'));
    HISTORY.forEach((subject, i) => {
      fs.writeFileSync(path.join(dir, 'CHANGELOG.md'), HISTORY.slice(0, i + 1).join('\n') + '\n');
      if (i === 0) fs.writeFileSync(path.join(dir, 'src', 'math.ts'), MATH);
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', subject);
    });
    const extension = vscode.extensions.getExtension<{ getAPI(v: 1): GitApi }>('vscode.git');
    assert.ok(extension, "VS Code's Git extension is there");
    const api = (extension.isActive ? extension.exports : await extension.activate()).getAPI(1);
    const opened = await until(
      () => api.openRepository(vscode.Uri.file(dir)),
      (r) => r !== null,
      'the Git extension to open the repository',
    );
    repo = opened!;
  });
  beforeEach(async () => {
    await resetHub();
    await setBox(repo, '');
  });
  afterEach(async () => {
    await running;
    running = undefined;
    // Back to the last commit, nothing staged, nothing untracked.
    git(dir, 'reset', '-q', '--hard');
    git(dir, 'clean', '-q', '-fd');
  });

  it('describes the staged changes only, in the repository’s style, with the default model, into the input box', async () => {
    fs.appendFileSync(path.join(dir, 'src', 'math.ts'), 'export function subtract(a: number, b: number): number {\n  return a - b;\n}\n');
    git(dir, 'add', 'src/math.ts');
    fs.writeFileSync(path.join(dir, 'CHANGELOG.md'), 'an unstaged edit that is not part of this commit\n');
    await enqueue({ kind: 'text', text: '```\nfeat(math): add subtract\n```\n' });

    const message = await generate(repo);

    assert.equal(message, 'feat(math): add subtract');
    assert.equal(repo.inputBox.value, 'feat(math): add subtract', 'the fence is not part of the message');
    const [request] = await chatRequests();
    assert.equal(request.body.model, vscode.workspace.getConfiguration('aihub').get('defaultModel'));
    const text = userText(request);
    assert.match(text, /these staged changes/);
    assert.match(text, /Conventional Commits: `type\(scope\): description`, with a type this repository uses \(feat, docs, fix\)/);
    assert.match(text, / {2}feat\(io\): read numbers from a file\n {2}docs: explain the rounding/, 'recent subjects, newest first');
    assert.match(text, /\+export function subtract/);
    assert.doesNotMatch(text, /an unstaged edit/, 'what is not staged stays out');
  });

  it('with nothing staged, describes every change, untracked files included, and uses what the box held as notes', async () => {
    fs.writeFileSync(path.join(dir, 'src', 'math.ts'), MATH.replace('a + b', 'b + a'));
    fs.writeFileSync(path.join(dir, 'src', 'divide.ts'), 'export const divide = (a: number, b: number) => a / b;\n');
    await setBox(repo, 'division helper');
    await enqueue({ kind: 'text', text: 'feat(math): add divide' });

    assert.equal(await generate(repo), 'feat(math): add divide');

    const text = userText((await chatRequests())[0]);
    assert.match(text, /for these changes,/);
    assert.match(text, /-\s+return a \+ b;\n\+\s+return b \+ a;/);
    assert.match(text, /diff --git a\/src\/divide\.ts b\/src\/divide\.ts\nnew file \(untracked\)[\s\S]*\+export const divide/);
    assert.match(text, /author's notes for this commit[^\n]*\ndivision helper/);
  });

  it('streams the message as it arrives, and a reply cut short puts back what the box held', async () => {
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'a new file\n');
    await setBox(repo, 'my own draft');
    // Two pieces of the answer, then the hub goes quiet for 10 s and closes the stream without finishing it.
    await enqueue({ kind: 'stall', afterChunks: 2, ms: 10_000, text: 'feat(notes): keep a notes file' });

    const running = generate(repo);
    const partial = await until(
      () => repo.inputBox.value,
      (v) => v !== 'my own draft' && v.length > 0,
      'the first pieces of the message in the input box',
    );
    assert.ok(
      'feat(notes): keep a notes file'.startsWith(partial) && partial.length < 30,
      `a part of the message: ${JSON.stringify(partial)}`,
    );

    assert.equal(await running, undefined);
    assert.equal(repo.inputBox.value, 'my own draft');
  });

  it('stops and keeps what the person typed in the box while the message was arriving', async () => {
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'a new file\n');
    await enqueue({ kind: 'stall', afterChunks: 2, ms: 6_000, text: 'feat(notes): keep a notes file' });

    const running = generate(repo);
    await until(
      () => repo.inputBox.value,
      (v) => v.length > 0,
      'the first pieces of the message in the input box',
    );
    repo.inputBox.value = 'typed meanwhile';

    assert.equal(await running, undefined);
    assert.equal(repo.inputBox.value, 'typed meanwhile', 'neither overwritten nor "restored" to the empty draft');
  });

  it('puts back what the box held when the hub refuses', async () => {
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'a new file\n');
    await setBox(repo, 'typed by hand');
    await enqueue({ kind: 'status', status: 401, message: 'invalid token' });

    assert.equal(await generate(repo), undefined);

    assert.equal(repo.inputBox.value, 'typed by hand');
    assert.equal((await chatRequests()).length, 1, 'one request, not retried');
  });

  it('sends nothing when the repository has no changes', async () => {
    await setBox(repo, 'left alone');
    assert.equal(await generate(repo), undefined);
    assert.equal((await chatRequests()).length, 0);
    assert.equal(repo.inputBox.value, 'left alone');
  });

  describe('with a small model', () => {
    const model = () => vscode.workspace.getConfiguration('aihub').get<string>('defaultModel')!;
    const setLimits = (limits: unknown) =>
      vscode.workspace.getConfiguration('aihub').update('modelLimits', limits, vscode.ConfigurationTarget.Global);
    afterEach(() => setLimits(undefined));

    it('cuts a huge diff to the model’s input limit and says so in the prompt', async () => {
      await setLimits({ [model()]: { maxInputTokens: 3_000, maxOutputTokens: 1_000 } });
      const lines = Array.from({ length: 5_000 }, (_, i) => `export const value${i} = ${i} * 2; // generated`).join('\n');
      fs.writeFileSync(path.join(dir, 'src', 'generated.ts'), `${lines}\n`);
      fs.appendFileSync(path.join(dir, 'src', 'math.ts'), 'export const zero = 0;\n');
      await enqueue({ kind: 'text', text: 'chore(math): add generated values' });

      assert.equal(await generate(repo), 'chore(math): add generated values');

      const [request] = await chatRequests();
      const text = userText(request);
      assert.match(text, /Note: the diff was too large to show whole \(about [\d,]+ tokens\): 1 of 2 files are shown in full, 1 in part/);
      assert.match(text, /\+export const zero = 0;/, 'the small change is whole');
      assert.match(text, /\+export const value0 = 0 \* 2;[\s\S]*rest of this file’s diff left out/);
      assert.doesNotMatch(text, /value4999/);
      const tokens = estimateMessagesTokens(request.body.messages as ChatMessage[]);
      assert.ok(tokens <= 3_000, `the prompt is about ${tokens} tokens`);
    });

    it('refuses, sending nothing, when not even the changed files’ names fit', async () => {
      await setLimits({ [model()]: { maxInputTokens: 300, maxOutputTokens: 100 } });
      for (let i = 0; i < 40; i++)
        fs.writeFileSync(path.join(dir, 'src', `module-with-a-long-name-${i}.ts`), `export const m${i} = ${i};\n`);
      await setBox(repo, 'kept');

      assert.equal(await generate(repo), undefined);

      assert.equal((await chatRequests()).length, 0);
      assert.equal(repo.inputBox.value, 'kept');
    });
  });
});
