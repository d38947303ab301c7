// Foundation, end to end in a real VS Code (code-server 4.139.1 in chromium): the packaged extension installs,
// its activity-bar container shows the explorer view, and the language server puts a diagnostic in Problems.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { useEmulatorWorkbench } from './fixture';

describe('foundation (UI)', () => {
  const ctx = useEmulatorWorkbench({
    prefix: 'lcl-e2e-ws-',
    prepare: (_emulator, workspace) => {
      // No Version, and an action that does not exist: the analyser has something to say about both.
      const policy = {
        Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjekt'], Resource: 'arn:aws:s3:::demo/*' }],
      };
      writeFileSync(join(workspace, 'bucket-policy.json'), JSON.stringify(policy, null, 2) + '\n');
    },
  });

  test('the Local Cloud Lab container shows the explorer view', () =>
    ctx.wb.capture('foundation-explorer', async () => {
      await ctx.wb.openContainer('Local Cloud Lab');
      // With a single view in the container VS Code hides its header, so look for it attached, not visible.
      await ctx.wb.page
        .locator('.part.sidebar [aria-label^="Emulator"]')
        .first()
        .waitFor({ state: 'attached', timeout: 30_000 });
      // The extension renders the view: connected to moto, it lists the services (S3 among them).
      const s3 = await ctx.wb.treeRow(/^S3\b/, 60_000);
      assert.ok(await s3.isVisible());
      const body = await ctx.wb.page.locator('.part.sidebar').innerText();
      assert.doesNotMatch(body, /no data provider/i);
      await ctx.wb.screenshot('foundation-explorer');
    }));

  test('the language server reports a policy problem in the Problems panel', () =>
    ctx.wb.capture('foundation-problems', async () => {
      await ctx.wb.openFile('bucket-policy.json');
      // A squiggle in the editor, then the same finding listed in Problems.
      await ctx.wb.page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first().waitFor({
        timeout: 60_000,
      });
      const rows = await ctx.wb.waitForProblem(/GetObjekt/);
      assert.ok(
        rows.some((r) => /GetObjekt/.test(r)),
        `Problems lists the unknown action: ${rows.join(' | ')}`,
      );
      await ctx.wb.screenshot('foundation-problems');
    }));
});
