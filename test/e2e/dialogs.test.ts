// Modal confirmations clicked for real: in an extension-host test VS Code answers modal dialogs by itself (its dialog
// service skips them while extension tests run), so these run in code-server with the packaged extension, driven by
// Playwright like a user: right-click the row, choose the menu item, read the modal, press Escape, click Cancel,
// click the named button. The emulator's state is checked through the AWS API after each answer. Also here, because
// they end in a modal or a panel: Create Table from Open File after a key-design warning ("Create anyway"), and the
// SQS panel's send form (a webview the extension-host tests cannot type into).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CreateBucketCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { openWorkbench, type Workbench } from '../support/codeServer';
import { emulatorSettings, startEmulator, type TestEmulator } from '../support/emulator';
import { hashKeyTableInput } from '../support/tables';

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
    await ddb.send(new CreateTableCommand(hashKeyTableInput('modal-table')));
    await sqs.send(new CreateQueueCommand({ QueueName: 'modal-send' }));
    workspace = mkdtempSync(join(tmpdir(), 'lcl-e2e-dialogs-'));
    // A table keyed on a status: the key-design analysis warns about its low cardinality.
    writeFileSync(
      join(workspace, 'tickets-table.json'),
      JSON.stringify(
        {
          TableName: 'modal-tickets',
          AttributeDefinitions: [{ AttributeName: 'ticketStatus', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'ticketStatus', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        },
        null,
        2,
      ),
    );
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

  test('create table after a key-design warning: the modal lists it; Escape and Cancel create nothing; "Create anyway" creates it', () =>
    wb.capture('dialogs-create-anyway', async () => {
      await wb.openFile('tickets-table.json');
      await wb.waitForProblem(/DDB_PK_LOW_CARDINALITY/);
      const ask = async () => {
        await wb.runCommand('Local Cloud Lab: Create Table from Open File');
        await dialog().waitFor({ timeout: 30_000 });
        return dialog().innerText();
      };
      const text = await ask();
      assert.match(text, /key-design analysis found \d+ problems? in modal-tickets\. Create it anyway\?/);
      assert.match(text, /DDB_PK_LOW_CARDINALITY/);
      await wb.page.keyboard.press('Escape');
      await dialog().waitFor({ state: 'hidden' });
      assert.ok(!(await tables()).includes('modal-tickets'), 'Escape: no table');

      await ask();
      await dialog().locator('.monaco-button', { hasText: 'Cancel' }).click();
      await dialog().waitFor({ state: 'hidden' });
      assert.ok(!(await tables()).includes('modal-tickets'), 'Cancel: no table');

      await ask();
      await wb.screenshot('dialogs-create-anyway');
      await dialog().locator('.monaco-button', { hasText: 'Create anyway' }).click();
      await dialog().waitFor({ state: 'hidden' });
      const deadline = Date.now() + 30_000;
      while (!(await tables()).includes('modal-tickets')) {
        assert.ok(Date.now() < deadline, 'the table was not created');
        await new Promise((r) => setTimeout(r, 200));
      }
    }));

  test('send message: Escape at the queue name opens nothing, an unknown queue is named in the error; an empty body and a bad delay are refused; a message is sent', () =>
    wb.capture('dialogs-send-message', async () => {
      const url = (await queues()).find((u) => u.endsWith('/modal-send'));
      assert.ok(url);
      const waiting = async () =>
        Number(
          (
            await sqs.send(
              new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }),
            )
          ).Attributes?.ApproximateNumberOfMessages ?? 0,
        );
      const title = 'Local Cloud Lab: Send, Peek or Receive Messages';
      // The command's own box (placeholder "orders"), not the command palette's that it replaces.
      const input = wb.page.locator('.quick-input-widget input[placeholder="orders"]');
      const tab = wb.page.locator('.tabs-container .tab', { hasText: 'Messages: modal-send' });

      await wb.runCommand(title);
      await input.waitFor({ state: 'visible' });
      await wb.page.keyboard.press('Escape');
      await input.waitFor({ state: 'hidden' });
      assert.equal(await tab.count(), 0, 'Escape: no panel');

      // A queue that does not exist: a readable error, no panel.
      await wb.runCommand(title);
      await input.waitFor({ state: 'visible' });
      await input.fill('no-such-queue');
      await wb.page.keyboard.press('Enter');
      await wb.page
        .locator('.notification-toast', { hasText: 'Find queue no-such-queue failed' })
        .first()
        .waitFor({ timeout: 30_000 });
      assert.equal(await wb.page.locator('.tabs-container .tab', { hasText: 'Messages:' }).count(), 0, 'no panel');

      await wb.runCommand(title);
      await input.waitFor({ state: 'visible' });
      await input.fill('modal-send');
      await wb.page.keyboard.press('Enter');
      await tab.first().waitFor({ timeout: 30_000 });
      // A webview is an iframe (the host) holding another iframe (our page); only the visible one is ready.
      const view = wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
      const form = view.locator('section[aria-label="Send a message"]');
      const sendButton = form.locator('vscode-button', { hasText: 'Send' });
      const alert = form.locator('[role="alert"]');
      await sendButton.waitFor({ timeout: 30_000 });

      await sendButton.click();
      await alert.filter({ hasText: 'The message body is empty' }).waitFor({ timeout: 10_000 });
      await form.locator('vscode-textarea[aria-label="Message body"]').click();
      await wb.page.keyboard.type('{"orderId":42}');
      await form.locator('vscode-textfield[aria-label="Delay seconds"]').click();
      await wb.page.keyboard.type('5000');
      await sendButton.click();
      await alert.filter({ hasText: 'Delay must be' }).waitFor({ timeout: 10_000 });
      assert.equal(await waiting(), 0, 'refused: nothing sent');

      await form.locator('vscode-textfield[aria-label="Delay seconds"]').click();
      await wb.page.keyboard.press('Control+A');
      await wb.page.keyboard.type('0');
      await sendButton.click();
      await view
        .getByText(/Sent message [0-9a-f-]+/)
        .first()
        .waitFor({ timeout: 30_000 });
      await wb.screenshot('dialogs-send-message');
      assert.equal(await waiting(), 1, 'one message sent');
    }));
});
