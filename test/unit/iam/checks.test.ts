// The offline custom checks (CheckNoNewAccess, CheckAccessNotGranted, CheckNoPublicAccess), table-driven, and the
// CheckNoNewAccess correctness run of the benchmark on a sample of the AWS managed policies corpus.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkAccessNotGranted,
  checkNoNewAccess,
  checkNoPublicAccess,
  type PublicResourceType,
} from '../../../server/src/core/iam/evaluate/checks';
import { loadPolicies } from '../../../server/src/core/iam/evaluate/load';
import { managedPoliciesDir, readManagedPolicies, withOneActionAdded } from '../../support/managedPolicies';
import { iamData } from './support/data';

type Doc = Record<string, unknown>;
const doc = (...Statement: Doc[]): Doc => ({ Version: '2012-10-17', Statement });
const src = (d: Doc | string, file = 'p.json') => {
  const loaded = loadPolicies(file, typeof d === 'string' ? d : JSON.stringify(d, null, 2));
  assert.deepEqual(loaded.problems, []);
  return loaded.sources;
};
const pairs = (r: { reasons: readonly { action: string; resource: string }[] }) =>
  r.reasons.map((x) => `${x.action} ${x.resource}`).sort();

const READ = { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: 'arn:aws:s3:::b/*' };

describe('CheckNoNewAccess', () => {
  const rows: readonly [string, Doc, Doc, readonly string[]][] = [
    ['the same policy', doc(READ), doc(READ), []],
    [
      'one action added',
      doc(READ),
      doc({ ...READ, Action: [...READ.Action, 's3:DeleteObject'] }),
      ['s3:DeleteObject arn:aws:s3:::b/*'],
    ],
    ['an action removed', doc(READ), doc({ ...READ, Action: ['s3:GetObject'] }), []],
    ['a narrower resource', doc(READ), doc({ ...READ, Resource: 'arn:aws:s3:::b/reports/*' }), []],
    [
      'a wider resource',
      doc(READ),
      doc({ ...READ, Resource: 'arn:aws:s3:::*' }),
      ['s3:GetObject arn:aws:s3:::*', 's3:ListBucket arn:aws:s3:::*'],
    ],
    [
      'statements split differently',
      doc(READ),
      doc({ ...READ, Action: 's3:GetObject' }, { ...READ, Action: 's3:ListBucket', Sid: 'List' }),
      [],
    ],
    [
      'a wildcard the base also has',
      doc({ ...READ, Action: 's3:Get*' }),
      doc({ ...READ, Action: 's3:GetObject*' }),
      [],
    ],
    [
      'a condition removed',
      doc({ ...READ, Condition: { Bool: { 'aws:SecureTransport': 'true' } } }),
      doc(READ),
      ['s3:GetObject arn:aws:s3:::b/*', 's3:ListBucket arn:aws:s3:::b/*'],
    ],
    ['a condition added', doc(READ), doc({ ...READ, Condition: { Bool: { 'aws:SecureTransport': 'true' } } }), []],
    [
      'a deny dropped',
      doc({ ...READ, Action: 's3:*' }, { Sid: 'NoDelete', Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' }),
      doc({ ...READ, Action: 's3:*' }),
      ['s3:DeleteObject *'],
    ],
    [
      'a deny dropped that touched nothing granted',
      doc(READ, { Sid: 'NoIam', Effect: 'Deny', Action: 'iam:*', Resource: '*' }),
      doc(READ),
      [],
    ],
    [
      'NotAction the same',
      doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
      doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
      [],
    ],
    [
      'NotAction excluding less',
      doc({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }),
      doc({ Effect: 'Allow', NotAction: ['iam:*'], Resource: '*' }),
      'organizations',
    ],
    [
      'a home folder with ${aws:username}, unchanged',
      doc({ ...READ, Resource: 'arn:aws:s3:::b/${aws:username}/*' }),
      doc({ ...READ, Resource: 'arn:aws:s3:::b/${aws:username}/*' }),
      [],
    ],
    [
      'a variable replaced by a wildcard',
      doc({ ...READ, Resource: 'arn:aws:s3:::b/${aws:username}/*' }),
      doc({ ...READ, Resource: 'arn:aws:s3:::b/*/*' }),
      ['s3:GetObject arn:aws:s3:::b/*/*', 's3:ListBucket arn:aws:s3:::b/*/*'],
    ],
    [
      'a variable under a wildcard of the base',
      doc(READ),
      doc({ ...READ, Resource: 'arn:aws:s3:::b/${aws:username}/*' }),
      [],
    ],
    [
      'a principal added to a bucket policy',
      doc({ ...READ, Principal: { AWS: 'arn:aws:iam::111122223333:user/alice' } }),
      doc({
        ...READ,
        Principal: { AWS: ['arn:aws:iam::111122223333:user/alice', 'arn:aws:iam::111122223333:user/bob'] },
      }),
      ['s3:GetObject arn:aws:s3:::b/*', 's3:ListBucket arn:aws:s3:::b/*'],
    ],
  ] as never;
  for (const [name, base, next, expected] of rows) {
    it(name, () => {
      const r = checkNoNewAccess(iamData(), src(base, 'base.json'), src(next, 'new.json'));
      if (typeof expected === 'string') {
        assert.equal(r.result, 'FAIL');
        assert.ok(
          r.reasons.length > 0 && r.reasons.every((x) => x.action.startsWith(expected)),
          JSON.stringify(r.reasons.slice(0, 3)),
        );
        return;
      }
      assert.deepEqual(pairs(r), [...expected].sort());
      assert.equal(r.result, expected.length ? 'FAIL' : 'PASS');
    });
  }

  it('fails, with the reason, when wildcards cannot be compared exactly', () => {
    const base = doc({ ...READ, Action: ['s3:GetObject', 's3:GetObjectAcl'] });
    const next = doc({ ...READ, Action: 's3:GetObjectA?l' });
    const r = checkNoNewAccess(iamData(), src(base), src(next));
    assert.equal(r.result, 'FAIL');
    assert.deepEqual(pairs(r), ['s3:GetObjectA?l arn:aws:s3:::b/*']);
    assert.match(r.reasons[0]!.note ?? '', /catalogue does not list/);
  });

  it('treats computed values as unknown: FAIL, never a false PASS', () => {
    const cfn = (resource: string) =>
      `Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: s3:GetObject\n            Resource: ${resource}\n`;
    const base = loadPolicies('t.yaml', cfn('arn:aws:s3:::b/*')).sources;
    const next = loadPolicies('t.yaml', cfn('!Sub "${Bucket.Arn}/*"')).sources;
    assert.equal(checkNoNewAccess(iamData(), base, next).result, 'FAIL');
    assert.equal(checkNoNewAccess(iamData(), next, next).result, 'FAIL');
  });
});

describe('CheckNoNewAccess on the AWS managed policies (sample)', () => {
  const dir = managedPoliciesDir();
  it(
    'passes each policy against itself and fails it with one action added',
    { skip: dir ? false : 'corpus not found' },
    () => {
      const all = readManagedPolicies(dir!);
      assert.equal(all.length, 1523);
      const sample = all.filter((_, i) => i % 15 === 0);
      const wrong: string[] = [];
      let mutated = 0;
      for (const p of sample) {
        const base = src(p.text, p.name);
        if (checkNoNewAccess(iamData(), base, base).result !== 'PASS') wrong.push(`${p.name} vs itself`);
        const changed = withOneActionAdded(p.text, iamData());
        if (!changed) continue;
        mutated++;
        const r = checkNoNewAccess(iamData(), base, src(changed.text, p.name));
        if (r.result !== 'FAIL' || !r.reasons.some((x) => x.action === changed.action))
          wrong.push(`${p.name} + ${changed.action}`);
      }
      assert.deepEqual(wrong, []);
      assert.ok(mutated >= sample.length - 2, `${mutated} of ${sample.length} mutated`);
    },
  );
});

describe('CheckAccessNotGranted', () => {
  const rows: readonly [string, Doc, string[], string[], readonly string[]][] = [
    ['granted by name', doc(READ), ['s3:GetObject'], [], ['s3:GetObject arn:aws:s3:::b/*']],
    ['not granted', doc(READ), ['s3:PutObject'], [], []],
    [
      'granted through a service wildcard',
      doc({ ...READ, Action: 's3:*' }),
      ['s3:DeleteBucket'],
      [],
      ['s3:DeleteBucket arn:aws:s3:::b/*'],
    ],
    ['a wildcard asked for', doc(READ), ['s3:Get*'], [], ['s3:Get* arn:aws:s3:::b/*']],
    [
      'granted through NotAction',
      doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
      ['s3:DeleteBucket', 'iam:PassRole'],
      [],
      ['s3:DeleteBucket *'],
    ],
    ['on a resource outside the statement', doc(READ), ['s3:GetObject'], ['arn:aws:s3:::other/k'], []],
    ['on a resource inside it', doc(READ), ['s3:GetObject'], ['arn:aws:s3:::b/k'], ['s3:GetObject arn:aws:s3:::b/k']],
    [
      'taken away by an unconditional deny',
      doc({ ...READ, Action: 's3:*' }, { Effect: 'Deny', Action: 's3:Delete*', Resource: '*' }),
      ['s3:DeleteObject'],
      [],
      [],
    ],
    [
      'a conditional deny may not apply',
      doc(
        { ...READ, Action: 's3:*' },
        {
          Effect: 'Deny',
          Action: 's3:Delete*',
          Resource: '*',
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } },
        },
      ),
      ['s3:DeleteObject'],
      [],
      ['s3:DeleteObject arn:aws:s3:::b/*'],
    ],
    ['actions ignore case', doc(READ), ['S3:GETOBJECT'], [], ['S3:GETOBJECT arn:aws:s3:::b/*']],
  ];
  for (const [name, policy, actions, resources, expected] of rows) {
    it(name, () => {
      const r = checkAccessNotGranted(src(policy), actions, resources);
      assert.deepEqual(pairs(r), [...expected].sort());
      assert.equal(r.result, expected.length ? 'FAIL' : 'PASS');
    });
  }
});

describe('CheckNoPublicAccess', () => {
  const open = (extra: Doc = {}, principal: unknown = '*'): Doc =>
    doc({
      Sid: 'Open',
      Effect: 'Allow',
      Principal: principal,
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::site/*',
      ...extra,
    });
  const rows: readonly [string, Doc, PublicResourceType, boolean][] = [
    ['Principal "*"', open(), 'AWS::S3::Bucket', false],
    ['{"AWS": "*"}', open({}, { AWS: '*' }), 'AWS::S3::Bucket', false],
    ['every account by wildcard', open({}, { AWS: 'arn:aws:iam::*:root' }), 'AWS::S3::Bucket', false],
    ['one account', open({}, { AWS: '111122223333' }), 'AWS::S3::Bucket', true],
    ['a service principal', open({}, { Service: 'cloudfront.amazonaws.com' }), 'AWS::S3::Bucket', true],
    [
      'NotPrincipal with Allow',
      doc({ Effect: 'Allow', NotPrincipal: { AWS: '111122223333' }, Action: 's3:*', Resource: '*' }),
      'AWS::S3::Bucket',
      false,
    ],
    [
      'a fixed source ARN',
      open({ Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:cloudfront::111122223333:distribution/E1' } } }),
      'AWS::S3::Bucket',
      true,
    ],
    [
      'a source ARN with a wildcard',
      open({ Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:cloudfront::*:distribution/*' } } }),
      'AWS::S3::Bucket',
      false,
    ],
    [
      'an organization',
      open({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }),
      'AWS::SQS::Queue',
      true,
    ],
    [
      'an organization, IfExists',
      open({ Condition: { StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc123' } } }),
      'AWS::SQS::Queue',
      false,
    ],
    [
      'a VPC endpoint',
      open({ Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }),
      'AWS::S3::Bucket',
      true,
    ],
    ['an IP range', open({ Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }), 'AWS::S3::Bucket', true],
    ['every IP address', open({ Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } }), 'AWS::S3::Bucket', false],
    [
      'an unrelated condition',
      open({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } }),
      'AWS::S3::Bucket',
      false,
    ],
    [
      'kms:CallerAccount on a key',
      open({ Condition: { StringEquals: { 'kms:CallerAccount': '111122223333' } } }),
      'AWS::KMS::Key',
      true,
    ],
    [
      'kms:CallerAccount on a bucket means nothing',
      open({ Condition: { StringEquals: { 'kms:CallerAccount': '111122223333' } } }),
      'AWS::S3::Bucket',
      false,
    ],
    [
      'a deny outside the organization',
      doc(
        { Effect: 'Allow', Principal: '*', Action: 'sns:Publish', Resource: '*' },
        {
          Effect: 'Deny',
          Principal: '*',
          Action: '*',
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },
        },
      ),
      'AWS::SNS::Topic',
      true,
    ],
    [
      'a deny that does not cover the allowed actions',
      doc(
        { Effect: 'Allow', Principal: '*', Action: 'sns:*', Resource: '*' },
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 'sns:Publish',
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },
        },
      ),
      'AWS::SNS::Topic',
      false,
    ],
  ];
  for (const [name, policy, type, pass] of rows) {
    it(`${name} → ${pass ? 'PASS' : 'FAIL'}`, () => {
      const r = checkNoPublicAccess(src(policy), type);
      assert.equal(r.result, pass ? 'PASS' : 'FAIL', JSON.stringify(r.reasons));
      assert.equal(r.reasons.length > 0, !pass);
    });
  }
});
