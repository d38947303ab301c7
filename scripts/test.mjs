#!/usr/bin/env node
// `npm test`: build, typecheck, lint, then every test layer — unit, lsp, integration (real moto server),
// vscode (extension-host tests in a real VS Code) and e2e (UI tests in code-server) — with a summary table
// and a last line "N passed, N failed[, N skipped]".
//
// The emulator layers (integration, vscode, e2e) run twice: on moto, and beside it on a real LocalStack 4.14 (with
// DynamoDB on a second moto through a per-service endpoint); the LocalStack run's output goes to
// test-results/localstack.log and its counts and skips to test-results/localstack.json.
//
// Flags: --layer a,b   run only these steps/layers (build always runs): typecheck, lint, unit, lsp, integration,
//                      vscode, e2e
//        --backend moto|localstack|both   which emulators (default both; `localstack` alone runs only the
//                      emulator layers, on LocalStack, with their output on the terminal — `npm run test:localstack`)
//        --no-lint     skip lint;  --no-typecheck  skip the type check
// A layer fails when any test fails, when it ran no tests, or (CI=true) when anything was skipped — except on
// LocalStack, where a test may skip with a reason that names the LocalStack limitation (listed in the summary).
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import {
  EMULATOR_LAYERS,
  STEPS,
  formatTable,
  formatTime,
  parseFlags,
  parseTap,
  parseTapSkips,
  summaryLine,
  verdict,
} from './lib/test-report.mjs';
import { startAwsCliForkServer } from './lib/aws-cli-fork.mjs';

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
let localstack; // { server, moto, env } for the LocalStack run
let tmp; // per-run scratch folder (TAP files, mocha counts)
let awsCli; // promise of the AWS CLI fork server ({ env, stop }) or undefined, shared by both runs

/**
 * Runs a command in its own process group; resolves with its exit code and, with `capture`, its output
 * (otherwise the output goes straight to the terminal).
 */
function run(cmd, args, { env = {}, timeoutMs = 20 * 60_000, capture = false, log } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: root,
      // `log`: a file descriptor both streams are written to (the LocalStack run beside the moto one).
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : log !== undefined ? ['ignore', log, log] : 'inherit',
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

const ensured = new Map(); // script → promise: the two runs must not install the same thing at once
function ensure(script) {
  if (!ensured.has(script)) {
    ensured.set(
      script,
      run('bash', [join('scripts', script)], { timeoutMs: 15 * 60_000 }).then(({ code }) => {
        if (code !== 0) throw new Error(`${script} failed (exit ${code})`);
      }),
    );
  }
  return ensured.get(script);
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

/**
 * The LocalStack run's emulators: a real LocalStack 4.14 and, for DynamoDB (which LocalStack community cannot serve
 * here), a moto of its own, so the two runs never reset each other's state.
 */
async function sharedLocalStack() {
  if (localstack) return localstack;
  await ensure('ensure-moto.sh');
  const { tsImport } = await import('tsx/esm/api');
  const { startMoto } = await tsImport('../test/support/moto.ts', import.meta.url);
  const { startLocalStack } = await tsImport('../test/support/localstack.ts', import.meta.url);
  const ddb = await startMoto({ reuse: '' });
  let server;
  try {
    // A ready-stage init hook, so the tests see LocalStack's init state (/_localstack/init) with a real script.
    server = await startLocalStack({ readyHooks: { [LS_READY_HOOK]: '#!/bin/sh\necho "lab ready"\n' } });
  } catch (err) {
    await ddb.stop();
    throw err;
  }
  localstack = {
    server,
    moto: ddb,
    env: {
      LCL_TEST_BACKEND: 'localstack',
      LCL_TEST_ENDPOINT: server.endpoint,
      LCL_TEST_ENDPOINTS: JSON.stringify({ dynamodb: ddb.endpoint }),
    },
  };
  console.log(`[test] LocalStack ${server.version} at ${server.endpoint}, DynamoDB on moto at ${ddb.endpoint}`);
  return localstack;
}

const zero = { passed: 0, failed: 0, skipped: 0 };
/**
 * Test files that never talk to the run's emulator (they start their own moto, serve fixtures, or probe PostgreSQL
 * and Redis): the moto pass runs them; the LocalStack pass would only repeat them, so it leaves them out.
 */
const OWN_EMULATOR_FILES = new Set([
  'test/integration/aws-backend.test.ts',
  'test/integration/aws-connection.test.ts',
  'test/integration/explorer-launchers.test.ts',
  'test/integration/explorer-tree.test.ts',
  'test/integration/iam-differential.test.ts',
  'test/integration/moto-harness.test.ts',
  'test/integration/record-calls.test.ts',
  'test/integration/walkthrough.local.test.ts',
  'test/e2e/analysis.test.ts',
  'test/e2e/explorer.test.ts',
  'test/e2e/package.test.ts',
]);

/** The init hook the LocalStack run installs (the tests look for it by this name). */
const LS_READY_HOOK = '10-lab-ready.sh';

/** A node:test layer: spec output on the terminal, TAP into a file for the counts. */
async function nodeTestLayer(
  name,
  dir,
  { concurrency, timeoutMs, needsMoto, perFileTimeoutMs, env: extra, backend = 'moto', log } = {},
) {
  const files = testFiles(dir).filter((f) => backend !== 'localstack' || !OWN_EMULATOR_FILES.has(f));
  if (files.length === 0) return verdict(zero, { ci: CI, note: `no test files in ${dir}` });
  // The build ran at the start of this run: helpers that package the extension need not build again.
  const env = { LCL_BUILT: '1', ...extra };
  if (needsMoto) Object.assign(env, await emulatorEnv(backend));
  const tap = join(tmp, `${name}-${backend}.tap`);
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
  const { code: exitCode } = await run(process.execPath, args, { env, timeoutMs, log });
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const skips = parseTapSkips(text);
  // node:test leaves a skipped suite out of its "skipped" counter; the list has it.
  const parsed = parseTap(text);
  const counts = parsed && { ...parsed, skipped: Math.max(parsed.skipped, skips.length) };
  return {
    ...layerVerdict(counts, { exitCode, note: counts ? undefined : 'no TAP summary (crashed?)', backend }),
    skips,
  };
}

/** The environment that points a layer at its backend's shared emulator(s). */
async function emulatorEnv(backend) {
  if (backend === 'localstack') return (await sharedLocalStack()).env;
  return { LCL_TEST_ENDPOINT: (await sharedMoto()).endpoint };
}

/** On LocalStack a skip is allowed (each carries its reason and is listed); on moto CI allows none. */
function layerVerdict(counts, { exitCode, note, backend }) {
  return verdict(counts ?? zero, { ci: CI, exitCode, note, skipsAllowed: backend === 'localstack' });
}

async function vscodeLayer({ backend = 'moto', log } = {}) {
  if (testFiles('test/vscode/suite').length === 0) return verdict(zero, { ci: CI, note: 'no suites' });
  await ensure('ensure-code-server.sh');
  await ensure('ensure-chromium.sh');
  const resultFile = join(tmp, `vscode-mocha-${backend}.json`);
  const { code: exitCode } = await run(process.execPath, ['--import', 'tsx', 'test/vscode/runTests.ts'], {
    env: { ...(await emulatorEnv(backend)), LCL_MOCHA_RESULT_FILE: resultFile },
    timeoutMs: 10 * 60_000,
    log,
  });
  const result = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : undefined;
  return {
    ...layerVerdict(result, { exitCode, note: result ? undefined : 'no mocha result (crashed?)', backend }),
    skips: result?.skips ?? [],
  };
}

let vsix; // one VSIX for every UI test file of both runs (each would otherwise package its own)
async function packagedVsix() {
  vsix ??= (async () => {
    const outDir = join(tmp, 'vsix');
    const { code } = await run(process.execPath, ['scripts/package.mjs', '--no-build', '--out', outDir], {
      timeoutMs: 5 * 60_000,
      capture: true,
    });
    if (code !== 0) throw new Error('npm run package failed');
    const file = readdirSync(outDir).find((f) => f.endsWith('.vsix'));
    return file ? join(outDir, file) : undefined;
  })();
  return vsix;
}

async function e2eLayer({ backend = 'moto', log } = {}) {
  const env = { ...(await awsCliEnv()) };
  if (testFiles('test/e2e').length > 0) {
    await ensure('ensure-code-server.sh');
    await ensure('ensure-chromium.sh');
    const file = await packagedVsix();
    if (file) env.LCL_VSIX = file;
  }
  return nodeTestLayer('e2e', 'test/e2e', {
    env,
    backend,
    log,
    concurrency: 1,
    needsMoto: true,
    timeoutMs: 12 * 60_000,
    perFileTimeoutMs: 300_000,
  });
}

/** PATH with the fork server's `aws` first, for layers that run the AWS CLI (empty when it could not start). */
async function awsCliEnv() {
  return (await (awsCli ??= startAwsCliForkServer(tmp)))?.env ?? {};
}

const layers = {
  // Most of a unit file's time is tsx start-up: two at a time keeps both cores busy.
  unit: () => nodeTestLayer('unit', 'test/unit', { concurrency: 2, timeoutMs: 8 * 60_000, perFileTimeoutMs: 180_000 }),
  lsp: () => nodeTestLayer('lsp', 'test/lsp', { concurrency: 2, timeoutMs: 5 * 60_000, perFileTimeoutMs: 180_000 }),
  integration: async (opts = {}) =>
    nodeTestLayer('integration', 'test/integration', {
      ...opts,
      // The labs' scripts and the walkthrough's terminal commands: hundreds of `aws` calls, one import.
      env: await awsCliEnv(),
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
  (await awsCli)?.stop();
  awsCli = undefined;
  await moto?.stop();
  moto = undefined;
  await Promise.all([localstack?.server.stop(), localstack?.moto.stop()]);
  localstack = undefined;
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

/** The summed counts of some summary rows. */
function totalOf(rows) {
  const total = { ...zero };
  for (const r of rows) for (const k of Object.keys(total)) total[k] += r.counts?.[k] ?? 0;
  return total;
}

async function runLayer(name, opts) {
  try {
    return await layers[name](opts);
  } catch (err) {
    return verdict({ ...zero, failed: 1 }, { ci: CI, note: err instanceof Error ? err.message : String(err) });
  }
}

/**
 * The emulator layers against LocalStack. Writes test-results/localstack.json (backend, version, counts, skips);
 * beside the moto run, the output goes to test-results/localstack.log and is printed once both are done.
 */
async function localStackRun(names, { beside }) {
  const results = join(root, 'test-results');
  mkdirSync(results, { recursive: true });
  const logPath = join(results, 'localstack.log');
  const log = beside ? openSync(logPath, 'w') : undefined;
  const rows = [];
  let version = 'unknown';
  let toRun = names; // nothing when LocalStack does not start (its row says why; the JSON is still written)
  try {
    try {
      version = (await sharedLocalStack()).server.version;
    } catch (err) {
      const note = err instanceof Error ? err.message.split('\n')[0] : String(err);
      if (log !== undefined) writeSync(log, `${err instanceof Error ? err.message : String(err)}\n`);
      rows.push({ name: 'localstack', ok: false, ms: 0, counts: { ...zero, failed: 1 }, note });
      toRun = [];
    }
    for (const name of toRun) {
      if (!beside) banner(`${name} · LocalStack ${version}`);
      else writeSync(log, `\n━━ ${name} · LocalStack ${version} ━━\n`);
      const t = Date.now();
      const r = await runLayer(name, { backend: 'localstack', log });
      rows.push({ ...r, name: `${name}@ls`, ms: Date.now() - t });
    }
  } finally {
    if (log !== undefined) closeSync(log);
  }
  const total = totalOf(rows);
  const skips = rows.flatMap((r) => r.skips ?? []);
  writeFileSync(
    join(results, 'localstack.json'),
    JSON.stringify({ backend: 'localstack', version, ...total, skips }, null, 2) + '\n',
  );
  if (beside) {
    banner(`LocalStack ${version} (output from ${relative(root, logPath)})`);
    process.stdout.write(readFileSync(logPath, 'utf8'));
  }
  console.log(
    `\nNot run on LocalStack (they never talk to the run's emulator; the moto pass runs them): ` +
      [...OWN_EMULATOR_FILES].map((f) => relative('test', f)).join(', '),
  );
  if (skips.length) {
    console.log(`\nSkipped on LocalStack ${version}:`);
    for (const s of skips) console.log(`  - ${s.test}: ${s.reason || '(no reason given)'}`);
  }
  // A skip must say which LocalStack limitation it meets.
  for (const r of rows) {
    const bare = (r.skips ?? []).filter((s) => !s.reason);
    if (bare.length) {
      r.ok = false;
      r.note = [r.note, `${bare.length} skip(s) without a reason`].filter(Boolean).join('; ');
    }
  }
  return rows;
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
    console.log(
      'usage: node scripts/test.mjs [--layer typecheck,lint,unit,lsp,integration,vscode,e2e] ' +
        '[--backend moto|localstack|both] [--no-lint] [--no-typecheck]',
    );
    return 0;
  }
  // Ctrl+C, or a kill from a CI runner or `timeout`: the emulators run in their own process groups, so stop them here.
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ]) {
    process.once(signal, () => {
      console.error(`\n[test] ${signal}: stopping what this run started`);
      void cleanup().finally(() => process.exit(code));
    });
  }
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
    const layerNames = flags.selected.filter((n) => !STEPS.includes(n));
    const lsLayers = flags.backend === 'moto' ? [] : layerNames.filter((n) => EMULATOR_LAYERS.includes(n));
    // With both backends the LocalStack run goes beside the moto one (its output into a log, printed after);
    // `--backend localstack` runs it alone, on the terminal.
    const beside = flags.backend === 'both';
    const lsRun = lsLayers.length ? localStackRun(lsLayers, { beside }) : Promise.resolve([]);
    if (flags.backend !== 'localstack') {
      for (const name of layerNames) {
        banner(name);
        t = Date.now();
        const r = await runLayer(name);
        rows.push({ name, ...r, ms: Date.now() - t });
      }
    }
    rows.push(...(await lsRun));
  }
  await cleanup();

  const total = totalOf(rows);
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
