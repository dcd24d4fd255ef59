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

const hostOptions = {
  ...common,
  absWorkingDir: __dirname,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  mainFields: ['module', 'main'],
};

/** The host bundle that VS Code loads at activation, and the one that holds what loads on first use. */
const MAIN = 'dist/extension.js';
const ON_FIRST_USE = 'dist/onFirstUse.js';

/**
 * Packages onFirstUse.js takes from extension.js rather than bundling its own copy: those with state set at
 * activation (l10n's bundle). Others are copied: sharing a package keeps the whole of it in extension.js (zod's
 * namespace, locales included, is 400 KB), a copy only what onFirstUse.js uses.
 */
const SHARED_PACKAGES = ['@vscode/l10n'];

/** A repository-relative path with forward slashes: the key both bundles name a module by. */
const keyOf = (file) => path.relative(__dirname, file).split(path.sep).join('/');

/**
 * The extension host's code in two files. VS Code counts reading, compiling and evaluating dist/extension.js in
 * the activation time, so what `import()` loads on first use (src/lazyFeature.ts, the chat's history and export)
 * goes to dist/onFirstUse.js, required on the first such import. esbuild's own code splitting made a dozen shared
 * chunks that all load at start (measured slower than one file); here the split is exact: every module the start
 * needs is in extension.js, and onFirstUse.js takes those from it (the same instances, not copies) through
 * `__shared`, a table of their namespaces that extension.js exports. Three passes: the start's modules, then the
 * on-first-use bundle (which finds which of them it uses), then extension.js exporting exactly those.
 */
async function buildHost() {
  /** The modules the start's code imports with `import()`, by key. */
  const lazy = new Set();
  const onFirstUseStubs = {
    name: 'on-first-use-stubs',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.pluginData === 'resolving') return undefined;
        const resolved = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'resolving' });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        lazy.add(keyOf(resolved.path));
        return { path: keyOf(resolved.path), namespace: 'on-first-use' };
      });
      build.onResolve({ filter: /^\.\/onFirstUse\.js$/, namespace: 'on-first-use' }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: 'on-first-use' }, (args) => ({
        contents: `module.exports = require("./onFirstUse.js").modules[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
  const mainBuild = (shared) => ({
    ...hostOptions,
    stdin: {
      contents: [
        `export * from './src/extension';`,
        ...shared.map((key, i) => `import * as m${i} from ${JSON.stringify(`./${key}`)};`),
        `export const __shared = { ${shared.map((key, i) => `${JSON.stringify(key)}: m${i}`).join(', ')} };`,
      ].join('\n'),
      resolveDir: __dirname,
      sourcefile: 'extension-entry.js',
      loader: 'js',
    },
    outfile: MAIN,
    plugins: [vscodeOnce, onFirstUseStubs],
  });
  const first = await esbuild.build({ ...mainBuild([]), write: false });
  const startModules = new Set(Object.keys(first.metafile.inputs).filter((f) => !f.includes(':') && f !== '<stdin>'));

  /** The start's modules the on-first-use code imports. */
  const shared = new Set();
  const fromMain = {
    name: 'from-extension-js',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === 'resolving' || args.namespace !== 'file' || args.path === 'vscode') return undefined;
        const resolved = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'resolving' });
        if (resolved.errors.length > 0 || resolved.external) return resolved.errors.length > 0 ? { errors: resolved.errors } : undefined;
        const key = keyOf(resolved.path);
        if (
          !startModules.has(key) ||
          // Matched anywhere in the path: node_modules may be a link to another tree (the benchmarks' copy of this one).
          (key.includes('node_modules/') && !SHARED_PACKAGES.some((p) => key.includes(`node_modules/${p}/`)))
        )
          return undefined;
        shared.add(key);
        return { path: key, namespace: 'from-extension-js' };
      });
      build.onResolve({ filter: /^\.\/extension\.js$/, namespace: 'from-extension-js' }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: 'from-extension-js' }, (args) => ({
        contents: `module.exports = require("./extension.js").__shared[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
  const keys = [...lazy];
  await esbuild.build({
    ...hostOptions,
    stdin: {
      contents: [
        ...keys.map((key, i) => `import * as m${i} from ${JSON.stringify(`./${key}`)};`),
        `export const modules = { ${keys.map((key, i) => `${JSON.stringify(key)}: m${i}`).join(', ')} };`,
      ].join('\n'),
      resolveDir: __dirname,
      sourcefile: 'onFirstUse-entry.js',
      loader: 'js',
    },
    outfile: ON_FIRST_USE,
    plugins: [vscodeOnce, fromMain],
  });
  await esbuild.build(mainBuild([...shared].sort()));
}

const builds = [
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

/** In watch mode, a context on the host's sources (imports followed through the dynamic ones) rebuilds both files. */
const hostWatcher = {
  ...common,
  entryPoints: ['src/extension.ts'],
  outfile: MAIN,
  write: false,
  platform: 'node',
  format: 'cjs',
  external: ['vscode'],
  mainFields: ['module', 'main'],
  plugins: [
    ...common.plugins,
    {
      name: 'host-bundles',
      setup(build) {
        build.onEnd(async (result) => {
          if (result.errors.length === 0) await buildHost().catch((err) => console.error(err));
        });
      },
    },
  ],
};

async function main() {
  // A production build must not ship a stale source map or bundle from an earlier development build.
  if (production) fs.rmSync('dist', { recursive: true, force: true });
  const contexts = await Promise.all(
    [...(watch ? [hostWatcher] : []), ...builds]
      .filter((b) => Object.values(b.entryPoints).every((e) => fs.existsSync(e)))
      .map((b) => esbuild.context(b)),
  );
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  try {
    await Promise.all([buildHost(), ...contexts.map((c) => c.rebuild())]);
  } finally {
    await Promise.all(contexts.map((c) => c.dispose()));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
