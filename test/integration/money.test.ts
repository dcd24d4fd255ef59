// Money in the real extension host against the local hub: prices in the models tree and the quick pick, the
// balance item for each kind of key and hub, and where Top Up leads.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hubKey, hubOrigin, hubRequests, hubUrl, until } from './support/hub';

interface Row {
  label: string;
  description?: string;
  children?: Row[];
}
interface ModelsSnapshot {
  items: Row[];
  quickPick: { label: string; description?: string }[];
}
interface MoneySnapshot {
  state: string;
  statusBar: { visible: boolean; text: string; tooltip: string; warning: boolean };
  topUpUrl?: string;
}

interface ChatSnapshot {
  conversation: { turns: { role: string; status?: string; model?: string; servedModel?: string; cost?: number; requestId?: string }[] };
  header?: string;
}

const models = () => vscode.commands.executeCommand<ModelsSnapshot>('aihub._modelsViewSnapshot');
const money = () => vscode.commands.executeCommand<MoneySnapshot>('aihub._moneySnapshot');
const rows = (s: ModelsSnapshot) => s.items.flatMap((g) => g.children ?? []);
const row = (s: ModelsSnapshot, id: string) => rows(s).find((r) => r.label === id);

async function setMoney(mode: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${hubOrigin}/__hub/money`, { method: 'POST', body: JSON.stringify(mode) });
  assert.equal(response.status, 200, 'the local hub took the money mode');
}

async function balanceFor(mode: Record<string, unknown>, text: string): Promise<MoneySnapshot> {
  await setMoney(mode);
  await vscode.commands.executeCommand('aihub.refreshBalance');
  try {
    return await until(money, (s) => s.statusBar.text === `$(credit-card) ${text}`, `the balance item to read "${text}"`);
  } catch (err) {
    // What the extension asked the hub, and how the hub answered, is what explains a wrong balance.
    const asked = (await hubRequests<{ path: string; status?: number }>()).filter((r) => !r.path.includes('chat'));
    console.log(JSON.stringify(asked.slice(-8).map((r) => [r.path, r.status])));
    throw err;
  }
}

describe('money: prices, balance and top up', function () {
  this.timeout(60_000);

  before(async () => {
    assert.ok(hubUrl && hubKey, 'AIHUB_TEST_HUB_URL and AIHUB_TEST_KEY are set by the runner');
    await setMoney({ flavour: 'newapi', account: 'normal', fault: null, topUpLink: 'https://hub.example/console/topup' });
    await vscode.commands.executeCommand('aihub.setApiKey', hubKey);
    await vscode.commands.executeCommand('aihub.refreshModels');
  });
  after(() => setMoney({ flavour: 'newapi', account: 'normal', fault: null, topUpLink: 'https://hub.example/console/topup' }));

  it("shows the hub's own prices in a tree row and the quick pick, per token and per call, and none where it publishes none", async () => {
    const s = await until(models, (x) => !!row(x, 'gpt-4o')?.description?.includes('per 1M'), 'prices in the models tree');
    assert.match(row(s, 'gpt-4o')!.description!, /\$2\.5\/\$10 per 1M/, 'model_ratio 1.25 × completion 4 at 500,000 quota per dollar');
    assert.match(row(s, 'sonar-pro')!.description!, /\$0\.005 per call/);
    assert.doesNotMatch(row(s, 'minimax-m2')?.description ?? '', /\$|free/, 'no price listed, none shown');
    const pick = s.quickPick.find((i) => i.label === 'gpt-4o');
    assert.match(pick?.description ?? '', /\$2\.5\/\$10 per 1M/);
  });

  it('shows what is left for a normal, low, unlimited and expired key, and "unknown" on a hub without billing endpoints', async () => {
    const normal = await balanceFor({ account: 'normal' }, '$12.34 left');
    assert.equal(normal.statusBar.warning, false);
    assert.match(normal.statusBar.tooltip, /Used: \$7\.66/);
    assert.match(normal.statusBar.tooltip, /Total: \$20\.00/);
    const low = await balanceFor({ account: 'low' }, '$0.42 left');
    assert.equal(low.statusBar.warning, true, 'below aihub.lowBalanceWarning ($1 by default)');
    const unlimited = await balanceFor({ account: 'unlimited' }, 'unlimited');
    assert.equal(unlimited.statusBar.warning, false);
    const expired = await balanceFor({ account: 'expired' }, 'key expired');
    assert.equal(expired.statusBar.warning, true);
    assert.match(expired.statusBar.tooltip, /Expired: /);
    const openRouter = await balanceFor({ flavour: 'openrouter', account: 'normal' }, '$12.34 left');
    assert.equal(openRouter.state, 'balance');
    const none = await balanceFor({ flavour: 'none' }, 'balance unknown');
    assert.equal(none.statusBar.warning, false);
    assert.match(none.statusBar.tooltip, /publishes no balance/);
  });

  it('survives billing endpoints that answer HTML, 401 or strings: "unknown", no popup, chat unaffected', async () => {
    for (const fault of ['html', 'unauthorized', 'strings']) {
      const s = await balanceFor({ flavour: 'newapi', account: 'normal', fault }, 'balance unknown');
      assert.equal(s.statusBar.warning, false, fault);
    }
    const reply = await vscode.commands.executeCommand<unknown>('aihub._checkKey');
    assert.ok(reply, 'the hub still answers requests');
  });

  it('puts the cost and the model that answered under a chat reply, and the total in the header', async () => {
    await setMoney({ flavour: 'newapi', account: 'normal', fault: null });
    await until(models, (x) => !!row(x, 'codestral-latest')?.description?.includes('per 1M'), 'the price of the model asked for');
    const config = vscode.workspace.getConfiguration('aihub');
    const previous = config.get<string>('defaultModel');
    await config.update('defaultModel', 'codestral-latest', vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('aihub.newChat');
      await vscode.commands.executeCommand('aihub._chatAsk', { prompt: 'What does this cost?' });
      const snapshot = await until(
        () => vscode.commands.executeCommand<ChatSnapshot>('aihub._chatSnapshot'),
        (s) => s.conversation.turns.at(-1)?.status === 'done',
        'the reply to finish',
      );
      const reply = snapshot.conversation.turns.at(-1)!;
      assert.equal(reply.model, 'codestral-latest');
      assert.equal(reply.servedModel, 'codestral-2508', 'the hub mapped the alias');
      assert.ok(reply.cost !== undefined && reply.cost > 0, `a cost from the hub's price: ${reply.cost}`);
      assert.match(reply.requestId ?? '', /^20261201/);
      assert.match(snapshot.header ?? '', /^<?\$0\.\d+$/, 'the running total (a few tokens cost less than $0.0001)');
    } finally {
      await config.update('defaultModel', previous, vscode.ConfigurationTarget.Global);
    }
  });

  it("leads Top Up to the hub's own top-up link, else the saved hub's topUpUrl", async () => {
    await setMoney({ flavour: 'newapi', account: 'normal', fault: null, topUpLink: 'https://hub.example/console/topup' });
    await vscode.commands.executeCommand('aihub.refreshModels');
    await until(money, (s) => s.topUpUrl === 'https://hub.example/console/topup', "the hub's top_up_link");
    const config = vscode.workspace.getConfiguration('aihub');
    await config.update(
      'hubs',
      [{ name: 'Local', baseUrl: hubUrl, topUpUrl: 'https://billing.example/local' }],
      vscode.ConfigurationTarget.Global,
    );
    try {
      await setMoney({ topUpLink: '' });
      await vscode.commands.executeCommand('aihub.refreshModels');
      await until(money, (s) => s.topUpUrl === 'https://billing.example/local', 'the saved topUpUrl when the hub has no link');
    } finally {
      await config.update('hubs', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
