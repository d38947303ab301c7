// Bundles every part of the extension with esbuild: the extension host (cjs, `vscode` external),
// the language server, the CLI, the IAM data, and the browser-side webviews.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const root = new URL('..', import.meta.url).pathname;

/** Fails the server and CLI bundles if anything in them reaches for the editor API. */
const noVscode = {
  name: 'no-vscode',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => ({
      errors: [{ text: `the language server and CLI must not import 'vscode' (from ${args.importer})` }],
    }));
  },
};

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  legalComments: 'none',
};

// `module` first: jsonc-parser's UMD entry hides its requires from the bundler; its ESM entry bundles cleanly.
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'] };

const webviewEntries = existsSync(join(root, 'webviews'))
  ? readdirSync(join(root, 'webviews'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(root, 'webviews', d.name, 'main.ts')))
      .map((d) => ({ in: `webviews/${d.name}/main.ts`, out: d.name }))
  : [];

const builds = [
  { ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...node, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [noVscode] },
  {
    ...node,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/cli.js',
    plugins: [noVscode],
    banner: { js: '#!/usr/bin/env node' },
  },
];
if (webviewEntries.length) {
  builds.push({
    ...common,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    entryPoints: webviewEntries,
    outdir: 'dist/webviews',
    loader: { '.css': 'text' },
  });
}

// Generated data (IAM catalogue) must exist before the bundles that embed its loader path.
const pre = join(root, 'scripts', 'gen-iam-data.mjs');
if (existsSync(pre)) await import(pre).then((m) => m.generate?.({ root }));

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[build] watching');
} else {
  const t0 = Date.now();
  await Promise.all(builds.map((b) => esbuild.build(b)));
  console.log(`[build] ${builds.length} bundles in ${Date.now() - t0} ms`);
}
