// Resource-based policies read from the emulator for "Explain Access" (bucket, queue, topic, key), and the evaluator
// deciding with them: a bucket policy that names a user allows what no identity policy does.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { createKey } from '../../src/aws/kms';
import { principalPoliciesOf, resourcePolicyOf } from '../../src/aws/resourcePolicies';
import { createBucket, putBucketPolicy } from '../../src/aws/s3';
import { createTopic } from '../../src/aws/sns';
import { createQueue, getQueue } from '../../src/aws/sqs';
import { explain } from '../../src/commands/explainAccessRuntime';
import { useLab } from '../support/fixtures';

const USER = 'arn:aws:iam::123456789012:user/partner';

describe('resource policies for Explain Access (emulator)', () => {
  const lab = useLab();

  it('reads a bucket policy and decides with it', async () => {
    await createBucket(lab.clients, 'drop-box');
    assert.equal(await resourcePolicyOf(lab.clients, 'arn:aws:s3:::drop-box/in/x.csv'), undefined, 'no policy yet');
    const policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'PartnerUploads',
          Effect: 'Allow',
          Principal: { AWS: USER },
          Action: 's3:PutObject',
          Resource: 'arn:aws:s3:::drop-box/in/*',
        },
      ],
    };
    await putBucketPolicy(lab.clients, 'drop-box', JSON.stringify(policy));
    const found = await resourcePolicyOf(lab.clients, 'arn:aws:s3:::drop-box/in/x.csv');
    assert.equal(found?.label, 's3://drop-box (bucket policy)');
    const outcome = explain({
      identity: [],
      resource: [{ file: found.label, text: found.text }],
      principal: USER,
      action: 's3:PutObject',
      resourceArn: 'arn:aws:s3:::drop-box/in/x.csv',
    });
    assert.ok(outcome.ok);
    assert.equal(outcome.decision.decision, 'allow');
    assert.equal(outcome.decision.deciding[0]?.sid, 'PartnerUploads');
    assert.equal(outcome.decision.deciding[0]?.file, 's3://drop-box (bucket policy)');
  });

  it('reads a queue policy, a topic policy and a key policy', async () => {
    const url = await createQueue(lab.clients, { name: 'jobs', fifo: false });
    const queuePolicy = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'FromTopic',
          Effect: 'Allow',
          Principal: { Service: 'sns.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Resource: '*',
        },
      ],
    };
    await lab.clients
      .sqs()
      .send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { Policy: JSON.stringify(queuePolicy) } }));
    // The emulator's own account (moto 123456789012, LocalStack 000000000000), read off the queue's ARN.
    const queueArn = (await getQueue(lab.clients, url)).arn!;
    const account = queueArn.split(':')[4];
    const queue = await resourcePolicyOf(lab.clients, queueArn);
    assert.equal(queue?.label, 'jobs (queue policy)');
    assert.equal((JSON.parse(queue.text) as typeof queuePolicy).Statement[0]?.Sid, 'FromTopic');

    const topicArn = await createTopic(lab.clients, 'orders');
    const topic = await resourcePolicyOf(lab.clients, topicArn);
    assert.equal(topic?.label, 'orders (topic policy)');
    assert.ok(Array.isArray((JSON.parse(topic.text) as { Statement: unknown }).Statement));

    const { keyId } = await createKey(lab.clients, { description: 'explain' });
    const key = await resourcePolicyOf(lab.clients, `arn:aws:kms:us-east-1:${account}:key/${keyId}`);
    assert.equal(key?.label, `key/${keyId} (key policy)`);
    assert.ok(/Statement/.test(key.text));
  });

  it("reads a role's inline and attached policies and its boundary, and decides with them", async () => {
    const iam = lab.clients.iam();
    const doc = (Sid: string, Action: string) =>
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid, Effect: 'Allow', Action, Resource: '*' }] });
    await iam.send(
      new CreateRoleCommand({ RoleName: 'app', AssumeRolePolicyDocument: doc('Trust', 'sts:AssumeRole') }),
    );
    await iam.send(
      new PutRolePolicyCommand({ RoleName: 'app', PolicyName: 'queues', PolicyDocument: doc('Queues', 'sqs:*') }),
    );
    const read = await iam.send(
      new CreatePolicyCommand({ PolicyName: 'ReadTables', PolicyDocument: doc('Tables', 'dynamodb:Get*') }),
    );
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'app', PolicyArn: read.Policy!.Arn! }));
    const ceiling = await iam.send(
      new CreatePolicyCommand({ PolicyName: 'Ceiling', PolicyDocument: doc('OnlyDynamo', 'dynamodb:*') }),
    );
    await iam.send(
      new PutRolePermissionsBoundaryCommand({ RoleName: 'app', PermissionsBoundary: ceiling.Policy!.Arn! }),
    );

    const session = 'arn:aws:sts::123456789012:assumed-role/app/build-7';
    const found = await principalPoliciesOf(lab.clients, session);
    assert.ok(found);
    assert.deepEqual(found.identity.map((p) => p.label).sort(), ['role app / ReadTables', 'role app / inline queues']);
    assert.equal(found.boundary?.label, 'role app / boundary Ceiling');
    const decide = (action: string) => {
      const outcome = explain({
        identity: found.identity.map((p) => ({ file: p.label, text: p.text })),
        boundary: [{ file: found.boundary!.label, text: found.boundary!.text }],
        resource: [],
        principal: session,
        action,
        resourceArn: '*',
      });
      assert.ok(outcome.ok);
      return outcome.decision;
    };
    assert.deepEqual(
      decide('dynamodb:GetItem').deciding.map((r) => `${r.file} ${r.sid}`),
      ['role app / ReadTables Tables', 'role app / boundary Ceiling OnlyDynamo'],
    );
    // The inline policy allows SQS, the boundary does not.
    assert.equal(decide('sqs:SendMessage').decision, 'implicit-deny');
    assert.equal(await principalPoliciesOf(lab.clients, 'arn:aws:iam::123456789012:user/nobody'), undefined);
  });

  it('has nothing to say about wildcards and other services', async () => {
    assert.equal(await resourcePolicyOf(lab.clients, 'arn:aws:sqs:us-east-1:123456789012:*'), undefined);
    assert.equal(await resourcePolicyOf(lab.clients, 'arn:aws:dynamodb:us-east-1:123456789012:table/t'), undefined);
  });
});
