// Explain Access end to end in a real VS Code: the CodeLens above a statement, the principal picked in the quick
// pick, and the answer naming the deciding statement (screenshot: test-results/explain-access.png).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openWorkbench, type Workbench } from '../support/codeServer';

describe('Explain Access (UI)', () => {
  let wb: Workbench;
  let workspace: string;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'lcl-e2e-explain-'));
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'ReadOrders', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::orders/*' },
        { Sid: 'NoDeletes', Effect: 'Deny', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::orders/*' },
      ],
    };
    writeFileSync(join(workspace, 'orders-policy.json'), JSON.stringify(policy, null, 2) + '\n');
    wb = await openWorkbench({ workspace });
  });

  after(async () => {
    await wb?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  test('the lens on ReadOrders answers "Allowed by statement `ReadOrders`"', () =>
    wb.capture('explain-access', async () => {
      const page = wb.page;
      await wb.openFile('orders-policy.json');
      const lens = page.locator('.codelens-decoration a', { hasText: 'Explain access…' }).first();
      await lens.waitFor({ timeout: 60_000 });
      await lens.click();
      // The principal picker: the learner placeholder, or a user of the emulator; either has only this policy.
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 30_000 });
      await input.fill('arn:aws:iam::000000000000:user/learner');
      await page.keyboard.press('Enter');
      const toast = page.locator('.notification-toast', { hasText: 'Allowed by statement' }).first();
      await toast.waitFor({ timeout: 30_000 });
      await page.locator('.notification-toast', { hasText: 'ReadOrders' }).first().waitFor({ timeout: 5_000 });
      await wb.screenshot('explain-access');
    }));
});
