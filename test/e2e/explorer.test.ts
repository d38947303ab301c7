// The explorer end to end in a real VS Code (code-server 4.139.1 in chromium) on the seeded demo data in moto:
// every service expanded, with a screenshot of the whole tree in test-results/explorer-tree.png.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { openWorkbench, repoRoot, type Workbench } from '../support/codeServer';
import { startMoto, type MotoServer } from '../support/moto';

interface SeedModule {
  seed(endpoint: string, opts?: { log?: (line: string) => void }): Promise<void>;
  DEMO: Record<string, string>;
}

describe('explorer (UI)', () => {
  let moto: MotoServer;
  let wb: Workbench;
  let workspace: string;
  let demo: Record<string, string>;

  before(async () => {
    moto = await startMoto();
    await moto.reset();
    const mod = (await import(pathToFileURL(join(repoRoot, 'scripts', 'seed-demo.mjs')).href)) as SeedModule;
    await mod.seed(moto.endpoint, { log: () => undefined });
    demo = mod.DEMO;
    workspace = mkdtempSync(join(tmpdir(), 'lcl-e2e-explorer-'));
    wb = await openWorkbench({
      workspace,
      settings: { 'localCloudLab.endpoint': moto.endpoint, 'localCloudLab.explorer.pageSize': 50 },
      viewport: { width: 1280, height: 1700 },
    });
  });

  after(async () => {
    await wb?.close();
    await moto?.stop();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  /** The side-bar row whose label is exactly `label` (optionally also matching `text` anywhere in the row). */
  function row(label: string, text?: RegExp): Locator {
    const rows = wb.page.locator(`.part.sidebar .monaco-list-row:has(.label-name:text-is("${label}"))`);
    return (text ? rows.filter({ hasText: text }) : rows).first();
  }

  async function expand(label: string, text?: RegExp): Promise<void> {
    const r = row(label, text);
    await r.waitFor({ timeout: 30_000 });
    if ((await r.getAttribute('aria-expanded')) !== 'true') await r.click();
    await wb.page.waitForFunction((el) => el?.getAttribute('aria-expanded') === 'true', await r.elementHandle(), {
      timeout: 30_000,
    });
  }

  test('every service expanded on the seeded demo data', () =>
    wb.capture('explorer-tree', async () => {
      await wb.openContainer('Local Cloud Lab');
      await row('moto').waitFor({ timeout: 60_000 });

      // Expand from the bottom up so rows above do not move under the pointer.
      for (const svc of ['KMS', 'Secrets Manager', 'Lambda', 'SNS']) {
        if (await row(svc).count()) await expand(svc);
      }
      await expand('IAM');
      await expand('Roles');
      await expand(demo.role ?? 'lab-order-processor');
      await row('Trust policy').waitFor();
      await expand('Policies');

      await expand('DynamoDB');
      await expand(demo.table ?? 'lab-orders', /items?/);
      await row('by-status').waitFor();

      await expand('Kinesis');
      await expand(demo.stream ?? 'lab-clickstream');
      await row('shardId-000000000000').waitFor();

      await expand('SQS');
      await row(demo.fifoQueue ?? 'lab-payments.fifo').waitFor();

      await expand('S3');
      await expand(demo.bucket ?? 'lab-demo-assets');
      await expand('orders/');
      await row('2026/').waitFor();

      const text = (await wb.page.locator('.part.sidebar .monaco-list-row').allInnerTexts()).join('\n');
      assert.match(text, /lab-payments\.fifo[\s\S]*FIFO/);
      assert.match(text, /DLQ → lab-payments-dlq\.fifo/);
      assert.match(text, /DLQ of lab-payments\.fifo/);
      assert.match(text, /ACTIVE · provisioned · 24 h retention · 1 open shard/);
      assert.match(text, /GSI · /);
      assert.match(text, /README\.txt/);
      assert.doesNotMatch(text, /failed:/, 'no listing failed');
      await wb.screenshot('explorer-tree');
    }));
});
