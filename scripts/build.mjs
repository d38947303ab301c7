// Bundles every part of the extension with esbuild: the extension host (cjs, `vscode` external),
// the language server, the CLI, the IAM data, and the browser-side webviews.
import * as esbuild from 'esbuild';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { nodeBundleOptions } from './lib/bundle-options.mjs';

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

/**
 * The AWS SDK is most of the extension's code, yet activation (on any JSON or YAML file) needs none of it. The SDK
 * packages the extension imports go into their own bundle, dist/aws-sdk.js; in dist/extension.js each of those imports
 * becomes a module of getters that loads that bundle on first use. Nothing in src/ changes for it.
 */
const sdkPattern = /^@(aws-sdk|smithy)\//;
function sdkImports() {
  const found = new Set();
  const scan = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) scan(path);
      else if (e.name.endsWith('.ts')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/from\s+'((?:@aws-sdk|@smithy)\/[^']+)'/g)) found.add(m[1]);
      }
    }
  };
  scan(join(root, 'src'));
  return [...found].sort();
}
const sdkPackages = sdkImports();
const requireFromRoot = createRequire(join(root, 'package.json'));
const lazySdk = {
  name: 'lazy-aws-sdk',
  setup(build) {
    build.onResolve({ filter: sdkPattern }, (args) => {
      // Only the extension's own imports; the SDK's imports of itself stay inside dist/aws-sdk.js.
      if (args.importer.includes('node_modules') || !sdkPackages.includes(args.path)) return undefined;
      return { path: args.path, namespace: 'lazy-aws-sdk' };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-aws-sdk' }, (args) => {
      const names = Object.keys(requireFromRoot(args.path)).filter((k) => k !== 'default' && k !== '__esModule');
      return {
        loader: 'js',
        resolveDir: root,
        contents: [
          '"use strict";',
          'let loaded;',
          `const load = () => (loaded ??= require(require("node:path").join(__dirname, "aws-sdk.js"))[${JSON.stringify(args.path)}]);`,
          'Object.defineProperty(exports, "__esModule", { value: true });',
          `for (const name of ${JSON.stringify(names)}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
        ].join('\n'),
      };
    });
  },
};
const sdkEntry = {
  contents: `module.exports = {${sdkPackages.map((p) => `${JSON.stringify(p)}: require(${JSON.stringify(p)})`).join(',')}};`,
  resolveDir: root,
  sourcefile: 'aws-sdk-entry.js',
  loader: 'js',
};

const node = { ...common, ...nodeBundleOptions };

const webviewEntries = existsSync(join(root, 'webviews'))
  ? readdirSync(join(root, 'webviews'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(root, 'webviews', d.name, 'main.ts')))
      .map((d) => ({ in: `webviews/${d.name}/main.ts`, out: d.name }))
  : [];

const builds = [
  {
    ...node,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [lazySdk],
  },
  { ...node, stdin: sdkEntry, outfile: 'dist/aws-sdk.js' },
  // Lazy bundles (src/lazy.ts): loaded on first use, not at activation.
  {
    ...node,
    entryPoints: ['src/lsp/languageClientRuntime.ts'],
    outfile: 'dist/language-client.js',
    external: ['vscode'],
  },
  {
    ...node,
    entryPoints: ['src/dynamodb/liveAnalysisRuntime.ts'],
    outfile: 'dist/live-analysis.js',
    plugins: [noVscode],
  },
  {
    ...node,
    entryPoints: ['src/commands/explainAccessRuntime.ts'],
    outfile: 'dist/explain-access.js',
    plugins: [noVscode],
  },
  {
    ...node,
    entryPoints: ['src/record/recordingRuntime.ts'],
    outfile: 'dist/recording.js',
    plugins: [noVscode],
  },
  { ...node, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [noVscode] },
  // `graph` (issue 13) reads the emulator with the AWS SDK: its own bundle, so `check` starts without the SDK.
  { ...node, entryPoints: ['server/src/cli/graph.ts'], outfile: 'dist/graph-cli.js', plugins: [noVscode] },
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
