// The logic inside the exercise checks that does not need a server: policy reading, ETags, redrive policies,
// Terraform and pg_dump recognition, the RESP parser, and the workspace-file checks over a real temporary folder.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { isMultipartEtag } from '../../src/walkthrough/checks/week01';
import { isPgDump, week05 } from '../../src/walkthrough/checks/week05';
import { redriveOf, type QueueInfo } from '../../src/walkthrough/checks/week07';
import { accountOf, broadGrant, parsePolicy } from '../../src/walkthrough/checks/week09';
import { isLocalProvider, localModule, week11 } from '../../src/walkthrough/checks/week11';
import { DEFAULT_LOCAL_SERVICES, type CheckEnv } from '../../src/walkthrough/checks/types';
import { extensionsOf, folderFiles, READ_BYTES } from '../../src/walkthrough/files';
import { asStrings, encodeCommand, parseReply, RedisError } from '../../src/walkthrough/probes/resp';
import { contextKeys, CHECKS, MANUAL_STEPS, WEEK_IDS } from '../../src/walkthrough/registry';

describe('check helpers', () => {
  test('multipart ETags end in -<parts>', () => {
    assert.equal(isMultipartEtag('"d41d8cd98f00b204e9800998ecf8427e-3"'), true);
    assert.equal(isMultipartEtag('"d41d8cd98f00b204e9800998ecf8427e"'), false);
  });

  test('policies are read plain or URL-encoded, and broad grants are named', () => {
    const doc = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }],
    };
    const plain = parsePolicy(JSON.stringify(doc));
    assert.equal(plain?.length, 1);
    assert.deepEqual(parsePolicy(encodeURIComponent(JSON.stringify(doc))), plain);
    assert.equal(parsePolicy('not json'), undefined);
    assert.equal(broadGrant(plain!), undefined);
    assert.equal(
      broadGrant([{ Effect: 'Allow', Action: ['s3:GetObject', 'dynamodb:*'], Resource: 'x' }]),
      'action dynamodb:*',
    );
    assert.equal(broadGrant([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]), 'Resource "*"');
    assert.equal(broadGrant([{ Effect: 'Allow', NotAction: 'iam:*', Resource: 'x' }]), 'an Allow with NotAction');
    assert.equal(broadGrant([{ Effect: 'Deny', Action: '*', Resource: '*' }]), undefined, 'a Deny never grants');
  });

  test('account ids come from ids and ARNs', () => {
    assert.equal(accountOf('111122223333'), '111122223333');
    assert.equal(accountOf('arn:aws:iam::111122223333:root'), '111122223333');
    assert.equal(accountOf('arn:aws:iam::111122223333:role/x'), '111122223333');
    assert.equal(accountOf('*'), undefined);
  });

  test('redrive policies need a target and a positive maxReceiveCount', () => {
    const q = (RedrivePolicy?: string): QueueInfo => ({
      url: 'u',
      name: 'n',
      arn: 'a',
      attrs: RedrivePolicy ? { RedrivePolicy } : {},
    });
    assert.deepEqual(redriveOf(q('{"deadLetterTargetArn":"arn:x","maxReceiveCount":"3"}')), {
      target: 'arn:x',
      maxReceiveCount: 3,
    });
    assert.deepEqual(redriveOf(q('{"deadLetterTargetArn":"arn:x","maxReceiveCount":5}')), {
      target: 'arn:x',
      maxReceiveCount: 5,
    });
    assert.equal(redriveOf(q('{"deadLetterTargetArn":"arn:x"}')), undefined);
    assert.equal(redriveOf(q('garbage')), undefined);
    assert.equal(redriveOf(q()), undefined);
  });

  test('Terraform: a local aws provider and a local module are recognised', () => {
    const provider =
      'provider "aws" {\n  region = "us-east-1"\n  endpoints {\n    s3 = "http://localhost:4566"\n  }\n}';
    assert.equal(isLocalProvider(provider), true);
    assert.equal(isLocalProvider(provider.replace('http://localhost:4566', 'https://s3.amazonaws.com')), false);
    assert.equal(isLocalProvider('provider "google" { endpoints { x = "http://localhost:1" } }'), false);
    assert.equal(localModule('module "q" {\n  source = "./modules/queue"\n  name = "a"\n}'), 'q from ./modules/queue');
    assert.equal(localModule('module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}'), undefined);
  });

  test('pg_dump files are recognised by their header', () => {
    assert.equal(isPgDump('--\n-- PostgreSQL database dump\n--\n'), true);
    assert.equal(isPgDump('PGDMP\u0001\u000e'), true);
    assert.equal(isPgDump('select 1;'), false);
  });

  test('the registry exports one key per checked step and per manual step', () => {
    const keys = contextKeys();
    assert.equal(new Set(keys).size, keys.length, 'keys are unique');
    const checked = WEEK_IDS.reduce((n, w) => n + Object.keys(CHECKS[w]).length, 0);
    const manual = WEEK_IDS.reduce((n, w) => n + MANUAL_STEPS[w].length, 0);
    assert.equal(keys.length, checked + manual);
    assert.ok(
      keys.every((k) => /^localCloudLab\.(ex|done)\.(week(0[1-9]|1[0-2])|lab-[a-z0-9-]+)\.[a-z0-9-]+$/.test(k)),
    );
  });
});

describe('RESP', () => {
  test('encodes commands as arrays of bulk strings', () => {
    assert.equal(encodeCommand(['SET', 'k', 'é']).toString(), '*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\né\r\n');
  });

  test('parses every reply type, and waits for incomplete input', () => {
    const b = (s: string) => Buffer.from(s);
    assert.deepEqual(parseReply(b('+PONG\r\n'))?.reply, 'PONG');
    assert.deepEqual(parseReply(b(':42\r\n'))?.reply, 42);
    assert.deepEqual(parseReply(b('$-1\r\n'))?.reply, null);
    assert.ok(parseReply(b('-ERR unknown\r\n'))?.reply instanceof RedisError);
    assert.deepEqual(parseReply(b('*2\r\n$1\r\n0\r\n*2\r\n$6\r\nuser:1\r\n$6\r\nuser:2\r\n'))?.reply, [
      '0',
      ['user:1', 'user:2'],
    ]);
    assert.equal(parseReply(b('$5\r\nhel')), undefined);
    assert.equal(parseReply(b('*2\r\n:1\r\n')), undefined);
    assert.deepEqual(parseReply(b('%1\r\n+a\r\n:1\r\n'))?.reply, ['a', 1]);
    assert.throws(() => parseReply(b('?what\r\n')), /not a Redis reply/);
    assert.deepEqual(asStrings(['a', 1, 'b']), ['a', 'b']);
  });
});

describe('workspace checks over a real folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lcl-ws-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  // A fresh file view per check, as each round of the scheduler gets.
  const env = (): CheckEnv => ({ files: folderFiles([dir]), local: DEFAULT_LOCAL_SERVICES }) as unknown as CheckEnv;

  test('globs are limited to the two shapes the checks use', () => {
    assert.deepEqual(extensionsOf('**/*.tf'), ['.tf']);
    assert.deepEqual(extensionsOf('**/*.{sql,dump}'), ['.sql', '.dump']);
    assert.throws(() => extensionsOf('src/**'), /Unsupported pattern/);
  });

  test('week05.backup flips when a pg_dump file appears, not for other SQL', async () => {
    mkdirSync(join(dir, 'backups'));
    writeFileSync(join(dir, 'backups', 'notes.sql'), 'select 1;');
    assert.equal((await week05.backup(env())).done, false);
    writeFileSync(
      join(dir, 'backups', 'lab.sql'),
      '--\n-- PostgreSQL database dump\n--\n\nSET statement_timeout = 0;\n',
    );
    const r = await week05.backup(env());
    assert.equal(r.done, true, r.detail);
    assert.match(r.detail, /backups\/lab\.sql/);
  });

  test('week11.provider and week11.modules flip on the right Terraform, and node_modules is ignored', async () => {
    mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
    writeFileSync(
      join(dir, 'node_modules', 'x', 'main.tf'),
      'provider "aws" {\n endpoints {\n s3 = "http://localhost:4566"\n }\n}\nmodule "m" {\n source = "./m"\n}',
    );
    assert.equal((await week11.provider!(env())).done, false);
    assert.equal((await week11.modules!(env())).done, false);
    mkdirSync(join(dir, 'infra'));
    writeFileSync(
      join(dir, 'infra', 'main.tf'),
      'provider "aws" {\n  endpoints {\n    sqs = "http://127.0.0.1:4566"\n  }\n}\n',
    );
    assert.equal((await week11.provider!(env())).done, true);
    assert.equal((await week11.modules!(env())).done, false);
    writeFileSync(
      join(dir, 'infra', 'queues.tf'),
      'module "orders" {\n  source = "./modules/queue"\n  name = "orders"\n}\n',
    );
    const r = await week11.modules!(env());
    assert.equal(r.done, true);
    assert.match(r.detail, /orders from \.\/modules\/queue/);
  });

  test('one round walks the folders once for the same search', async () => {
    const files = folderFiles([dir]);
    const first = files.find('**/*.tf', 100);
    assert.equal(files.find('**/*.tf', 100), first, 'the same search is the same walk');
    const seen = await first;
    writeFileSync(join(dir, 'late.tf'), 'module "x" {}');
    assert.equal(await files.find('**/*.tf', 100), seen, 'the round keeps what it saw');
    assert.ok(!seen.some((f) => f.path === 'late.tf'));
    assert.ok((await folderFiles([dir]).find('**/*.tf', 100)).some((f) => f.path === 'late.tf'));
  });

  test('only the head of a big file is read', async () => {
    writeFileSync(join(dir, 'big.sql'), '--\n-- PostgreSQL database dump\n' + 'x'.repeat(READ_BYTES * 2));
    const files = await folderFiles([dir]).find('**/*.sql', 10);
    assert.ok(files.every((f) => f.text.length <= READ_BYTES));
  });
});
