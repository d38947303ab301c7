// What the panel hosts need from the rest of the extension, injected at the composition root.
import type { AwsClients } from '../aws/clients';
import type { Confirm } from '../commands/ui';

export interface BackendView {
  readonly kind: string;
  /** LocalStack's non-destructive SQS peek endpoint is there. */
  readonly sqsPeek: boolean;
}

export interface PanelDeps {
  /** Clients of the live connection once connected; undefined when nothing answers. */
  readonly clients: () => Promise<AwsClients | undefined>;
  /** What the connection monitor detected, when connected. */
  readonly backend: () => BackendView | undefined;
  /** Asks before a destructive or side-effecting action; resolves true only on an explicit yes. */
  readonly confirm: Confirm;
  /** Refreshes the explorer after a change (no-op when the explorer is not there). */
  readonly refreshExplorer: () => void;
}

/** The clients, or an error that reads well after "<operation> failed: ". */
export async function requireClients(deps: Pick<PanelDeps, 'clients'>): Promise<AwsClients> {
  const clients = await deps.clients();
  if (!clients) throw new Error('the emulator is not connected (see the Local Cloud Lab status bar item)');
  return clients;
}
