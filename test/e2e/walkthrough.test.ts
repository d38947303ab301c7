// The curriculum end to end in a real VS Code (code-server in chromium) against moto: week 1's walkthrough before
// and after its first exercise is done in the emulator — the step ticks because the check saw the bucket — and the
// progress dashboard with the drill. Screenshots go to test-results/.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { emulatorSettings } from '../support/emulator';
import { useEmulatorWorkbench } from './fixture';

const WEEK1_TITLE = 'Week 1 · S3: buckets, versions and events';
const BUCKET_STEP = 'Create a bucket';

describe('walkthroughs (UI)', () => {
  const ctx = useEmulatorWorkbench({
    prefix: 'lcl-e2e-wt-',
    prepare: (emulator, workspace) => {
      writeFileSync(join(workspace, 'README.md'), '# practice\n');
      // The endpoint is machine-overridable: in code-server's remote window a workspace value is the one that applies.
      mkdirSync(join(workspace, '.vscode'));
      writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify(emulatorSettings(emulator), null, 2));
    },
    viewport: { width: 1400, height: 900 },
    settings: () => ({
      // Re-check every 5 s while the walkthrough is open, so the test waits seconds, not the default 15.
      'localCloudLab.walkthrough.checkIntervalSeconds': 5,
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      // The DOM renderer keeps the terminal's text readable by the test.
      'terminal.integrated.gpuAcceleration': 'off',
    }),
  });
  let s3: S3Client | undefined;
  const s3Client = (): S3Client => (s3 ??= new S3Client(ctx.emulator.config('s3')));
  after(() => s3?.destroy());

  /** The row of a walkthrough step in the Getting Started editor. */
  const stepRow = () => ctx.wb.page.locator('button.getting-started-step', { hasText: BUCKET_STEP }).first();
  /** VS Code marks a completed step with aria-checked="true" (and a filled check icon). */
  const isChecked = async (): Promise<boolean> => (await stepRow().getAttribute('aria-checked')) === 'true';

  test('week 1: the bucket step is open, then ticks once the emulator has a bucket', () =>
    ctx.wb.capture('walkthrough-week01', async () => {
      await ctx.wb.runCommand('Welcome: Open Walkthrough...');
      const pick = ctx.wb.page.locator('.quick-input-list .monaco-list-row', { hasText: WEEK1_TITLE }).first();
      await pick.waitFor({ timeout: 30_000 });
      await pick.click();
      await stepRow().waitFor({ timeout: 60_000 });
      await stepRow().click();
      assert.equal(await isChecked(), false, 'the bucket step starts unticked');
      await ctx.wb.screenshot('walkthrough-week01-before');

      await s3Client().send(new CreateBucketCommand({ Bucket: 'my-first-bucket' }));
      // The periodic check (every 5 s while the walkthrough is open) sees the bucket and sets the context key.
      const deadline = Date.now() + 60_000;
      while (!(await isChecked())) {
        if (Date.now() > deadline) throw new Error('the bucket step did not tick within 60 s');
        await ctx.wb.page.waitForTimeout(500);
      }
      await ctx.wb.screenshot('walkthrough-week01-after');
    }));

  test('a step button types its command into a terminal with the endpoint filled in, without running it', () =>
    ctx.wb.capture('walkthrough-terminal', async () => {
      await stepRow().click();
      await stepRow().locator('a', { hasText: 'Type the command in a terminal' }).click();
      const rows = ctx.wb.page.locator('.xterm-rows').first();
      await rows.waitFor({ timeout: 30_000 });
      const expected = `aws --endpoint-url ${ctx.emulator.endpoint} s3 mb s3://lab-week01`;
      const deadline = Date.now() + 30_000;
      while (!(await rows.innerText()).replace(/\s+/g, ' ').includes(expected)) {
        if (Date.now() > deadline) throw new Error(`the terminal never showed: ${expected}`);
        await ctx.wb.page.waitForTimeout(250);
      }
      // Typed, not executed: the CLI's output ("make_bucket: …") never appears.
      await ctx.wb.page.waitForTimeout(1500);
      assert.doesNotMatch(await rows.innerText(), /make_bucket/);
      await ctx.wb.screenshot('walkthrough-terminal');
    }));

  test('the progress dashboard shows the checked exercise and reveals one drill answer at a time', () =>
    ctx.wb.capture('dashboard', async () => {
      await ctx.wb.runCommand('Local Cloud Lab: Open Progress Dashboard');
      const view = ctx.wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await view.getByText('steps done across 12 weeks and 4 labs').waitFor({ timeout: 60_000 });
      const week1 = view.locator('vscode-collapsible#week-week01');
      await week1.click();
      const bucketLine = view.locator('li[data-step="week01.bucket"]');
      await bucketLine.waitFor({ timeout: 30_000 });
      assert.match(await bucketLine.innerText(), /my-first-bucket/);
      await view.getByText('Show our answer').first().click();
      await view.locator('.drill .a').first().waitFor({ timeout: 30_000 });
      assert.equal(await view.locator('.drill .a').count(), 1, 'one answer at a time');
      await ctx.wb.screenshot('dashboard');

      // "Open step" on the next step goes to that step of the week's walkthrough.
      await view.getByText('Open step').click();
      const next = ctx.wb.page
        .locator('button.getting-started-step', { hasText: 'Upload an object with metadata' })
        .first();
      await next.waitFor({ timeout: 30_000 });
      const deadline = Date.now() + 30_000;
      while ((await next.getAttribute('aria-expanded')) !== 'true') {
        if (Date.now() > deadline) throw new Error('"Open step" did not select the next step');
        await ctx.wb.page.waitForTimeout(250);
      }
    }));
});
