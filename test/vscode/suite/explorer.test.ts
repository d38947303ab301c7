// The explorer in a real VS Code against the moto server in LCL_TEST_ENDPOINT: the tree provider lists the
// seeded resources, objects open and save back through the lcl-s3 file system, destructive commands ask first
// (answered through the test-mode hook) and act on the named target, and IAM policies open with diagnostics.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import {
  CreateBucketCommand,
  GetBucketPolicyCommand,
  GetObjectCommand,
  ListBucketsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { DescribeTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import {
  BACKEND_LABEL,
  connectToEmulator,
  emulator,
  treeChildren,
  waitFor,
  waitValue,
  workspaceUri,
  type TreeNode,
} from './helpers';

type Node = TreeNode;
const children = treeChildren;

const config = emulator.config();

async function child(parentId: string | undefined, label: string): Promise<Node> {
  return waitValue(`"${label}" under ${parentId ?? 'the root'}`, async () =>
    (await children(parentId)).find((n) => n.label === label),
  );
}

suite('explorer against the emulator', function () {
  this.timeout(120_000);
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  const sqs = new SQSClient(config);
  const iam = new IAMClient(config);
  const ddb = new DynamoDBClient(emulator.config('dynamodb'));

  suiteSetup(async () => {
    await emulator.reset();
    await s3.send(new CreateBucketCommand({ Bucket: 'lab-bucket' }));
    await s3.send(
      new PutObjectCommand({
        Bucket: 'lab-bucket',
        Key: 'notes/hello.txt',
        Body: 'hello from moto',
        ContentType: 'text/plain',
      }),
    );
    await s3.send(new PutObjectCommand({ Bucket: 'lab-bucket', Key: 'data.json', Body: '{"a": 1}' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'doomed-bucket' }));
    for (let i = 0; i < 3; i++)
      await s3.send(new PutObjectCommand({ Bucket: 'doomed-bucket', Key: `k${i}`, Body: 'x' }));
    const q = await sqs.send(new CreateQueueCommand({ QueueName: 'lab-queue' }));
    for (let i = 0; i < 2; i++) await sqs.send(new SendMessageCommand({ QueueUrl: q.QueueUrl, MessageBody: `m${i}` }));
    await iam.send(new CreateUserCommand({ UserName: 'student' }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'student',
        PolicyName: 'everything',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
        }),
      }),
    );
    await connectToEmulator();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('localCloudLab.test.answerConfirmations', undefined);
    s3.destroy();
    sqs.destroy();
    iam.destroy();
    ddb.destroy();
  });

  test('the tree shows the backend, every service, and the seeded resources', async () => {
    const roots = await waitValue('the tree to show the backend', async () => {
      const r = await children();
      return r.some((n) => BACKEND_LABEL.test(n.label)) ? r : undefined;
    });
    for (const svc of ['S3', 'SQS', 'Kinesis', 'DynamoDB', 'IAM']) {
      assert.ok(
        roots.some((n) => n.label === svc),
        `${svc} in ${roots.map((n) => n.label).join(', ')}`,
      );
    }
    const bucket = await child('s3:', 'lab-bucket');
    const top = await children(bucket.id);
    assert.deepEqual(
      top.map((n) => n.label),
      ['notes/', 'data.json'],
    );
    const queue = await child('sqs:', 'lab-queue');
    assert.match(queue.description ?? '', /standard · 2 visible · 0 in flight · 0 delayed/);
  });

  test('a new terminal gets the emulator: endpoints (per service too), region and test credentials', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lcl-term-env-')), 'env.txt');
    const terminal = vscode.window.createTerminal({ name: 'Local Cloud Lab env check' });
    try {
      terminal.sendText(
        `printf '%s|%s|%s|%s' "$AWS_ENDPOINT_URL" "$AWS_REGION" "$AWS_ACCESS_KEY_ID" "$AWS_ENDPOINT_URL_DYNAMODB" > ${out}`,
      );
      const text = await waitFor('the terminal to write its environment', () =>
        existsSync(out) ? readFileSync(out, 'utf8') : undefined,
      );
      assert.equal(text, `${emulator.endpoint}|us-east-1|test|${emulator.endpoints.dynamodb ?? ''}`);
    } finally {
      terminal.dispose();
      rmSync(dirname(out), { recursive: true, force: true });
    }
  });

  test('an S3 object opens in an editor and saving writes it back', async () => {
    const notes = await child('s3:bucket:lab-bucket', 'notes/');
    const file = await child(notes.id, 'hello.txt');
    await vscode.commands.executeCommand('localCloudLab.s3.openObject', file);
    const editor = await waitValue('the object editor', () =>
      vscode.window.activeTextEditor?.document.uri.scheme === 'lcl-s3' ? vscode.window.activeTextEditor : undefined,
    );
    assert.equal(editor.document.getText(), 'hello from moto');
    await editor.edit((e) => e.insert(editor.document.positionAt(editor.document.getText().length), ', edited'));
    assert.ok(await editor.document.save(), 'save succeeded');
    const got = await s3.send(new GetObjectCommand({ Bucket: 'lab-bucket', Key: 'notes/hello.txt' }));
    assert.equal(await got.Body?.transformToString(), 'hello from moto, edited');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('a bucket policy opens as JSON and saving puts it on the bucket', async () => {
    const uri = vscode.Uri.from({ scheme: 'lcl-s3-settings', path: '/lab-bucket/policy.json' });
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.languageId, 'json');
    assert.match(doc.getText(), /"Statement"/);
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::lab-bucket/*' }],
    };
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(policy, null, 2)));
    const got = await s3.send(new GetBucketPolicyCommand({ Bucket: 'lab-bucket' }));
    assert.deepEqual(JSON.parse(got.Policy ?? '{}'), policy);
    await assert.rejects(
      Promise.resolve(vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('{ not json'))),
      /not valid JSON/,
    );
  });

  test('deleting a bucket asks first, naming the bucket and its object count; "no" keeps it', async () => {
    const bucket = await child('s3:', 'doomed-bucket');
    await vscode.commands.executeCommand('localCloudLab.test.answerConfirmations', false);
    await vscode.commands.executeCommand('localCloudLab.s3.deleteBucket', bucket);
    const asked = await vscode.commands.executeCommand<string[]>('localCloudLab.test.confirmationsAsked');
    assert.match(asked?.at(-1) ?? '', /Delete bucket "doomed-bucket" and the 3 objects in it\?/);
    let names = (await s3.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name);
    assert.ok(names?.includes('doomed-bucket'), 'declined: the bucket is still there');

    await vscode.commands.executeCommand('localCloudLab.test.answerConfirmations', true);
    await vscode.commands.executeCommand('localCloudLab.s3.deleteBucket', bucket);
    names = (await s3.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name);
    assert.deepEqual(names, ['lab-bucket']);
    await waitFor(
      'the tree to drop the bucket',
      async () => !(await children('s3:')).some((n) => n.label === 'doomed-bucket'),
    );
  });

  test('purging a queue asks first and then empties it', async () => {
    const queue = await child('sqs:', 'lab-queue');
    await vscode.commands.executeCommand('localCloudLab.test.answerConfirmations', true);
    await vscode.commands.executeCommand('localCloudLab.sqs.purgeQueue', queue);
    const asked = await vscode.commands.executeCommand<string[]>('localCloudLab.test.confirmationsAsked');
    assert.match(asked?.at(-1) ?? '', /Purge queue "lab-queue"\?/);
    const attrs = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: String(queue.ref.queueUrl),
        AttributeNames: ['ApproximateNumberOfMessages'],
      }),
    );
    assert.equal(attrs.Attributes?.ApproximateNumberOfMessages, '0');
  });

  test("an inline IAM policy opens read-only with the language server's diagnostics", async () => {
    const users = await child('iam:', 'Users');
    const student = await child(users.id, 'student');
    const policy = await child(student.id, 'everything');
    await vscode.commands.executeCommand('localCloudLab.iam.openPolicyDocument', policy);
    const editor = await waitValue('the policy editor', () =>
      vscode.window.activeTextEditor?.document.uri.scheme === 'lcl-iam' ? vscode.window.activeTextEditor : undefined,
    );
    assert.equal(editor.document.languageId, 'json');
    assert.deepEqual(JSON.parse(editor.document.getText()).Statement[0], {
      Effect: 'Allow',
      Action: '*',
      Resource: '*',
    });
    const diagnostics = await waitValue(
      'diagnostics on the policy',
      () => {
        const d = vscode.languages.getDiagnostics(editor.document.uri);
        return d.length ? d : undefined;
      },
      30_000,
    );
    assert.ok(
      diagnostics.some((d) => d.source === 'Local Cloud Lab'),
      diagnostics.map((d) => d.message).join('\n'),
    );
  });

  test('creating a table from the open file runs the key-design analysis first and asks when it finds problems', async () => {
    const table = (name: string, pk: string) => ({
      TableName: name,
      AttributeDefinitions: [{ AttributeName: pk, AttributeType: 'S' }],
      KeySchema: [{ AttributeName: pk, KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    });
    const write = async (file: string, body: unknown) => {
      const uri = vscode.Uri.joinPath(workspaceUri(), file);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(body, null, 2)));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      return uri;
    };
    const tableNames = async () => (await ddb.send(new ListTablesCommand({}))).TableNames ?? [];

    // A low-cardinality partition key: the analysis warns, the command asks, "no" creates nothing.
    const hot = await write('tickets-table.json', table('tickets', 'ticketStatus'));
    await waitValue(
      'the key-design warning',
      () =>
        vscode.languages
          .getDiagnostics(hot)
          .find((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'DDB_PK_LOW_CARDINALITY'),
      30_000,
    );
    await vscode.commands.executeCommand('localCloudLab.test.answerConfirmations', false);
    await vscode.commands.executeCommand('localCloudLab.dynamodb.createTableFromFile');
    let asked = (await vscode.commands.executeCommand<string[]>('localCloudLab.test.confirmationsAsked')) ?? [];
    assert.match(asked.at(-1) ?? '', /key-design analysis found \d+ problems? in tickets\. Create it anyway\?/);
    assert.ok(!(await tableNames()).includes('tickets'), 'declined: no table');

    await vscode.commands.executeCommand('localCloudLab.test.answerConfirmations', true);
    await vscode.commands.executeCommand('localCloudLab.dynamodb.createTableFromFile');
    assert.ok((await tableNames()).includes('tickets'), 'confirmed: the table exists');

    // A well-distributed key: no question, the table is created straight away.
    const before = asked.length;
    await write('customers-table.json', table('customers', 'customerId'));
    await vscode.commands.executeCommand('localCloudLab.test.answerConfirmations', false);
    await vscode.commands.executeCommand('localCloudLab.dynamodb.createTableFromFile');
    asked = (await vscode.commands.executeCommand<string[]>('localCloudLab.test.confirmationsAsked')) ?? [];
    const d = await ddb.send(new DescribeTableCommand({ TableName: 'customers' }));
    assert.equal(d.Table?.KeySchema?.[0]?.AttributeName, 'customerId');
    assert.ok(
      asked.slice(before).every((q) => !/customers/.test(q)),
      `no question for a clean design: ${asked.join(' | ')}`,
    );
    await waitFor('the tree to list both tables', async () => {
      const labels = (await children('dynamodb:')).map((n) => n.label);
      return labels.includes('tickets') && labels.includes('customers');
    });
  });
});
