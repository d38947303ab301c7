// The custom checks as diagnostics of the real server bundle: CheckNoNewAccess against the base text the client
// sends (localCloudLab/baseText), CheckAccessNotGranted from the settings, CheckNoPublicAccess on resource policies.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { baseTextNotification, type BaseTextParams } from '../../server/src/lsp/protocol';
import { startServer, type LspSession } from '../support/lsp';

const json = (body: object) => `${JSON.stringify(body, null, 2)}\n`;
const READ = { Sid: 'ReadOrders', Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::orders/*' };
const committed = json({ Version: '2012-10-17', Statement: [READ] });
const widened = json({
  Version: '2012-10-17',
  Statement: [{ ...READ, Action: ['s3:GetObject', 's3:DeleteObject'] }],
});
const of = (list: Diagnostic[], code: string) => list.filter((d) => d.code === code);

describe('custom checks as diagnostics', () => {
  let server: LspSession;
  before(async () => {
    server = await startServer({ workspaceFolder: 'file:///ws' });
  });
  after(() => server.close());

  const sendBase = (params: BaseTextParams) => server.connection.sendNotification(baseTextNotification.method, params);

  test('CheckNoNewAccess FAIL at the statement that widens access; PASS says nothing', async () => {
    const uri = 'file:///ws/orders-policy.json';
    assert.deepEqual(of(await server.open(uri, committed), 'CheckNoNewAccess'), [], 'no base text yet');
    const same = server.diagnostics(uri);
    await sendBase({ uri, text: committed });
    assert.deepEqual(of(await same, 'CheckNoNewAccess'), []);

    const found = of(await server.change(uri, widened), 'CheckNoNewAccess');
    assert.equal(found.length, 1);
    assert.equal(
      found[0]!.message,
      'CheckNoNewAccess FAIL: this edit widens access: now also s3:DeleteObject on arn:aws:s3:::orders/*',
    );
    assert.equal(found[0]!.range.start.line, 3);
    assert.equal(found[0]!.severity, 2); // Warning
    assert.equal(found[0]!.source, 'Local Cloud Lab');

    // The file has no committed version any more (null): nothing to compare with.
    const cleared = server.diagnostics(uri);
    await sendBase({ uri, text: null });
    assert.deepEqual(of(await cleared, 'CheckNoNewAccess'), []);
  });

  test('a base text for a document that is not open is ignored', async () => {
    await sendBase({ uri: 'file:///ws/never-opened.json', text: committed });
    const uri = 'file:///ws/never-opened.json';
    assert.deepEqual(of(await server.open(uri, widened), 'CheckNoNewAccess'), []);
  });

  test('CheckAccessNotGranted follows localCloudLab.analysis.checkAccessNotGranted', async () => {
    server.settings['localCloudLab.analysis'] = {
      checkAccessNotGranted: { actions: ['s3:Delete*', 'not an action'], resources: [] },
    };
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const found = of(await server.open('file:///ws/deny-delete.json', widened), 'CheckAccessNotGranted');
    assert.deepEqual(
      found.map((d) => d.message),
      [
        'CheckAccessNotGranted FAIL: grants s3:Delete* on arn:aws:s3:::orders/*, which localCloudLab.analysis.checkAccessNotGranted lists',
      ],
    );
    server.settings['localCloudLab.analysis'] = {};
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  test('CheckNoPublicAccess on a bucket policy (type from its ARNs) and a CloudFormation queue policy', async () => {
    const bucket = json({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Public', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' },
        {
          Sid: 'OrgOnly',
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:PutObject',
          Resource: 'arn:aws:s3:::site/*',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },
        },
      ],
    });
    const found = of(await server.open('file:///ws/bucket-policy.json', bucket), 'CheckNoPublicAccess');
    assert.deepEqual(
      found.map((d) => [d.range.start.line, d.message]),
      [
        [
          3,
          'CheckNoPublicAccess FAIL: this AWS::S3::Bucket policy grants public access: s3:GetObject on arn:aws:s3:::site/* ' +
            'to everyone, with no condition that limits it to known accounts, organizations, networks or sources',
        ],
      ],
    );

    const template = json({
      Resources: {
        QueuePolicy: {
          Type: 'AWS::SQS::QueuePolicy',
          Properties: {
            Queues: ['https://sqs.us-east-1.amazonaws.com/111122223333/jobs'],
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sqs:SendMessage', Resource: '*' }],
            },
          },
        },
      },
    });
    const queue = of(await server.open('file:///ws/template.json', template), 'CheckNoPublicAccess');
    assert.equal(queue.length, 1);
    assert.match(queue[0]!.message, /^CheckNoPublicAccess FAIL: this AWS::SQS::Queue policy grants public access/);
  });

  test('an identity policy is not a resource policy: no CheckNoPublicAccess', async () => {
    const found = await server.open('file:///ws/identity.json', committed);
    assert.deepEqual(of(found, 'CheckNoPublicAccess'), []);
  });
});
