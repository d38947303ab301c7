// The emulator a test runs against, whichever backend the run chose: moto server (the default) or a real
// LocalStack 4.14 with DynamoDB served by moto through a per-service endpoint (LocalStack community serves DynamoDB
// through a jar it cannot fetch here; users meet the same split). scripts/test.mjs starts one for a whole layer and
// passes it on in the environment:
//   LCL_TEST_BACKEND    moto | localstack (default moto)
//   LCL_TEST_ENDPOINT   the main endpoint
//   LCL_TEST_ENDPOINTS  per-service endpoints as JSON, e.g. {"dynamodb":"http://127.0.0.1:5000"}
// Without them a suite starts its own moto, or with LCL_TEST_BACKEND=localstack its own LocalStack + moto.
import { startLocalStack } from './localstack';
import { awsTestConfig, startMoto, type MotoServer, type SdkConfig } from './moto';
import { sweepEmulator } from './sweep';

export type TestBackend = 'moto' | 'localstack';

export interface TestEmulator {
  readonly backend: TestBackend;
  /** The main endpoint, e.g. http://127.0.0.1:41234. */
  readonly endpoint: string;
  /** Per-service endpoints that differ from the main one (service key → URL). */
  readonly endpoints: Readonly<Record<string, string>>;
  /** SDK client configuration for one service (its own endpoint when it has one). */
  config(service?: string): SdkConfig;
  /** Empties every service: moto's reset, or a sweep of LocalStack plus a reset of the moto beside it. */
  reset(): Promise<void>;
  /** Stops what this call started; a no-op for an emulator the run shares. */
  stop(): Promise<void>;
}

/** The backend this run tests against. */
export function testBackend(): TestBackend {
  return process.env.LCL_TEST_BACKEND === 'localstack' ? 'localstack' : 'moto';
}

export const onLocalStack = testBackend() === 'localstack';

/**
 * For node:test options: `it('…', skipOnLocalStack('LocalStack 4.14 community: no X'), …)`.
 * The reason must name the LocalStack limitation; scripts/test.mjs lists every skip with it.
 */
export function skipOnLocalStack(reason: string): { skip: string | false } {
  return { skip: onLocalStack && reason ? `LocalStack: ${reason}` : false };
}

function parseEndpoints(raw: string | undefined): Record<string, string> {
  if (!raw) return {};
  const parsed = JSON.parse(raw) as unknown;
  if (!parsed || typeof parsed !== 'object') throw new Error('LCL_TEST_ENDPOINTS must be a JSON object');
  return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

async function postReset(url: string): Promise<void> {
  const res = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(10_000) });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`reset ${url} failed: HTTP ${res.status}`);
}

/** An emulator described by the environment (no process started): the extension-host suites use this. */
export function emulatorFromEnv(env: NodeJS.ProcessEnv = process.env): TestEmulator {
  const endpoint = (env.LCL_TEST_ENDPOINT ?? '').replace(/\/+$/, '');
  if (!endpoint) throw new Error('LCL_TEST_ENDPOINT is not set (scripts/test.mjs sets it)');
  return describeEmulator(testBackend(), endpoint, parseEndpoints(env.LCL_TEST_ENDPOINTS), async () => {});
}

function describeEmulator(
  backend: TestBackend,
  endpoint: string,
  endpoints: Record<string, string>,
  stop: () => Promise<void>,
): TestEmulator {
  const config = (service?: string): SdkConfig => awsTestConfig((service && endpoints[service]) || endpoint);
  return {
    backend,
    endpoint,
    endpoints,
    config,
    reset: async () => {
      if (backend === 'moto') return postReset(`${endpoint}/moto-api/reset`);
      // The services LocalStack serves are swept; those served elsewhere (moto) are reset there.
      await Promise.all([
        sweepEmulator(config()),
        ...[...new Set(Object.values(endpoints))].map((e) => postReset(`${e}/moto-api/reset`)),
      ]);
    },
    stop,
  };
}

/**
 * The run's shared emulator when scripts/test.mjs started one, else a fresh one for this suite:
 * moto, or (LCL_TEST_BACKEND=localstack) LocalStack with DynamoDB on a moto beside it.
 */
export async function startEmulator(): Promise<TestEmulator> {
  if (process.env.LCL_TEST_ENDPOINT) {
    const shared = emulatorFromEnv();
    // startMoto with the shared endpoint waits for it and switches Lambda off Docker.
    for (const motoEndpoint of shared.backend === 'moto' ? [shared.endpoint] : Object.values(shared.endpoints)) {
      await startMoto({ reuse: motoEndpoint });
    }
    return shared;
  }
  if (testBackend() === 'moto') {
    const moto = await startMoto({ reuse: '' });
    return describeEmulator('moto', moto.endpoint, {}, () => moto.stop());
  }
  let moto: MotoServer | undefined;
  try {
    moto = await startMoto({ reuse: '' });
    const ls = await startLocalStack();
    const m = moto;
    return describeEmulator('localstack', ls.endpoint, { dynamodb: m.endpoint }, async () => {
      await Promise.all([ls.stop(), m.stop()]);
    });
  } catch (err) {
    await moto?.stop();
    throw err;
  }
}

/** The extension settings that point it at an emulator: the main endpoint and any per-service ones. */
export function emulatorSettings(e: TestEmulator): Record<string, unknown> {
  return {
    'localCloudLab.endpoint': e.endpoint,
    ...(Object.keys(e.endpoints).length ? { 'localCloudLab.endpoints': e.endpoints } : {}),
  };
}
