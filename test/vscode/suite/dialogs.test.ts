// Every command that asks something, clicked through in the real workbench.
//
// How: the command is started with executeCommand (not awaited, as a menu click would start it); then real keys and
// clicks go to the browser page that shows VS Code (./ui.ts → scripts/lib/ui-driver.mjs, Playwright's keyboard and
// mouse): typing into the quick input, Enter, Escape, choosing a quick-pick item, putting a path into VS Code's own
// file dialog (the web workbench's simple one) and pressing its button. Nothing is answered through a hook.
// Modal confirmations cannot be clicked here: while extension tests run, VS Code's dialog service answers them itself
// ("DialogService: Dialog requested during smoke test"), so they are clicked end to end in test/e2e/dialogs.test.ts.
// Each test checks what the emulator holds afterwards through the AWS API: created, not created, deleted, still there.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import {
  CreateBucketCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import {
  CreateStreamCommand,
  DescribeStreamSummaryCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  KinesisClient,
  ListShardsCommand,
  ListStreamsCommand,
} from '@aws-sdk/client-kinesis';
import { CreateTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { EXTENSION_ID, emulator, useEmulatorSettings, waitFor, workspaceUri } from './helpers';
import { driverUrl, ui } from './ui';
import { hashKeyTableInput } from '../../support/tables';

interface Node {
  id: string;
  label: string;
  description?: string;
  ref: { kind: string } & Record<string, unknown>;
}

async function children(id?: string): Promise<Node[]> {
  return (await vscode.commands.executeCommand<Node[]>('localCloudLab.test.explorerChildren', id)) ?? [];
}

/** The explorer row labelled `label` under `parentId` (as a context-menu click would hand it to the command). */
async function row(parentId: string, label: string): Promise<Node> {
  return (await waitFor(`"${label}" under ${parentId}`, async () =>
    (await children(parentId)).find((n) => n.label === label),
  )) as Node;
}

const config = emulator.config();

/** Starts a command as a menu click would: without waiting for it (it waits for the dialogs we answer). */
function start(command: string, ...args: unknown[]): Thenable<unknown> {
  return vscode.commands.executeCommand(command, ...args);
}

suite('dialogs, clicked through', function () {
  this.timeout(120_000);
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  const sqs = new SQSClient(config);
  const kinesis = new KinesisClient({ ...config, requestHandler: new NodeHttpHandler() });
  const ddb = new DynamoDBClient(emulator.config('dynamodb'));
  const bucketNames = async () => ((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name);
  const keysOf = async (bucket: string) =>
    ((await s3.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key).sort();
  const queueUrls = async () => (await sqs.send(new ListQueuesCommand({}))).QueueUrls ?? [];
  const streamNames = async () => (await kinesis.send(new ListStreamsCommand({}))).StreamNames ?? [];

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

  suiteTeardown(() => {
    s3.destroy();
    sqs.destroy();
    kinesis.destroy();
    ddb.destroy();
  });

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
    const after = await bucketNames();
    assert.ok(after.includes('dialog-made-bucket'), `created: ${after.join(', ')}`);
  });

  test('create queue: Escape at each step creates nothing; an invalid name is explained; the three steps create it', async () => {
    const before = await queueUrls();
    let run = start('localCloudLab.sqs.createQueue');
    await ui.quickInput('Create queue (1/3)');
    await ui.press('Escape');
    await run;

    run = start('localCloudLab.sqs.createQueue');
    await ui.pick('Create queue (1/3)', 'Standard');
    await ui.quickInput('Create queue (2/3)');
    await ui.type('orders queue!');
    await ui.validation('letters, digits, hyphens and underscores');
    await ui.press('Escape');
    await run;
    assert.deepEqual(await queueUrls(), before, 'Escape and invalid input: no queue');

    run = start('localCloudLab.sqs.createQueue');
    await ui.pick('Create queue (1/3)', 'Standard');
    await ui.answer('Create queue (2/3)', 'dialog-orders');
    await ui.pick('Create queue (3/3)', 'No dead-letter queue');
    await run;
    const urls = await queueUrls();
    assert.equal(urls.length, before.length + 1);
    assert.ok(
      urls.some((u) => u.endsWith('/dialog-orders')),
      urls.join(', '),
    );
  });

  test('create stream: Escape at the capacity step creates nothing; invalid names and shard counts are explained', async () => {
    let run = start('localCloudLab.kinesis.createStream');
    await ui.quickInput('Create stream');
    await ui.type('bad stream name');
    await ui.validation('letters, digits, underscores, hyphens and dots');
    await ui.press('Escape');
    await run;

    run = start('localCloudLab.kinesis.createStream');
    await ui.answer('Create stream', 'dialog-clicks');
    await ui.quickInput('Capacity mode');
    await ui.press('Escape');
    await run;
    assert.ok(!(await streamNames()).includes('dialog-clicks'), 'Escape: no stream');

    run = start('localCloudLab.kinesis.createStream');
    await ui.answer('Create stream', 'dialog-clicks');
    await ui.pick('Capacity mode', 'Provisioned');
    await ui.quickInput('Number of shards');
    await ui.type('99'); // the pre-filled "2" is selected: typing replaces it
    await ui.validation('A number from 1 to 50');
    await ui.press('Control+A');
    await ui.type('1');
    await ui.press('Enter');
    await run;
    const summary = await waitFor('the stream to exist', async () =>
      (await streamNames()).includes('dialog-clicks')
        ? (await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'dialog-clicks' })))
            .StreamDescriptionSummary
        : undefined,
    );
    assert.equal(summary?.OpenShardCount, 1);
  });

  test('put record: Escape at the data step puts nothing; an empty partition key is refused; two answers put it', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'dialog-records', ShardCount: 1 }));
    await waitFor('the stream to be ACTIVE', async () => {
      const d = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'dialog-records' }));
      return d.StreamDescriptionSummary?.StreamStatus === 'ACTIVE';
    });
    const records = async () => {
      const shards = (await kinesis.send(new ListShardsCommand({ StreamName: 'dialog-records' }))).Shards ?? [];
      const it = await kinesis.send(
        new GetShardIteratorCommand({
          StreamName: 'dialog-records',
          ShardId: shards[0]?.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      );
      const got = await kinesis.send(new GetRecordsCommand({ ShardIterator: it.ShardIterator }));
      return (got.Records ?? []).map((r) => ({ key: r.PartitionKey, data: new TextDecoder().decode(r.Data) }));
    };
    await vscode.commands.executeCommand('localCloudLab.explorer.refresh');
    const stream = await row('kinesis:', 'dialog-records');

    let run = start('localCloudLab.kinesis.putRecord', stream);
    await ui.quickInput('Put record on dialog-records (1/2)');
    await ui.type('x');
    await ui.press('Backspace');
    await ui.validation('1 to 256 characters'); // empty: refused
    await ui.press('Enter');
    await ui.quickInput('Put record on dialog-records (1/2)');
    await ui.type('customer-7');
    await ui.press('Enter');
    await ui.quickInput('Put record on dialog-records (2/2)');
    await ui.press('Escape');
    await run;
    assert.deepEqual(await records(), [], 'Escape: no record');

    run = start('localCloudLab.kinesis.putRecord', stream);
    await ui.answer('Put record on dialog-records (1/2)', 'customer-7');
    await ui.answer('Put record on dialog-records (2/2)', '{"order":42}');
    await run;
    assert.deepEqual(await records(), [{ key: 'customer-7', data: '{"order":42}' }]);
  });

  test('filter objects: Escape sets no filter; an empty filter is refused; a typed one lists only the matches', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'dialog-filter' }));
    for (const k of ['logs/app.log', 'logs/error-1.log', 'reports/error-summary.csv', 'readme.txt']) {
      await s3.send(new PutObjectCommand({ Bucket: 'dialog-filter', Key: k, Body: k }));
    }
    await vscode.commands.executeCommand('localCloudLab.explorer.refresh');
    const bucket = await row('s3:', 'dialog-filter');
    const labels = async () => (await children(bucket.id)).map((n) => n.label);
    assert.deepEqual(await labels(), ['logs/', 'reports/', 'readme.txt']);

    let run = start('localCloudLab.s3.filter', bucket);
    await ui.quickInput('Filter s3://dialog-filter');
    await ui.press('Escape');
    await run;
    assert.equal((await row('s3:', 'dialog-filter')).description, undefined, 'Escape: no filter');

    run = start('localCloudLab.s3.filter', bucket);
    await ui.quickInput('Filter s3://dialog-filter');
    await ui.type(' ');
    await ui.validation('Type a prefix, a part of a name, or both');
    await ui.press('Enter');
    await ui.quickInput('Filter s3://dialog-filter');
    await ui.press('Control+A');
    await ui.type('error');
    await ui.press('Enter');
    await run;
    await waitFor('the filtered bucket row', async () =>
      (await children('s3:')).some((n) => n.description === 'filter: name contains "error"'),
    );
    await waitFor('the matches', async () => {
      const l = await labels();
      return l.join('|') === 'logs/error-1.log|reports/error-summary.csv' ? l : undefined;
    });

    await vscode.commands.executeCommand('localCloudLab.s3.clearFilter', await row('s3:', 'dialog-filter'));
    await waitFor('the folders again', async () => (await labels()).join('|') === 'logs/|reports/|readme.txt');
  });

  /** A fresh folder in the test workspace holding `files` (relative path → text); its absolute path. */
  function folderWith(files: Record<string, string>): string {
    const dir = mkdtempSync(join(workspaceUri().fsPath, 'dialog-files-'));
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(join(dir, rel, '..'), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
    return dir;
  }

  /** Creates `bucket` through the API; its explorer row. */
  async function newBucketRow(bucket: string): Promise<Node> {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await vscode.commands.executeCommand('localCloudLab.explorer.refresh');
    return row('s3:', bucket);
  }

  /** Runs `command` on `node` through its file dialog: puts `path` into the box, then accepts it or presses Escape. */
  async function throughFileDialog(command: string, node: Node, label: string, path: string, accept: boolean) {
    const run = start(command, node);
    await ui.filePath(label, path);
    await (accept ? ui.acceptFile(label) : ui.press('Escape'));
    await run;
  }

  test('upload files: Escape uploads nothing; a path that does not exist is refused in the dialog; the corrected one is uploaded', async () => {
    const bucket = await newBucketRow('dialog-uploads');
    const dir = folderWith({ 'one.txt': 'one', 'two.txt': 'two' });
    const label = 'Upload to s3://dialog-uploads/';

    await throughFileDialog('localCloudLab.s3.uploadFiles', bucket, label, `${dir}/one.txt`, false);
    assert.deepEqual(await keysOf('dialog-uploads'), [], 'Escape: nothing uploaded');

    const run = start('localCloudLab.s3.uploadFiles', bucket);
    await ui.filePath(label, `${dir}/missing.txt`);
    await ui.acceptFile(label);
    await ui.validation('Please enter a path that exists'); // the dialog's own message; it stays open
    assert.deepEqual(await keysOf('dialog-uploads'), [], 'a missing file: nothing uploaded');
    // Corrected in the same dialog, as a user would.
    await ui.filePath(label, `${dir}/one.txt`);
    await ui.acceptFile(label);
    await run;
    assert.deepEqual(await keysOf('dialog-uploads'), ['one.txt']);
  });

  test('upload folder: Escape uploads nothing; the chosen folder is uploaded under its own name', async () => {
    const bucket = await newBucketRow('dialog-folder');
    const dir = folderWith({ 'site/index.html': '<p>hi</p>', 'site/css/main.css': 'p{}' });
    const label = 'Upload to s3://dialog-folder/';

    await throughFileDialog('localCloudLab.s3.uploadFolder', bucket, label, `${dir}/site/`, false);
    assert.deepEqual(await keysOf('dialog-folder'), [], 'Escape: nothing uploaded');

    await throughFileDialog('localCloudLab.s3.uploadFolder', bucket, label, `${dir}/site/`, true);
    assert.deepEqual(await keysOf('dialog-folder'), ['site/css/main.css', 'site/index.html']);
  });

  test('import items: Escape imports nothing; a malformed file is reported and writes nothing; a good file is written', async () => {
    await ddb.send(new CreateTableCommand(hashKeyTableInput('dialog-import')));
    const dir = folderWith({
      'items.json': JSON.stringify([
        { pk: 'a', n: 1 },
        { pk: 'b', n: 2 },
        { pk: 'c', n: 3 },
      ]),
      'broken.json': '[{"pk": "x",',
    });
    const items = async () =>
      ((await ddb.send(new ScanCommand({ TableName: 'dialog-import' }))).Items ?? []).map((i) => i.pk?.S).sort();
    await vscode.commands.executeCommand('localCloudLab.explorer.refresh');
    const table = await row('dynamodb:', 'dialog-import');
    const label = 'Import into dialog-import';

    const importItems = 'localCloudLab.dynamodb.importItems';
    await throughFileDialog(importItems, table, label, `${dir}/items.json`, false);
    assert.deepEqual(await items(), [], 'Escape: nothing imported');

    await throughFileDialog(importItems, table, label, `${dir}/broken.json`, true);
    assert.deepEqual(await items(), [], 'malformed: nothing written');
    // The rejected rows are reported in a document of their own, naming the file and the reason.
    const report = vscode.window.activeTextEditor?.document.getText() ?? '';
    assert.match(report, /broken\.json/);
    assert.match(report, /malformed JSON/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    await throughFileDialog(importItems, table, label, `${dir}/items.json`, true);
    assert.deepEqual(await items(), ['a', 'b', 'c']);
  });
});
