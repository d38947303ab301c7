// The explorer end to end in a real VS Code (code-server 4.139.1 in chromium) against moto:
//  1. nothing answers yet → the welcome content offers "Start Emulator" (test-results/explorer-welcome.png);
//  2. moto starts with the seeded demo data → the view connects by itself; every service expanded
//     (test-results/explorer-tree.png);
//  3. moto stops → listings become error rows, the status bar says offline (test-results/explorer-offline.png);
//  4. moto returns → the tree recovers by itself (test-results/explorer-recovered.png).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { openWorkbench, repoRoot, type Workbench } from '../support/codeServer';
import { startMoto, type MotoServer } from '../support/moto';

/**
 * Holds a loopback port until moto takes it over, so nothing else (code-server, chromium) can grab it meanwhile.
 * Connections are dropped at once: to the extension it looks like an emulator that is not there.
 */
async function reservePort(): Promise<{ port: number; release(): Promise<void> }> {
  const server: Server = createServer((socket) => socket.destroy());
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { port, release: () => new Promise((ok) => server.close(() => ok())) };
}

interface SeedModule {
  seed(endpoint: string, opts?: { log?: (line: string) => void }): Promise<void>;
  DEMO: Record<string, string>;
}

describe('explorer (UI)', () => {
  let port: number;
  let reserved: { port: number; release(): Promise<void> } | undefined;
  let moto: MotoServer | undefined;
  let wb: Workbench;
  let workspace: string;
  let seedModule: SeedModule;

  before(async () => {
    reserved = await reservePort();
    port = reserved.port;
    seedModule = (await import(pathToFileURL(join(repoRoot, 'scripts', 'seed-demo.mjs')).href)) as SeedModule;
    workspace = mkdtempSync(join(tmpdir(), 'lcl-e2e-explorer-'));
    wb = await openWorkbench({
      workspace,
      // Nothing listens on this port until the second test starts moto there.
      settings: { 'localCloudLab.endpoint': `http://127.0.0.1:${port}`, 'localCloudLab.explorer.pageSize': 50 },
      viewport: { width: 1280, height: 1700 },
    });
  });

  after(async () => {
    await wb?.close();
    await reserved?.release();
    await moto?.stop();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  const sidebar = () => wb.page.locator('.part.sidebar');
  const statusBar = () => wb.page.locator('.part.statusbar');

  const row = (label: string, text?: RegExp): Locator => wb.labelRow(label, text);
  const expand = (label: string, text?: RegExp): Promise<void> => wb.expandRow(label, text);

  test('with no emulator running, the view offers to start one instead of showing errors', () =>
    wb.capture('explorer-welcome', async () => {
      await wb.openContainer('Local Cloud Lab');
      const welcome = sidebar().locator('.welcome-view-content', { hasText: 'No emulator answers' }).first();
      await welcome.waitFor({ timeout: 60_000 });
      await welcome.locator('a.monaco-button, .monaco-button', { hasText: 'Start Emulator' }).first().waitFor();
      await statusBar()
        .locator('.statusbar-item', { hasText: 'Emulator offline' })
        .first()
        .waitFor({ timeout: 30_000 });
      assert.equal(await sidebar().locator('.monaco-list-row', { hasText: 'failed:' }).count(), 0, 'no error storm');
      await wb.screenshot('explorer-welcome');
    }));

  test('moto appears with the demo data: the view connects by itself; every service expanded', () =>
    wb.capture('explorer-tree', async () => {
      await reserved?.release();
      reserved = undefined;
      moto = await startMoto({ port, reuse: '' });
      await seedModule.seed(moto.endpoint, { log: () => undefined });
      const demo = seedModule.DEMO;
      await row('moto').waitFor({ timeout: 90_000 });
      await statusBar().locator('.statusbar-item', { hasText: 'moto' }).first().waitFor();

      // Widen the side bar so descriptions are readable in the screenshot.
      await wb.widenSidebar(420);

      // Expand from the bottom up so rows above do not move under the pointer.
      for (const svc of ['KMS', 'Secrets Manager', 'Lambda', 'SNS']) {
        if (await row(svc).count()) await expand(svc);
      }
      // The demo data has one resource in each of them.
      for (const name of ['alias/lab-orders', 'lab/orders/db-password', 'lab-order-handler', 'lab-order-events']) {
        await row(name).waitFor();
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

      const text = (await sidebar().locator('.monaco-list-row').allInnerTexts()).join('\n');
      assert.match(text, /lab-payments\.fifo[\s\S]*FIFO/);
      assert.match(text, /DLQ → lab-payments-dlq\.fifo/);
      assert.match(text, /DLQ of lab-payments\.fifo/);
      assert.match(text, /ACTIVE · provisioned · 24 h retention · 1 open shard/);
      assert.match(text, /GSI · /);
      assert.match(text, /README\.txt/);
      assert.doesNotMatch(text, /failed:/, 'no listing failed');
      await wb.screenshot('explorer-tree');
    }));

  test('moto stops: listings become error rows; moto returns: the tree recovers by itself', () =>
    wb.capture('explorer-offline', async () => {
      assert.ok(moto);
      await moto.stop();
      await wb.runCommand('Local Cloud Lab: Refresh');
      await sidebar()
        .locator('.monaco-list-row', { hasText: /List buckets failed: / })
        .first()
        .waitFor({ timeout: 60_000 });
      await statusBar()
        .locator('.statusbar-item', { hasText: 'Emulator offline' })
        .first()
        .waitFor({ timeout: 30_000 });
      await wb.screenshot('explorer-offline');

      moto = await startMoto({ port, reuse: '' });
      // Fresh state after the restart: the expanded S3 node now says so, with no error rows left.
      await row('No buckets').waitFor({ timeout: 90_000 });
      await wb.page.waitForFunction(
        () => !document.querySelector('.part.sidebar')?.textContent?.includes('failed:'),
        undefined,
        { timeout: 30_000 },
      );
      await statusBar().locator('.statusbar-item', { hasText: 'moto' }).first().waitFor();
      await wb.screenshot('explorer-recovered');
    }));
});
