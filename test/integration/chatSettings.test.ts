// A conversation's own settings in the real extension host against the local hub: the default system prompt
// (aihub.systemPrompt, user settings only) and a conversation's own prompt, temperature, max tokens and
// reasoning effort reach the hub as set, stay in the saved file, and a reasoning effort never goes to a model
// that does not take it; a temperature out of range is refused with the range.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { hubKey, hubRequests, hubUrl, resetHub, until } from './support/hub';

interface Snapshot {
  conversation: { id: string; model: string; settings?: Record<string, unknown>; turns: { role: string; status?: string }[] };
  busy: boolean;
  storageDir: string;
}
interface Recorded {
  path: string;
  body: { model?: string; messages?: { role: string; content: string }[]; [field: string]: unknown };
}

const config = () => vscode.workspace.getConfiguration('aihub');
const snapshot = () => vscode.commands.executeCommand<Snapshot>('aihub._chatSnapshot');
const settings = (raw: Record<string, string>) => vscode.commands.executeCommand<string | undefined>('aihub._chatSettings', raw);

async function newChatWith(model: string): Promise<void> {
  await config().update('defaultModel', model, vscode.ConfigurationTarget.Global);
  await vscode.commands.executeCommand('aihub.newChat');
  await until(snapshot, (s) => s.conversation.model === model && s.conversation.turns.length === 0, `a new chat with ${model}`);
}

/** Asks in the current conversation; resolves with the request the hub received. */
async function ask(prompt: string): Promise<Recorded['body']> {
  await resetHub();
  const before = (await snapshot()).conversation.turns.length;
  await vscode.commands.executeCommand('aihub._chatAsk', { prompt });
  await until(
    snapshot,
    (s) => !s.busy && s.conversation.turns.length === before + 2 && s.conversation.turns.at(-1)?.status !== 'streaming',
    'the reply to finish',
  );
  const requests = (await hubRequests<Recorded>()).filter((r) => r.path === '/v1/chat/completions');
  assert.equal(requests.length, 1);
  return requests[0].body;
}

describe('Conversation settings', function () {
  this.timeout(60_000);

  before(async () => {
    assert.ok(hubUrl && hubKey, 'AIHUB_TEST_HUB_URL and AIHUB_TEST_KEY are set by the runner');
    await vscode.commands.executeCommand('aihub.setApiKey', hubKey);
    await config().update('reasoningEffort', undefined, vscode.ConfigurationTarget.Global);
    await config().update('systemPrompt', 'You are a careful reviewer.', vscode.ConfigurationTarget.Global);
    // The model list says which models take a reasoning effort.
    await vscode.commands.executeCommand('aihub.refreshModels');
  });
  after(async () => {
    await config().update('systemPrompt', undefined, vscode.ConfigurationTarget.Global);
    await config().update('defaultModel', undefined, vscode.ConfigurationTarget.Global);
  });

  it('sends the default system prompt first, and nothing the person did not set', async () => {
    await newChatWith('o3-mini');
    const body = await ask('Review this');
    assert.deepEqual(body.messages?.[0], { role: 'system', content: 'You are a careful reviewer.' });
    assert.deepEqual(body.messages?.[1], { role: 'user', content: 'Review this' });
    for (const field of ['temperature', 'max_tokens', 'reasoning_effort']) assert.equal(field in body, false, `${field} not sent`);
  });

  it('refuses a temperature out of range with the range, changing nothing', async () => {
    const refusal = await settings({ temperature: '3' });
    assert.match(refusal ?? '', /Temperature must be a number from 0 to 2 \(it was 3\)/);
    assert.equal((await snapshot()).conversation.settings, undefined);
  });

  it("sends the conversation's own settings and keeps them in its file", async () => {
    // _chatAsk, like a selection command, continues only an empty conversation or one about the same file.
    await newChatWith('o3-mini');
    const refusal = await settings({ systemPrompt: 'Answer in French.', temperature: '0.4', maxTokens: '300', reasoningEffort: 'high' });
    assert.equal(refusal, undefined);
    const body = await ask('Again, in French');
    assert.deepEqual(body.messages?.[0], { role: 'system', content: 'Answer in French.' });
    assert.equal(body.messages?.filter((m) => m.role === 'system').length, 1, 'the default is replaced, not added');
    assert.equal(body.temperature, 0.4);
    assert.equal(body.max_tokens, 300);
    assert.equal(body.reasoning_effort, 'high', 'o3-mini takes a reasoning effort');
    const s = await snapshot();
    const file = JSON.parse(fs.readFileSync(path.join(s.storageDir, `${s.conversation.id}.json`), 'utf8')) as Snapshot['conversation'];
    assert.deepEqual(file.settings, { systemPrompt: 'Answer in French.', temperature: 0.4, maxTokens: 300, reasoningEffort: 'high' });
  });

  it('never sends a reasoning effort to a model that does not take it', async () => {
    await newChatWith('gpt-4o-mini');
    assert.equal(await settings({ temperature: '1.1', reasoningEffort: 'high' }), undefined);
    const body = await ask('Hello');
    assert.equal(body.temperature, 1.1);
    assert.equal('reasoning_effort' in body, false);
  });
});
