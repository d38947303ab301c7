// Shared set-up for the integration suites that drive src/aws against a real moto server: one moto per suite,
// one AwsClients built through the extension's own connection resolution, state reset before every test.
import { after, before, beforeEach } from 'node:test';
import { AwsClients } from '../../src/aws/clients';
import { resolveConnection } from '../../src/aws/connection';
import { startMoto, type MotoServer } from './moto';

/** An AwsClients for a local endpoint, resolved the way the extension resolves its settings (default credentials). */
export function clientsFor(endpoint: string): AwsClients {
  const r = resolveConnection({ endpoint }, {});
  if (!r.ok) throw new Error(r.reason);
  return new AwsClients(r.connection);
}

export interface MotoLab {
  /** The running server (set once the suite's `before` hook has run). */
  readonly moto: MotoServer;
  /** Clients pointed at it (same lifetime). */
  readonly clients: AwsClients;
}

export interface MotoLabOptions {
  /**
   * Reset moto once more before stopping it, for suites whose leftovers break a reused server
   * (moto's /moto-api/data.json answers 500 while a Lambda function exists).
   */
  resetAfter?: boolean;
}

/**
 * Call at the top of a `describe`: starts moto and the clients before the suite, disposes and stops them after,
 * and resets moto's state before each test. Its `beforeEach` is registered first, so the suite's own
 * `beforeEach` hooks seed state after the reset.
 */
export function useMotoLab(options: MotoLabOptions = {}): MotoLab {
  let moto: MotoServer | undefined;
  let clients: AwsClients | undefined;
  before(async () => {
    moto = await startMoto();
    clients = clientsFor(moto.endpoint);
  });
  after(async () => {
    if (options.resetAfter) await moto?.reset();
    clients?.dispose();
    await moto?.stop();
  });
  beforeEach(async () => {
    await lab.moto.reset();
  });
  const lab: MotoLab = {
    get moto(): MotoServer {
      if (!moto) throw new Error('moto is not started yet (use it inside a test or hook)');
      return moto;
    },
    get clients(): AwsClients {
      if (!clients) throw new Error('the clients are not created yet (use them inside a test or hook)');
      return clients;
    },
  };
  return lab;
}
