// The manifest's security and onboarding contributions: where the key may be sent is decided only by
// machine settings, untrusted workspaces are declared, and the welcome and walkthrough point at real commands
// and real files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
// The manifest as an English-speaking user's VS Code reads it: each %key% replaced by its package.nls.json text.
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'), (_key, value: unknown) =>
  typeof value === 'string' ? value.replace(/^%([^%\s]+)%$/, (whole, key: string) => nls[key] ?? whole) : value,
);
const contributes = manifest.contributes;
const declared = new Set<string>(contributes.commands.map((c: { command: string }) => c.command));
const commandLinks = (text: string) => [...text.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);

describe('manifest: hubs, keys and onboarding', () => {
  it('aihub.baseUrl and aihub.hubs are machine settings, so no workspace can set them', () => {
    const props = contributes.configuration.properties;
    assert.equal(props['aihub.baseUrl'].scope, 'machine');
    assert.equal(props['aihub.hubs'].scope, 'machine');
  });

  it('declares how it behaves in untrusted workspaces, and says why', () => {
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, true);
    assert.match(untrusted.description, /machine settings/);
  });

  it('the models view welcome shows without a key and offers Set API Key, Choose Hub and the console', () => {
    const welcome = contributes.viewsWelcome.find((w: { view: string }) => w.view === 'aihub.models');
    assert.equal(welcome.when, '!aihub.hasKey');
    assert.deepEqual(commandLinks(welcome.contents), ['aihub.setApiKey', 'aihub.selectHub']);
    assert.match(welcome.contents, /\(https:\/\/aihubapi\.ai\/console\)/);
  });

  it('the walkthrough has three steps, each linking a declared command and an existing markdown page', () => {
    const [walkthrough] = contributes.walkthroughs;
    assert.deepEqual(
      walkthrough.steps.map((s: { id: string }) => s.id),
      ['chooseHub', 'setKey', 'firstChat'],
    );
    for (const step of walkthrough.steps) {
      for (const command of commandLinks(step.description)) assert.ok(declared.has(command), `${step.id}: ${command} is declared`);
      assert.ok(fs.existsSync(path.join(ROOT, step.media.markdown)), `${step.media.markdown} exists`);
    }
  });

  it('selectHub is a user command; _checkKey is internal and hidden from the palette', () => {
    assert.ok(declared.has('aihub.selectHub'));
    const hidden = contributes.menus.commandPalette.find((m: { command: string }) => m.command === 'aihub._checkKey');
    assert.equal(hidden?.when, 'false');
  });
});
