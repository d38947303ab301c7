// Servers the tests start (moto, LocalStack) run in their own process group; these end exactly that group.
import type { ChildProcess } from 'node:child_process';

export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM to the group, SIGKILL after `graceMs`; resolves once the child has exited. */
export async function stopGroup(child: ChildProcess, exited: Promise<void>, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // The handle may have been unreferenced after start-up; without this the loop could end before 'exit' arrives.
  child.ref();
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Ties a started server to this process: if the test process exits first the group is killed; the returned stop()
 * (idempotent) ends it gracefully.
 */
export function ownGroup(child: ChildProcess, graceMs: number): () => Promise<void> {
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const onProcessExit = (): void => killGroup(child, 'SIGKILL');
  process.once('exit', onProcessExit);
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      process.off('exit', onProcessExit);
      await stopGroup(child, exited, graceMs);
    })();
    return stopping;
  };
}
