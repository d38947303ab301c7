#!/usr/bin/env node
// `npm run package [-- --out <file.vsix|dir>] [--no-build]`: builds, snapshots the runtime files into a staging
// folder (other people's builds may rewrite dist/ at any moment) and runs `vsce package --no-dependencies` there.
// .vscodeignore decides what goes in; the script prints the VSIX path, its size and file count.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return args[i].includes('=') ? args[i].slice(name.length + 1) : args[i + 1];
};

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const fileName = `${pkg.name}-${pkg.version}.vsix`;
// --out names the .vsix file, or a folder to put it in.
let out = resolve(flag('--out') ?? join(root, fileName));
if (!out.endsWith('.vsix')) out = join(out, fileName);
mkdirSync(dirname(out), { recursive: true });

function run(cmd, cmdArgs, cwd) {
  const r = spawnSync(cmd, cmdArgs, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

if (!args.includes('--no-build')) run(process.execPath, [join(root, 'scripts', 'build.mjs')], root);
if (!existsSync(join(root, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: the build failed');

// Everything .vscodeignore may let in; the rest of the tree never reaches vsce.
const staged = [
  'package.json',
  '.vscodeignore',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'dist',
  'media',
  'snippets',
  'docs/rules',
  'docs/images',
  'walkthroughs',
  'labs',
];
const stage = mkdtempSync(join(tmpdir(), 'lcl-package-'));
try {
  for (const rel of staged) {
    const from = join(root, rel);
    if (existsSync(from)) cpSync(from, join(stage, rel), { recursive: true });
  }
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  // No public repository to point README links at: keep them relative (VS Code resolves them inside the
  // installed extension, and .vscodeignore ships the README's images).
  run(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out],
    stage,
  );
} finally {
  rmSync(stage, { recursive: true, force: true });
}

const bytes = statSync(out).size;
console.log(`[package] ${out}`);
console.log(`[package] VSIX size: ${(bytes / 1024 / 1024).toFixed(2)} MB (${bytes} bytes)`);
