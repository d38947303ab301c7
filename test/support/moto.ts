// A real moto server for tests: spawned from the project virtualenv on a free loopback port,
// in its own process group, reset over HTTP between tests and stopped by PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Ports from '../../scripts/lib/ports.mjs';
import { ownGroup } from './processes';

export interface MotoServer {
  /** e.g. http://127.0.0.1:41234 */
  readonly endpoint: string;
  /** Clears every service's state (`POST /moto-api/reset`). */
  reset(): Promise<void>;
  /** Stops the server this call started; a no-op when an external server (LCL_TEST_ENDPOINT) is reused. */
  stop(): Promise<void>;
}

export interface StartMotoOptions {
  /** Port to bind; default: a free one chosen by the OS. */
  port?: number;
  /** Reuse this endpoint instead of spawning; default: env LCL_TEST_ENDPOINT. */
  reuse?: string;
  /** How long to wait for readiness, in ms (default 30 000). */
  readyTimeoutMs?: number;
  /** Path of the virtualenv holding moto_server (default: env LCL_VENV or <repo>/.venv). */
  venv?: string;
  /**
   * Extra environment for a server this call spawns (e.g. INITIAL_NO_AUTH_ACTION_COUNT, which turns on moto's IAM
   * enforcement). A server with its own environment is never shared: LCL_TEST_ENDPOINT is ignored.
   */
  env?: Readonly<Record<string, string>>;
}

/** The repository root: the nearest folder above this module (or the working directory) holding the venv script. */
function findRepoRoot(): string {
  // Under tsx's CommonJS mode __dirname is this folder; loaded as ESM (tsImport) it is not a path.
  let dir = typeof __dirname === 'string' && isAbsolute(__dirname) ? __dirname : process.cwd();
  for (;;) {
    if (existsSync(join(dir, 'scripts', 'ensure-moto.sh'))) return dir;
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

/** The repository root (the folder holding scripts/ensure-moto.sh). */
export const repoRoot = findRepoRoot();

/** SDK v3 client configuration for a local emulator: fixed region, dummy credentials, path-style S3. */
export interface SdkConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle: boolean;
}

export function awsTestConfig(endpoint: string): SdkConfig {
  return {
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    forcePathStyle: true,
  };
}

/** Asks the OS for a free TCP port on 127.0.0.1 (shared with the scripts). */
export async function freePort(): Promise<number> {
  const ports = (await import(pathToFileURL(join(repoRoot, 'scripts', 'lib', 'ports.mjs')).href)) as typeof Ports;
  return ports.freePort();
}

async function post(endpoint: string, path: string, body?: unknown): Promise<void> {
  const res = await fetch(endpoint + path, {
    method: 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`moto ${path} failed: HTTP ${res.status}`);
}

/** Disables Docker-backed Lambda execution (there is no Docker engine here). */
async function configure(endpoint: string): Promise<void> {
  await post(endpoint, '/moto-api/config', { lambda: { use_docker: false } });
}

/** Resolves once the server answers its state dump, or rejects when it exits or the deadline passes. */
async function waitReady(endpoint: string, child: ChildProcess | undefined, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer';
  let exited: string | undefined;
  const onExit = (code: number | null, signal: string | null): void => {
    exited = `moto_server exited early (code ${code}, signal ${signal})`;
  };
  child?.once('exit', onExit);
  try {
    while (Date.now() < deadline) {
      if (exited) throw new Error(exited);
      try {
        // /moto-api/config is cheap; data.json dumps all state and fails while a Lambda function exists.
        const res = await fetch(`${endpoint}/moto-api/config`, { signal: AbortSignal.timeout(2_000) });
        await res.arrayBuffer();
        if (res.ok) return;
        lastError = `HTTP ${res.status}`;
      } catch (err) {
        lastError = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`moto at ${endpoint} not ready after ${timeoutMs} ms: ${lastError}`);
  } finally {
    child?.off('exit', onExit);
  }
}

/**
 * Starts a moto server (or reuses LCL_TEST_ENDPOINT) and returns its endpoint with reset/stop.
 * Lambda is configured not to use Docker either way.
 */
export async function startMoto(opts: StartMotoOptions = {}): Promise<MotoServer> {
  const reuse = opts.env ? undefined : (opts.reuse ?? process.env.LCL_TEST_ENDPOINT);
  const timeout = opts.readyTimeoutMs ?? 30_000;
  if (reuse) {
    const endpoint = reuse.replace(/\/+$/, '');
    await waitReady(endpoint, undefined, timeout);
    await configure(endpoint);
    return { endpoint, reset: () => post(endpoint, '/moto-api/reset'), stop: async () => {} };
  }

  const venv = opts.venv ?? process.env.LCL_VENV ?? join(repoRoot, '.venv');
  const bin = join(venv, 'bin', 'moto_server');
  if (!existsSync(bin)) throw new Error(`moto_server not found at ${bin}: run \`bash scripts/ensure-moto.sh\` first`);

  const port = opts.port ?? (await freePort());
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn(bin, ['-H', '127.0.0.1', '-p', String(port)], {
    detached: true, // own process group, so stop() ends moto and anything it forks
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...opts.env, PYTHONUNBUFFERED: '1' },
  });
  // Keep the last lines of stderr for error messages; don't let the pipe fill up.
  let stderrTail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (d: string) => {
    stderrTail = (stderrTail + d).slice(-2000);
  });
  // If the test process exits without stop(), the server still goes down with it.
  const stop = ownGroup(child, 3_000);

  try {
    await waitReady(endpoint, child, timeout);
    await configure(endpoint);
  } catch (err) {
    await stop();
    const detail = stderrTail.trim() ? `\n${stderrTail.trim()}` : '';
    throw new Error(`Start moto failed: ${err instanceof Error ? err.message : String(err)}${detail}`);
  }
  child.unref();
  return { endpoint, reset: () => post(endpoint, '/moto-api/reset'), stop };
}

/** Credentials of an IAM user of an enforcing moto. */
export interface TestCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/**
 * A moto that enforces IAM (INITIAL_NO_AUTH_ACTION_COUNT=3): the three unauthenticated requests create an admin user
 * with an Allow-everything inline policy and its access key; every later request is signed and authorised.
 */
export async function startEnforcingMoto(): Promise<{ moto: MotoServer; admin: TestCredentials }> {
  const { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } =
    await import('@aws-sdk/client-iam');
  const moto = await startMoto({ env: { INITIAL_NO_AUTH_ACTION_COUNT: '3' } });
  const iam = new IAMClient(awsTestConfig(moto.endpoint));
  try {
    await iam.send(new CreateUserCommand({ UserName: 'admin' }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'admin',
        PolicyName: 'all',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
        }),
      }),
    );
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'admin' }))).AccessKey!;
    return { moto, admin: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! } };
  } catch (e) {
    await moto.stop();
    throw e;
  } finally {
    iam.destroy();
  }
}
