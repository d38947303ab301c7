// LocalStack end to end (the LocalStack run only; nothing is registered on moto): the explorer in a real VS Code
// (code-server in chromium) connected to a real LocalStack 4.14 with the demo data, DynamoDB served by moto through a
// per-service endpoint. The backend row names LocalStack and its version, Services lists LocalStack's per-service
// states, Init scripts its stages, and DynamoDB says which endpoint serves it. Screenshot: explorer-localstack.png.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { openWorkbench, repoRoot, type Workbench } from '../support/codeServer';
import { emulatorSettings, onLocalStack, startEmulator, type TestEmulator } from '../support/emulator';

interface SeedModule {
  seed(
    endpoint: string,
    opts?: { log?: (line: string) => void; endpoints?: Readonly<Record<string, string>> },
  ): Promise<void>;
}

if (onLocalStack) {
  describe('explorer on LocalStack (UI)', () => {
    let emulator: TestEmulator;
    let wb: Workbench;
    let workspace: string;

    before(async () => {
      emulator = await startEmulator();
      await emulator.reset();
      const seedModule = (await import(pathToFileURL(join(repoRoot, 'scripts', 'seed-demo.mjs')).href)) as SeedModule;
      await seedModule.seed(emulator.endpoint, { log: () => undefined, endpoints: emulator.endpoints });
      workspace = mkdtempSync(join(tmpdir(), 'lcl-e2e-localstack-'));
      wb = await openWorkbench({
        workspace,
        settings: emulatorSettings(emulator),
        viewport: { width: 1280, height: 1400 },
        ...(process.env.LCL_VSIX ? { vsix: process.env.LCL_VSIX } : {}),
      });
    });

    after(async () => {
      await wb?.close();
      await emulator?.reset();
      await emulator?.stop();
      if (workspace) rmSync(workspace, { recursive: true, force: true });
    });

    const row = (label: RegExp): Locator => wb.labelRow(label);
    const expand = (label: RegExp): Promise<void> => wb.expandRow(label);

    test('the explorer shows LocalStack, its service states and init stages, and DynamoDB on its own endpoint', () =>
      wb.capture('explorer-localstack', async () => {
        await wb.openContainer('Local Cloud Lab');
        const backend = row(/^LocalStack( \S+)? 4\.14\.\d+$/);
        await backend.waitFor({ timeout: 90_000 });
        assert.match(await backend.innerText(), new RegExp(new URL(emulator.endpoint).host.replace(/\./g, '\\.')));
        await wb.page
          .locator('.part.statusbar .statusbar-item', { hasText: 'LocalStack' })
          .first()
          .waitFor({ timeout: 30_000 });

        await wb.widenSidebar(380);

        // DynamoDB says where it is served from; its table comes from that endpoint.
        const ddbHost = new URL(emulator.endpoints.dynamodb!).host;
        const ddb = row(/^DynamoDB$/);
        await ddb.waitFor({ timeout: 30_000 });
        assert.match(await ddb.innerText(), new RegExp(`via ${ddbHost.replace(/\./g, '\\.')}`));
        // Bottom up, so rows above do not move under the pointer.
        await expand(/^SQS$/);
        await row(/^lab-orders$/).waitFor({ timeout: 30_000 });
        await expand(/^DynamoDB$/);
        await row(/^lab-orders$/)
          .nth(0)
          .waitFor();
        await expand(/^S3$/);
        await row(/^lab-demo-assets$/).waitFor({ timeout: 30_000 });
        await expand(/^LocalStack/);
        await expand(/^Init scripts$/);
        await row(/^10-lab-ready\.sh$/).waitFor();
        await expand(/^Services$/);
        await row(/^kinesis$/).waitFor();
        await wb.screenshot('explorer-localstack');
      }));
  });
}
