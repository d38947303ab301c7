// A real LocalStack community 4.14 for tests, on the host without Docker: the pinned virtualenv made by
// scripts/ensure-localstack.sh, started on a free loopback port with all of its state in a temporary folder,
// awaited on /_localstack/health, and stopped by the process group it was started in.
// Recipe and limits: ../shared/notes/localstack-host.md.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, repoRoot } from './moto';
import { ownGroup } from './processes';

/** What the test LocalStack runs; everything else it reports as "disabled". */
export const LOCALSTACK_SERVICES = [
  's3',
  'sqs',
  'sns',
  'kinesis',
  'iam',
  'sts',
  'lambda',
  'kms',
  'secretsmanager',
  'ec2',
  'logs',
  'events',
  'stepfunctions',
  'apigateway',
  'cloudwatch',
];

export interface LocalStackServer {
  /** e.g. http://127.0.0.1:41234 */
  readonly endpoint: string;
  /** The version LocalStack reports at /_localstack/info, e.g. 4.14.0. */
  readonly version: string;
  /** The temporary folder holding its state, logs and init hooks. */
  readonly root: string;
  /** The last lines of its log, for failure messages. */
  logTail(): string;
  /** Stops the process group this call started and removes its folder. */
  stop(): Promise<void>;
}

export interface StartLocalStackOptions {
  port?: number;
  /** Default 120 s: LocalStack takes ~30 s on 2 idle cores, much longer while tests run beside it. */
  readyTimeoutMs?: number;
  /** Shell scripts to install as ready-stage init hooks (`<root>/etc/localstack/init/ready.d/<name>`). */
  readyHooks?: Readonly<Record<string, string>>;
}

/** The venv's python, creating the venv on first use. */
export function ensureLocalStack(): string {
  const r = spawnSync('bash', [join(repoRoot, 'scripts', 'ensure-localstack.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 15 * 60_000,
  });
  const python = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !python) throw new Error(`scripts/ensure-localstack.sh failed (exit ${r.status})`);
  return python;
}

async function fetchJson(url: string, timeoutMs: number): Promise<unknown> {
  const res = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return JSON.parse(text) as unknown;
}

export async function startLocalStack(opts: StartLocalStackOptions = {}): Promise<LocalStackServer> {
  const python = ensureLocalStack();
  const port = opts.port ?? (await freePort());
  const endpoint = `http://127.0.0.1:${port}`;
  const root = mkdtempSync(join(tmpdir(), 'lcl-localstack-'));
  const hooks = join(root, 'etc', 'localstack', 'init', 'ready.d');
  mkdirSync(hooks, { recursive: true });
  for (const [name, body] of Object.entries(opts.readyHooks ?? {})) {
    writeFileSync(join(hooks, name), body, { mode: 0o755 });
  }
  const child = spawn(python, ['-m', 'localstack.runtime.main'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GATEWAY_LISTEN: `127.0.0.1:${port}`,
      LOCALSTACK_HOST: `127.0.0.1:${port}`,
      // This machine looks like a container to LocalStack; host mode keeps every folder under FILESYSTEM_ROOT.
      OVERRIDE_IN_DOCKER: '0',
      FILESYSTEM_ROOT: root,
      // The services the tests use, loaded at start: lazily loaded on first use, concurrent first calls can deadlock
      // LocalStack's import of its IAM provider ("deadlock detected by _ModuleLock('moto.iam')") and leave it in
      // "error". DynamoDB is left out: it needs a jar LocalStack cannot fetch offline (moto serves it instead).
      EAGER_SERVICE_LOADING: '1',
      SERVICES: LOCALSTACK_SERVICES.join(','),
      // Offline: no DNS server, no certificate download, no analytics.
      DNS_ADDRESS: '0',
      SKIP_SSL_CERT_DOWNLOAD: '1',
      DISABLE_EVENTS: '1',
      PYTHONUNBUFFERED: '1',
    },
  });
  let tail = '';
  const keep = (d: Buffer): void => {
    tail = (tail + d.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stopProcess = ownGroup(child, 10_000);
  const stop = async (): Promise<void> => {
    await stopProcess();
    rmSync(root, { recursive: true, force: true });
  };

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 120_000);
  let last = 'no answer';
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`LocalStack exited early`);
      try {
        const health = (await fetchJson(`${endpoint}/_localstack/health`, 2_000)) as { services?: unknown };
        if (health && typeof health.services === 'object') break;
        last = 'health without services';
      } catch (err) {
        last = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
      }
      if (Date.now() > deadline) throw new Error(`not ready at ${endpoint}: ${last}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const info = (await fetchJson(`${endpoint}/_localstack/info`, 5_000)) as { version?: unknown };
    child.unref();
    return {
      endpoint,
      version: typeof info.version === 'string' ? info.version : 'unknown',
      root,
      logTail: () => tail,
      stop,
    };
  } catch (err) {
    await stop();
    throw new Error(`Start LocalStack failed: ${err instanceof Error ? err.message : String(err)}\n${tail.trim()}`);
  }
}
