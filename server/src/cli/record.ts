// `local-cloud-lab record`: "Record my calls" without the editor. Starts the recording proxy on 127.0.0.1 in front of
// a local emulator, prints the URL to point AWS calls at (stderr), and on Ctrl+C (SIGINT/SIGTERM) writes the
// least-privilege policy of what it saw to --out or stdout. Exit status: 0 done, 2 a usage error.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generatePolicy, policyText } from '../core/iam/record/generate';
import { accessOf } from '../core/iam/record/requests';
import { CallLog } from '../record/callLog';
import { startRecordingProxy } from '../record/proxy';
import type { CliIo } from './check';
import { reasonOf } from './files';
import { parseOptions, UsageError } from './options';

export const RECORD_USAGE = `Record AWS calls and write the least-privilege policy they need (Ctrl+C stops):

  local-cloud-lab record [--endpoint URL] [--endpoint-for SERVICE=URL…] [--port N] [--account ID] [--region R]
      [--out FILE]
      --endpoint      the emulator (default: AWS_ENDPOINT_URL, else http://localhost:4566); must be on this machine
      --endpoint-for  a service's own endpoint, by SigV4 signing name (e.g. dynamodb=http://localhost:8000)
      --account       account of the ARNs in the policy (default 000000000000; moto's is 123456789012)`;

/** Waits for the signal that ends a recording. */
export type StopSignal = () => Promise<void>;

interface Options {
  endpoint: string;
  services: Map<string, string>;
  port: number;
  account: string;
  region: string;
  out?: string;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|[a-z0-9.-]+\.localhost)$/i;

function endpointOf(raw: string, what: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${what} "${raw}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${what} "${raw}" must be http(s)`);
  if (!LOOPBACK.test(url.hostname)) throw new Error(`${what} "${raw}" is not on this machine`);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

function parse(argv: readonly string[], env: NodeJS.ProcessEnv): Options {
  const o: Options = {
    endpoint: env.AWS_ENDPOINT_URL || 'http://localhost:4566',
    services: new Map(),
    port: 0,
    account: '000000000000',
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
  };
  const p = parseOptions(argv, { valued: ['endpoint', 'endpoint-for', 'port', 'account', 'region', 'out'] });
  if (p.positional.length) throw new UsageError(`Unexpected argument "${p.positional[0]}"`);
  // A repeated option: the last one counts, except --endpoint-for (one per service).
  const last = (name: string) => p.values.get(name)?.at(-1);
  for (const value of p.values.get('endpoint-for') ?? []) {
    const eq = value.indexOf('=');
    if (eq <= 0) throw new UsageError(`--endpoint-for must be SERVICE=URL (got "${value}")`);
    o.services.set(value.slice(0, eq).toLowerCase(), endpointOf(value.slice(eq + 1), '--endpoint-for'));
  }
  const port = last('port');
  if (port !== undefined) {
    if (!/^\d+$/.test(port) || Number(port) > 65535) throw new UsageError(`--port must be a port number`);
    o.port = Number(port);
  }
  const account = last('account');
  if (account !== undefined) {
    if (!/^\d{12}$/.test(account)) throw new UsageError(`--account must be 12 digits (got "${account}")`);
    o.account = account;
  }
  o.endpoint = last('endpoint') ?? o.endpoint;
  o.region = last('region') ?? o.region;
  const out = last('out');
  if (out !== undefined) o.out = out;
  o.endpoint = endpointOf(o.endpoint, '--endpoint');
  return o;
}

export async function runRecord(
  argv: readonly string[],
  io: CliIo,
  env: NodeJS.ProcessEnv,
  stopped: StopSignal,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${RECORD_USAGE}\n`);
    return 0;
  }
  let o: Options;
  try {
    o = parse(argv, env);
  } catch (e) {
    io.stderr(`${reasonOf(e)}\n`);
    return 2;
  }
  const log = new CallLog();
  let proxy;
  try {
    proxy = await startRecordingProxy({
      port: o.port,
      target: (name) => o.services.get(name) ?? o.endpoint,
      onRequest: (req, status) => log.add(accessOf(req, { account: o.account, region: o.region }), status),
    });
  } catch (e) {
    io.stderr(`Start the recording proxy failed: ${reasonOf(e)}\n`);
    return 2;
  }
  io.stderr(
    `Recording AWS calls to ${o.endpoint} through ${proxy.url}\n` +
      `Point your calls at it: export AWS_ENDPOINT_URL=${proxy.url}\n` +
      'Press Ctrl+C to stop and write the policy.\n',
  );
  await stopped();
  await proxy.close();
  const summary = log.summary();
  const text = policyText(generatePolicy(summary.access));
  for (const u of summary.unmapped) io.stderr(`not mapped: ${u.what} (×${u.count})\n`);
  for (const n of summary.notes) io.stderr(`note: ${n}\n`);
  if (o.out) {
    try {
      writeFileSync(resolve(io.cwd, o.out), text);
    } catch (e) {
      io.stderr(`Write ${o.out} failed: ${reasonOf(e)}\n`);
      io.stdout(text);
      return 2;
    }
  } else io.stdout(text);
  io.stderr(
    `Recorded ${summary.requests} request(s), ${summary.access.length} permission(s)` +
      `${o.out ? `; the policy is in ${o.out}` : ''}.\n`,
  );
  return 0;
}
