// "Record my calls" inside a real VS Code against the run's emulator: Start Recording points new terminals at the
// recording proxy; SDK calls made through it are recorded; Stop opens the generated policy in a new JSON editor;
// Compare with Role or User lists what a user of the emulator is granted that the recording never used.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  CreateUserCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import * as vscode from 'vscode';
import { connectToEmulator, emulator, waitFor } from './helpers';

interface StartResult {
  proxyUrl: string;
  account: string;
}
interface StopResult {
  requests: number;
  permissions: number;
  policyText: string;
  document?: string;
  unmapped: string[];
}
interface CompareResult {
  principal: string;
  unused: { sid: string; action: string; resource: string; reason: string }[];
  denied: number;
}

const BUCKET = 'rec-vscode';
const USER = 'rec-vscode-user';

suite('Record my calls', () => {
  let started: StartResult;
  let iam: IAMClient;
  suiteSetup(async () => {
    await connectToEmulator();
    iam = new IAMClient(emulator.config('iam'));
  });
  suiteTeardown(async () => {
    // A failed test must not leave the terminals of later suites pointed at the proxy.
    await vscode.commands.executeCommand('localCloudLab.iam.stopRecording');
    await iam.send(new DeleteUserPolicyCommand({ UserName: USER, PolicyName: 'app' })).catch(() => undefined);
    await iam.send(new DeleteUserCommand({ UserName: USER })).catch(() => undefined);
    iam.destroy();
  });

  test('Start Recording: a proxy on 127.0.0.1, and new terminals send their calls through it', async () => {
    started = (await vscode.commands.executeCommand<StartResult>('localCloudLab.iam.startRecording'))!;
    assert.match(started.proxyUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(started.account, /^\d{12}$/);
    const out = join(mkdtempSync(join(tmpdir(), 'lcl-rec-env-')), 'env.txt');
    const terminal = vscode.window.createTerminal({ name: 'Local Cloud Lab recording check' });
    try {
      terminal.sendText(`printf '%s|%s' "$AWS_ENDPOINT_URL" "$AWS_ENDPOINT_URL_DYNAMODB" > ${out}`);
      const text = await waitFor('the terminal to write its environment', () =>
        existsSync(out) ? readFileSync(out, 'utf8') : undefined,
      );
      const perService = Object.keys(emulator.endpoints).includes('dynamodb') ? started.proxyUrl : '';
      assert.equal(text, `${started.proxyUrl}|${perService}`);
    } finally {
      terminal.dispose();
      rmSync(dirname(out), { recursive: true, force: true });
    }
  });

  test('calls through the proxy become a policy in a new JSON editor', async () => {
    const config = { ...emulator.config(), endpoint: started.proxyUrl };
    const s3 = new S3Client(config);
    const sqs = new SQSClient(config);
    let queueUrl: string;
    try {
      await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
      await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'in/1.json', Body: '{}' }));
      queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'rec-vscode' }))).QueueUrl!;
      await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'hi' }));
    } finally {
      s3.destroy();
      sqs.destroy();
    }
    const stopped = (await vscode.commands.executeCommand<StopResult>('localCloudLab.iam.stopRecording'))!;
    assert.equal(stopped.requests, 4);
    assert.equal(stopped.permissions, 4);
    const queueArn = `arn:aws:sqs:us-east-1:${started.account}:rec-vscode`;
    assert.deepEqual(JSON.parse(stopped.policyText), {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'S3Access1', Effect: 'Allow', Action: ['s3:CreateBucket'], Resource: [`arn:aws:s3:::${BUCKET}`] },
        { Sid: 'S3Access2', Effect: 'Allow', Action: ['s3:PutObject'], Resource: [`arn:aws:s3:::${BUCKET}/in/1.json`] },
        { Sid: 'SqsAccess1', Effect: 'Allow', Action: ['sqs:CreateQueue', 'sqs:SendMessage'], Resource: [queueArn] },
      ],
    });
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), stopped.document);
    assert.equal(editor.document.languageId, 'json');
    assert.equal(editor.document.isUntitled, true);
    assert.equal(editor.document.getText(), stopped.policyText);
  });

  test('Compare with Role or User: what the user is granted that the recording never used', async () => {
    await iam.send(new CreateUserCommand({ UserName: USER }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: USER,
        PolicyName: 'app',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'Objects',
              Effect: 'Allow',
              Action: ['s3:PutObject', 's3:DeleteObject'],
              Resource: `arn:aws:s3:::${BUCKET}/*`,
            },
          ],
        }),
      }),
    );
    const principal = `arn:aws:iam::${started.account}:user/${USER}`;
    const result = (await vscode.commands.executeCommand<CompareResult>('localCloudLab.iam.compareRecording', {
      principal,
    }))!;
    assert.deepEqual(result.unused, [
      { sid: 'Objects', action: 's3:DeleteObject', resource: `arn:aws:s3:::${BUCKET}/*`, reason: 'action never used' },
    ]);
    // CreateBucket, CreateQueue and SendMessage: recorded, but not granted to this user.
    assert.equal(result.denied, 3);
    await waitFor('the unused access report', () =>
      vscode.window.visibleTextEditors.find(
        (e) => e.document.languageId === 'markdown' && /Unused access of/.test(e.document.getText()),
      ),
    );
  });
});
