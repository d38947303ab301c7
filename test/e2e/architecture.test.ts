// The architecture view end to end in a real VS Code (code-server in chromium) on the serverless e-commerce lab:
//  1. the lab's skeleton (setup.sh): twelve resources, only the functions joined to their role, a role badge on every function
//     (test-results/architecture-skeleton.png);
//  2. after solution.sh and the view's Refresh: the target wiring with its four patterns
//     (test-results/architecture-ecommerce.png);
//  3. a click on the orders queue selects it in the explorer (test-results/architecture-reveal.png).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot } from '../support/codeServer';
import { onLocalStack } from '../support/emulator';
import { useEmulatorWorkbench } from './fixture';

const LAB = join(repoRoot, 'labs', 'serverless-ecommerce');
const hasAwsCli = spawnSync('aws', ['--version'], { encoding: 'utf8' }).status === 0;

function lab(script: string, endpoint: string): void {
  const r = spawnSync('bash', [join(LAB, script)], {
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, AWS_ENDPOINT_URL: endpoint, AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'us-east-1' },
  });
  assert.equal(r.status, 0, `${script} failed: ${r.stderr}`);
}

describe(
  'architecture view (UI)',
  {
    skip: onLocalStack
      ? 'LocalStack: 4.14 on the host has no container runtime: the lab’s Lambda functions stay Pending'
      : hasAwsCli
        ? false
        : 'the AWS CLI is not installed (the lab scripts use it)',
  },
  () => {
    const ctx = useEmulatorWorkbench({
      prefix: 'lcl-e2e-arch-',
      prepare: (emulator) => lab('setup.sh', emulator.endpoint),
      viewport: { width: 1600, height: 1000 },
    });
    const view = () => ctx.wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');

    test('the skeleton, then the lab’s target wiring with its patterns, and a click revealing a queue', () =>
      ctx.wb.capture('architecture', async () => {
        await ctx.wb.openContainer('Local Cloud Lab');
        await ctx.wb.treeRow('SQS', 120_000);
        await ctx.wb.runCommand('Local Cloud Lab: Show Architecture');
        await ctx.wb.page
          .locator('.tabs-container .tab', { hasText: 'Architecture' })
          .first()
          .waitFor({ timeout: 60_000 });
        await view().locator('text=12 resources').first().waitFor({ timeout: 60_000 });
        assert.equal(await view().locator('g.node').count(), 12);
        // shop-everything (* on *): a badge on each of the five functions.
        assert.equal(await view().locator('g.badge').count(), 5);
        await ctx.wb.screenshot('architecture-skeleton');

        lab('solution.sh', ctx.emulator.endpoint);
        await view().locator('vscode-button', { hasText: 'Refresh' }).click();
        await view().locator('text=13 connections').first().waitFor({ timeout: 60_000 });
        const text = await view().locator('body').innerText();
        for (const pattern of [
          /shop-order-events fans out to 2 queues/,
          /shop-orders-queue levels the load for shop-process-order; failed messages go to shop-orders-dlq/,
          /Objects in shop-product-images trigger shop-thumbnail/,
          /shop-orders's stream feeds shop-notify/,
        ]) {
          assert.match(text, pattern);
        }
        assert.match(text, /Problems \(0\)/);
        assert.equal(await view().locator('g.badge').count(), 0);
        await view().locator('vscode-button', { hasText: 'Fit' }).click();
        await ctx.wb.screenshot('architecture-ecommerce');

        await view().locator('g.node[data-id$=":shop-orders-queue"]').click();
        await ctx.wb.page
          .locator('.part.sidebar .monaco-list-row.selected', { hasText: 'shop-orders-queue' })
          .waitFor({ timeout: 30_000 });
        await ctx.wb.screenshot('architecture-reveal');
      }));
  },
);
