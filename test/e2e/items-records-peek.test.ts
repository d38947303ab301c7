// The panels end to end in a real VS Code (code-server 4.139.1 in chromium) over the seeded demo data on moto:
// the DynamoDB items view after a scan, the Kinesis record browser after a TRIM_HORIZON read shown as JSON, and the
// SQS panel's receive fallback (moto has no peek endpoint) after the modal warning. Screenshots in test-results/.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FrameLocator } from 'playwright-core';
import { onLocalStack } from '../support/emulator';
import { seedDemo, useEmulatorWorkbench } from './fixture';

describe('panels (UI)', () => {
  let demo: Awaited<ReturnType<typeof seedDemo>>;
  const ctx = useEmulatorWorkbench({
    prefix: 'lcl-e2e-panels-',
    prepare: async (emulator) => {
      demo = await seedDemo(emulator);
    },
    viewport: { width: 1400, height: 900 },
  });

  /** Runs a palette command that asks for a name, answers it, and returns the panel's content frame. */
  async function openPanel(command: string, name: string, title: string): Promise<FrameLocator> {
    await ctx.wb.runCommand(command);
    const input = ctx.wb.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(name);
    await ctx.wb.page.keyboard.press('Enter');
    await ctx.wb.page.locator('.tabs-container .tab', { hasText: title }).first().waitFor({ timeout: 30_000 });
    // A webview is an iframe (the host) holding another iframe (our page); only the visible one is ready.
    return ctx.wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  }

  test('DynamoDB items view shows a scanned page in columns', () =>
    ctx.wb.capture('items-view', async () => {
      await ctx.wb.openContainer('Local Cloud Lab');
      const view = await openPanel(
        'Local Cloud Lab: Open Items (Scan, Query, Edit)',
        demo.table,
        `Items: ${demo.table}`,
      );
      await view.locator('p.sub', { hasText: 'Key ' }).waitFor({ timeout: 30_000 });
      await view.getByRole('button', { name: 'Scan', exact: true }).click();
      const rows = view.locator('table.grid tbody tr');
      await rows.first().waitFor({ timeout: 30_000 });
      assert.ok((await rows.count()) > 0);
      const header = await view.locator('table.grid thead').innerText();
      assert.match(header, /actions/);
      // Open the first item in the JSON editor: the screenshot shows the table and the editor together.
      await view.getByRole('button', { name: 'Edit', exact: true }).first().click();
      await view.locator('section[aria-label="Item editor"]').waitFor({ timeout: 10_000 });
      await ctx.wb.screenshot('items-view');
    }));

  test('Kinesis record browser reads from TRIM_HORIZON and shows the data as JSON', () =>
    ctx.wb.capture('records-browser', async () => {
      const view = await openPanel('Local Cloud Lab: Browse Records', demo.stream, `Records: ${demo.stream}`);
      await view.locator('p.sub', { hasText: 'shards' }).waitFor({ timeout: 30_000 });
      await view.getByRole('button', { name: 'Read', exact: true }).click();
      const rows = view.locator('table.grid tbody tr');
      await rows.first().waitFor({ timeout: 30_000 });
      // Switch the data format through the real select: open it, pick "JSON (pretty)".
      await view.locator('vscode-single-select[aria-label="Data format"]').click();
      await ctx.wb.page.keyboard.press('ArrowDown');
      await ctx.wb.page.keyboard.press('Enter');
      // Pretty JSON spans several lines per record.
      await view
        .locator('table.grid tbody td pre', { hasText: /\n\s+"/ })
        .first()
        .waitFor({ timeout: 10_000 });
      assert.ok((await rows.count()) > 0);
      await ctx.wb.screenshot('records-browser');
    }));

  test('SQS panel: Peek on LocalStack lists messages without consuming them; elsewhere Receive warns first', () =>
    ctx.wb.capture('sqs-receive', async () => {
      const view = await openPanel(
        'Local Cloud Lab: Send, Peek or Receive Messages',
        demo.queue,
        `Messages: ${demo.queue}`,
      );
      const rows = view.locator('table.grid tbody tr');
      if (onLocalStack) {
        await view.locator('p.sub', { hasText: 'Peek reads every message without consuming it' }).waitFor({
          timeout: 30_000,
        });
        await view.getByRole('button', { name: 'Peek' }).click();
        await rows.first().waitFor({ timeout: 30_000 });
        assert.ok((await rows.count()) > 0);
        await ctx.wb.screenshot('sqs-peek');
        return;
      }
      await view.locator('.warning', { hasText: 'cannot show messages without consuming them' }).waitFor({
        timeout: 30_000,
      });
      await view.getByRole('button', { name: 'Receive…' }).click();
      // The host's modal warning, in the workbench itself.
      const dialog = ctx.wb.page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 30_000 });
      assert.match(await dialog.innerText(), /raises each message's receive count/);
      await dialog.locator('.monaco-button', { hasText: /^Receive$/ }).click();
      await rows.first().waitFor({ timeout: 30_000 });
      assert.ok((await rows.count()) > 0);
      await ctx.wb.screenshot('sqs-receive');
    }));
});
