// Benchmark 5: what the extension costs VS Code. Bundle and .vsix sizes from a production build of the working
// tree, and activation time as VS Code itself measures it (code loading + the activate() call, the figure in
// "Developer: Show Running Extensions"), read from a real extension host (code-server) with the .vsix
// installed, over several window reloads. The goal is a ratio to Emmet, a built-in extension activated in the
// same window at the same moment, so a busy machine slows both alike.
import { goal } from '../goals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { startHub, type LocalHub } from '../../test/hub/server';
import { startCodeServer, type CodeServer } from '../../test/runner/codeServer';
import { openWorkbench, runCommand, type Workbench } from '../../test/runner/workbench';
import { kb, ms, msSpread, summarize, table } from '../stats';
import { buildProductionCopy } from '../../test/runner/productionBuild';

/** AI Hub's activation ÷ Emmet's, in the same window load. */
const GOAL_ACTIVATION_RATIO = 1.0;
const REFERENCE = 'Emmet';
const GOAL_BUNDLE_BYTES = 250 * 1024;
const GOAL_VSIX_BYTES = 1024 * 1024;
const SAMPLES = 9;
/** Built-in extensions read alongside ours, to show how fast this machine activates anything. */
const REFERENCES = ['Merge Conflict', 'Emmet', 'Configuration Editing'];

function sizeRows(dir: string): { rows: string[][]; extensionBytes: number } {
  const files = [
    'dist/extension.js',
    'dist/onFirstUse.js',
    ...fs.readdirSync(path.join(dir, 'dist', 'webview')).map((f) => `dist/webview/${f}`),
  ];
  let extensionBytes = 0;
  const rows = files.map((f) => {
    const data = fs.readFileSync(path.join(dir, f));
    if (f === 'dist/extension.js') extensionBytes = data.length;
    return [f, kb(data.length), kb(zlib.gzipSync(data).length)];
  });
  return { rows, extensionBytes };
}

/** Activation times (ms) by extension name, from the Running Extensions editor. */
async function readActivationTimes(page: Page): Promise<Map<string, number>> {
  await runCommand(page, 'Developer: Show Running Extensions');
  const editor = page.locator('.runtime-extensions-editor');
  await editor
    .locator('.monaco-list-row', { hasText: 'AI Hub' })
    .locator('.activation-time', { hasText: /\d+ms/ })
    .waitFor({ timeout: 60_000 });
  const out = new Map<string, number>();
  for (const row of await editor.locator('.monaco-list-row').all()) {
    const name = (await row.locator('.name').first().textContent())?.trim() ?? '';
    const time = /(\d+)ms/.exec((await row.locator('.activation-time').first().textContent()) ?? '');
    if (name && time) out.set(name, Number(time[1]));
  }
  return out;
}

async function activationSamples(vsix: string): Promise<{ samples: Map<string, number[]>; ratios: number[] }> {
  let hub: LocalHub | undefined;
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  const samples = new Map<string, number[]>();
  /** Ours ÷ the reference's, per window load where both activated. */
  const ratios: number[] = [];
  try {
    hub = await startHub({ apiKey: null });
    server = await startCodeServer({ installVsix: vsix, machineSettings: { 'aihub.baseUrl': hub.url } });
    workbench = await openWorkbench(server);
    const { page } = workbench;
    for (let i = 0; i < SAMPLES; i++) {
      if (i > 0) {
        // A new page load gets a new extension host, which activates everything again.
        await page.reload();
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      }
      // Let onStartupFinished extensions (ours among them) activate before reading.
      await page.waitForTimeout(3_000);
      const times = await readActivationTimes(page);
      for (const [name, t] of times) samples.set(name, [...(samples.get(name) ?? []), t]);
      const ours = times.get('AI Hub');
      const theirs = times.get(REFERENCE);
      // VS Code rounds to whole ms: a 0 would make the ratio infinite, so it counts as 1 ms.
      if (ours !== undefined && theirs !== undefined) ratios.push(ours / Math.max(1, theirs));
      process.stderr.write(`  activation sample ${i + 1}/${SAMPLES}: AI Hub ${ours} ms, ${REFERENCE} ${theirs} ms\n`);
    }
  } finally {
    await workbench?.close();
    await server?.stop();
    await hub?.close();
  }
  return { samples, ratios };
}

export async function runExtensionBench(): Promise<string> {
  process.stderr.write('  production build and .vsix in a copy of the working tree…\n');
  const build = buildProductionCopy();
  try {
    const { rows, extensionBytes } = sizeRows(build.dir);
    const vsixBytes = fs.statSync(build.vsix).size;
    const { samples, ratios } = await activationSamples(build.vsix);
    const ours = samples.get('AI Hub');
    if (!ours || ours.length === 0) throw new Error('AI Hub did not appear in Running Extensions');
    const activation = summarize(ours);
    if (ratios.length === 0) throw new Error(`${REFERENCE} did not activate beside AI Hub in any window load`);
    const ratio = summarize(ratios);
    const reference = summarize(samples.get(REFERENCE)!);
    const activationRows = [
      ['AI Hub (this extension, from the .vsix)', msSpread(activation)],
      [
        `AI Hub ÷ ${REFERENCE}, per window load`,
        `${ratio.median.toFixed(2)}× (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)}, n=${ratio.runs})`,
      ],
      ...REFERENCES.filter((r) => samples.has(r)).map((r) => [`${r} (built in, for scale)`, msSpread(summarize(samples.get(r)!))]),
    ];
    return [
      '### 5. Extension cost',
      'Production build (`node esbuild.js --production`) and `vsce package`, in a copy of the working tree:',
      table(['file', 'minified', 'gzip'], [...rows, ['dist/aihub-vscode.vsix', kb(vsixBytes), '(zip)']]),
      `Activation in code-server's extension host (VS Code's own figure: code loading + \`activate()\`, activated by \`onStartupFinished\`), one window load and ${SAMPLES - 1} reloads:`,
      table(['extension', 'activation, median (min–max, samples)'], activationRows),
      table(
        ['goal', 'measured', 'verdict'],
        [
          [
            `activation ≤ ${GOAL_ACTIVATION_RATIO.toFixed(1)}× ${REFERENCE}'s (same window)`,
            `${ratio.median.toFixed(2)}× (${ms(activation.median)} vs ${ms(reference.median)})`,
            goal(
              '5. extension',
              `activation ≤ ${GOAL_ACTIVATION_RATIO.toFixed(1)}× ${REFERENCE}'s, same window (VS Code's figure)`,
              `${ratio.median.toFixed(2)}× (${ms(activation.median)} vs ${ms(reference.median)})`,
              ratio.median <= GOAL_ACTIVATION_RATIO,
            ),
          ],
          [
            `dist/extension.js ≤ ${kb(GOAL_BUNDLE_BYTES)} minified`,
            kb(extensionBytes),
            goal(
              '5. extension',
              `dist/extension.js ≤ ${kb(GOAL_BUNDLE_BYTES)} minified`,
              kb(extensionBytes),
              extensionBytes <= GOAL_BUNDLE_BYTES,
            ),
          ],
          [
            `.vsix ≤ ${kb(GOAL_VSIX_BYTES)}`,
            kb(vsixBytes),
            goal('5. extension', `.vsix ≤ ${kb(GOAL_VSIX_BYTES)}`, kb(vsixBytes), vsixBytes <= GOAL_VSIX_BYTES),
          ],
        ],
      ),
    ].join('\n\n');
  } finally {
    build.remove();
  }
}
