// The models view, picker commands and status bar in the real extension host, against the local hub.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { until } from './support/hub';

interface ItemSnapshot {
  label: string;
  description?: string;
  contextValue?: string;
  command?: string;
  children?: ItemSnapshot[];
}
interface ViewSnapshot {
  hasKey: boolean | undefined;
  state: string;
  filter: string;
  title: { description?: string; message?: string };
  items: ItemSnapshot[];
  statusBar: { text: string; tooltip: string; warning: boolean };
}

const hubUrl = process.env.AIHUB_TEST_HUB_URL ?? '';
const hubKey = process.env.AIHUB_TEST_KEY ?? '';
const hubOrigin = hubUrl ? new URL(hubUrl).origin : '';
const hubHost = hubUrl ? new URL(hubUrl).host : '';

const snapshot = () => vscode.commands.executeCommand<ViewSnapshot>('aihub._modelsViewSnapshot');
const groups = (s: ViewSnapshot) => s.items.filter((i) => i.contextValue?.startsWith('aihub.modelGroup'));

/** The hub's own answer, read directly: what the view must show. */
async function hubModelIds(): Promise<string[]> {
  const response = await fetch(`${hubUrl}/models`, { headers: { authorization: `Bearer ${hubKey}` } });
  const body = (await response.json()) as { data: { id: string }[] };
  // Hubs list a model once per channel that serves it; the view shows it once.
  return [...new Set(body.data.map((m) => m.id))];
}

async function enqueue(scenario: unknown, times: number): Promise<void> {
  const response = await fetch(`${hubOrigin}/__hub/enqueue`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenario, times }),
  });
  assert.ok(response.ok, `the hub accepted the scenario (${response.status})`);
}

async function resetHub(): Promise<void> {
  await fetch(`${hubOrigin}/__hub/reset`, { method: 'POST' });
}

const config = () => vscode.workspace.getConfiguration('aihub');

describe('models view, picker and status bar', function () {
  this.timeout(30_000);

  before(async () => {
    assert.ok(hubUrl && hubKey, 'AIHUB_TEST_HUB_URL and AIHUB_TEST_KEY are set by the runner');
    await vscode.commands.executeCommand('aihub.setApiKey', hubKey);
    await vscode.commands.executeCommand('aihub.refreshModels');
  });
  afterEach(async () => {
    await resetHub();
    await vscode.commands.executeCommand('aihub.clearModelFilter');
  });

  it('shows every model of the local hub, grouped by provider with counts', async () => {
    const expected = await hubModelIds();
    assert.ok(expected.length >= 3, 'the local hub lists several models');
    const s = await until(snapshot, (x) => x.state === 'ready' && groups(x).length > 0, 'the model groups');
    const providerGroups = groups(s).filter((g) => g.contextValue === 'aihub.modelGroup.provider');
    const shown = providerGroups.flatMap((g) => (g.children ?? []).map((c) => c.label));
    assert.deepEqual([...shown].sort(), [...expected].sort(), 'each hub model appears once under its provider');
    for (const group of providerGroups) assert.equal(group.description, String(group.children?.length), `${group.label} shows its count`);
    const labels = providerGroups.map((g) => g.label).filter((l) => l !== 'Other');
    assert.deepEqual(
      labels,
      [...labels].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)),
      'providers are sorted',
    );
    assert.equal(s.title.description, `${expected.length} models`);
  });

  it('sets the default model from an id: setting, tree marker and status bar follow', async () => {
    const ids = await hubModelIds();
    const chosen = ids[ids.length - 1];
    const returned = await vscode.commands.executeCommand('aihub.selectModel', chosen);
    assert.equal(returned, chosen);
    assert.equal(config().inspect<string>('defaultModel')?.globalValue, chosen, 'written to the user settings');
    const s = await until(snapshot, (x) => x.statusBar.text.endsWith(chosen), 'the status bar to show the new model');
    assert.equal(s.statusBar.text, `$(hubot) ${hubHost} · ${chosen}`);
    assert.equal(s.statusBar.warning, false);
    assert.ok(
      s.statusBar.tooltip.includes(`Default model: ${chosen}, for new chats and the selection commands`),
      `the tooltip says the status bar shows the default, not the chat's model: ${s.statusBar.tooltip}`,
    );
    // The models view's context menu names the same action for what it does.
    assert.equal(await vscode.commands.executeCommand('aihub.setDefaultModel', ids[0]), ids[0]);
    assert.equal(config().inspect<string>('defaultModel')?.globalValue, ids[0]);
    await vscode.commands.executeCommand('aihub.selectModel', chosen);
    const item = groups(s)
      .flatMap((g) => g.children ?? [])
      .find((c) => c.label === chosen);
    assert.ok(item?.description?.startsWith('default'), `the tree marks ${chosen} as default: ${JSON.stringify(item)}`);
    assert.match(item?.contextValue ?? '', /\.default$/);
  });

  it('starts a chat with a model from the tree: it becomes the default the chat panel uses', async () => {
    const [first] = await hubModelIds();
    await vscode.commands.executeCommand('aihub.chatWithModel', first);
    assert.equal(config().inspect<string>('defaultModel')?.globalValue, first);
    await until(snapshot, (x) => x.statusBar.text.endsWith(`· ${first}`), 'the status bar to follow');
  });

  it('pins a model into a Favourites group at the top, and unpins it', async () => {
    const [first] = await hubModelIds();
    await vscode.commands.executeCommand('aihub.pinModel', first);
    let s = await snapshot();
    assert.equal(s.items[0].label, 'Favourites');
    assert.deepEqual(
      s.items[0].children?.map((c) => c.label),
      [first],
    );
    await vscode.commands.executeCommand('aihub.unpinModel', first);
    s = await snapshot();
    assert.ok(!s.items.some((i) => i.label === 'Favourites'), 'no Favourites group when nothing is pinned');
  });

  it('filters by id or provider and says so in the title', async () => {
    const ids = await hubModelIds();
    const word = ids[0].slice(0, 3).toUpperCase();
    const matching = ids.filter((id) => id.toLowerCase().includes(word.toLowerCase()));
    await vscode.commands.executeCommand('aihub.filterModels', word);
    let s = await snapshot();
    assert.equal(s.filter, word);
    assert.equal(s.title.description, `filter: ${word}`);
    const shown = groups(s).flatMap((g) => (g.children ?? []).map((c) => c.label));
    for (const id of matching) assert.ok(shown.includes(id), `${id} matches "${word}"`);
    assert.ok(shown.length < ids.length || matching.length === ids.length, 'the filter narrowed the tree');
    await vscode.commands.executeCommand('aihub.filterModels', 'no-model-is-called-this');
    s = await snapshot();
    assert.equal(groups(s).length, 0);
    assert.equal(s.items[0].command, 'aihub.clearModelFilter', 'an item offers to clear the filter');
    await vscode.commands.executeCommand('aihub.clearModelFilter');
    s = await snapshot();
    assert.equal(s.filter, '');
    assert.equal(groups(s).flatMap((g) => g.children ?? []).length, ids.length);
  });

  it('shows a hub error as an item with a retry action, keeping the cached list', async () => {
    await enqueue({ kind: 'status', status: 503, endpoint: 'models' }, 20);
    await vscode.commands.executeCommand('aihub.refreshModels');
    let s = await until(snapshot, (x) => x.state === 'error', 'the error state');
    const error = s.items[0];
    assert.match(error.label, /^Could not load models: .*503/);
    assert.equal(error.command, 'aihub.refreshModels');
    assert.ok(groups(s).length > 0, 'the cached models are still listed under the error');
    await resetHub();
    await vscode.commands.executeCommand(error.command!);
    s = await until(snapshot, (x) => x.state === 'ready', 'recovery after retry');
    assert.ok(!s.items.some((i) => i.label.startsWith('Could not load models')));
  });

  it('warns in the status bar and offers a new key when the hub rejects the key', async () => {
    await vscode.commands.executeCommand('aihub.setApiKey', 'sk-wrong-key-for-this-test');
    try {
      const s = await until(snapshot, (x) => x.state === 'error' && x.statusBar.warning, 'the rejected-key warning');
      assert.match(s.statusBar.tooltip, /rejected the API key \(401\)/);
      assert.ok(
        s.items.some((i) => i.command === 'aihub.setApiKey'),
        'an item offers to set another key',
      );
      assert.ok(!JSON.stringify(s).includes('sk-wrong-key-for-this-test'), 'the key appears nowhere in the view');
    } finally {
      await vscode.commands.executeCommand('aihub.setApiKey', hubKey);
    }
    await until(snapshot, (x) => x.state === 'ready' && !x.statusBar.warning, 'the warning to clear with the right key');
  });

  it('shows the welcome content (no items) and a status bar warning when a remote hub has no key', async () => {
    const original = config().inspect<string>('baseUrl')?.globalValue;
    await config().update('baseUrl', 'https://no-key-here.invalid/v1', vscode.ConfigurationTarget.Global);
    try {
      const s = await until(snapshot, (x) => x.hasKey === false, 'the no-key state');
      assert.deepEqual(s.items, [], 'an empty tree lets viewsWelcome show');
      assert.equal(s.statusBar.warning, true);
      assert.match(s.statusBar.text, /no-key-here\.invalid/);
      assert.match(s.statusBar.tooltip, /No API key is set for no-key-here\.invalid/);
    } finally {
      await config().update('baseUrl', original, vscode.ConfigurationTarget.Global);
    }
    await until(snapshot, (x) => x.hasKey === true && x.state === 'ready', 'the local hub back');
  });
});
