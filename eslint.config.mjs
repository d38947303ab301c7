// Lint rules that are also the architecture: each layer may import only what its boundary allows.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
  'stream',
  'url',
  'util',
  'worker_threads',
  'zlib',
  'events',
  'readline',
  'timers',
  'dns',
  'tls',
];
const nodeModules = [...nodeBuiltins, ...nodeBuiltins.map((m) => `node:${m}`), 'node:*'];

// Only src/aws talks to AWS: everything else calls its functions and gets its plain records.
const sdkOutsideAws = {
  group: ['@aws-sdk/*', '@smithy/*'],
  message: 'AWS access lives in src/aws: call its functions and use its records.',
};
const noEditor = (message) => ({ name: 'vscode', message });

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.venv/**', 'test-results/**', '**/*.generated.*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  { files: ['**/*.mjs', '**/*.js', 'scripts/**', 'test/**'], languageOptions: { globals: { ...globals.node } } },
  { files: ['webviews/**'], languageOptions: { globals: { ...globals.browser } } },
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    // Promise hygiene needs types: each file is linted with the nearest tsconfig (root, server, webviews, test).
    // In tests it catches an assert.rejects nobody awaits, a test that could not fail.
    files: ['src/**/*.ts', 'server/src/**/*.ts', 'webviews/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits loses its failure; `void` marks the ones left to run on purpose.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // The editor API answers with Thenables: they fail as quietly as promises.
          checkThenables: true,
          // node:test's test/describe/it return promises the runner itself awaits.
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite', 'before', 'after'] },
          ],
        },
      ],
    },
  },
  {
    // The analysis core is pure: no LSP, no editor, no file system, no network, no clock.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['vscode', ...nodeModules.filter((m) => !m.endsWith('*'))].map((name) => ({
            name,
            message: 'The analysis core is pure: pass data in as parameters.',
          })),
          patterns: [
            {
              group: ['vscode-languageserver*', 'vscode-languageclient*'],
              message: 'The analysis core imports no LSP.',
            },
            { group: ['node:*'], message: 'The analysis core does no I/O.' },
            { group: ['@aws-sdk/*'], message: 'The analysis core does no network.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'The analysis core does no network.' },
        { name: 'process', message: 'The analysis core reads no environment.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'The analysis core reads no clock.',
        },
        {
          selector: 'NewExpression[callee.name="Date"][arguments.length=0]',
          message: 'The analysis core reads no clock.',
        },
      ],
      'no-console': 'error',
    },
  },
  {
    // The extension host reaches AWS only through src/aws; the server too (a CLI command may need it: server/src/cli*).
    files: ['src/**/*.ts', 'server/src/**/*.ts'],
    ignores: ['src/aws/**', 'server/src/core/**', 'server/src/cli*', 'server/src/cli/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sdkOutsideAws] }] },
  },
  {
    // The language server's stdout is the LSP wire.
    files: ['server/src/lsp/**/*.ts', 'server/src/server.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        { paths: [noEditor('The server runs outside the editor.')], patterns: [sdkOutsideAws] },
      ],
    },
  },
  {
    // SDK types stop here, and the AWS layer knows nothing of the editor, the panels or the rest of the extension:
    // arrows point one way, webviews → src → src/aws.
    files: ['src/aws/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noEditor('src/aws is the AWS access layer: no editor API.')],
          patterns: [
            {
              regex: '^\\.\\./',
              message: 'src/aws imports nothing from the rest of the extension or the webviews; they import from it.',
            },
          ],
        },
      ],
    },
  },
  {
    // Records the webview protocol shares with the browser: no SDK, no Node, no editor, nothing outside src/aws.
    files: ['src/aws/records/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['vscode', ...nodeModules.filter((m) => !m.endsWith('*'))].map((name) => ({
            name,
            message: 'src/aws/records is shared with the webviews: plain data only.',
          })),
          patterns: [
            { group: ['node:*', '@aws-sdk/*', '@smithy/*'], message: 'src/aws/records is plain data.' },
            { regex: '^\\.\\./\\.\\./', message: 'src/aws imports nothing from the rest of the extension.' },
          ],
        },
      ],
    },
  },
  {
    // The architecture graph's layout, exports and pattern checks: pure functions of the wiring graph, shared by the
    // view, the CLI and the tests. No editor, no SDK, no I/O.
    files: ['src/graph/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['vscode', ...nodeModules.filter((m) => !m.endsWith('*'))].map((name) => ({
            name,
            message: 'src/graph is pure: the wiring graph in, text or findings out.',
          })),
          patterns: [{ group: ['node:*', '@aws-sdk/*', '@smithy/*'], message: 'src/graph is pure.' }],
        },
      ],
    },
  },
  {
    // The tree model is plain data; only the provider renders it.
    files: ['src/explorer/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noEditor('The explorer model is plain data.')], patterns: [sdkOutsideAws] },
      ],
    },
  },
  {
    // Webviews run in a browser sandbox.
    files: ['webviews/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['vscode', ...nodeModules.filter((m) => !m.endsWith('*'))].map((name) => ({
            name,
            message: 'Webviews run in the browser: no Node or editor modules.',
          })),
          patterns: [{ group: ['node:*', '@aws-sdk/*', '@smithy/*'], message: 'Webviews run in the browser.' }],
        },
      ],
    },
  },
);
