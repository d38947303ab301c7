#!/usr/bin/env node
// `npm start`: build, make sure an emulator answers on http://localhost:4566 (use one already running, otherwise
// start moto server there and seed the demo data), then open VS Code with the extension on the demo workspace:
// the desktop `code` when it is on PATH, otherwise code-server on 127.0.0.1 with its URL printed.
// Ctrl+C stops what this script started, and only that.
//
// Flags: --no-open (emulator only)  --seed (seed an emulator that was already running too)  --port N (code-server)
//        --localstack   when nothing answers, start LocalStack 4.14 on the host (no Docker; Python 3.13 venv made by
//                       scripts/ensure-localstack.sh) instead of moto, with DynamoDB on a moto beside it (LocalStack
//                       community cannot run DynamoDB offline) through AWS_ENDPOINT_URL_DYNAMODB
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProfile, ensureCodeServer, freePort, installExtension, startCodeServer } from './lib/code-server.mjs';
import { isPortFree } from './lib/ports.mjs';
import { seed } from './seed-demo.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const EMULATOR = 'http://localhost:4566';
const args = process.argv.slice(2);
const has = (f) => args.includes(f);
const portArg = args.includes('--port') ? Number(args[args.indexOf('--port') + 1]) : undefined;
const workspace = join(root, 'demo');
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const started = []; // [label, stop()] in start order; stopped in reverse
let stopping = false;

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const [label, stop] of started.reverse()) {
    try {
      await stop();
      console.log(`[start] stopped ${label}`);
    } catch (err) {
      console.error(`[start] stopping ${label} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

function sh(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

/** Anything answering HTTP on the port counts as an emulator (LocalStack, moto, Floci…). */
async function emulatorAnswers(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1500) });
    await res.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

async function ensureEmulator() {
  if (await emulatorAnswers(EMULATOR)) {
    console.log(`[start] using the emulator already answering on ${EMULATOR}`);
    if (has('--seed')) await seed(EMULATOR);
    return;
  }
  sh('bash', [join('scripts', 'ensure-moto.sh')]);
  const { tsImport } = await import('tsx/esm/api');
  const { startMoto } = await tsImport('../test/support/moto.ts', import.meta.url);
  if (has('--localstack')) {
    console.log(`[start] nothing answers on ${EMULATOR}: starting LocalStack 4.14 on the host there (~30 s)`);
    const { startLocalStack } = await tsImport('../test/support/localstack.ts', import.meta.url);
    const ddb = await startMoto({ reuse: '' });
    started.push([`moto server for DynamoDB (${ddb.endpoint})`, () => ddb.stop()]);
    const ls = await startLocalStack({ port: 4566 });
    started.push([`LocalStack ${ls.version} (${ls.endpoint})`, () => ls.stop()]);
    // The SDK convention the extension follows too: VS Code, started below, inherits it.
    process.env.AWS_ENDPOINT_URL_DYNAMODB = ddb.endpoint;
    console.log(`[start] DynamoDB is served by moto at ${ddb.endpoint} (AWS_ENDPOINT_URL_DYNAMODB)`);
    await seed(EMULATOR, { endpoints: { dynamodb: ddb.endpoint } });
    return;
  }
  console.log(`[start] nothing answers on ${EMULATOR}: starting moto server there`);
  const moto = await startMoto({ port: 4566, reuse: '' });
  started.push([`moto server (${moto.endpoint})`, () => moto.stop()]);
  await seed(moto.endpoint);
}

async function openDesktop() {
  console.log(`[start] opening VS Code: code --extensionDevelopmentPath=${root} ${workspace}`);
  const child = spawn('code', ['--extensionDevelopmentPath=' + root, workspace], { stdio: 'inherit' });
  await new Promise((r) => child.on('exit', r));
}

async function openCodeServer() {
  ensureCodeServer();
  const outDir = join(root, 'out', 'start');
  rmSync(outDir, { recursive: true, force: true });
  sh(process.execPath, [join('scripts', 'package.mjs'), '--out', outDir, '--no-build']);
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const vsix = join(outDir, `${name}-${version}.vsix`);
  const profile = createProfile({ prefix: 'lcl-start-' });
  started.push(['code-server profile', async () => profile.dispose()]);
  installExtension(profile, vsix);
  let port = portArg;
  if (!port) port = (await isPortFree(8080)) ? 8080 : await freePort();
  const server = await startCodeServer(profile, { port });
  started.push([`code-server (${server.url})`, () => server.stop()]);
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
  console.log(`\n  Local Cloud Lab is running in VS Code (code-server): ${url}\n`);
}

async function main() {
  sh(process.execPath, [join('scripts', 'build.mjs')]);
  await ensureEmulator();
  if (!has('--no-open')) {
    if (onPath('code') && !process.env.LCL_NO_DESKTOP) await openDesktop();
    else await openCodeServer();
  }
  if (started.length === 0) {
    console.log('[start] nothing left running here; done');
    return;
  }
  console.log(`[start] running: ${started.map(([l]) => l).join(', ')}. Press Ctrl+C to stop.`);
  // The children are detached and unreferenced: keep this process (and its Ctrl+C handler) alive.
  setInterval(() => undefined, 1 << 30);
}

main().catch(async (err) => {
  console.error(`[start] ${err instanceof Error ? err.message : String(err)}`);
  await stopAll(1);
});
