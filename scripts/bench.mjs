#!/usr/bin/env node
// `npm run bench [-- <filter>]`: builds, then runs every bench/**/*.bench.ts with tsx, one after another, and
// prints what each reports. Figures never fail the run; only a benchmark that crashes does.
// A benchmark that reads LCL_TEST_ENDPOINT gets a real moto server (started once, stopped at the end).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const filter = process.argv.slice(2).find((a) => !a.startsWith('-'));
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

function benchFiles() {
  const dir = join(root, 'bench');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.bench.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .filter((f) => !filter || f.includes(filter))
    .sort();
}

let moto;
async function motoEndpoint() {
  if (process.env.LCL_TEST_ENDPOINT) return process.env.LCL_TEST_ENDPOINT;
  if (!moto) {
    const ensured = spawnSync('bash', [join(root, 'scripts', 'ensure-moto.sh')], { stdio: 'inherit' });
    if (ensured.status !== 0) throw new Error('ensure-moto.sh failed');
    const { tsImport } = await import('tsx/esm/api');
    const { startMoto } = await tsImport('../test/support/moto.ts', import.meta.url);
    moto = await startMoto();
  }
  return moto.endpoint;
}

function run(file, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('[bench] build failed');
    return 1;
  }
  const files = benchFiles();
  if (files.length === 0) {
    console.log(`[bench] no bench/**/*.bench.ts${filter ? ` matching "${filter}"` : ''}`);
    return 0;
  }
  const results = [];
  for (const file of files) {
    console.log(`\n━━ ${file} ━━`);
    const env = {};
    if (readFileSync(join(root, file), 'utf8').includes('LCL_TEST_ENDPOINT'))
      env.LCL_TEST_ENDPOINT = await motoEndpoint();
    const t0 = performance.now();
    const code = await run(file, env);
    results.push({ file, code, s: (performance.now() - t0) / 1000 });
  }
  await moto?.stop();
  console.log('\n[bench] summary');
  for (const r of results) console.log(`  ${r.code === 0 ? 'ran    ' : 'CRASHED'} ${r.file} (${r.s.toFixed(1)} s)`);
  return results.some((r) => r.code !== 0) ? 1 : 0;
}

process.on('SIGINT', () => {
  void (moto?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
});
process.exitCode = await main().catch(async (err) => {
  console.error(`[bench] ${err instanceof Error ? err.message : String(err)}`);
  await moto?.stop();
  return 1;
});
