// IAM analysis end to end in a real VS Code: squiggles on an over-privileged, misspelt policy, the hover, and a
// quick fix chosen from the light-bulb menu that removes the squiggle.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openWorkbench, type Workbench } from '../support/codeServer';

describe('IAM analysis (UI)', () => {
  let wb: Workbench;
  let workspace: string;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'lcl-e2e-iam-'));
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObjekt'], Resource: 'arn:aws:s3:::demo-bucket/*' },
        { Sid: 'Admin', Effect: 'Allow', Action: 'iam:*', Resource: '*' },
      ],
    };
    writeFileSync(join(workspace, 'role-policy.json'), JSON.stringify(policy, null, 2) + '\n');
    wb = await openWorkbench({ workspace, settings: { 'files.autoSave': 'afterDelay', 'files.autoSaveDelay': 200 } });
  });

  after(async () => {
    await wb?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  test('squiggles and Problems name the misspelt action and the over-privilege', () =>
    wb.capture('iam-squiggles', async () => {
      await wb.openFile('role-policy.json');
      await wb.page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
      await wb.page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 });
      const rows = await wb.waitForProblem(/GetObjekt/);
      assert.ok(
        rows.some((r) => /INVALID_ACTION/.test(r)),
        rows.join(' | '),
      );
      assert.ok(
        rows.some((r) => /iam:\*/.test(r)),
        `a finding names iam:*: ${rows.join(' | ')}`,
      );
      await wb.screenshot('iam-squiggles');
    }));

  test('the light-bulb quick fix replaces the misspelt action', () =>
    wb.capture('iam-quick-fix', async () => {
      const page = wb.page;
      // Put the cursor on the misspelt action, open the quick-fix menu and pick the suggestion.
      await page.locator('.monaco-editor .view-line', { hasText: 'GetObjekt' }).first().click();
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      // The light bulb needs the code actions of the current version: ask again if the first request came too early.
      const item = page.locator('.action-widget .monaco-list-row', { hasText: 's3:GetObject' }).first();
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Control+Period');
        try {
          await item.waitFor({ timeout: 10_000 });
          break;
        } catch (error) {
          if (attempt === 4) throw error;
          await page.keyboard.press('Escape');
        }
      }
      await wb.screenshot('iam-quick-fix-menu');
      await item.click();
      await page
        .locator('.monaco-editor .view-line', { hasText: '"s3:GetObject"' })
        .first()
        .waitFor({ timeout: 15_000 });
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'detached', timeout: 30_000 });
      // Auto-save writes the fix to disk: the file is valid JSON with the corrected action.
      await page.waitForTimeout(0);
      const deadline = Date.now() + 15_000;
      let text = readFileSync(join(workspace, 'role-policy.json'), 'utf8');
      while (!text.includes('"s3:GetObject"') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        text = readFileSync(join(workspace, 'role-policy.json'), 'utf8');
      }
      assert.equal(JSON.parse(text).Statement[0].Action[0], 's3:GetObject');
      await wb.screenshot('iam-quick-fix-applied');
    }));
});
