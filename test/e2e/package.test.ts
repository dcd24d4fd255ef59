// The packaged extension: the .vsix holds only what it needs, installs into a real VS Code with
// --install-extension, and works there against the keyless local hub.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { startHub, type LocalHub } from '../hub/server';
import { startCodeServer, type CodeServer } from '../runner/codeServer';
import { buildProductionCopy, type ProductionBuild } from '../runner/productionBuild';
import { openWorkbench, screenshot, type Workbench } from '../runner/workbench';

function vsixEntries(file: string): string[] {
  const script = 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))';
  return execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }).trim().split('\n');
}

describe('packaged extension (.vsix)', () => {
  let hub: LocalHub | undefined;
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  // `npm run package` in a copy of the tree: the shared dist/ keeps the development build other suites use.
  let build: ProductionBuild | undefined;

  before(() => {
    build = buildProductionCopy();
  });
  after(async () => {
    await workbench?.close();
    await server?.stop();
    await hub?.close();
    build?.remove();
  });

  it('contains the bundles, media, manifest and translations only: no sources, tests, maps or node_modules', () => {
    const entries = vsixEntries(build!.vsix);
    assert.ok(entries.includes('extension/dist/extension.js'));
    // What loads on first use (esbuild.js): without it every lazily loaded command would fail in the installed extension.
    assert.ok(entries.includes('extension/dist/onFirstUse.js'));
    assert.ok(entries.includes('extension/package.json'));
    assert.ok(entries.includes('extension/media/icon.png'));
    for (const bundle of ['package.nls.json', 'package.nls.zh-cn.json', 'l10n/bundle.l10n.json', 'l10n/bundle.l10n.zh-cn.json'])
      assert.ok(entries.includes(`extension/${bundle}`), `ships ${bundle}`);
    const unwanted = entries.filter((e) => /\/(src|test|node_modules|bench|tools|out)\/|\.map$|\.ts$/.test(e));
    assert.deepEqual(unwanted, []);
  });

  it("installs into code-server with --install-extension and shows the hub's models there", async () => {
    hub = await startHub({ apiKey: null });
    server = await startCodeServer({ installVsix: build!.vsix, machineSettings: { 'aihub.baseUrl': hub.url } });
    const installed = fs.readdirSync(server.dirs.extensions).filter((d) => d.startsWith('aihub.aihub-vscode-'));
    assert.equal(installed.length, 1, 'the extension folder exists');
    workbench = await openWorkbench(server);
    const { page } = workbench;
    await page.locator('.activitybar [aria-label^="AI Hub"]').first().click();
    const models = page.locator('.pane-header', { hasText: 'Models' });
    await models.waitFor();
    // Any provider group will do: which ones fit above the fold depends on the sidebar's split with the chat.
    await page
      .locator('.monaco-list-row', { hasText: /^(Anthropic|DeepSeek|Google|OpenAI)/ })
      .first()
      .waitFor({ timeout: 30_000 });
    await screenshot(page, 'vsix-installed-models');
    assert.ok(
      hub.requests.some((r) => r.path === '/v1/models'),
      'the installed extension asked the hub for its models',
    );
  });
});
