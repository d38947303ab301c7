// The connection state machine, free of editor APIs so it can be tested against a real server:
// resolve settings → probe the backend → connected, or unreachable with automatic retries on a backoff.
// A failed AWS call reported through `reportFailure` drops a live connection into the retry loop, so the tree
// recovers by itself when the emulator comes back.
import { AwsClients } from '../aws/clients';
import { resolveConnection, type ConnectionSettings, type ResolvedConnection } from '../aws/connection';
import { detectBackend, type BackendInfo, type DetectResult } from '../aws/backend';
import { isConnectionError } from '../aws/errors';

export type ConnectionState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'misconfigured'; readonly reason: string; readonly endpoint?: string }
  /** A remote endpoint is allowed by settings but the user has not confirmed it (or declined). */
  | { readonly kind: 'needsConfirmation'; readonly connection: ResolvedConnection }
  | { readonly kind: 'connecting'; readonly connection: ResolvedConnection; readonly attempt: number }
  | {
      readonly kind: 'connected';
      readonly connection: ResolvedConnection;
      readonly backend: BackendInfo;
      readonly clients: AwsClients;
    }
  | {
      readonly kind: 'unreachable';
      readonly connection: ResolvedConnection;
      readonly reason: string;
      readonly attempt: number;
      /** Epoch ms of the next automatic try. */
      readonly retryAt: number;
    };

export interface MonitorDeps {
  readonly readSettings: () => ConnectionSettings;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Asks the user whether a non-loopback endpoint may be used; called once per endpoint per monitor. */
  readonly confirmRemote: (connection: ResolvedConnection) => Promise<boolean>;
  readonly detect?: (endpoint: string, signal: AbortSignal) => Promise<DetectResult>;
  readonly now?: () => number;
  readonly setTimer?: (fn: () => void, ms: number) => { cancel(): void };
  /** Backoff in ms for the n-th consecutive failure (1-based). */
  readonly backoff?: (attempt: number) => number;
  /** While connected, probe this often (ms) so a stopped emulator shows even when nobody lists anything; 0 = never. */
  readonly heartbeatMs?: number;
}

/** What matters for the tree: which emulator, and which services are up. */
function backendSignature(b: BackendInfo): string {
  const up = Object.entries(b.services ?? {})
    .filter(([, st]) => st === 'running' || st === 'available')
    .map(([name]) => name)
    .sort();
  return JSON.stringify([b.kind, b.version, b.edition, b.services ? up : null, b.init?.completed ?? null]);
}

export function defaultBackoff(attempt: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt - 1));
}

type Listener = (state: ConnectionState) => void;

export class ConnectionMonitor {
  private current: ConnectionState = { kind: 'idle' };
  private readonly listeners = new Set<Listener>();
  private timer: { cancel(): void } | undefined;
  private probe: AbortController | undefined;
  private generation = 0;
  private readonly confirmed = new Set<string>();
  private disposed = false;

  constructor(private readonly deps: MonitorDeps) {}

  get state(): ConnectionState {
    return this.current;
  }

  /** The clients of a live connection, or undefined. */
  clients(): AwsClients | undefined {
    return this.current.kind === 'connected' ? this.current.clients : undefined;
  }

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Starts (or restarts, e.g. after a settings change) from the settings. */
  async start(): Promise<void> {
    const gen = this.reset();
    const resolved = resolveConnection(this.deps.readSettings(), this.deps.env);
    if (!resolved.ok) {
      this.set({ kind: 'misconfigured', reason: resolved.reason, endpoint: resolved.endpoint });
      return;
    }
    const connection = resolved.connection;
    if (!connection.loopback && !this.confirmed.has(connection.endpoint)) {
      this.set({ kind: 'needsConfirmation', connection });
      const ok = await this.deps.confirmRemote(connection);
      if (gen !== this.generation) return;
      if (!ok) {
        this.set({
          kind: 'misconfigured',
          endpoint: connection.endpoint,
          reason: `Use of the remote endpoint ${connection.endpoint} was not confirmed`,
        });
        return;
      }
      this.confirmed.add(connection.endpoint);
    }
    await this.connect(connection, 1, gen);
  }

  /** Tries again now (the "Retry" / "Reconnect" command). */
  async retry(): Promise<void> {
    const s = this.current;
    if (s.kind === 'unreachable' || s.kind === 'connected') {
      const gen = this.reset();
      await this.connect(s.connection, 1, gen);
    } else {
      await this.start();
    }
  }

  /**
   * Called by anyone whose AWS call failed. A connection error on a live connection means the emulator went away:
   * switch to unreachable and retry on the backoff. Other errors (access denied, validation…) are left alone.
   */
  reportFailure(err: unknown): void {
    const s = this.current;
    if (s.kind !== 'connected' || !isConnectionError(err)) return;
    const gen = this.reset();
    this.scheduleRetry(s.connection, 1, 'the emulator stopped answering', gen);
  }

  dispose(): void {
    this.disposed = true;
    this.reset();
    this.listeners.clear();
  }

  private reset(): number {
    this.timer?.cancel();
    this.timer = undefined;
    this.probe?.abort();
    this.probe = undefined;
    if (this.current.kind === 'connected') this.current.clients.dispose();
    return ++this.generation;
  }

  private set(state: ConnectionState): void {
    if (this.disposed) return;
    this.current = state;
    for (const l of [...this.listeners]) l(state);
  }

  private async connect(connection: ResolvedConnection, attempt: number, gen: number): Promise<void> {
    this.set({ kind: 'connecting', connection, attempt });
    const probe = new AbortController();
    this.probe = probe;
    const detect = this.deps.detect ?? ((endpoint, signal) => detectBackend(endpoint, { signal }));
    let result: DetectResult;
    try {
      result = await detect(connection.endpoint, probe.signal);
    } catch (err) {
      result = { reachable: false, reason: String((err as Error)?.message ?? err) };
    }
    if (gen !== this.generation || this.disposed) return;
    if (result.reachable) {
      this.set({ kind: 'connected', connection, backend: result.backend, clients: new AwsClients(connection) });
      this.scheduleHeartbeat(gen);
    } else {
      this.scheduleRetry(connection, attempt, result.reason, gen);
    }
  }

  private timerFn(): (fn: () => void, ms: number) => { cancel(): void } {
    return (
      this.deps.setTimer ??
      ((fn: () => void, ms: number) => {
        const t = setTimeout(fn, ms);
        return { cancel: () => clearTimeout(t) };
      })
    );
  }

  /** While connected: probe now and then; a lost emulator goes into the retry loop, a changed one is re-read. */
  private scheduleHeartbeat(gen: number): void {
    const every = this.deps.heartbeatMs ?? 20_000;
    if (every <= 0) return;
    this.timer = this.timerFn()(() => void this.heartbeat(gen), every);
  }

  private async heartbeat(gen: number): Promise<void> {
    const s = this.current;
    if (gen !== this.generation || s.kind !== 'connected') return;
    const probe = new AbortController();
    this.probe = probe;
    const detect = this.deps.detect ?? ((endpoint, signal) => detectBackend(endpoint, { signal }));
    let result: DetectResult;
    try {
      result = await detect(s.connection.endpoint, probe.signal);
    } catch (err) {
      result = { reachable: false, reason: String((err as Error)?.message ?? err) };
    }
    if (gen !== this.generation || this.disposed || this.current !== s) return;
    if (!result.reachable) {
      const next = this.reset();
      this.scheduleRetry(s.connection, 1, `the emulator stopped answering (${result.reason})`, next);
    } else if (backendSignature(result.backend) !== backendSignature(s.backend)) {
      // Same endpoint, different emulator or services: show what is there now.
      this.set({ ...s, backend: result.backend });
      this.scheduleHeartbeat(gen);
    } else {
      this.scheduleHeartbeat(gen);
    }
  }

  private scheduleRetry(connection: ResolvedConnection, attempt: number, reason: string, gen: number): void {
    const now = this.deps.now ?? Date.now;
    const delay = (this.deps.backoff ?? defaultBackoff)(attempt);
    this.set({ kind: 'unreachable', connection, reason, attempt, retryAt: now() + delay });
    this.timer = this.timerFn()(() => {
      if (gen !== this.generation) return;
      void this.connect(connection, attempt + 1, gen);
    }, delay);
  }
}
