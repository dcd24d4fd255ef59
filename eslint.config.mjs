// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['tools/demo-workspace/**', 'dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', require: 'readonly', __dirname: 'readonly', module: 'writable' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // The layers: src/core, src/shared and src/webview are pure (unit-tested in plain Node or the browser), so they
  // never reach for the editor nor for the adapters beside them; nothing in src/ reaches into test/.
  ...layerRules(),
  prettier,
);

function layerRules() {
  const vscode = {
    name: 'vscode',
    message: 'src/core, src/shared and src/webview must not import vscode: put the adapter beside the feature instead.',
  };
  const adapter = 'the pure layers (src/core, src/shared, src/webview) must not import the VS Code adapters: pass what they need in.';
  const noTest = { regex: '^(\\.\\./)+test/', message: 'src/ must not import from test/.' };
  const restrict = (files, patterns) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: files[0].startsWith('src/core') || files[0].startsWith('src/shared') || files[0].startsWith('src/webview') ? [vscode] : [],
          patterns: [...patterns, noTest],
        },
      ],
    },
  });
  return [
    restrict(['src/**/*.ts'], []),
    restrict(['src/core/*.ts'], [{ regex: '^\\.\\./', message: adapter }]),
    restrict(['src/core/*/*.ts'], [{ regex: '^\\.\\./\\.\\./', message: adapter }]),
    restrict(['src/core/*/*/**/*.ts'], [{ regex: '^\\.\\./\\.\\./\\.\\./', message: adapter }]),
    restrict(['src/shared/**/*.ts', 'src/webview/**/*.ts'], [{ regex: '^\\.\\./(?!core/|shared/)', message: adapter }]),
  ];
}
