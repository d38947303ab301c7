// Policy generation from recorded access and the "unused access" diff against a principal's policies, table-driven.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadPolicies } from '../../../server/src/core/iam/evaluate/load';
import { generatePolicy, policyText } from '../../../server/src/core/iam/record/generate';
import type { Access } from '../../../server/src/core/iam/record/requests';
import { unusedAccess } from '../../../server/src/core/iam/record/unused';
import { iamData } from './support/data';

const a = (action: string, resource: string): Access => ({ action, resource });
const OBJ = 'arn:aws:s3:::orders/in/a.json';
const Q = 'arn:aws:sqs:us-east-1:123456789012:jobs';
const T = 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders';

describe('generatePolicy', () => {
  it('groups by service and by resources needing the same actions; sorted; content-derived Sids', () => {
    const policy = generatePolicy([
      a('sqs:SendMessage', Q),
      a('s3:PutObject', OBJ),
      a('s3:GetObject', OBJ),
      a('s3:GetObject', 'arn:aws:s3:::orders/in/b.json'),
      a('s3:PutObject', 'arn:aws:s3:::orders/in/b.json'),
      a('s3:ListBucket', 'arn:aws:s3:::orders'),
      a('dynamodb:Query', T),
      a('sqs:ReceiveMessage', Q),
      a('S3:getobject', OBJ), // the same action, spelt differently
      a('s3:GetObject', OBJ), // a duplicate
    ]);
    assert.deepEqual(policy, {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'DynamodbAccess1', Effect: 'Allow', Action: ['dynamodb:Query'], Resource: [T] },
        { Sid: 'S3Access1', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: ['arn:aws:s3:::orders'] },
        {
          Sid: 'S3Access2',
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:PutObject'],
          Resource: [OBJ, 'arn:aws:s3:::orders/in/b.json'],
        },
        { Sid: 'SqsAccess1', Effect: 'Allow', Action: ['sqs:ReceiveMessage', 'sqs:SendMessage'], Resource: [Q] },
      ],
    });
  });

  it('is stable: the order of the recording does not change the text', () => {
    const calls = [a('s3:GetObject', OBJ), a('sqs:SendMessage', Q), a('s3:PutObject', 'arn:aws:s3:::x/y')];
    assert.equal(policyText(generatePolicy(calls)), policyText(generatePolicy([...calls].reverse())));
  });

  it('an empty recording is a policy with no statements; malformed actions are skipped', () => {
    assert.deepEqual(generatePolicy([a('nocolon', '*'), a(':x', '*'), a('s3:GetObject', '')]).Statement, []);
  });

  it('writes valid policy text the analyzers read without problems', () => {
    const loaded = loadPolicies('p.json', policyText(generatePolicy([a('s3:GetObject', OBJ)])));
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.sources.length, 1);
  });
});

describe('unusedAccess', () => {
  const data = iamData();
  const USER = 'arn:aws:iam::123456789012:user/app';
  const policy = (Statement: unknown[]) => {
    const loaded = loadPolicies('app.json', JSON.stringify({ Version: '2012-10-17', Statement }, null, 2));
    assert.deepEqual(loaded.problems, []);
    return loaded.sources;
  };
  const rows = (r: ReturnType<typeof unusedAccess>) =>
    r.unused.map((u) => `${u.statement.sid}: ${u.reason}: ${u.action} on ${u.resource}`);

  it('reports statements, action entries and resource entries the recording never used', () => {
    const identity = policy([
      {
        Sid: 'Objects',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:DeleteObject'],
        Resource: 'arn:aws:s3:::orders/*',
      },
      {
        Sid: 'Queue',
        Effect: 'Allow',
        Action: 'sqs:SendMessage',
        Resource: [Q, 'arn:aws:sqs:us-east-1:123456789012:old'],
      },
      { Sid: 'Admin', Effect: 'Allow', Action: 'iam:*', Resource: '*' },
    ]);
    const r = unusedAccess(data, {
      principal: USER,
      identity,
      recorded: [a('s3:GetObject', OBJ), a('sqs:SendMessage', Q)],
    });
    assert.deepEqual(rows(r), [
      'Objects: action never used: s3:DeleteObject on arn:aws:s3:::orders/*',
      'Queue: resource never used: sqs:SendMessage on arn:aws:sqs:us-east-1:123456789012:old',
      'Admin: statement never used: iam:* on *',
    ]);
    assert.equal(r.allowed, 2);
    assert.deepEqual(r.denied, []);
  });

  it('lists the catalogue actions of a used wildcard entry that were never made (bounded)', () => {
    const identity = policy([{ Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject*', Resource: '*' }]);
    const r = unusedAccess(data, {
      principal: USER,
      identity,
      recorded: [a('s3:GetObject', OBJ)],
      maxActionsPerEntry: 3,
    });
    assert.deepEqual(rows(r), [
      'Read: action never used: s3:GetObjectAcl on *',
      'Read: action never used: s3:GetObjectAnnotation on *',
      'Read: action never used: s3:GetObjectAttributes on *',
    ]);
    assert.ok(r.omitted > 0);
  });

  it('a denied call uses nothing: an explicit Deny takes it away', () => {
    const identity = policy([
      { Sid: 'All', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
      { Sid: 'NotThis', Effect: 'Deny', Action: 's3:GetObject', Resource: OBJ },
    ]);
    const r = unusedAccess(data, { principal: USER, identity, recorded: [a('s3:GetObject', OBJ)] });
    assert.deepEqual(rows(r), ['All: statement never used: s3:GetObject on *']);
    assert.deepEqual(r.denied, [a('s3:GetObject', OBJ)]);
  });

  it('a resource entry with a policy variable is never called unused once its statement was used', () => {
    const identity = policy([
      {
        Sid: 'Home',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: ['arn:aws:s3:::home/${aws:username}/*', 'arn:aws:s3:::orders/*'],
      },
    ]);
    const r = unusedAccess(data, {
      principal: USER,
      identity,
      recorded: [a('s3:GetObject', 'arn:aws:s3:::home/app/x')],
    });
    assert.deepEqual(rows(r), ['Home: resource never used: s3:GetObject on arn:aws:s3:::orders/*']);
  });

  it('NotAction and NotResource statements are judged as a whole', () => {
    const identity = policy([
      { Sid: 'Most', Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
      { Sid: 'Outside', Effect: 'Allow', Action: 'sqs:*', NotResource: Q },
    ]);
    const r = unusedAccess(data, { principal: USER, identity, recorded: [a('s3:GetObject', OBJ)] });
    assert.deepEqual(rows(r), ['Outside: statement never used: sqs:* on * except ' + Q]);
  });
});
