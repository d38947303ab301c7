// Foundation, end to end in a real VS Code (code-server 4.139.1 in chromium): the packaged extension installs,
// its activity-bar container shows the explorer view, and the language server puts a diagnostic in Problems.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openWorkbench, type Workbench } from '../support/codeServer';
import { emulatorSettings, startEmulator, type TestEmulator } from '../support/emulator';

describe('foundation (UI)', () => {
  let moto: TestEmulator;
  let wb: Workbench;
  let workspace: string;

  before(async () => {
    moto = await startEmulator();
    workspace = mkdtempSync(join(tmpdir(), 'lcl-e2e-ws-'));
    // No Version, and an action that does not exist: the analyser has something to say about both.
    const policy = {
      Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjekt'], Resource: 'arn:aws:s3:::demo/*' }],
    };
    writeFileSync(join(workspace, 'bucket-policy.json'), JSON.stringify(policy, null, 2) + '\n');
    wb = await openWorkbench({ workspace, settings: emulatorSettings(moto) });
  });

  after(async () => {
    await wb?.close();
    await moto?.reset();
    await moto?.stop();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  test('the Local Cloud Lab container shows the explorer view', () =>
    wb.capture('foundation-explorer', async () => {
      await wb.openContainer('Local Cloud Lab');
      // With a single view in the container VS Code hides its header, so look for it attached, not visible.
      await wb.page
        .locator('.part.sidebar [aria-label^="Emulator"]')
        .first()
        .waitFor({ state: 'attached', timeout: 30_000 });
      // The extension renders the view: connected to moto, it lists the services (S3 among them).
      const s3 = await wb.treeRow(/^S3\b/, 60_000);
      assert.ok(await s3.isVisible());
      const body = await wb.page.locator('.part.sidebar').innerText();
      assert.doesNotMatch(body, /no data provider/i);
      await wb.screenshot('foundation-explorer');
    }));

  test('the language server reports a policy problem in the Problems panel', () =>
    wb.capture('foundation-problems', async () => {
      await wb.openFile('bucket-policy.json');
      // A squiggle in the editor, then the same finding listed in Problems.
      await wb.page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first().waitFor({
        timeout: 60_000,
      });
      const rows = await wb.waitForProblem(/GetObjekt/);
      assert.ok(
        rows.some((r) => /GetObjekt/.test(r)),
        `Problems lists the unknown action: ${rows.join(' | ')}`,
      );
      await wb.screenshot('foundation-problems');
    }));
});
