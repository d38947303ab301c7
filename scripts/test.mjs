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
import { STEPS, formatTable, formatTime, parseFlags, parseTap, summaryLine, verdict } from './lib/test-report.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const CI = process.env.CI === 'true' || process.env.CI === '1';
// The project runs on Node 20; the SDK's notice about its future Node 22 floor is known and only clutters output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** Node 20's `node --test` does not expand globs: find `*.test.ts` files under a folder ourselves. */
function testFiles(dir) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

const running = new Set(); // child process groups running right now, for Ctrl+C
let moto; // the moto server shared by integration, vscode and e2e
let tmp; // per-run scratch folder (TAP files, mocha counts)

/**
 * Runs a command in its own process group; resolves with its exit code and, with `capture`, its output
 * (otherwise the output goes straight to the terminal).
 */
function run(cmd, args, { env = {}, timeoutMs = 20 * 60_000, capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: root,
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...env },
      detached: true,
    });
    running.add(child);
    let output = '';
    const keep = (d) => (output = (output + d).slice(-1_000_000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const timer = setTimeout(() => {
      console.error(`\n[test] ${cmd} ${args.join(' ')} timed out after ${timeoutMs / 1000}s; stopping it`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }, timeoutMs);
    const done = (code) => {
      clearTimeout(timer);
      running.delete(child);
      resolve({ code, output });
    };
    // With captured output wait for the pipes to drain; otherwise the exit is enough (a stray grandchild
    // holding the terminal must not keep the run waiting).
    child.on(capture ? 'close' : 'exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
    child.on('error', (err) => {
      keep(`could not start ${cmd}: ${err.message}\n`);
      if (!capture) console.error(`[test] could not start ${cmd}: ${err.message}`);
      done(1);
    });
  });
}

async function ensure(script) {
  const { code } = await run('bash', [join('scripts', script)], { timeoutMs: 15 * 60_000 });
  if (code !== 0) throw new Error(`${script} failed (exit ${code})`);
}

async function sharedMoto() {
  if (moto) return moto;
  if (!process.env.LCL_TEST_ENDPOINT) await ensure('ensure-moto.sh');
  const { tsImport } = await import('tsx/esm/api');
  const { startMoto } = await tsImport('../test/support/moto.ts', import.meta.url);
  moto = await startMoto();
  console.log(`[test] moto server at ${moto.endpoint}`);
  return moto;
}

const zero = { passed: 0, failed: 0, skipped: 0 };

/** A node:test layer: spec output on the terminal, TAP into a file for the counts. */
async function nodeTestLayer(name, dir, { concurrency, timeoutMs, needsMoto, perFileTimeoutMs, env: extra } = {}) {
  const files = testFiles(dir);
  if (files.length === 0) return verdict(zero, { ci: CI, note: `no test files in ${dir}` });
  // The build ran at the start of this run: helpers that package the extension need not build again.
  const env = { LCL_BUILT: '1', ...extra };
  if (needsMoto) env.LCL_TEST_ENDPOINT = (await sharedMoto()).endpoint;
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
    // Node 20 applies --test-timeout to each file as a whole: a hung file fails alone, below the layer's limit.
    ...(perFileTimeoutMs ? [`--test-timeout=${perFileTimeoutMs}`] : []),
    ...files,
  ];
  const { code: exitCode } = await run(process.execPath, args, { env, timeoutMs });
  const counts = existsSync(tap) ? parseTap(readFileSync(tap, 'utf8')) : undefined;
  return verdict(counts ?? zero, { ci: CI, exitCode, note: counts ? undefined : 'no TAP summary (crashed?)' });
}

async function vscodeLayer() {
  if (testFiles('test/vscode/suite').length === 0) return verdict(zero, { ci: CI, note: 'no suites' });
  await ensure('ensure-code-server.sh');
  await ensure('ensure-chromium.sh');
  const resultFile = join(tmp, 'vscode-mocha.json');
  const { code: exitCode } = await run(process.execPath, ['--import', 'tsx', 'test/vscode/runTests.ts'], {
    env: { LCL_TEST_ENDPOINT: (await sharedMoto()).endpoint, LCL_MOCHA_RESULT_FILE: resultFile },
    timeoutMs: 10 * 60_000,
  });
  const counts = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : undefined;
  return verdict(counts ?? zero, { ci: CI, exitCode, note: counts ? undefined : 'no mocha result (crashed?)' });
}

async function e2eLayer() {
  const env = {};
  if (testFiles('test/e2e').length > 0) {
    await ensure('ensure-code-server.sh');
    await ensure('ensure-chromium.sh');
    // One VSIX for every UI test file (each would otherwise package its own).
    const outDir = join(tmp, 'vsix');
    const { code } = await run(process.execPath, ['scripts/package.mjs', '--no-build', '--out', outDir], {
      timeoutMs: 5 * 60_000,
    });
    if (code !== 0) throw new Error('npm run package failed');
    const vsix = readdirSync(outDir).find((f) => f.endsWith('.vsix'));
    if (vsix) env.LCL_VSIX = join(outDir, vsix);
  }
  return nodeTestLayer('e2e', 'test/e2e', {
    env,
    concurrency: 1,
    needsMoto: true,
    timeoutMs: 12 * 60_000,
    perFileTimeoutMs: 300_000,
  });
}

const layers = {
  // Most of a unit file's time is tsx start-up: two at a time keeps both cores busy.
  unit: () => nodeTestLayer('unit', 'test/unit', { concurrency: 2, timeoutMs: 8 * 60_000, perFileTimeoutMs: 180_000 }),
  lsp: () => nodeTestLayer('lsp', 'test/lsp', { concurrency: 2, timeoutMs: 5 * 60_000, perFileTimeoutMs: 180_000 }),
  integration: () =>
    nodeTestLayer('integration', 'test/integration', {
      concurrency: 1,
      needsMoto: true,
      timeoutMs: 12 * 60_000,
      // The walkthrough terminal file types every week's AWS CLI commands: ~2 min idle, 4-5 min on a busy machine.
      perFileTimeoutMs: 420_000,
    }),
  vscode: vscodeLayer,
  e2e: e2eLayer,
};

const npmRun = (script, opts = {}) => run('npm', ['run', '--silent', script], { timeoutMs: 10 * 60_000, ...opts });
const banner = (text) => console.log(`\n\x1b[1m━━ ${text} ━━\x1b[0m`);

async function cleanup() {
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // gone
    }
  }
  await moto?.stop();
  moto = undefined;
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

async function main() {
  let flags;
  try {
    flags = parseFlags(process.argv.slice(2));
  } catch (err) {
    console.error(err.message);
    return 2;
  }
  if (flags.help) {
    console.log('usage: node scripts/test.mjs [--layer typecheck,lint,unit,lsp,integration,vscode,e2e] [--no-lint]');
    return 0;
  }
  process.once('SIGINT', () => {
    console.error('\n[test] interrupted; stopping what this run started');
    void cleanup().finally(() => process.exit(130));
  });
  tmp = mkdtempSync(join(tmpdir(), 'lcl-test-'));
  const t0 = Date.now();
  const rows = [];

  banner('build');
  let t = Date.now();
  const { code: buildCode } = await npmRun('build');
  rows.push({ name: 'build', ok: buildCode === 0, ms: Date.now() - t });
  if (buildCode !== 0) console.error('[test] build failed; no tests run');
  else {
    // Type check and lint are independent single-threaded tools: run them side by side, print each in turn.
    t = Date.now();
    const steps = flags.selected.filter((name) => STEPS.includes(name));
    const results = await Promise.all(
      steps.map((name) => npmRun(name, { capture: true }).then((r) => ({ ...r, ms: Date.now() - t }))),
    );
    steps.forEach((name, i) => {
      banner(name);
      process.stdout.write(results[i].output);
      rows.push({ name, ok: results[i].code === 0, ms: results[i].ms });
    });
    for (const name of flags.selected.filter((n) => !STEPS.includes(n))) {
      banner(name);
      t = Date.now();
      let r;
      try {
        r = await layers[name]();
      } catch (err) {
        r = verdict({ ...zero, failed: 1 }, { ci: CI, note: err instanceof Error ? err.message : String(err) });
      }
      rows.push({ name, ms: Date.now() - t, ...r });
    }
  }
  await cleanup();

  const total = { ...zero };
  for (const r of rows) for (const k of Object.keys(total)) total[k] += r.counts?.[k] ?? 0;
  console.log(`\n\x1b[1mSummary\x1b[0m${CI ? ' (CI)' : ''}\n${formatTable(rows)}`);
  console.log(`wall time ${formatTime(Date.now() - t0)}`);
  console.log(summaryLine(total));
  return rows.every((r) => r.ok) && total.failed === 0 ? 0 : 1;
}

process.exitCode = await main().catch(async (err) => {
  console.error(err);
  await cleanup();
  return 1;
});
