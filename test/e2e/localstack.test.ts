// LocalStack end to end (the LocalStack run only; nothing is registered on moto): the explorer in a real VS Code
// (code-server in chromium) connected to a real LocalStack 4.14 with the demo data, DynamoDB served by moto through a
// per-service endpoint. The backend row names LocalStack and its version, Services lists LocalStack's per-service
// states, Init scripts its stages, and DynamoDB says which endpoint serves it. Screenshot: explorer-localstack.png.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { onLocalStack } from '../support/emulator';
import { seedDemo, useEmulatorWorkbench } from './fixture';

if (onLocalStack) {
  describe('explorer on LocalStack (UI)', () => {
    const ctx = useEmulatorWorkbench({
      prefix: 'lcl-e2e-localstack-',
      prepare: async (emulator) => void (await seedDemo(emulator)),
      viewport: { width: 1280, height: 1400 },
    });

    const row = (label: RegExp): Locator => ctx.wb.labelRow(label);
    const expand = (label: RegExp): Promise<void> => ctx.wb.expandRow(label);

    test('the explorer shows LocalStack, its service states and init stages, and DynamoDB on its own endpoint', () =>
      ctx.wb.capture('explorer-localstack', async () => {
        await ctx.wb.openContainer('Local Cloud Lab');
        const backend = row(/^LocalStack( \S+)? 4\.14\.\d+$/);
        await backend.waitFor({ timeout: 90_000 });
        assert.match(await backend.innerText(), new RegExp(new URL(ctx.emulator.endpoint).host.replace(/\./g, '\\.')));
        await ctx.wb.page
          .locator('.part.statusbar .statusbar-item', { hasText: 'LocalStack' })
          .first()
          .waitFor({ timeout: 30_000 });

        await ctx.wb.widenSidebar(380);

        // DynamoDB says where it is served from; its table comes from that endpoint.
        const ddbHost = new URL(ctx.emulator.endpoints.dynamodb!).host;
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
        await ctx.wb.screenshot('explorer-localstack');
      }));
  });
}
