// The commit-message generator's pure parts: the style read from a repository's recent commits, the diff cut
// to a token budget (every file still named), the prompt within the model's limits, and the reply cleaned for
// the input box.
import * as assert from 'node:assert/strict';
import { buildCommitPrompt, cleanCommitMessage, MAX_DIFF_TOKENS } from '../../src/core/commitMessage/commitPrompt';
import { DEFAULT_STYLE, describeCommitStyle, detectCommitStyle } from '../../src/core/commitMessage/commitStyle';
import { fitDiff, newFileDiff, splitDiff } from '../../src/core/commitMessage/fitDiff';
import type { ResolvedLimits } from '../../src/core/models/limits';
import { estimateTokens } from '../../src/core/models/tokenEstimate';
import { estimateMessagesTokens } from '../../src/core/prompts/tokenBudget';

function fileDiff(path: string, added: string[], removed: string[] = []): string {
  return [
    `diff --git a/${path} b/${path}`,
    'index 1111111..2222222 100644',
    `--- a/${path}`,
    `+++ b/${path}`,
    `@@ -1,${removed.length} +1,${added.length} @@`,
    ...removed.map((l) => `-${l}`),
    ...added.map((l) => `+${l}`),
    '',
  ].join('\n');
}

const lines = (n: number, word: string) => Array.from({ length: n }, (_, i) => `const ${word}${i} = compute(${i}, "${word}");`);
const limits = (maxInputTokens: number, maxOutputTokens = 4_096): ResolvedLimits => ({ maxInputTokens, maxOutputTokens, source: 'family' });

describe('commit message: style from recent commits', () => {
  it('recognises Conventional Commits with their types by frequency and scopes', () => {
    const style = detectCommitStyle([
      'feat(chat): add image chips',
      'fix(hub): retry on 503',
      'feat(models): pin favourites\n\nKept across workspaces.',
      'docs: explain gateways',
      "Merge branch 'main' into feature",
      'feat(chat): stream into the input box',
    ]);
    assert.deepEqual(style.prefix, { kind: 'conventional', types: ['feat', 'docs', 'fix'], scopes: true });
    assert.equal(style.capitalised, false);
    assert.equal(style.pastTense, false);
    assert.equal(style.endsWithPeriod, false);
    assert.equal(style.bodies, false);
    assert.equal(style.sampleSize, 5, 'the merge commit says nothing about how people write');
    assert.ok(!style.examples.some((s) => s.startsWith('Merge')));
    assert.match(describeCommitStyle(style)[0], /Conventional Commits: `type\(scope\): description`.*feat, docs, fix/);
  });

  it('recognises an area prefix with a lower-case description, full stops and bodies', () => {
    const style = detectCommitStyle([
      'Chat: every piece of an answer is journalled before it is shown.\n\nReplayed on open.',
      'Hub client: replies carry the model that answered.\n\nnew-api maps aliases.',
      'Models view back to the default size beside the chat.\n\nThe 3:1 split hid groups.',
      'Demo hub: its models publish a price of nothing.\n\nSo the view says free.',
    ]);
    assert.deepEqual(style.prefix, { kind: 'area' });
    assert.equal(style.capitalised, false, 'the word after the area is in lower case');
    assert.equal(style.endsWithPeriod, true);
    assert.equal(style.bodies, true);
    assert.equal(style.typicalLength, 'Hub client: replies carry the model that answered.'.length);
    const rules = describeCommitStyle(style).join('\n');
    assert.match(rules, /area changed and a colon/);
    assert.match(rules, /first word of the description in lower case/);
    assert.match(rules, /End the subject with a full stop/);
    assert.match(rules, /blank line and a short body/);
  });

  it('reads the past tense and plain subjects', () => {
    const style = detectCommitStyle(['Added a cache for prices', 'Fixed the retry loop', 'Updated the README', 'Remove dead code']);
    assert.deepEqual(style.prefix, { kind: 'none' });
    assert.equal(style.pastTense, true);
    assert.match(describeCommitStyle(style).join('\n'), /past tense/);
  });

  it('falls back to git’s own advice without history (or with only generated commits)', () => {
    assert.deepEqual(detectCommitStyle([]), DEFAULT_STYLE);
    assert.deepEqual(detectCommitStyle(['Initial commit', 'Merge pull request #4 from x/y', '']), DEFAULT_STYLE);
    assert.match(describeCommitStyle(DEFAULT_STYLE).join('\n'), /imperative.*\n.*full stop.*\n.*about 72 characters/);
  });
});

describe('commit message: diff within a token budget', () => {
  it('splits a diff by file with its added and removed line counts', () => {
    const files = splitDiff(fileDiff('src/a.ts', ['x', 'y'], ['z']) + fileDiff('docs/b d.md', ['hello']));
    assert.deepEqual(
      files.map((f) => [f.path, f.added, f.removed]),
      [
        ['src/a.ts', 2, 1],
        ['docs/b d.md', 1, 0],
      ],
    );
  });

  it('keeps a diff that fits as it is', () => {
    const diff = fileDiff('a.ts', lines(5, 'a'));
    const fitted = fitDiff(diff, 10_000)!;
    assert.equal(fitted.text, diff);
    assert.deepEqual([fitted.whole, fitted.cut, fitted.omitted], [1, 0, 0]);
  });

  it('cuts a huge file to a share and keeps the small ones whole, within the budget', () => {
    const small1 = fileDiff('src/small.ts', lines(3, 'small'));
    const small2 = fileDiff('src/other.ts', lines(4, 'other'));
    const lock = fileDiff('package-lock.json', lines(20_000, 'lock'));
    const fitted = fitDiff(small1 + lock + small2, 2_000)!;
    assert.ok(fitted.tokens <= 2_000, `${fitted.tokens} tokens`);
    assert.ok(fitted.originalTokens > 100_000, `${fitted.originalTokens} tokens before`);
    assert.deepEqual([fitted.whole, fitted.cut, fitted.omitted], [2, 1, 0]);
    assert.ok(fitted.text.includes(small1) && fitted.text.includes(small2), 'the small files are whole');
    assert.match(fitted.text, /diff --git a\/package-lock\.json[\s\S]*\+const lock0 [\s\S]*rest of this file’s diff left out/);
    assert.ok(
      fitted.text.indexOf('small.ts') < fitted.text.indexOf('package-lock') &&
        fitted.text.indexOf('package-lock') < fitted.text.indexOf('other.ts'),
    );
  });

  it('names the files there is no room to show, with their counts', () => {
    const diff = Array.from({ length: 200 }, (_, i) => fileDiff(`src/f${i}.ts`, lines(30, `v${i}x`), ['old'])).join('');
    const fitted = fitDiff(diff, 3_000)!;
    assert.ok(fitted.tokens <= 3_000, `${fitted.tokens} tokens`);
    assert.equal(fitted.whole + fitted.cut + fitted.omitted, 200);
    assert.ok(fitted.omitted > 0);
    assert.match(fitted.text, /Files changed but not shown \(no room left\):\n- src\/f\d+\.ts \(\+30 −1\)/);
    for (let i = 0; i < 200; i++) assert.ok(fitted.text.includes(`src/f${i}.ts`), `src/f${i}.ts is named`);
  });

  it('gives up when not even the file names fit', () => {
    const diff = Array.from({ length: 50 }, (_, i) => fileDiff(`src/a/very/long/path/to/file${i}.ts`, ['x'])).join('');
    assert.equal(fitDiff(diff, 100), undefined);
  });

  it('writes an untracked file as a diff that adds it', () => {
    assert.equal(
      newFileDiff('n.txt', 'one\ntwo\n'),
      'diff --git a/n.txt b/n.txt\nnew file (untracked)\n--- /dev/null\n+++ b/n.txt\n@@ -0,0 +1,2 @@\n+one\n+two\n',
    );
    assert.match(newFileDiff('img.png', { omitted: 'binary' }), /\(contents not shown: binary\)\n$/);
    assert.deepEqual(
      splitDiff(newFileDiff('n.txt', 'one\n')).map((f) => [f.path, f.added]),
      [['n.txt', 1]],
    );
  });
});

describe('commit message: the prompt', () => {
  const style = detectCommitStyle(['feat(chat): add image chips', 'fix(hub): retry on 503']);

  it('sends the style rules, the examples, the author’s notes and the whole diff when it fits', () => {
    const diff = fileDiff('src/chat/images.ts', lines(10, 'img'));
    const prompt = buildCommitPrompt({ style, diff, staged: true, draft: '  thumbnails for pasted images  ', limits: limits(100_000) });
    assert.ok(prompt.ok);
    const user = prompt.messages[1].content as string;
    assert.match(user, /these staged changes/);
    assert.match(user, /Conventional Commits/);
    assert.match(user, /Recent commit subjects here, newest first:\n {2}feat\(chat\): add image chips\n {2}fix\(hub\): retry on 503/);
    assert.match(user, /author's notes for this commit[^\n]*\nthumbnails for pasted images\n/);
    assert.ok(user.endsWith(`The diff:\n${diff}`));
    assert.doesNotMatch(user, /too large/);
  });

  it('cuts a huge diff to the model’s input limit and says so in the prompt', () => {
    const diff = fileDiff('a.ts', lines(5, 'a')) + fileDiff('dist/bundle.js', lines(50_000, 'bundle'));
    const prompt = buildCommitPrompt({ style, diff, staged: false, draft: '', limits: limits(6_000, 500) });
    assert.ok(prompt.ok);
    const total = estimateMessagesTokens(prompt.messages);
    assert.ok(total <= 6_000, `the prompt is ${total} tokens`);
    assert.match(prompt.messages[1].content as string, /these changes/);
    assert.match(
      prompt.messages[1].content as string,
      /Note: the diff was too large to show whole \(about [\d,]+ tokens\): 1 of 2 files are shown in full, 1 in part and 0 by name only/,
    );
  });

  it('never sends more than MAX_DIFF_TOKENS of diff to a model with a huge context', () => {
    const diff = fileDiff('dist/bundle.js', lines(100_000, 'bundle'));
    const prompt = buildCommitPrompt({ style, diff, staged: true, draft: '', limits: limits(1_000_000) });
    assert.ok(prompt.ok);
    assert.ok(prompt.diff.tokens <= MAX_DIFF_TOKENS, `${prompt.diff.tokens} tokens of diff`);
    assert.equal(prompt.diff.cut, 1);
  });

  it('refuses with the numbers when not even the file names fit the model', () => {
    const diff = Array.from({ length: 40 }, (_, i) => fileDiff(`src/module${i}/index.ts`, lines(3, 'm'))).join('');
    const prompt = buildCommitPrompt({ style, diff, staged: true, draft: '', limits: limits(400) });
    assert.ok(!prompt.ok);
    assert.equal(prompt.files, 40);
    assert.equal(prompt.maxInputTokens, 400);
    assert.equal(prompt.diffTokens, estimateTokens(diff));
    assert.ok(prompt.fixedTokens > 0);
  });
});

describe('commit message: the reply as the input box shows it', () => {
  it('strips a fence, a preamble and quotes, also from a reply still arriving', () => {
    assert.equal(cleanCommitMessage('feat: add x\n\nBecause y.\n'), 'feat: add x\n\nBecause y.');
    assert.equal(cleanCommitMessage('```\nfeat: add x\n```'), 'feat: add x');
    assert.equal(cleanCommitMessage('```text\nfeat: add'), 'feat: add');
    assert.equal(cleanCommitMessage('Commit message:\nfix: y'), 'fix: y');
    assert.equal(cleanCommitMessage("Here's the commit message:\n\n```\nfix: y\n```"), 'fix: y');
    assert.equal(cleanCommitMessage('"Fix the retry loop"'), 'Fix the retry loop');
    assert.equal(cleanCommitMessage('Use `fetch` over "axios"'), 'Use `fetch` over "axios"');
    assert.equal(cleanCommitMessage('`a` and `b`'), '`a` and `b`');
  });
});
