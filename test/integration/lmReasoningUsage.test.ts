// Through `vscode.lm` in the real host: reasoning sent back on tool turns (DeepSeek's thinking mode refuses the
// turn without it), thinking effort and the options callers set, and each reply's token usage as a data part.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { TOOL_REASONING } from '../hub/scenarios';
import { enqueue, hubKey, hubRequests, resetHub } from './support/hub';
import { collect, model, thinkingOf } from './support/lm';

interface Recorded {
  path: string;
  scenario: string;
  body: Record<string, unknown> & { messages?: { role: string; reasoning_content?: string }[] };
}

const lastChat = async () => (await hubRequests<Recorded>()).filter((r) => r.path.endsWith('/chat/completions')).at(-1)!;
const tools: vscode.LanguageModelChatTool[] = [
  { name: 'lookup', description: 'Look something up', inputSchema: { type: 'object', properties: { q: { type: 'string' } } } },
];

describe('language model reasoning round trips, effort and usage', function () {
  this.timeout(60_000);

  before(() => vscode.commands.executeCommand('aihub.setApiKey', hubKey));
  beforeEach(() => resetHub());
  after(() => vscode.workspace.getConfiguration('aihub').update('reasoningEffort', undefined, vscode.ConfigurationTarget.Global));

  it("sends a tool turn's reasoning back even when VS Code does not hand the thinking back", async () => {
    await enqueue({ kind: 'thinkingTools' }, 2);
    const chat = await model('deepseek-r1');
    const ask = vscode.LanguageModelChatMessage.User('find the answer');
    const first = await collect(chat, [ask], { tools });
    assert.equal(first.error, undefined);
    const thinking = thinkingOf(first.parts);
    if (thinking) assert.equal(thinking.map((p) => [p.value].flat().join('')).join(''), TOOL_REASONING);
    const [call] = first.parts.filter((p): p is vscode.LanguageModelToolCallPart => p instanceof vscode.LanguageModelToolCallPart);
    assert.ok(call, 'the model called the tool');
    // The assistant turn as VS Code often hands it back: the tool call without the thinking.
    const second = await collect(
      chat,
      [
        ask,
        vscode.LanguageModelChatMessage.Assistant([call]),
        vscode.LanguageModelChatMessage.User([
          new vscode.LanguageModelToolResultPart(call.callId, [new vscode.LanguageModelTextPart('42')]),
        ]),
      ],
      { tools },
    );
    assert.equal(second.error, undefined, 'the thinking-mode model accepted the tool turn');
    assert.match(second.text, /The tool returned: 42/);
    const sent = (await lastChat()).body.messages!.find((m) => m.role === 'assistant');
    assert.equal(sent?.reasoning_content, TOOL_REASONING);
  });

  it('sends thinking parts VS Code hands back as the reasoning of that tool turn', async function () {
    const Thinking = (vscode as unknown as { LanguageModelThinkingPart?: new (value: string) => unknown }).LanguageModelThinkingPart;
    if (!Thinking) this.skip();
    const call = new vscode.LanguageModelToolCallPart('call_handed_back', 'lookup', { q: 'x' });
    await collect(
      await model('deepseek-r1'),
      [
        vscode.LanguageModelChatMessage.User('again'),
        vscode.LanguageModelChatMessage.Assistant([new Thinking!('reasoning VS Code kept') as vscode.LanguageModelTextPart, call]),
        vscode.LanguageModelChatMessage.User([
          new vscode.LanguageModelToolResultPart(call.callId, [new vscode.LanguageModelTextPart('ok')]),
        ]),
      ],
      { tools },
    );
    const sent = (await lastChat()).body.messages!.find((m) => m.role === 'assistant');
    assert.equal(sent?.reasoning_content, 'reasoning VS Code kept');
  });

  it('passes reasoning_effort, user, seed and response_format when the caller sets them', async () => {
    await collect(await model('o3'), [vscode.LanguageModelChatMessage.User('options')], {
      modelOptions: { reasoning_effort: 'low', user: 'user-7', seed: 11, response_format: { type: 'json_object' } },
    });
    const body = (await lastChat()).body;
    assert.equal(body.reasoning_effort, 'low');
    assert.equal(body.user, 'user-7');
    assert.equal(body.seed, 11);
    assert.deepEqual(body.response_format, { type: 'json_object' });
  });

  it('uses aihub.reasoningEffort for a model when the caller chooses none', async () => {
    await vscode.workspace.getConfiguration('aihub').update('reasoningEffort', { 'o*': 'high' }, vscode.ConfigurationTarget.Global);
    await collect(await model('o3'), [vscode.LanguageModelChatMessage.User('think hard')]);
    assert.equal((await lastChat()).body.reasoning_effort, 'high');
    await collect(await model('gpt-4o'), [vscode.LanguageModelChatMessage.User('no effort')]);
    assert.equal('reasoning_effort' in (await lastChat()).body, false, 'other models get none');
  });

  it("reports the hub's token usage to the host as a 'usage' data part", async function () {
    const Data = (vscode as unknown as { LanguageModelDataPart?: new (...args: never[]) => { mimeType: string; data: Uint8Array } })
      .LanguageModelDataPart;
    if (!Data) this.skip();
    const { parts, error } = await collect(await model(), [vscode.LanguageModelChatMessage.User('count me')]);
    assert.equal(error, undefined);
    const usage = parts.filter((p): p is InstanceType<NonNullable<typeof Data>> => p instanceof Data! && p.mimeType === 'usage');
    assert.equal(usage.length, 1, 'one usage part');
    const decoded = JSON.parse(new TextDecoder().decode(usage[0].data)) as Record<string, number>;
    // The local hub counts 17 prompt tokens and one completion token a chunk.
    assert.equal(decoded.prompt_tokens, 17);
    assert.ok(decoded.completion_tokens > 5);
    assert.equal(decoded.total_tokens, decoded.prompt_tokens + decoded.completion_tokens);
  });
});
