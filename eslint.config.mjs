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
    // The language server's stdout is the LSP wire.
    files: ['server/src/lsp/**/*.ts', 'server/src/server.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'The server runs outside the editor.' }] },
      ],
    },
  },
  {
    // SDK types stop here, and the AWS layer knows nothing of the editor.
    files: ['src/aws/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'src/aws is the AWS access layer: no editor API.' }] },
      ],
    },
  },
  {
    // The tree model is plain data; only the provider renders it.
    files: ['src/explorer/model/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The explorer model is plain data.' }] }],
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
          patterns: [{ group: ['node:*', '@aws-sdk/*'], message: 'Webviews run in the browser.' }],
        },
      ],
    },
  },
);
