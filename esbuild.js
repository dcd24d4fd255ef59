// Builds the extension host bundle, the webview bundle and the integration-test bundles.
// `--watch` rebuilds on change, `--production` minifies and drops source maps.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in the `✘ [ERROR] … file:line:col` shape that VS Code's esbuild problem matcher reads. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    if (!watch) return;
    build.onStart(() => console.log(`[watch] build started (${build.initialOptions.outdir ?? build.initialOptions.outfile})`));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * `import * as vscode from 'vscode'` in each of our modules would become a copy of VS Code's whole API object (over
 * 400 properties, one copy per module: about half of our activation time). Every module imports this one
 * module instead, which re-exports the API once.
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: 'export * from "vscode";', loader: 'js' }));
  },
};

function listTests(dir) {
  if (!fs.existsSync(dir)) return [];
  return (
    fs
      .readdirSync(dir, { recursive: true })
      // Each suite and the entry point are bundles of their own; support modules are bundled into them.
      .filter((f) => f.endsWith('.test.ts') || f === 'index.ts')
      .map((f) => path.join(dir, f))
  );
}

const common = {
  metafile: true,
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  plugins: [problemMatcher],
};

const builds = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    mainFields: ['module', 'main'],
    plugins: [...common.plugins, vscodeOnce],
  },
  {
    ...common,
    // The chat, the Compare tab and the Usage view (whose chart library loads only with it): one bundle each (with its CSS) in the one folder the webviews may load from.
    entryPoints: { main: 'src/webview/main.ts', compare: 'src/webview/compareMain.ts', usage: 'src/webview/usage.ts' },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    loader: { '.css': 'css', '.ttf': 'file' },
  },
];

const integrationTests = listTests('test/integration');
if (!production && integrationTests.length > 0) {
  builds.push({
    ...common,
    entryPoints: integrationTests,
    outdir: 'out/test/integration',
    outbase: 'test/integration',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
  });
}

async function main() {
  // A production build must not ship a stale source map or bundle from an earlier development build.
  if (production) fs.rmSync('dist', { recursive: true, force: true });
  const contexts = await Promise.all(
    builds.filter((b) => Object.values(b.entryPoints).every((e) => fs.existsSync(e))).map((b) => esbuild.context(b)),
  );
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  try {
    await Promise.all(contexts.map((c) => c.rebuild()));
  } finally {
    await Promise.all(contexts.map((c) => c.dispose()));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
