// Modal confirmations clicked for real: in an extension-host test VS Code answers modal dialogs by itself (its dialog
// service skips them while extension tests run), so these run in code-server with the packaged extension, driven by
// Playwright like a user: right-click the row, choose the menu item, read the modal, press Escape, click Cancel,
// click the named button. The emulator's state is checked through the AWS API after each answer.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CreateBucketCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { openWorkbench, type Workbench } from '../support/codeServer';
import { emulatorSettings, startEmulator, type TestEmulator } from '../support/emulator';

describe('modal confirmations (UI)', () => {
  let emulator: TestEmulator;
  let wb: Workbench;
  let workspace: string;
  let s3: S3Client;
  let sqs: SQSClient;
  let ddb: DynamoDBClient;
  const queues = async () => (await sqs.send(new ListQueuesCommand({}))).QueueUrls ?? [];
  const tables = async () => (await ddb.send(new ListTablesCommand({}))).TableNames ?? [];
  const buckets = async () => ((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name);

  before(async () => {
    emulator = await startEmulator();
    await emulator.reset();
    s3 = new S3Client({ ...emulator.config(), forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'modal-doomed' }));
    for (const k of ['a.txt', 'b.txt'])
      await s3.send(new PutObjectCommand({ Bucket: 'modal-doomed', Key: k, Body: k }));
    sqs = new SQSClient(emulator.config());
    await sqs.send(new CreateQueueCommand({ QueueName: 'modal-queue' }));
    ddb = new DynamoDBClient(emulator.config('dynamodb'));
    await ddb.send(
      new CreateTableCommand({
        TableName: 'modal-table',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    workspace = mkdtempSync(join(tmpdir(), 'lcl-e2e-dialogs-'));
    wb = await openWorkbench({ workspace, settings: emulatorSettings(emulator) });
  });

  after(async () => {
    await wb?.close();
    s3?.destroy();
    sqs?.destroy();
    ddb?.destroy();
    await emulator?.reset();
    await emulator?.stop();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  const dialog = () => wb.page.locator('.monaco-dialog-box');

  /** Right-clicks a row and chooses `item` from its context menu; returns the modal's text. */
  async function askToDelete(label = 'modal-doomed', item = 'Delete Bucket…'): Promise<string> {
    const row = wb.labelRow(label);
    await row.waitFor({ timeout: 30_000 });
    await row.click({ button: 'right' });
    // The menu acts on a focused item and Enter (a plain synthetic click lands before the menu takes mouse input).
    await wb.page.getByRole('menuitem', { name: item }).first().hover();
    await wb.page.keyboard.press('Enter');
    await dialog().waitFor({ timeout: 30_000 });
    return dialog().innerText();
  }

  test('delete bucket: the modal names the bucket and its objects; Escape and Cancel keep it; its button deletes it', () =>
    wb.capture('dialogs-delete-bucket', async () => {
      await wb.openContainer('Local Cloud Lab');
      await wb.expandRow('S3');
      assert.match(await askToDelete(), /Delete bucket "modal-doomed" and the 2 objects in it\?/);
      await wb.page.keyboard.press('Escape');
      await dialog().waitFor({ state: 'hidden' });
      assert.ok((await buckets()).includes('modal-doomed'), 'Escape: still there');

      await askToDelete();
      await dialog().locator('.monaco-button', { hasText: 'Cancel' }).click();
      await dialog().waitFor({ state: 'hidden' });
      assert.ok((await buckets()).includes('modal-doomed'), 'Cancel: still there');

      await askToDelete();
      await wb.screenshot('dialogs-delete-bucket');
      await dialog().locator('.monaco-button', { hasText: 'Empty and delete "modal-doomed"' }).click();
      await wb.labelRow('modal-doomed').waitFor({ state: 'detached', timeout: 30_000 });
      assert.ok(!(await buckets()).includes('modal-doomed'), 'deleted');
    }));

  test('delete queue and delete table: Escape keeps them, the named button deletes them', () =>
    wb.capture('dialogs-delete-queue-table', async () => {
      await wb.openContainer('Local Cloud Lab');
      await wb.expandRow('SQS');
      assert.match(await askToDelete('modal-queue', 'Delete Queue…'), /Delete queue "modal-queue"\?/);
      await wb.page.keyboard.press('Escape');
      await dialog().waitFor({ state: 'hidden' });
      assert.equal((await queues()).filter((u) => u.endsWith('/modal-queue')).length, 1, 'Escape: still there');
      await askToDelete('modal-queue', 'Delete Queue…');
      await dialog().locator('.monaco-button', { hasText: 'Delete queue' }).click();
      await wb.labelRow('modal-queue').waitFor({ state: 'detached', timeout: 30_000 });
      assert.equal((await queues()).filter((u) => u.endsWith('/modal-queue')).length, 0, 'deleted');

      await wb.expandRow('DynamoDB');
      assert.match(await askToDelete('modal-table', 'Delete Table…'), /Delete table "modal-table"\?/);
      await dialog().locator('.monaco-button', { hasText: 'Cancel' }).click();
      await dialog().waitFor({ state: 'hidden' });
      assert.ok((await tables()).includes('modal-table'), 'Cancel: still there');
      await askToDelete('modal-table', 'Delete Table…');
      await dialog()
        .locator('.monaco-button', { hasText: /^Delete/ })
        .first()
        .click();
      await wb.labelRow('modal-table').waitFor({ state: 'detached', timeout: 30_000 });
      assert.ok(!(await tables()).includes('modal-table'), 'deleted');
    }));
});
