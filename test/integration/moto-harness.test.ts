// The integration harness itself: a real moto server starts, holds state, resets and stops.
import { CreateBucketCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { awsTestConfig, startMoto, type MotoServer } from '../support/moto';

describe('moto harness', () => {
  let moto: MotoServer;
  let s3: S3Client;
  before(async () => {
    // moto itself (these tests are about moto), also in the LocalStack run.
    moto = await startMoto({ reuse: process.env.LCL_TEST_BACKEND === 'localstack' ? '' : undefined });
    s3 = new S3Client(awsTestConfig(moto.endpoint));
  });
  after(async () => {
    s3?.destroy();
    await moto?.stop();
  });

  it('creates a bucket, then reset() clears it', async () => {
    await moto.reset();
    await s3.send(new CreateBucketCommand({ Bucket: 'harness-check' }));
    const before = await s3.send(new ListBucketsCommand({}));
    assert.deepEqual(
      before.Buckets?.map((b) => b.Name),
      ['harness-check'],
    );
    await moto.reset();
    const afterReset = await s3.send(new ListBucketsCommand({}));
    assert.deepEqual(afterReset.Buckets ?? [], []);
  });

  it('has Lambda configured without Docker', async () => {
    const res = await fetch(`${moto.endpoint}/moto-api/config`);
    const cfg = (await res.json()) as { lambda?: { use_docker?: boolean } };
    assert.equal(cfg.lambda?.use_docker, false);
  });
});
