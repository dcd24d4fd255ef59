// The demo hub (tools/demoHub) answers the extension's real prompts with code that compiles and behaves as
// the original does, fixes the planted bug, writes tests that run, answers chat questions plausibly and honestly,
// and streams over HTTP with realistic token counts. No test hub scenario reaches it.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { UserTurn } from '../../src/core/chat/conversation';
import { requestMessages } from '../../src/core/chat/requestMessages';
import {
  refactorPresets,
  documentInstruction,
  explainAsk,
  fixInstruction,
  rewriteMessages,
  testsMessages,
} from '../../src/core/prompts/builtinPrompts';
import type { CodeContext } from '../../src/core/prompts/codeContext';
import { extractCode } from '../../src/core/prompts/extractCode';
import { estimateTokens } from '../../src/core/models/tokenEstimate';
import { DEMO_MODELS } from '../../tools/demoHub/catalogue';
import { PREPARED, SAMPLE_ARGUMENTS, type RewriteKind } from '../../tools/demoHub/preparedCode';
import { demoReply, shortVersion, type RequestMessage } from '../../tools/demoHub/reply';
import { startDemoHub, type DemoHub } from '../../tools/demoHub/server';
import type { Balance } from '../../src/core/money/balance';
import type { Fetched } from '../../src/core/money/moneyFetch';
import { readBalance, readHubPricing, readHubStatus } from '../../src/core/money/moneyReader';
import { costOf } from '../../src/core/money/price';
import { compileErrors, loadModule as load, outcome } from '../runner/typescriptCheck';

const ROOT = path.resolve(__dirname, '..', '..');
const WORKSPACE = path.join(ROOT, 'tools', 'demo-workspace');
const UTILS = fs.readFileSync(path.join(WORKSPACE, 'utils.ts'), 'utf8');
const [assistant, thinker, swift] = DEMO_MODELS;

function contextFor(text: string, symbolName?: string): CodeContext {
  const startLine = UTILS.slice(0, UTILS.indexOf(text)).split('\n').length;
  return { fileName: 'utils.ts', language: 'typescript', text, startLine, symbolName };
}

/** The code of the demo hub's answer, taken out the way the extension takes it. */
function answerCode(messages: RequestMessage[]): string {
  return extractCode(demoReply(messages, assistant).content, { language: 'typescript' }).code;
}

const originals = load(UTILS);

describe('demo hub', () => {
  describe('rewrites of the demo workspace (the real prompts, tsc, and the function run)', () => {
    const kinds: RewriteKind[] = ['simplify', 'names', 'types', 'modernise', 'extract', 'fix'];
    const rewritten: Record<string, string> = {};
    let errors: Record<string, string[]> = {};
    const fileName = (kind: string, name: string) => `utils_${kind}_${name}.ts`;
    before(function () {
      this.timeout(120_000);
      for (const prepared of PREPARED) {
        for (const kind of kinds) {
          const instruction = kind === 'fix' ? fixInstruction([]) : refactorPresets().find((p) => p.id === kind)!.instruction;
          const code = answerCode(rewriteMessages(instruction, contextFor(prepared.original, prepared.name)));
          rewritten[fileName(kind, prepared.name)] = UTILS.replace(prepared.original, code);
        }
      }
      rewritten['utils_document.ts'] = answerCode(rewriteMessages(documentInstruction('typescript'), contextFor(UTILS.trimEnd())));
      errors = compileErrors(rewritten);
    });

    for (const prepared of PREPARED) {
      for (const kind of kinds.filter((k) => k !== 'fix')) {
        it(`${kind} ${prepared.name}: compiles in utils.ts and behaves the same`, () => {
          const file = rewritten[fileName(kind, prepared.name)];
          assert.notEqual(file, UTILS, 'a real change');
          assert.deepEqual(errors[fileName(kind, prepared.name)], []);
          const exports = load(file);
          for (const args of SAMPLE_ARGUMENTS[prepared.name]) {
            assert.equal(
              outcome(exports[prepared.name], args),
              outcome(originals[prepared.name], args),
              `${prepared.name}(${JSON.stringify(args)})`,
            );
          }
        });
      }
    }

    it('fix median: sorts numerically, and only that changes', () => {
      assert.deepEqual(errors[fileName('fix', 'median')], []);
      const fixed = load(rewritten[fileName('fix', 'median')]).median;
      assert.equal(originals.median([10, 9, 2]), 2, 'the planted bug is there');
      assert.equal(fixed([10, 9, 2]), 9);
      assert.equal(fixed([100, 25, 3, 1]), 14);
      assert.equal(fixed([4, 1, 3, 2]), 2.5);
      assert.throws(() => fixed([]), /empty/);
    });

    it('fix on a correct function gives it back unchanged', () => {
      assert.equal(rewritten[fileName('fix', 'fibonacci')], UTILS);
      assert.equal(rewritten[fileName('fix', 'countWords')], UTILS);
    });

    it('documentation: TSDoc with every parameter above each function, the code itself unchanged', () => {
      const code = rewritten['utils_document.ts'];
      for (const prepared of PREPARED) {
        assert.ok(code.includes(`${prepared.doc.map((l) => (l ? ` * ${l}` : ' *')).join('\n')}\n */\n${prepared.original}`), prepared.name);
      }
      assert.match(code, /@param n - /);
      assert.match(code, /@throws \{RangeError\}/);
      assert.equal(code.replace(/\/\*\*[\s\S]*?\*\/\n/g, ''), UTILS.trimEnd());
      assert.deepEqual(errors['utils_document.ts'], []);
    });

    it('a rewrite of code it does not know: doc comments naming its parameters, nothing else changed', () => {
      const text = 'function area(width: number, height = 1, { unit }: { unit: string }) {\n  return `${width * height} ${unit}`;\n}';
      const code = answerCode(rewriteMessages(refactorPresets()[0].instruction, { ...contextFor(''), text, startLine: 1 }));
      assert.match(
        code,
        /^\/\*\*\n \* area takes `width`, `height` and `options`\.[\s\S]*@param width\n \* @param height\n \* @param options\n \*\/\n/,
      );
      assert.ok(code.endsWith(text), 'the code itself is untouched');
      assert.ok(!/fibonacci|median/.test(code), 'never unrelated code');
    });

    it('a Python function it does not know gets a docstring', () => {
      const text = 'def mean(xs, *, weights=None):\n    return sum(xs) / len(xs)\n';
      const reply = demoReply(
        rewriteMessages(documentInstruction('python'), { fileName: 'm.py', language: 'python', text, startLine: 1 }),
        assistant,
      );
      const code = extractCode(reply.content, { language: 'python' }).code;
      assert.match(code, /^def mean\(xs, \*, weights=None\):\n {4}"""mean takes `xs` and `weights`\.[\s\S]*"""\n {4}return sum/);
    });
  });

  describe('unit tests for the demo workspace', function () {
    this.timeout(60_000);
    it('run with node:test: all pass against the fixed code, and the median test catches the planted bug', () => {
      // Inside the repository, so `--import tsx` finds tsx in its node_modules.
      fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
      const dir = fs.mkdtempSync(path.join(ROOT, 'test-results', 'demo-tests-'));
      try {
        const tests = extractCode(demoReply(testsMessages(contextFor(UTILS.trimEnd())), assistant).content, {
          language: 'typescript',
        }).code;
        assert.match(
          tests,
          /^import \{ test \} from 'node:test';\nimport assert from 'node:assert\/strict';\nimport \{ fibonacci, median, countWords, formatDuration \} from '\.\/utils';/,
        );
        const median = PREPARED.find((p) => p.name === 'median')!;
        fs.writeFileSync(path.join(dir, 'utils.test.ts'), `${tests}\n`);
        const run = () => {
          try {
            return {
              ok: true,
              out: execFileSync(process.execPath, ['--import', 'tsx', '--test', 'utils.test.ts'], {
                cwd: dir,
                encoding: 'utf8',
                stdio: 'pipe',
              }),
            };
          } catch (err) {
            return { ok: false, out: String((err as { stdout?: string }).stdout) };
          }
        };
        fs.writeFileSync(path.join(dir, 'utils.ts'), UTILS.replace(median.original, median.rewrites.fix));
        const fixed = run();
        assert.ok(fixed.ok, fixed.out);
        assert.match(fixed.out, /# pass 1[0-9]/);
        fs.writeFileSync(path.join(dir, 'utils.ts'), UTILS);
        const buggy = run();
        assert.ok(!buggy.ok, 'the shipped median fails its test');
        assert.match(buggy.out, /not ok \d+ - median sorts numbers by value, not as text/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('chat', () => {
    const ask = (text: string, model = assistant, history: RequestMessage[] = []) =>
      demoReply([...history, { role: 'user', content: text }], model);

    it('explains a demo function from the Explain command, pointing out the planted bug', () => {
      const median = PREPARED.find((p) => p.name === 'median')!;
      const turn = explainAsk(contextFor(median.original, 'median'));
      const messages = requestMessages([{ role: 'user', id: 'u1', text: turn.prompt, context: turn.context } as UserTurn]);
      const reply = demoReply(messages, assistant);
      assert.match(reply.content, /^`median\(values\)` returns the middle value/);
      assert.match(reply.content, /compares elements \*\*as strings\*\*/);
      assert.equal(reply.reasoning, undefined, 'a non-reasoning model shows no thinking');
      assert.match(demoReply(messages, thinker).reasoning ?? '', /no comparator/);
    });

    it('explains unknown code from its shape, and says the detailed answers are for the demo workspace', () => {
      const reply = ask(
        'Explain this code\n\napp.ts (typescript):\n```ts\nasync function load(url: string) {\n  const res = await fetch(url);\n  if (!res.ok) throw new Error("bad");\n  return res.json();\n}\n```',
      );
      assert.match(reply.content, /^`load` takes `url`/);
      assert.match(reply.content, /asynchronous/);
      assert.match(reply.content, /It calls `fetch`/);
      assert.match(reply.content, /prepared explanations only for the demo workspace/);
    });

    it('compares two approaches in a markdown table', () => {
      const reply = ask('Compare interface vs type in TypeScript');
      assert.match(reply.content, /\n\| \| `interface` \| `type` alias \|\n\|---\|---\|---\|\n/);
      assert.match(ask('What is the difference between recursion and iteration?').content, /\| \| Recursion \| Iteration \|/);
    });

    it('writes a function, and a long how-to with several code blocks', () => {
      assert.match(ask('Write a debounce function in TypeScript').content, /export function debounce<Args extends unknown\[\]>/);
      const howto = ask('How do I stream a chat completion from the API?').content;
      assert.ok((howto.match(/^```/gm) ?? []).length >= 8, 'at least four code blocks');
    });

    it('says so instead of inventing an answer it has not got', () => {
      const reply = ask('Write a function that parses RFC 5322 email addresses');
      assert.match(reply.content, /no prepared function for that/);
      assert.match(reply.content, /- Write a `debounce` function/);
    });

    it("the first reply says it is scripted and how to switch to a real hub; later replies don't repeat it", () => {
      const first = ask('hello');
      assert.match(first.content, /Hello! I am \*\*demo\/assistant\*\*, a scripted model/);
      assert.match(first.content, /\*\*AI Hub: Choose Hub\*\* and \*\*AI Hub: Set API Key\*\*/);
      const second = ask('Compare REST vs GraphQL', assistant, [
        { role: 'user', content: 'hello' },
        { role: 'assistant', content: first.content },
      ]);
      assert.ok(!second.content.includes('Choose Hub'));
    });

    it('each model answers in its own way: demo/swift gives the short version, demo/thinker thinks first', () => {
      const question = 'Compare interface vs type in TypeScript';
      const [full, reasoned, brief] = [assistant, thinker, swift].map((m) => ask(question, m));
      assert.equal(reasoned.content, full.content);
      assert.ok(reasoned.reasoning && !full.reasoning && !brief.reasoning);
      assert.ok(brief.content.length < full.content.length * 0.8, 'the short version is shorter');
      assert.match(
        brief.content,
        /^Both describe the shape of a value[^\n]*\n\n\| \| `interface` \| `type` alias \|/,
        'its opening and its table',
      );
      assert.doesNotMatch(brief.content, /Rule of thumb/);
      assert.match(brief.content, /AI Hub: Choose Hub/, 'the short first reply still says how to switch');
    });

    it('the short version keeps a fenced block whole, blank lines inside it too', () => {
      assert.equal(
        shortVersion('Intro.\n\nMore prose.\n\n```ts\nconst a = 1;\n\nconst b = 2;\n```\n\nAfter.'),
        'Intro.\n\n```ts\nconst a = 1;\n\nconst b = 2;\n```',
      );
      assert.equal(shortVersion('Only prose.\n\nAnd more.'), 'Only prose.');
    });

    it("ignores the test hub's scenario directives: they are text like any other", () => {
      const reply = ask('Compare REST vs GraphQL [[scenario:{"kind":"status","status":503}]]');
      assert.match(reply.content, /\| \| REST \| GraphQL \|/);
    });
  });

  describe('over HTTP', () => {
    let hub: DemoHub | undefined;
    before(async () => {
      hub = await startDemoHub({ pace: 0 });
    });
    after(async () => {
      await hub?.close();
    });

    it('lists demo/… models described as scripted, with context lengths and capabilities; their prices apart, as new-api does', async () => {
      const list = (await (await fetch(`${hub!.url}/models`)).json()) as {
        data: { id: string; description: string; context_length: number; pricing?: unknown }[];
      };
      assert.deepEqual(
        list.data.map((m) => m.id),
        ['demo/assistant', 'demo/thinker', 'demo/swift'],
      );
      for (const m of list.data) {
        assert.match(m.description, /[Ss]cripted/);
        assert.match(m.description, /demo price, billed in play money/);
        assert.ok(m.context_length > 0);
        assert.equal(m.pricing, undefined);
      }
    });

    it("publishes demo prices and a play-money balance the extension's money reader reads, billed per reply as it prices them", async () => {
      const root = hub!.url.replace(/\/v1$/, '');
      const get = async (url: string): Promise<Fetched> => ({ ok: true, json: await (await fetch(url)).json() });
      const status = await readHubStatus(get, hub!.url);
      assert.deepEqual(status?.display, { kind: 'currency', symbol: '$', perUsd: 1 });
      const pricing = await readHubPricing(get, hub!.url, status);
      assert.deepEqual(pricing?.prices.get('demo/assistant'), { kind: 'tokens', inputPerMillion: 2, outputPerMillion: 8 });
      assert.deepEqual(pricing?.prices.get('demo/thinker'), { kind: 'tokens', inputPerMillion: 3, outputPerMillion: 15 });
      assert.deepEqual(pricing?.prices.get('demo/swift'), { kind: 'tokens', inputPerMillion: 0.4, outputPerMillion: 1.6 });
      const balance = async () => {
        const result = await readBalance(get, hub!.url, status, undefined);
        assert.equal(result.kind, 'balance');
        return (result as { balance: Balance }).balance;
      };
      const before = await balance();
      assert.equal(before.remaining, 5);
      assert.equal(before.keyName, 'demo play money: nothing is charged');
      const res = await fetch(`${hub!.url}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'demo/thinker', stream: true, messages: [{ role: 'user', content: 'Compare REST vs GraphQL' }] }),
      });
      const usageEvent = (await res.text()).split('\n\n').findLast((e) => e.includes('"usage"'))!;
      const usage = (JSON.parse(usageEvent.slice(6)) as { usage: { prompt_tokens: number; completion_tokens: number } }).usage;
      const cost = costOf(
        { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens },
        pricing!.prices.get('demo/thinker'),
      );
      assert.ok(typeof cost === 'number' && cost > 0);
      const after = await balance();
      // new-api bills in whole quota units (500,000 per dollar).
      assert.ok(Math.abs(before.remaining! - after.remaining! - cost) < 1 / 500_000, `${before.remaining} - ${after.remaining} = ${cost}`);
      assert.equal((await fetch(`${root}/api/usage/token/`)).status, 200, "new-api's own path, with its trailing slash");
    });

    it('streams the thinking, then the answer, then usage counted like the extension counts tokens', async () => {
      const messages = [{ role: 'user', content: 'Compare REST vs GraphQL' }];
      const res = await fetch(`${hub!.url}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'demo/thinker', stream: true, messages }),
      });
      assert.equal(res.status, 200);
      const events = (await res.text())
        .split('\n\n')
        .filter((e) => e.startsWith('data: '))
        .map((e) => e.slice(6));
      assert.equal(events.at(-1), '[DONE]');
      const chunks = events
        .slice(0, -1)
        .map((e) => JSON.parse(e) as { choices: { delta: Record<string, string> }[]; usage?: Record<string, number> });
      const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
      const thinking = chunks.map((c) => c.choices[0]?.delta.reasoning_content ?? '').join('');
      const expected = demoReply(messages, thinker);
      assert.equal(text, expected.content);
      assert.equal(thinking, expected.reasoning);
      const firstText = chunks.findIndex((c) => c.choices[0]?.delta.content);
      const lastThought = chunks.findLastIndex((c) => c.choices[0]?.delta.reasoning_content);
      assert.ok(lastThought < firstText, 'thinking comes first');
      assert.ok(chunks.length > 50, 'streamed in many small pieces');
      const usage = chunks.at(-1)!.usage as unknown as {
        prompt_tokens: number;
        completion_tokens: number;
        completion_tokens_details: { reasoning_tokens: number };
      };
      assert.equal(usage.prompt_tokens, 3 + 3 + estimateTokens('Compare REST vs GraphQL'));
      assert.equal(usage.completion_tokens, estimateTokens(expected.content) + estimateTokens(expected.reasoning!));
      assert.equal(usage.completion_tokens_details.reasoning_tokens, estimateTokens(expected.reasoning!));
    });

    it('answers a model it does not have with 404 naming the ones it has', async () => {
      const res = await fetch(`${hub!.url}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
      });
      assert.equal(res.status, 404);
      assert.match(((await res.json()) as { error: { message: string } }).error.message, /demo\/assistant, demo\/thinker, demo\/swift/);
    });
  });
});
