// The set-up most UI suites share: the run's emulator, emptied before and after; a temporary workspace the suite
// fills; code-server over both with the emulator's settings. Hooks are registered where it is called (in a describe).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { pathToFileURL } from 'node:url';
import { openWorkbench, repoRoot, type OpenOptions, type Workbench } from '../support/codeServer';
import { emulatorSettings, startEmulator, type TestEmulator } from '../support/emulator';

export interface EmulatorWorkbench {
  readonly emulator: TestEmulator;
  readonly wb: Workbench;
  readonly workspace: string;
}

export interface EmulatorWorkbenchOptions {
  /** The temporary workspace folder's name prefix. */
  prefix: string;
  /** Seeds the emulator and writes the workspace's files, before the workbench opens. */
  prepare?: (emulator: TestEmulator, workspace: string) => Promise<void> | void;
  /** Settings on top of the emulator's. */
  settings?: (emulator: TestEmulator) => Record<string, unknown>;
  viewport?: OpenOptions['viewport'];
}

export function useEmulatorWorkbench(opts: EmulatorWorkbenchOptions): EmulatorWorkbench {
  let emulator: TestEmulator | undefined;
  let wb: Workbench | undefined;
  let workspace: string | undefined;
  before(async () => {
    emulator = await startEmulator();
    await emulator.reset();
    workspace = mkdtempSync(join(tmpdir(), opts.prefix));
    await opts.prepare?.(emulator, workspace);
    wb = await openWorkbench({
      workspace,
      settings: { ...emulatorSettings(emulator), ...opts.settings?.(emulator) },
      ...(opts.viewport ? { viewport: opts.viewport } : {}),
    });
  });
  after(async () => {
    await wb?.close();
    await emulator?.reset();
    await emulator?.stop();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} is not ready yet (use it inside a test or hook)`);
    return value;
  };
  return {
    get emulator() {
      return ready(emulator, 'emulator');
    },
    get wb() {
      return ready(wb, 'workbench');
    },
    get workspace() {
      return ready(workspace, 'workspace');
    },
  };
}

interface SeedModule {
  seed(
    endpoint: string,
    opts?: { log?: (line: string) => void; endpoints?: Readonly<Record<string, string>> },
  ): Promise<void>;
  DEMO: { bucket: string; table: string; stream: string; queue: string };
}

/** Seeds the demo data `npm start` seeds (scripts/seed-demo.mjs) into the emulator; answers the resources' names. */
export async function seedDemo(emulator: TestEmulator): Promise<SeedModule['DEMO']> {
  const mod = (await import(pathToFileURL(join(repoRoot, 'scripts', 'seed-demo.mjs')).href)) as SeedModule;
  await mod.seed(emulator.endpoint, { log: () => undefined, endpoints: emulator.endpoints });
  return mod.DEMO;
}
