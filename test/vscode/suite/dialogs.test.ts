// Every command that asks something, clicked through in the real workbench.
//
// How: the command is started with executeCommand (not awaited, as a menu click would start it); then real keys and
// clicks go to the browser page that shows VS Code (./ui.ts → scripts/lib/ui-driver.mjs, Playwright's keyboard and
// mouse): typing into the quick input, Enter, Escape, choosing a quick-pick item, pressing a modal dialog's button.
// Nothing is answered through a test hook: the modal confirmations are VS Code's own dialogs (test-mode answers are
// switched off here), the file dialogs are VS Code's simple file dialog (the web workbench's), typed into.
// Each test checks what the emulator holds afterwards through the AWS API: created, not created, deleted, still there.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CreateBucketCommand, HeadBucketCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { EXTENSION_ID, emulator, useEmulatorSettings, waitFor } from './helpers';
import { driverUrl, ui } from './ui';

const config = emulator.config();

/** Starts a command as a menu click would: without waiting for it (it waits for the dialogs we answer). */
function start(command: string, ...args: unknown[]): Thenable<unknown> {
  return vscode.commands.executeCommand(command, ...args);
}

suite('dialogs, clicked through', function () {
  this.timeout(120_000);
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  const bucketNames = async () => ((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name);

  suiteSetup(async function () {
    if (!driverUrl) throw new Error('LCL_UI_DRIVER is not set: these tests need scripts/vscode-launcher.mjs');
    await emulator.reset();
    await useEmulatorSettings();
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await vscode.commands.executeCommand('workbench.view.extension.localCloudLab');
    await waitFor('the extension to activate', () => ext.isActive);
    await vscode.commands.executeCommand('localCloudLab.reconnect');
    // The real modal dialogs, not the test-mode answers.
    await vscode.commands.executeCommand('localCloudLab.test.answerConfirmations', undefined);
  });

  teardown(async () => {
    // A failed test must not leave a dialog open for the next one.
    for (let i = 0; i < 3; i++) {
      const open = (await ui.texts('.quick-input-widget, .monaco-dialog-box')).length;
      if (!open) break;
      await ui.press('Escape');
    }
  });

  suiteTeardown(() => s3.destroy());

  test('create bucket: Escape creates nothing; an invalid name is explained and not sent; a valid one is created', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'existing-bucket' }));
    const before = await bucketNames();

    let run = start('localCloudLab.s3.createBucket');
    await ui.quickInput('Create bucket');
    await ui.press('Escape');
    await run;
    assert.deepEqual(await bucketNames(), before, 'Escape: nothing created');

    run = start('localCloudLab.s3.createBucket');
    await ui.quickInput('Create bucket');
    await ui.type('Bad_Name');
    await ui.validation('lower-case letters');
    await ui.press('Enter'); // refused while invalid: the box stays open
    await ui.quickInput('Create bucket');
    await ui.press('Escape');
    await run;
    assert.deepEqual(await bucketNames(), before, 'invalid: nothing created');

    run = start('localCloudLab.s3.createBucket');
    await ui.answer('Create bucket', 'dialog-made-bucket');
    await run;
    await s3.send(new HeadBucketCommand({ Bucket: 'dialog-made-bucket' }));
  });
});
