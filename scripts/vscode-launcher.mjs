#!/usr/bin/env node
// A stand-in for the VS Code executable that @vscode/test-electron (or @vscode/test-cli) spawns.
// It takes the same flags, serves the real VS Code from code-server (pinned) with the smoke-test driver on,
// opens the test payload in Debian's chromium, forwards the extension host's log lines to stdout
// and exits with the extension host's exit code. Environment variables starting with LCL_ reach the tests.
import { mkdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { format } from 'node:util';
import {
  createProfile,
  ensureCodeServer,
  launchChromium,
  startCodeServer,
  tail,
  CODE_SERVER_VERSION,
  repoRoot,
} from './lib/code-server.mjs';
import { startUiDriver } from './lib/ui-driver.mjs';

/** Parses `--name=value` / `--name value` flags; anything not starting with -- is a path to open. */
function parseArgs(argv) {
  const dev = [];
  let tests;
  const paths = [];
  const valued = new Set([
    'extensionDevelopmentPath',
    'extensionTestsPath',
    'user-data-dir',
    'extensions-dir',
    'locale',
  ]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      paths.push(resolve(a));
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    let value = eq < 0 ? undefined : a.slice(eq + 1);
    if (value === undefined && valued.has(name) && i + 1 < argv.length) value = argv[++i];
    if (name === 'extensionDevelopmentPath' && value) dev.push(resolve(value));
    else if (name === 'extensionTestsPath' && value) tests = resolve(value);
    // Everything else (--no-sandbox, --disable-updates, --user-data-dir…) has no meaning here: each run is isolated.
  }
  return { dev, tests, paths };
}

/** VS Code accepts a module path without extension; code-server wants the file itself. */
function resolveModule(p) {
  if (existsSync(p) && statSync(p).isFile()) return p;
  for (const candidate of [`${p}.js`, `${p}.cjs`, join(p, 'index.js')]) if (existsSync(candidate)) return candidate;
  return p;
}

/** Workbench start-up info lines that say nothing about the tests (shown with LCL_LAUNCHER_VERBOSE=1). */
const WORKBENCH_CHATTER =
  /^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Ignoring fetching additional builtin|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\])/;
const verbose = !!process.env.LCL_LAUNCHER_VERBOSE;

/** The extension host sends console arguments unformatted (format string first); format them like Node would. */
function formatLog(args) {
  if (Array.isArray(args)) return format(...args);
  return typeof args === 'string' ? args : JSON.stringify(args);
}

async function main() {
  const { dev, tests, paths } = parseArgs(process.argv.slice(2));
  if (!tests || dev.length === 0) {
    console.error('vscode-launcher: need --extensionDevelopmentPath=<dir> and --extensionTestsPath=<file>');
    return 2;
  }
  const testsFile = resolveModule(tests);
  if (!existsSync(testsFile)) {
    console.error(`vscode-launcher: extensionTestsPath not found: ${tests}`);
    return 2;
  }
  // Shorter than scripts/test.mjs's 10-minute layer limit, so a hung run is reported here, with its log.
  const timeoutMs = Number(process.env.LCL_VSCODE_TIMEOUT_MS || 480_000);
  const extensionEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('LCL_')));

  ensureCodeServer();
  const profile = createProfile({ prefix: 'lcl-exthost-' });
  let server;
  let context;
  let page;
  let driver;
  const cleanup = async () => {
    await driver?.close();
    await context?.close().catch(() => undefined);
    await server?.stop();
    profile.dispose();
  };
  const onSignal = (sig) => {
    void cleanup().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    server = await startCodeServer(profile, { extraArgs: ['--vscode-option', 'enable-smoke-test-driver'] });
    // Real keys and clicks for the dialog tests (test/vscode/suite/ui.ts): the page is set once chromium opens it.
    driver = await startUiDriver(() => page);
    extensionEnv.LCL_UI_DRIVER = driver.url;
    const authority = `vscode-remote://127.0.0.1:${server.port}`;
    const payload = [
      ...dev.map((d) => ['extensionDevelopmentPath', authority + d]),
      ['extensionTestsPath', authority + testsFile],
      ['extensionEnvironment', JSON.stringify(extensionEnv)],
    ];
    const folder = paths[0];
    const target = folder && existsSync(folder) && statSync(folder).isFile() ? 'file' : 'folder';
    const query = folder ? `${target === 'file' ? 'workspace' : 'folder'}=${encodeURIComponent(folder)}` : 'ew=true';
    const url = `${server.url}/?${query}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    console.log(`[vscode-launcher] code-server ${CODE_SERVER_VERSION} at ${server.url} (profile ${profile.root})`);

    context = await launchChromium(profile.browser);
    page = context.pages()[0] ?? (await context.newPage());
    let resolveExit;
    const result = new Promise((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = formatLog(args);
      if (!verbose && WORKBENCH_CHATTER.test(line)) return;
      (type === 'error' ? process.stderr : process.stdout).write(line.endsWith('\n') ? line : line + '\n');
    });
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      const exitCode = typeof code === 'number' ? code : 1;
      // VS Code hands over its logs with the exit code: keep them when the run failed (or when asked to).
      const dir =
        process.env.LCL_VSCODE_LOGS_DIR || (exitCode !== 0 ? join(repoRoot, 'test-results', 'vscode-logs') : '');
      if (dir && Array.isArray(logs)) {
        for (const { relativePath, contents } of logs) {
          const out = join(dir, relativePath);
          mkdirSync(dirname(out), { recursive: true });
          writeFileSync(out, contents);
        }
        console.error(`[vscode-launcher] VS Code logs saved in ${dir}`);
      }
      resolveExit(exitCode);
    });
    page.on('crash', () => {
      console.error('[vscode-launcher] the browser page crashed');
      resolveExit(1);
    });
    if (verbose) {
      page.on('console', (m) => process.stderr.write(`[page:${m.type()}] ${m.text()}\n`));
    }
    page.on('pageerror', (e) => process.stderr.write(`[vscode-launcher] page error: ${e.message}\n`));
    await page.goto(url);
    let timer;
    const timeout = new Promise((r) => {
      timer = setTimeout(() => {
        console.error(`[vscode-launcher] no result after ${timeoutMs} ms; code-server log:\n${tail(profile.log)}`);
        r(1);
      }, timeoutMs);
    });
    const code = await Promise.race([result, timeout]);
    clearTimeout(timer);
    return code;
  } catch (err) {
    console.error(`[vscode-launcher] ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await cleanup();
  }
}

process.exitCode = await main();
