// Shared plumbing for running the real VS Code inside code-server (pinned) and driving it with Debian's chromium.
// Used by scripts/vscode-launcher.mjs (extension-host tests), test/support/codeServer.ts (UI tests) and
// scripts/start.mjs (the demo). Facts: /work/shared/notes/real-vscode-offline.md.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './ports.mjs';

export { freePort };

export const NODE24_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where scripts/ensure-code-server.sh caches Node 24 and code-server (outside the repo). */
export function cachePaths() {
  const cache = process.env.LCL_CACHE || join(homedir(), '.cache', 'local-cloud-lab');
  const nodeDir = join(cache, `node-${NODE24_VERSION}`);
  return {
    cache,
    nodeBinDir: join(nodeDir, 'bin'),
    codeServer: join(cache, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', '.bin', 'code-server'),
  };
}

export const chromiumPath = process.env.LCL_CHROMIUM || '/usr/bin/chromium';

/** Chromium flags for a quiet, offline, headless run (the user-data dir is given separately). */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Installs Node 24 + code-server into the cache if missing (idempotent, fast when present). */
export function ensureCodeServer({ quiet = false } = {}) {
  const paths = cachePaths();
  if (existsSync(paths.codeServer) && existsSync(join(paths.nodeBinDir, 'node'))) return paths;
  const r = spawnSync('bash', [join(repoRoot, 'scripts', 'ensure-code-server.sh')], {
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : ['ignore', process.stderr, 'inherit'],
  });
  if (r.status !== 0) throw new Error(`ensure-code-server.sh failed (exit ${r.status})`);
  return paths;
}

export function ensureChromium() {
  if (existsSync(chromiumPath)) return chromiumPath;
  const r = spawnSync('bash', [join(repoRoot, 'scripts', 'ensure-chromium.sh')], { stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(chromiumPath)) throw new Error(`chromium not found at ${chromiumPath}`);
  return chromiumPath;
}

/** Settings every run gets: no updates, no telemetry, no welcome pages, no trust prompt, no recommendations. */
export const hygieneSettings = {
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
};

/** No marketplace: an empty gallery configuration turns the gallery off, so nothing is fetched or updated. */
const noGallery = JSON.stringify({ serviceUrl: '', itemUrl: '', resourceUrlTemplate: '' });

/**
 * Creates an isolated profile: user data (with settings.json), extensions, config, XDG dirs and TMPDIR,
 * all under one temporary root that dispose() deletes.
 */
export function createProfile({ settings = {}, prefix = 'lcl-vscode-', keep = !!process.env.LCL_KEEP_PROFILE } = {}) {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const dirs = {
    root,
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    config: join(root, 'config.yaml'),
    home: join(root, 'home'),
    tmp: join(root, 'tmp'),
    browser: join(root, 'browser'),
    log: join(root, 'code-server.log'),
  };
  for (const d of [dirs.userData, dirs.extensions, dirs.home, dirs.tmp, dirs.browser])
    mkdirSync(d, { recursive: true });
  for (const x of ['config', 'data', 'cache', 'state']) mkdirSync(join(root, 'xdg', x), { recursive: true });
  // The same settings as User settings and as the server machine's (Remote) settings: in code-server the
  // extension host is "remote", and it ignores machine-scoped settings found only in the User file.
  const json = JSON.stringify({ ...hygieneSettings, ...settings }, null, 2);
  for (const scope of ['User', 'Machine']) {
    mkdirSync(join(dirs.userData, scope), { recursive: true });
    writeFileSync(join(dirs.userData, scope, 'settings.json'), json);
  }
  writeFileSync(dirs.config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  const env = {
    ...process.env,
    PATH: `${cachePaths().nodeBinDir}:${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: join(root, 'xdg', 'config'),
    XDG_DATA_HOME: join(root, 'xdg', 'data'),
    XDG_CACHE_HOME: join(root, 'xdg', 'cache'),
    XDG_STATE_HOME: join(root, 'xdg', 'state'),
    TMPDIR: dirs.tmp,
    EXTENSIONS_GALLERY: noGallery,
    // code-server must not see the test runner's Node options (tsx loaders, inspector flags).
    NODE_OPTIONS: '',
  };
  delete env.VSCODE_IPC_HOOK_CLI;
  delete env.ELECTRON_RUN_AS_NODE;
  return {
    ...dirs,
    env,
    dispose() {
      if (!keep) rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

function baseArgs(profile) {
  return [
    '--config',
    profile.config,
    '--user-data-dir',
    profile.userData,
    '--extensions-dir',
    profile.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
  ];
}

/** `code-server --install-extension <vsix>` into the profile's extensions dir. */
export function installExtension(profile, vsix) {
  const { codeServer } = cachePaths();
  const r = spawnSync(codeServer, [...baseArgs(profile), '--force', '--install-extension', vsix], {
    env: profile.env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) {
    throw new Error(`Install extension failed: ${(r.stderr || r.stdout || r.error?.message || '').trim()}`);
  }
  return r.stdout.trim();
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // gone already
  }
}

/**
 * Starts code-server on 127.0.0.1 (a free port unless given) in its own process group and waits for /healthz.
 * Output goes to profile.log. Returns { url, port, pid, stop() }.
 */
export async function startCodeServer(profile, { port, extraArgs = [], readyTimeoutMs = 60_000 } = {}) {
  const { codeServer } = cachePaths();
  if (!existsSync(codeServer))
    throw new Error(`code-server not found at ${codeServer}: run scripts/ensure-code-server.sh`);
  const p = port ?? (await freePort());
  const logFd = openSync(profile.log, 'a');
  const child = spawn(
    codeServer,
    [...baseArgs(profile), '--bind-addr', `127.0.0.1:${p}`, '--auth', 'none', ...extraArgs],
    { env: profile.env, detached: true, stdio: ['ignore', logFd, logFd], cwd: profile.home },
  );
  closeSync(logFd);
  const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
  let gone = false;
  void exited.then(() => (gone = true));
  const onExit = () => killGroup(child.pid, 'SIGKILL');
  process.once('exit', onExit);

  const stop = async () => {
    process.off('exit', onExit);
    if (gone) return;
    // The handle was unreferenced after start-up; without this the loop could end before 'exit' arrives.
    child.ref();
    killGroup(child.pid, 'SIGTERM');
    const t = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(t);
  };

  const url = `http://127.0.0.1:${p}`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (gone) {
      throw new Error(`code-server exited during start-up:\n${tail(profile.log)}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server not ready on ${url} after ${readyTimeoutMs} ms:\n${tail(profile.log)}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  child.unref();
  return { url, port: p, pid: child.pid, stop };
}

/** Last lines of a log file, for error messages. */
export function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Launches Debian's chromium through playwright-core with a fresh profile dir; returns the persistent context. */
export async function launchChromium(userDataDir, { viewport = { width: 1400, height: 900 } } = {}) {
  ensureChromium();
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport,
  });
}
