// Activation cost: what VS Code pays when the extension activates (any JSON/YAML/Terraform file, or the view).
// Loads dist/extension.js in a fresh Node process with a stand-in for the 'vscode' module, several times, and
// reports bundle sizes and load times. The AWS SDK, the language client and the live analysis are separate lazy
// bundles (src/lazy.ts) and must not load at activation: the bench checks that too.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const dist = join(root, 'dist');
const probe = `
const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest); };
const stub = new Proxy(function () {}, { get: (_t, k) => (k === Symbol.toPrimitive ? () => '' : stub), apply: () => stub, construct: () => stub });
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub };
const t0 = process.hrtime.bigint();
require(${JSON.stringify(join(dist, 'extension.js'))});
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const loaded = Object.keys(require.cache).filter((f) => f.startsWith(${JSON.stringify(dist)})).map((f) => f.slice(${dist.length + 1}));
console.log(JSON.stringify({ ms, loaded }));
`;

const kb = (file: string) => `${(statSync(join(dist, file)).size / 1024).toFixed(0)} KB`;
console.log('Bundles:');
for (const f of readdirSync(dist)
  .filter((f) => f.endsWith('.js'))
  .sort())
  console.log(`  ${f.padEnd(22)} ${kb(f)}`);

const times: number[] = [];
let loaded: string[] = [];
for (let i = 0; i < 7; i++) {
  const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`Load dist/extension.js failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; loaded: string[] };
  times.push(out.ms);
  loaded = out.loaded;
}
times.sort((a, b) => a - b);
console.log(
  `Load dist/extension.js: median ${times[3]!.toFixed(1)} ms, best ${times[0]!.toFixed(1)} ms (7 fresh processes)`,
);
console.log(`Files loaded at activation: ${loaded.join(', ')}`);
const eager = loaded.filter((f) => f !== 'extension.js');
if (eager.length) console.log(`WARNING: lazy bundles loaded at activation: ${eager.join(', ')}`);
