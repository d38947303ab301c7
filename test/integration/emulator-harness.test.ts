// The test emulator itself, whichever backend the run uses: reset() empties every service the tests fill (moto's
// /moto-api/reset, or on LocalStack a sweep through the AWS APIs plus a reset of the moto serving DynamoDB), and on
// LocalStack the product recognises the real thing: version, per-service states and init stages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectBackend } from '../../src/aws/backend';
import * as ddb from '../../src/aws/dynamodb';
import * as iam from '../../src/aws/iam';
import * as kinesis from '../../src/aws/kinesis';
import * as s3 from '../../src/aws/s3';
import * as secrets from '../../src/aws/secretsManager';
import * as sns from '../../src/aws/sns';
import * as sqs from '../../src/aws/sqs';
import { onLocalStack } from '../support/emulator';
import { useLab } from '../support/fixtures';
import { simpleTableJson } from '../support/tables';

describe('test emulator', () => {
  const lab = useLab();

  it('reset() leaves no bucket, queue, topic, stream, table, role, policy or secret behind', async () => {
    const c = lab.clients;
    await s3.createBucket(c, 'harness-bucket');
    await s3.putObjectBytes(c, 'harness-bucket', 'a/b.txt', new TextEncoder().encode('x'));
    await sqs.createQueue(c, { name: 'harness-q', fifo: false });
    await sns.createTopic(c, 'harness-t');
    await kinesis.createStream(c, { name: 'harness-s', mode: 'PROVISIONED', shardCount: 1 });
    const table = ddb.tableInputFromJson(simpleTableJson('harness'));
    assert.ok(table.ok);
    if (table.ok) await ddb.createTable(c, table.input);
    const trust = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    };
    await iam.createRole(c, { name: 'harness-role', trustPolicy: JSON.stringify(trust) });
    await secrets.createSecret(c, { name: 'harness/secret', value: 's3cr3t' });

    await lab.emulator.reset();

    assert.deepEqual((await s3.listBuckets(c, { pageSize: 100 })).buckets, []);
    assert.deepEqual((await sqs.listQueues(c, { pageSize: 100 })).queues, []);
    assert.deepEqual((await sns.listTopics(c)).topics, []);
    assert.deepEqual((await kinesis.listStreams(c, { pageSize: 100 })).streams, []);
    assert.deepEqual((await ddb.listTables(c, { pageSize: 100 })).tables, []);
    assert.deepEqual(
      (await iam.listRoles(c, { pageSize: 100 })).items.filter((r) => r.name === 'harness-role'),
      [],
    );
    assert.deepEqual((await secrets.listSecrets(c, { pageSize: 100 })).secrets, []);
  });

  if (onLocalStack) {
    it('is recognised as LocalStack 4.14 with per-service states, init stages and the ready hook state', async () => {
      const r = await detectBackend(lab.emulator.endpoint);
      assert.ok(r.reachable);
      if (!r.reachable) return;
      assert.equal(r.backend.kind, 'localstack');
      assert.match(r.backend.version ?? '', /^4\.14\./);
      assert.equal(r.backend.sqsPeek, true);
      for (const service of ['s3', 'sqs', 'kinesis', 'iam', 'sns', 'lambda', 'kms', 'secretsmanager']) {
        assert.ok(['available', 'running'].includes(r.backend.services?.[service] ?? ''), service);
      }
      assert.equal(r.backend.init?.completed.READY, true);
      // scripts/test.mjs installs one ready-stage hook; LocalStack ran it.
      assert.deepEqual(
        r.backend.init?.scripts.map((s) => [s.stage, s.name, s.state]),
        [['READY', '10-lab-ready.sh', 'SUCCESSFUL']],
      );
    });
  }
});
