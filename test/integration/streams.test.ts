// Gateways' and servers' shapes of errors, stream endings, tool calls and reasoning (issue 14, items 3 to 7), in a
// real extension host against the local hub: through vscode.lm, the chat panel and a selection command. The
// shapes and where each was found: test/hub/shapes.ts and the unit tests hub-gateway-errors / hub-stream-shapes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { THOUGHT, type ErrorBodyShape, type OpenEnding, type StreamErrorShape, type ToolCallShape } from '../hub/shapes';
import { enqueue, hubKey as KEY, resetHub, until } from './support/hub';

type ThinkingPart = { value: string | string[] };
const Thinking = (vscode as unknown as { LanguageModelThinkingPart?: new (value: string) => ThinkingPart }).LanguageModelThinkingPart;

async function model(id = 'gpt-4o'): Promise<vscode.LanguageModelChat> {
  const [found] = await vscode.lm.selectChatModels({ vendor: 'aihub', id });
  assert.ok(found, `${id} is offered through vscode.lm`);
  return found;
}

/** Sends one question and reads the whole reply: text, thinking, tool calls and the error that ended it. */
async function ask(text: string, options: vscode.LanguageModelChatRequestOptions = {}) {
  const texts: string[] = [];
  const thoughts: string[] = [];
  const calls: vscode.LanguageModelToolCallPart[] = [];
  let error: Error | undefined;
  try {
    const response = await (await model()).sendRequest([vscode.LanguageModelChatMessage.User(text)], options);
    for await (const part of response.stream) {
      if (part instanceof vscode.LanguageModelTextPart) texts.push(part.value);
      else if (part instanceof vscode.LanguageModelToolCallPart) calls.push(part);
      else if (Thinking && part instanceof Thinking) thoughts.push([part.value].flat().join(''));
    }
  } catch (err) {
    error = err instanceof Error ? err : new Error(String(err));
  }
  return { texts, text: texts.join(''), thought: thoughts.join(''), calls, error };
}

describe('hub streams from gateways and servers (issue 14)', function () {
  this.timeout(60_000);
  let whole = '';
  before(async () => {
    await vscode.commands.executeCommand('aihub.setApiKey', KEY);
    await resetHub();
    whole = (await ask('the same question every time')).text;
    assert.ok(whole.length > 100);
  });

  it("item 3: error bodies from gateways reach the caller as the hub's words, never JSON or HTML", async () => {
    const cases: [ErrorBodyShape, RegExp, number][] = [
      // 502 is retried (aihub.maxRetries = 2) before it is reported.
      ['portkeyHtmlMessage', /502 Bad Gateway/, 3],
      ['portkeyFailure', /^Either x-portkey-config or x-portkey-provider header is required — the hub refused the request \(400\)/, 1],
      ['litellmChain', /^This model's maximum context length is 8192 tokens\..*longer context/, 1],
      ['unsupportedParameter', /^Unsupported value: 'reasoning_effort'.*Check the request's settings/, 1],
    ];
    for (const [shape, says, times] of cases) {
      await enqueue({ kind: 'errorBody', shape }, times);
      const { error } = await ask(`error body ${shape}`);
      assert.ok(error, `${shape}: the request failed`);
      assert.match(error.message, says, shape);
      assert.doesNotMatch(error.message, /[{}<>]/, `${shape}: ${error.message}`);
      if (shape === 'unsupportedParameter') assert.doesNotMatch(error.message, /context/);
    }
  });

  it('item 3: a stream cut after text arrived keeps the text and is not "could not reach the hub"', async () => {
    await enqueue({ kind: 'disconnect', afterChunks: 4 });
    const { texts, text, error } = await ask('the same question every time');
    assert.ok(error, 'the cut is reported');
    assert.doesNotMatch(error.message, /could not reach|base ?url/i);
    assert.match(error.message, /closed before the reply was finished/);
    assert.equal(texts.length, 4, 'the four text parts sent before the cut arrived');
    assert.ok(whole.startsWith(text));
  });

  it('item 4: a last event without its blank line or newline is still delivered', async () => {
    for (const ending of ['doneNoBlankLine', 'doneNoNewline', 'finishNoNewline', 'finishCarriageReturn'] as OpenEnding[]) {
      await enqueue({ kind: 'openEnd', ending });
      const { text, error } = await ask('the same question every time');
      assert.equal(error, undefined, `${ending}: ${error?.message}`);
      assert.equal(text, whole, ending);
    }
  });

  it('item 5: an error inside a 200 stream, in every shape, fails with the words and keeps the text', async () => {
    const cases: [StreamErrorShape, RegExp][] = [
      ['openai', /upstream error/],
      ['newApiRelay', /stream relay failure: scanner_error/],
      ['openRouter', /Provider disconnected unexpectedly/],
      ['vllm', /The engine died unexpectedly/],
      ['sglang', /KV cache transfer failed/],
      ['abortFinish', /finish reason "abort"/],
      ['litellm', /Rate limit reached for gpt-4o/],
      ['anthropicEvent', /Overloaded/],
      ['eventText', /upstream timed out after 60 s/],
      ['topLevelObject', /aborted by the scheduler/],
      ['stringError', /model runner has unexpectedly stopped/],
    ];
    for (const [shape, says] of cases) {
      await enqueue({ kind: 'streamError', shape, afterChunks: 3 });
      const { texts, text, error } = await ask('the same question every time');
      assert.ok(error, `${shape}: the failure is reported`);
      assert.match(error.message, says, shape);
      assert.equal(texts.length, 3, `${shape}: the three text parts before the error arrived`);
      assert.ok(whole.startsWith(text), shape);
    }
  });

  it('item 6: tool calls whose index does not identify them reach the caller whole, each with its own input', async () => {
    const tools: vscode.LanguageModelChatTool[] = [
      { name: 'read_file', description: 'Read a file', inputSchema: { type: 'object', properties: { path: { type: 'string' } } } },
      { name: 'search', description: 'Search', inputSchema: { type: 'object', properties: { query: { type: 'string' } } } },
    ];
    const calls = [
      { name: 'read_file', arguments: { path: 'src/extension.ts' } },
      { name: 'search', arguments: { query: 'activate' } },
      { name: 'read_file', arguments: { path: 'README.md' } },
    ];
    for (const shape of ['allIndexZero', 'noIndex', 'idPerPiece', 'duplicateIndex'] as ToolCallShape[]) {
      await enqueue({ kind: 'toolCall', calls, shape });
      const result = await ask('look around', { tools });
      assert.equal(result.error, undefined, `${shape}: ${result.error?.message}`);
      assert.deepEqual(
        result.calls.map((c) => [c.callId, c.name, c.input]),
        calls.map((c, i) => [`call_${i}_${c.name}`, c.name, c.arguments]),
        shape,
      );
    }
  });

  it('item 7: <think>…</think> in the content arrives as thinking in vscode.lm, never as text', async () => {
    await enqueue({ kind: 'thinkTags' });
    const { text, thought, error } = await ask('the same question every time');
    assert.equal(error, undefined);
    assert.equal(text, whole, 'the answer alone, without the tags or the thinking');
    if (Thinking) assert.equal(thought.trim(), THOUGHT);
  });

  it('item 7: the chat panel folds a <think> block as thinking and keeps it out of the answer', async function () {
    const commands = await vscode.commands.getCommands(true);
    if (!commands.includes('aihub._chatAsk')) this.skip();
    await vscode.commands.executeCommand('aihub.newChat');
    await enqueue({ kind: 'thinkTags', tag: 'thinking', text: 'The answer is 42.' });
    await vscode.commands.executeCommand('aihub._chatAsk', { prompt: 'What is the answer?' });
    type Turn = { role: string; text: string; reasoning?: string; status?: string };
    const snapshot = await until(
      () => vscode.commands.executeCommand<{ conversation: { turns: Turn[] }; busy: boolean }>('aihub._chatSnapshot'),
      (x) => !x.busy && x.conversation.turns.some((t) => t.role === 'assistant' && t.status === 'done'),
      'the answer in the conversation',
    );
    const answer = snapshot.conversation.turns.filter((t) => t.role === 'assistant').at(-1)!;
    assert.equal(answer.text, 'The answer is 42.');
    assert.equal(answer.reasoning?.trim(), THOUGHT);
  });

  it("item 7: a selection command proposes the answer without the model's <think> block", async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'typescript', content: 'const x = 1 + 1;\n' });
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    editor.selection = new vscode.Selection(0, 0, 1, 0);
    await enqueue({ kind: 'thinkTags', text: '```ts\nconst x = 2;\n```' });
    const id = await vscode.commands.executeCommand<string>('aihub.refactorSelection', 'simplify');
    assert.ok(id, 'a proposal was made');
    const tab = await until(
      () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .find((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.scheme === 'aihub-proposal'),
      (t) => t !== undefined,
      'the proposal diff',
    );
    const proposal = await vscode.workspace.openTextDocument((tab!.input as vscode.TabInputTextDiff).modified);
    assert.equal(proposal.getText(), 'const x = 2;\n');
    await vscode.commands.executeCommand('aihub.rejectProposal', id);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
