// A real gateway between the extension and the hub: Portkey's open-source AI gateway (started by the runner from
// test/gateway/portkey), configured the way a user would, through the hub headers setting: `x-portkey-provider:
// openai` and `x-portkey-custom-host` pointing at the local hub. The provider's core cases run through it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readConfig } from '../../src/config/configuration';
import { enqueue, hubKey, hubRequests, hubUrl, resetHub, until } from './support/hub';
import { collect, model, thinkingOf } from './support/lm';

const portkeyUrl = process.env.AIHUB_TEST_PORTKEY_URL ?? '';

interface Recorded {
  path: string;
  headers: Record<string, string | undefined>;
  body: { messages?: { role: string; content: unknown }[] };
  scenario: string;
  finished: boolean;
}

const chatRequests = async () => (await hubRequests<Recorded>()).filter((r) => r.path.endsWith('/chat/completions'));
const config = () => vscode.workspace.getConfiguration('aihub');

async function useHub(url: string): Promise<void> {
  assert.equal(await vscode.commands.executeCommand('aihub.selectHub', url), url);
  await until(
    () => readConfig().baseUrl,
    (u) => u === url,
    `the active hub to become ${url}`,
  );
}

describe('Portkey gateway in front of the hub', function () {
  this.timeout(90_000);

  before(async () => {
    assert.ok(portkeyUrl, 'AIHUB_TEST_PORTKEY_URL is set by the runner');
    await resetHub();
    await useHub(portkeyUrl);
    await vscode.commands.executeCommand('aihub.setHubHeader', { name: 'x-portkey-provider', value: 'openai' });
    await vscode.commands.executeCommand('aihub.setHubHeader', { name: 'x-portkey-custom-host', value: hubUrl });
    // Keys are per hub: Portkey's address gets the key, which it passes on to the hub as the provider's key.
    await vscode.commands.executeCommand('aihub.setApiKey', hubKey);
  });
  after(async () => {
    await useHub(hubUrl);
    await config().update('hubs', undefined, vscode.ConfigurationTarget.Global);
  });
  beforeEach(() => resetHub());

  it("lists the hub's models through the gateway", async () => {
    const check = await vscode.commands.executeCommand<{ ok: boolean; models?: number; message?: string }>('aihub._checkKey');
    assert.equal(check.ok, true, check.message);
    const direct = (await (await fetch(`${hubUrl}/models`, { headers: { authorization: `Bearer ${hubKey}` } })).json()) as {
      data: { id: string }[];
    };
    assert.equal(check.models, new Set(direct.data.map((m) => m.id)).size);
    // (A refresh started before the key was stored may reach the hub too, keyless: this hub is on this machine.)
    const reached = (await hubRequests<Recorded>()).filter((r) => r.path.endsWith('/models'));
    assert.ok(
      reached.some((r) => r.headers.authorization === `Bearer ${hubKey}`),
      'the hub was asked by the gateway, with the key passed on',
    );
    const models = await vscode.lm.selectChatModels({ vendor: 'aihub' });
    assert.ok(
      models.some((m) => m.id === 'claude-sonnet-4.6'),
      'vscode.lm offers them',
    );
  });

  it('streams a reply as it arrives', async () => {
    const { texts, text, error } = await collect(await model(), [vscode.LanguageModelChatMessage.User('Through Portkey, please')]);
    assert.equal(error, undefined);
    assert.ok(texts.length > 5, `many fragments (${texts.length})`);
    assert.match(text, /Through Portkey, please/);
    assert.match(text, /const answer = 42;/);
    assert.equal((await chatRequests()).length, 1);
  });

  it('round-trips a tool call', async () => {
    const chat = await model();
    const tools: vscode.LanguageModelChatTool[] = [
      { name: 'get_weather', description: 'Weather for a city', inputSchema: { type: 'object', properties: { city: { type: 'string' } } } },
    ];
    const ask = vscode.LanguageModelChatMessage.User('Lisbon');
    const first = await collect(chat, [ask], { tools, toolMode: vscode.LanguageModelChatToolMode.Required });
    assert.equal(first.error, undefined);
    const calls = first.parts.filter((p): p is vscode.LanguageModelToolCallPart => p instanceof vscode.LanguageModelToolCallPart);
    assert.deepEqual(
      calls.map((c) => [c.name, c.input]),
      [['get_weather', { city: 'Lisbon' }]],
    );
    const second = await collect(
      chat,
      [
        ask,
        vscode.LanguageModelChatMessage.Assistant([calls[0]]),
        vscode.LanguageModelChatMessage.User([
          new vscode.LanguageModelToolResultPart(calls[0].callId, [new vscode.LanguageModelTextPart('windy, 18 °C')]),
        ]),
      ],
      { tools },
    );
    assert.equal(second.error, undefined);
    assert.match(second.text, /The tool returned: windy, 18 °C/);
  });

  it('keeps reasoning out of the answer, as thinking', async () => {
    await enqueue({ kind: 'reasoning' });
    const { parts, text, error } = await collect(await model('deepseek-r1'), [vscode.LanguageModelChatMessage.User('Think first')]);
    assert.equal(error, undefined);
    assert.match(text, /Think first/);
    assert.doesNotMatch(text, /step by step/);
    const thinking = thinkingOf(parts);
    if (thinking) assert.match(thinking.map((p) => [p.value].flat().join('')).join(''), /Let me think about this step by step/);
  });

  it("honours the hub's Retry-After passed on by the gateway, then succeeds", async () => {
    await enqueue({ kind: 'status', status: 429, retryAfter: '1' });
    const { text, error } = await collect(await model(), [vscode.LanguageModelChatMessage.User('after a wait')]);
    assert.equal(error, undefined);
    assert.match(text, /after a wait/);
    assert.deepEqual(
      (await chatRequests()).map((r) => r.scenario),
      ['status', 'echo'],
      'one refusal, one retry',
    );
  });

  it("reports a lasting refusal with the hub's words", async () => {
    await enqueue({ kind: 'status', status: 429, retryAfter: '1' }, 3);
    const { error } = await collect(await model(), [vscode.LanguageModelChatMessage.User('still limited')]);
    assert.ok(error instanceof Error, 'the request failed');
    assert.match(error.message, /Rate limit reached for requests/);
    assert.doesNotMatch(error.message, /[{}]/, 'no raw JSON');
    assert.equal((await chatRequests()).length, 3, 'the first try and two retries');
  });

  it('stops when the caller cancels mid-stream, keeping what arrived and reporting no error', async () => {
    await enqueue({ kind: 'stall', afterChunks: 3, ms: 5_000 });
    const source = new vscode.CancellationTokenSource();
    const response = await (await model()).sendRequest([vscode.LanguageModelChatMessage.User('cancel me')], {}, source.token);
    let error: unknown;
    let seen = '';
    try {
      for await (const part of response.text) {
        seen += part;
        source.cancel();
      }
    } catch (err) {
      error = err;
    }
    assert.ok(seen.length > 0, 'some text arrived before the cancel');
    assert.ok(
      error === undefined || error instanceof vscode.CancellationError || /cancel/i.test(String(error)),
      `no error after a cancel: ${String(error)}`,
    );
    // Portkey keeps its own upstream request open; what matters is that the caller was not left waiting for it.
    assert.equal((await chatRequests()).at(-1)?.finished, false, "the caller's stream ended while the hub's reply was still stalled");
  });
});
