// The curriculum in a real VS Code against the moto server in LCL_TEST_ENDPOINT: the twelve walkthroughs are
// contributed with their completion events, a check sets its context key only once the work exists in the emulator,
// progress is stored per workspace, and the step buttons (terminal, snippet, dashboard, mark done) do their job.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EXTENSION_ID, emulator, useEmulatorSettings, waitFor } from './helpers';

interface CheckSummary {
  contexts: Record<string, boolean>;
  progress: {
    exercises: Record<string, { status: string; detail: string; completedAt?: number }>;
    manual: Record<string, unknown>;
  };
}

interface WalkthroughContribution {
  id: string;
  steps: { id: string; completionEvents: string[]; media: Record<string, string> }[];
}

const endpoint = emulator.endpoint;

function checkNow(week: string): Thenable<CheckSummary> {
  return vscode.commands.executeCommand<CheckSummary>('localCloudLab.walkthrough.checkNow', week);
}

suite('walkthroughs', function () {
  this.timeout(120_000);
  const s3 = new S3Client(emulator.config('s3'));

  suiteSetup(async () => {
    await emulator.reset();
    await useEmulatorSettings();
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  suiteTeardown(() => s3.destroy());

  test('twelve weeks and the labs are contributed with permanent ids, each step completing on a context key', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const walkthroughs = (ext.packageJSON as { contributes: { walkthroughs: WalkthroughContribution[] } }).contributes
      .walkthroughs;
    assert.deepEqual(
      walkthroughs.map((w) => w.id),
      [
        'week01',
        'week02',
        'week03',
        'week04',
        'week05',
        'week06',
        'week07',
        'week08',
        'week09',
        'week10',
        'week11',
        'week12',
        'lab-serverless-ecommerce',
        'lab-realtime-chat',
        'lab-video-pipeline',
        'lab-multi-tenant-saas',
      ],
    );
    for (const w of walkthroughs) {
      for (const s of w.steps) assert.match(s.completionEvents[0] ?? '', /^onContext:localCloudLab\.(ex|done)\./);
    }
  });

  test('the walkthrough commands are registered', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    for (const c of [
      'checkNow',
      'typeCommand',
      'insertSnippet',
      'openDashboard',
      'openDrill',
      'markDone',
      'resetWeek',
    ]) {
      assert.ok(all.has(`localCloudLab.walkthrough.${c}`), c);
    }
  });

  test('week01.bucket: the check sets its context key only after a bucket exists in the emulator', async () => {
    // The explorer connects in the background; until then emulator checks report "not connected".
    const before = await waitFor('a completed check of week01', async () => {
      const s = await checkNow('week01');
      return s.progress.exercises['week01.bucket']?.status === 'pending' ? s : undefined;
    });
    assert.equal(before!.contexts['localCloudLab.ex.week01.bucket'], false);
    assert.equal(before!.progress.exercises['week01.bucket']?.detail, 'No bucket yet');

    await s3.send(new CreateBucketCommand({ Bucket: 'walkthrough-bucket' }));
    const after = await checkNow('week01');
    assert.equal(after.contexts['localCloudLab.ex.week01.bucket'], true);
    assert.equal(after.progress.exercises['week01.bucket']?.status, 'done');
    assert.match(after.progress.exercises['week01.bucket']?.detail ?? '', /walkthrough-bucket/);
    assert.ok(after.progress.exercises['week01.bucket']?.completedAt, 'completion is recorded in workspace state');
    // Other week-1 steps are still open: their keys stay false.
    assert.equal(after.contexts['localCloudLab.ex.week01.versioning'], false);
  });

  test('the terminal button opens a terminal with the endpoint in its environment', async () => {
    await vscode.commands.executeCommand('localCloudLab.walkthrough.typeCommand', 'week01', 'make-bucket');
    const terminal = await waitFor('the week01 terminal', () =>
      vscode.window.terminals.find((t) => t.name === 'Local Cloud Lab · week01'),
    );
    const options = terminal!.creationOptions as vscode.TerminalOptions;
    assert.equal(options.env?.AWS_ENDPOINT_URL, endpoint);
    // A service served elsewhere (DynamoDB beside LocalStack) gets its own variable, as the AWS CLI expects.
    for (const [service, url] of Object.entries(emulator.endpoints)) {
      assert.equal(options.env?.[`AWS_ENDPOINT_URL_${service.toUpperCase()}`], url);
    }
    assert.equal(options.env?.AWS_ACCESS_KEY_ID, 'test');
    terminal!.dispose();
  });

  test('the snippet button opens the snippet in a new editor', async () => {
    await vscode.commands.executeCommand('localCloudLab.walkthrough.insertSnippet', 'iam-lambda-trust');
    const editor = await waitFor('an editor with the trust policy', () =>
      vscode.window.visibleTextEditors.find((e) => e.document.getText().includes('lambda.amazonaws.com')),
    );
    assert.equal(editor!.document.languageId, 'json');
    const parsed = JSON.parse(editor!.document.getText()) as { Statement: { Action: string }[] };
    assert.equal(parsed.Statement[0]?.Action, 'sts:AssumeRole');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('mark done sets the manual key; a step that is not manual is refused', async () => {
    await vscode.commands.executeCommand('localCloudLab.walkthrough.markDone', 'week05', 'failover');
    const s = await checkNow('week05');
    assert.equal(s.contexts['localCloudLab.done.week05.failover'], true);
    await vscode.commands.executeCommand('localCloudLab.walkthrough.markDone', 'week01', 'bucket');
    assert.equal((await checkNow('week01')).contexts['localCloudLab.done.week01.bucket'], undefined);
  });

  test('week12 key design: the learner tables open as documents and the analyser reviews their keys', async () => {
    const ddb = new DynamoDBClient(emulator.config('dynamodb'));
    try {
      await ddb.send(
        new CreateTableCommand({
          TableName: 'OrdersByStatus',
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [
            { AttributeName: 'status', AttributeType: 'S' },
            { AttributeName: 'orderId', AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: 'status', KeyType: 'HASH' },
            { AttributeName: 'orderId', KeyType: 'RANGE' },
          ],
        }),
      );
    } finally {
      ddb.destroy();
    }
    await vscode.commands.executeCommand('localCloudLab.walkthrough.showTableDesigns', 'week12');
    const doc = await waitFor('the table design document', () =>
      vscode.workspace.textDocuments.find((d) => d.isUntitled && d.getText().includes('"OrdersByStatus"')),
    );
    const findings = await waitFor(
      'a key-design diagnostic',
      () => {
        const d = vscode.languages.getDiagnostics(doc!.uri).filter((x) => /low-cardinality/.test(x.message));
        return d.length > 0 ? d : undefined;
      },
      60_000,
    );
    assert.match(findings![0]!.message, /Partition key "status"/);
    const s = await checkNow('week12');
    assert.equal(s.contexts['localCloudLab.done.week12.key-design'], true, 'opening the designs completes the step');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the dashboard opens as a webview panel', async () => {
    await vscode.commands.executeCommand('localCloudLab.walkthrough.openDashboard');
    await waitFor('the dashboard tab', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Local Cloud Lab: Progress'),
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
