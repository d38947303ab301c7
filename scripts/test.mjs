#!/usr/bin/env node
// `npm test`: build, typecheck, lint, then every test layer — unit, lsp, integration (real moto server),
// vscode (extension-host tests in a real VS Code) and e2e (UI tests in code-server) — with a summary table
// and a last line "N passed, N failed[, N skipped]".
//
// Flags: --layer a,b   run only these steps/layers (build always runs): typecheck, lint, unit, lsp, integration,
//                      vscode, e2e
//        --no-lint     skip lint;  --no-typecheck  skip the type check
// A layer fails when any test fails, when it ran no tests, or (CI=true) when anything was skipped.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const CI = process.env.CI === 'true' || process.env.CI === '1';
// The project runs on Node 20; the SDK's notice about its future Node 22 floor is known and only clutters output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const STEPS = ['typecheck', 'lint'];
const LAYERS = ['unit', 'lsp', 'integration', 'vscode', 'e2e'];

function parseFlags(argv) {
  let selected = [...STEPS, ...LAYERS];
  const skip = new Set();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--layer' || a === '--layers') selected = (argv[++i] ?? '').split(',');
    else if (a.startsWith('--layer=') || a.startsWith('--layers=')) selected = a.split('=')[1].split(',');
    else if (a === '--no-lint') skip.add('lint');
    else if (a === '--no-typecheck') skip.add('typecheck');
    else if (a === '-h' || a === '--help') {
      console.log('usage: node scripts/test.mjs [--layer unit,lsp,...] [--no-lint] [--no-typecheck]');
      process.exit(0);
    } else {
      console.error(`unknown flag: ${a}`);
      process.exit(2);
    }
  }
  selected = selected.map((s) => s.trim()).filter(Boolean);
  const unknown = selected.filter((s) => ![...STEPS, ...LAYERS].includes(s));
  if (unknown.length) {
    console.error(`unknown layer(s): ${unknown.join(', ')} (known: ${[...STEPS, ...LAYERS].join(', ')})`);
    process.exit(2);
  }
  return [...STEPS, ...LAYERS].filter((s) => selected.includes(s) && !skip.has(s));
}

/** Node 20's `node --test` does not expand globs: find `*.test.ts` files under a folder ourselves. */
function testFiles(dir) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

let current; // the child process group running right now, for Ctrl+C
let moto; // the moto server shared by integration, vscode and e2e

/** Runs a command in its own process group with inherited output; resolves with its exit code. */
function run(cmd, args, { env = {}, timeoutMs = 20 * 60_000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, detached: true });
    current = child;
    const timer = setTimeout(() => {
      console.error(`\n[test] ${cmd} ${args.join(' ')} timed out after ${timeoutMs / 1000}s; stopping it`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      current = undefined;
      resolve(code ?? (signal ? 1 : 0));
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      current = undefined;
      console.error(`[test] could not start ${cmd}: ${err.message}`);
      resolve(1);
    });
  });
}

/** Reads the summary counters node:test's TAP reporter writes at the end. */
function tapCounts(file) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const num = (name) => Number(text.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  if (!/^# tests \d+$/m.test(text)) return undefined;
  counts.passed = num('pass');
  counts.failed = num('fail') + num('cancelled');
  counts.skipped = num('skipped') + num('todo');
  return counts;
}

async function ensure(script) {
  const code = await run('bash', [join('scripts', script)], { timeoutMs: 15 * 60_000 });
  if (code !== 0) throw new Error(`${script} failed (exit ${code})`);
}

async function startSharedMoto() {
  if (moto) return moto;
  if (!process.env.LCL_TEST_ENDPOINT) await ensure('ensure-moto.sh');
  const { tsImport } = await import('tsx/esm/api');
  const { startMoto } = await tsImport('../test/support/moto.ts', import.meta.url);
  moto = await startMoto();
  console.log(`[test] moto server at ${moto.endpoint}`);
  return moto;
}

const tmp = mkdtempSync(join(tmpdir(), 'lcl-test-'));

/** A node:test layer: spec output on the terminal, TAP into a file for the counts. */
async function nodeTestLayer(name, dir, { concurrency, timeoutMs, needsMoto, perTestTimeoutMs } = {}) {
  const files = testFiles(dir);
  if (files.length === 0) return { passed: 0, failed: 0, skipped: 0, note: `no test files in ${dir}` };
  // The build ran at the start of this run: helpers that package the extension need not build again.
  const env = { LCL_BUILT: '1' };
  if (needsMoto) env.LCL_TEST_ENDPOINT = (await startSharedMoto()).endpoint;
  const tap = join(tmp, `${name}.tap`);
  const args = [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...(concurrency ? [`--test-concurrency=${concurrency}`] : []),
    ...(perTestTimeoutMs ? [`--test-timeout=${perTestTimeoutMs}`] : []),
    ...files,
  ];
  const code = await run(process.execPath, args, { env, timeoutMs });
  const counts = tapCounts(tap) ?? { passed: 0, failed: 0, skipped: 0 };
  if (code !== 0 && counts.failed === 0) return { ...counts, failed: 1, note: `node --test exited with ${code}` };
  return counts;
}

async function vscodeLayer() {
  const files = testFiles('test/vscode/suite');
  if (files.length === 0) return { passed: 0, failed: 0, skipped: 0, note: 'no suites in test/vscode/suite' };
  await ensure('ensure-code-server.sh');
  await ensure('ensure-chromium.sh');
  const endpoint = (await startSharedMoto()).endpoint;
  const resultFile = join(tmp, 'vscode-mocha.json');
  const code = await run(process.execPath, ['--import', 'tsx', 'test/vscode/runTests.ts'], {
    env: { LCL_TEST_ENDPOINT: endpoint, LCL_MOCHA_RESULT_FILE: resultFile },
    timeoutMs: 10 * 60_000,
  });
  let counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(resultFile)) counts = JSON.parse(readFileSync(resultFile, 'utf8'));
  if (code !== 0 && counts.failed === 0)
    return { ...counts, failed: 1, note: `extension-host run exited with ${code}` };
  return counts;
}

async function e2eLayer() {
  if (testFiles('test/e2e').length > 0) {
    await ensure('ensure-code-server.sh');
    await ensure('ensure-chromium.sh');
  }
  return nodeTestLayer('e2e', 'test/e2e', {
    concurrency: 1,
    needsMoto: true,
    timeoutMs: 10 * 60_000,
    perTestTimeoutMs: 180_000,
  });
}

const layerRunners = {
  unit: () => nodeTestLayer('unit', 'test/unit', { timeoutMs: 5 * 60_000, perTestTimeoutMs: 60_000 }),
  lsp: () => nodeTestLayer('lsp', 'test/lsp', { timeoutMs: 5 * 60_000, perTestTimeoutMs: 60_000 }),
  integration: () =>
    nodeTestLayer('integration', 'test/integration', {
      concurrency: 1,
      needsMoto: true,
      timeoutMs: 10 * 60_000,
      perTestTimeoutMs: 120_000,
    }),
  vscode: vscodeLayer,
  e2e: e2eLayer,
};

function npmRun(script) {
  return run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', script], { timeoutMs: 10 * 60_000 });
}

function banner(text) {
  console.log(`\n\x1b[1m━━ ${text} ━━\x1b[0m`);
}

async function cleanup() {
  if (current?.pid) {
    try {
      process.kill(-current.pid, 'SIGTERM');
    } catch {
      // gone
    }
  }
  await moto?.stop();
  moto = undefined;
  rmSync(tmp, { recursive: true, force: true });
}

process.once('SIGINT', () => {
  console.error('\n[test] interrupted; stopping what this run started');
  void cleanup().finally(() => process.exit(130));
});

function fmtTime(ms) {
  return ms >= 60_000
    ? `${Math.floor(ms / 60_000)}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`
    : `${(ms / 1000).toFixed(1)}s`;
}

async function main() {
  const t0 = Date.now();
  const selected = parseFlags(process.argv.slice(2));
  const rows = [];

  banner('build');
  let t = Date.now();
  const buildCode = await npmRun('build');
  rows.push({ name: 'build', ok: buildCode === 0, ms: Date.now() - t });
  if (buildCode !== 0) {
    console.error('[test] build failed; no tests run');
  } else {
    for (const name of selected) {
      banner(name);
      t = Date.now();
      if (STEPS.includes(name)) {
        const code = await npmRun(name);
        rows.push({ name, ok: code === 0, ms: Date.now() - t });
        continue;
      }
      let r;
      try {
        r = await layerRunners[name]();
      } catch (err) {
        r = { passed: 0, failed: 1, skipped: 0, note: err instanceof Error ? err.message : String(err) };
      }
      const notes = [];
      if (r.note) notes.push(r.note);
      if (r.passed + r.failed === 0) notes.push('ran 0 tests');
      if (CI && r.skipped > 0) notes.push('skipped tests in CI');
      const ok = r.failed === 0 && r.passed + r.failed > 0 && !(CI && r.skipped > 0);
      rows.push({ name, ok, ms: Date.now() - t, counts: r, note: notes.join('; ') });
    }
  }
  await cleanup();

  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const r of rows) for (const k of Object.keys(total)) total[k] += r.counts?.[k] ?? 0;
  console.log('\n\x1b[1mSummary\x1b[0m');
  console.log(
    `${'layer'.padEnd(12)} ${'result'.padEnd(6)} ${'passed'.padStart(6)} ${'failed'.padStart(6)} ${'skipped'.padStart(7)} ${'time'.padStart(8)}`,
  );
  for (const r of rows) {
    const c = r.counts;
    console.log(
      `${r.name.padEnd(12)} ${(r.ok ? 'ok' : 'FAIL').padEnd(6)} ${String(c?.passed ?? '').padStart(6)} ${String(c?.failed ?? '').padStart(6)} ${String(c?.skipped ?? '').padStart(7)} ${fmtTime(r.ms).padStart(8)}${r.note ? `  ${r.note}` : ''}`,
    );
  }
  console.log(`wall time ${fmtTime(Date.now() - t0)}`);
  const failedSteps = rows.filter((r) => !r.ok).length;
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
  return failedSteps > 0 || total.failed > 0 ? 1 : 0;
}

process.exitCode = await main().catch(async (err) => {
  console.error(err);
  await cleanup();
  return 1;
});
