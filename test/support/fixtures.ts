// Shared set-up for the integration suites that drive src/aws against a real emulator (moto, or LocalStack with
// DynamoDB on moto — see ./emulator.ts): one emulator per suite (or the run's shared one), one AwsClients built
// through the extension's own connection resolution, state reset before every test.
import { after, before, beforeEach } from 'node:test';
import { AwsClients } from '../../src/aws/clients';
import { resolveConnection, type ResolvedConnection } from '../../src/aws/connection';
import { startEmulator, type TestEmulator } from './emulator';

/**
 * The connection the extension resolves for a local endpoint and per-service endpoints
 * (default credentials, no environment).
 */
export function connectionFor(endpoint: string, endpoints: Readonly<Record<string, string>> = {}): ResolvedConnection {
  const r = resolveConnection({ endpoint, endpoints }, {});
  if (!r.ok) throw new Error(r.reason);
  return r.connection;
}

/** An AwsClients for a local endpoint (and per-service endpoints), resolved the way the extension resolves them. */
export function clientsFor(endpoint: string, endpoints: Readonly<Record<string, string>> = {}): AwsClients {
  return new AwsClients(connectionFor(endpoint, endpoints));
}

/** Clients for an emulator, with its per-service endpoints. */
export function clientsOf(emulator: TestEmulator): AwsClients {
  return clientsFor(emulator.endpoint, emulator.endpoints);
}

export interface Lab {
  /** The running emulator (set once the suite's `before` hook has run). */
  readonly emulator: TestEmulator;
  /** Clients pointed at it (same lifetime). */
  readonly clients: AwsClients;
}

/**
 * Call at the top of a `describe`: starts the emulator and the clients before the suite, disposes and stops them
 * after, and resets the emulator's state before each test. Its `beforeEach` is registered first, so the suite's
 * own `beforeEach` hooks seed state after the reset. The last reset also runs after the suite, so a shared emulator
 * is handed on empty (moto's /moto-api/data.json answers 500 while a Lambda function exists).
 */
export function useLab(): Lab {
  let emulator: TestEmulator | undefined;
  let clients: AwsClients | undefined;
  before(async () => {
    emulator = await startEmulator();
    clients = clientsOf(emulator);
  });
  after(async () => {
    await emulator?.reset();
    clients?.dispose();
    await emulator?.stop();
  });
  beforeEach(async () => {
    await lab.emulator.reset();
  });
  const lab: Lab = {
    get emulator(): TestEmulator {
      if (!emulator) throw new Error('the emulator is not started yet (use it inside a test or hook)');
      return emulator;
    },
    get clients(): AwsClients {
      if (!clients) throw new Error('the clients are not created yet (use them inside a test or hook)');
      return clients;
    },
  };
  return lab;
}
