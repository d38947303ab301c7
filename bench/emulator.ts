// The emulator a bench runs against: `npm run bench` starts moto and passes its address in LCL_TEST_ENDPOINT.
import { AwsClients } from '../src/aws/clients';
import { resolveConnection } from '../src/aws/connection';
import { ConnectionMonitor } from '../src/connection/monitor';
import { ExplorerTree } from '../src/explorer/model/tree';
import { createServiceRegistry } from '../src/explorer/services';

export interface BenchEmulator {
  readonly endpoint: string;
  readonly clients: AwsClients;
  /** Empties moto (the bench starts from nothing). */
  reset(): Promise<void>;
}

/** The emulator, emptied, with clients for it; undefined (after saying so) when no emulator was given. */
export async function benchEmulator(bench: string): Promise<BenchEmulator | undefined> {
  const endpoint = process.env.LCL_TEST_ENDPOINT;
  if (!endpoint) {
    console.log(`${bench} bench: skipped, LCL_TEST_ENDPOINT is not set (npm run bench starts moto for it)`);
    return undefined;
  }
  const reset = async () => {
    const res = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
    if (!res.ok) throw new Error(`moto reset failed: HTTP ${res.status}`);
  };
  await reset();
  const resolved = resolveConnection({ endpoint }, {});
  if (!resolved.ok) throw new Error(resolved.reason);
  return { endpoint, clients: new AwsClients(resolved.connection), reset };
}

/** The explorer's own tree over the emulator, connected, with the page size the bench gives; dispose both after. */
export async function explorerTree(
  endpoint: string,
  pageSize: number,
): Promise<{ tree: ExplorerTree; dispose(): void }> {
  const monitor = new ConnectionMonitor({
    readSettings: () => ({ endpoint }),
    env: {},
    confirmRemote: async () => false,
  });
  await monitor.start();
  if (monitor.state.kind !== 'connected') {
    monitor.dispose();
    throw new Error(`not connected: ${monitor.state.kind}`);
  }
  const tree = new ExplorerTree(createServiceRegistry(), monitor, { pageSize: () => pageSize });
  return {
    tree,
    dispose: () => {
      tree.dispose();
      monitor.dispose();
    },
  };
}
