// The S3 access layer against a real moto server: listing with paging, buckets, objects, uploads, presigning and
// bucket settings.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import * as s3 from '../../src/aws/s3';
import { getQueue } from '../../src/aws/sqs';
import { useLab } from '../support/fixtures';

describe('aws/s3 against the emulator', () => {
  const lab = useLab();

  it('creates buckets and pages through them', async () => {
    for (const b of ['bkt-a', 'bkt-b', 'bkt-c']) await s3.createBucket(lab.clients, b);
    const first = await s3.listBuckets(lab.clients, { pageSize: 2 });
    assert.deepEqual(
      first.buckets.map((b) => b.name),
      ['bkt-a', 'bkt-b'],
    );
    assert.ok(first.next);
    const second = await s3.listBuckets(lab.clients, { pageSize: 2, cursor: first.next });
    assert.deepEqual(
      second.buckets.map((b) => b.name),
      ['bkt-c'],
    );
    assert.equal(second.next, undefined);
  });

  it('lists one level of prefixes and objects, with continuation', async () => {
    await s3.createBucket(lab.clients, 'tree');
    for (const k of ['a.txt', 'b.txt', 'c.txt', 'logs/1.log', 'logs/2.log', 'img/x.png']) {
      await s3.putObjectBytes(lab.clients, 'tree', k, new TextEncoder().encode(k));
    }
    const top = await s3.listObjects(lab.clients, { bucket: 'tree', pageSize: 1000 });
    assert.deepEqual([...top.prefixes].sort(), ['img/', 'logs/']);
    assert.deepEqual(
      top.objects.map((o) => o.key),
      ['a.txt', 'b.txt', 'c.txt'],
    );
    const logs = await s3.listObjects(lab.clients, { bucket: 'tree', prefix: 'logs/', pageSize: 1 });
    assert.equal(logs.objects.length, 1);
    assert.ok(logs.next, 'a continuation token for the second page');
    const rest = await s3.listObjects(lab.clients, { bucket: 'tree', prefix: 'logs/', pageSize: 1, cursor: logs.next });
    assert.deepEqual(
      rest.objects.map((o) => o.key),
      ['logs/2.log'],
    );
  });

  it('counts, empties (all versions) and deletes a bucket', async () => {
    await s3.createBucket(lab.clients, 'doomed');
    await s3.setVersioning(lab.clients, 'doomed', true);
    for (let i = 0; i < 3; i++) await s3.putObjectBytes(lab.clients, 'doomed', 'same-key', new Uint8Array([i]));
    await s3.putObjectBytes(lab.clients, 'doomed', 'other', new Uint8Array([9]));
    const counted = await s3.countObjects(lab.clients, 'doomed', 10_000);
    assert.deepEqual(counted, { count: 4, capped: false });
    const progress: number[] = [];
    const deleted = await s3.emptyBucket(lab.clients, 'doomed', (n) => progress.push(n));
    assert.equal(deleted, 4);
    assert.equal(progress.at(-1), 4);
    await s3.deleteBucket(lab.clients, 'doomed');
    const left = await s3.listBuckets(lab.clients, { pageSize: 10 });
    assert.deepEqual(left.buckets, []);
  });

  it('refuses to delete a non-empty bucket without emptying it first', async () => {
    await s3.createBucket(lab.clients, 'full');
    await s3.putObjectBytes(lab.clients, 'full', 'k', new Uint8Array([1]));
    await assert.rejects(s3.deleteBucket(lab.clients, 'full'), /BucketNotEmpty/);
  });

  it('creates folders, lists keys under a prefix and deletes objects', async () => {
    await s3.createBucket(lab.clients, 'folders');
    assert.equal(await s3.createFolder(lab.clients, 'folders', 'docs'), 'docs/');
    await s3.putObjectBytes(lab.clients, 'folders', 'docs/a.md', new TextEncoder().encode('# a'));
    const under = await s3.listKeysUnder(lab.clients, 'folders', 'docs/', 100);
    assert.deepEqual(under.keys.sort(), ['docs/', 'docs/a.md']);
    assert.equal(await s3.deleteObjects(lab.clients, 'folders', under.keys), 2);
    const after = await s3.listObjects(lab.clients, { bucket: 'folders', pageSize: 10 });
    assert.deepEqual(after.objects, []);
  });

  it('reads and writes object bytes, refusing objects over the size cap', async () => {
    await s3.createBucket(lab.clients, 'rw-bucket');
    await s3.putObjectBytes(
      lab.clients,
      'rw-bucket',
      'doc.json',
      new TextEncoder().encode('{"a":1}'),
      'application/json',
    );
    const got = await s3.getObjectBytes(lab.clients, 'rw-bucket', 'doc.json', 1024);
    assert.equal(new TextDecoder().decode(got.bytes), '{"a":1}');
    assert.equal(got.contentType, 'application/json');
    await assert.rejects(s3.getObjectBytes(lab.clients, 'rw-bucket', 'doc.json', 3), /over the 3-byte limit/);
  });

  it('uploads a large body as multipart with progress, and streams it back', async () => {
    await s3.createBucket(lab.clients, 'big');
    const size = 12 * 1024 * 1024; // over one 5 MiB part
    const body = Buffer.alloc(size, 7);
    const seen: number[] = [];
    await s3.uploadObject(lab.clients, {
      bucket: 'big',
      key: 'blob.bin',
      body: Readable.from([body.subarray(0, size / 2), body.subarray(size / 2)]),
      partSize: 5 * 1024 * 1024,
      onProgress: (loaded) => seen.push(loaded),
    });
    assert.ok(seen.length >= 2, `progress events: ${seen.join(',')}`);
    const head = await s3.headObject(lab.clients, 'big', 'blob.bin');
    assert.equal(head.size, size);
    // A multipart ETag carries the part count after a dash.
    assert.match(head.etag ?? '', /-\d+"?$/);
    const { stream } = await s3.getObjectStream(lab.clients, 'big', 'blob.bin');
    let total = 0;
    for await (const chunk of stream) total += (chunk as Buffer).length;
    assert.equal(total, size);
  });

  it('presigns a GET URL that works without credentials', async () => {
    await s3.createBucket(lab.clients, 'shared');
    await s3.putObjectBytes(lab.clients, 'shared', 'hello.txt', new TextEncoder().encode('hi there'));
    const url = await s3.presignGet(lab.clients, 'shared', 'hello.txt', 300);
    assert.match(url, /X-Amz-Expires=300/);
    const res = await fetch(url);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'hi there');
    await assert.rejects(s3.presignGet(lab.clients, 'shared', 'hello.txt', 0), /between 1 second and 7 days/);
  });

  it('toggles versioning and round-trips policy, lifecycle rules and notifications', async () => {
    await s3.createBucket(lab.clients, 'settings');
    assert.equal(await s3.getVersioning(lab.clients, 'settings'), 'Never enabled');
    await s3.setVersioning(lab.clients, 'settings', true);
    assert.equal(await s3.getVersioning(lab.clients, 'settings'), 'Enabled');
    await s3.setVersioning(lab.clients, 'settings', false);
    assert.equal(await s3.getVersioning(lab.clients, 'settings'), 'Suspended');

    assert.equal(await s3.getBucketPolicy(lab.clients, 'settings'), undefined);
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::settings/*' }],
    };
    await s3.putBucketPolicy(lab.clients, 'settings', JSON.stringify(policy));
    assert.deepEqual(JSON.parse((await s3.getBucketPolicy(lab.clients, 'settings')) ?? '{}'), policy);
    await assert.rejects(s3.putBucketPolicy(lab.clients, 'settings', '{not json'), SyntaxError);
    await s3.putBucketPolicy(lab.clients, 'settings', '');
    assert.equal(await s3.getBucketPolicy(lab.clients, 'settings'), undefined);

    assert.deepEqual(await s3.getLifecycleRules(lab.clients, 'settings'), []);
    await s3.putLifecycleRules(lab.clients, 'settings', [
      { ID: 'expire-logs', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Expiration: { Days: 7 } },
    ]);
    const rules = (await s3.getLifecycleRules(lab.clients, 'settings')) as {
      ID?: string;
      Expiration?: { Days?: number };
    }[];
    assert.equal(rules[0]?.ID, 'expire-logs');
    assert.equal(rules[0]?.Expiration?.Days, 7);

    const { CreateQueueCommand } = await import('@aws-sdk/client-sqs');
    const { QueueUrl } = await lab.clients.sqs().send(new CreateQueueCommand({ QueueName: 'bucket-events' }));
    // The emulator's own account (moto 123456789012, LocalStack 000000000000): LocalStack checks the queue exists.
    const queueArn = (await getQueue(lab.clients, QueueUrl!)).arn!;
    await s3.putNotifications(lab.clients, 'settings', {
      QueueConfigurations: [{ Id: 'to-queue', QueueArn: queueArn, Events: ['s3:ObjectCreated:*'] }],
    });
    const n = (await s3.getNotifications(lab.clients, 'settings')) as { QueueConfigurations?: { QueueArn?: string }[] };
    assert.equal(n.QueueConfigurations?.[0]?.QueueArn, queueArn);
  });

  it('validates bucket names and builds URIs and ARNs', () => {
    assert.equal(s3.validateBucketName('good-name.1'), undefined);
    assert.match(s3.validateBucketName('Bad_Name') ?? '', /lower-case/);
    assert.match(s3.validateBucketName('ab') ?? '', /3 to 63/);
    assert.equal(s3.s3Uri('b', 'k/x'), 's3://b/k/x');
    assert.equal(s3.s3Arn('b'), 'arn:aws:s3:::b');
    assert.equal(s3.s3Arn('b', 'k'), 'arn:aws:s3:::b/k');
  });
});
