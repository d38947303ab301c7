import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  actionSupportsKey,
  arnCoversResourceType,
  arnMatchesTemplate,
  concreteArnExample,
  conditionKeyMatches,
  editDistance,
  expandActionPattern,
  findAction,
  findConditionKey,
  findService,
  groupByAccessLevel,
  parseOperator,
  resourceTypesOf,
  suggestActions,
} from '../../../server/src/core/iam/catalog';
import { iamData } from './support/data';

const data = iamData();
const OBJECT = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}';
const BUCKET = 'arn:${Partition}:s3:::${BucketName}';
const ROLE = 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}';
const QUEUE = 'arn:${Partition}:sqs:${Region}:${Account}:${QueueName}';
const LOG_GROUP = 'arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}';

describe('catalog lookups', () => {
  test('services and actions are found case-insensitively', () => {
    assert.equal(findService(data, 'S3')?.prefix, 's3');
    assert.equal(findAction(data, 's3:getobject')?.fullName, 's3:GetObject');
    assert.equal(findAction(data, 'IAM:PassRole')?.action.accessLevel, 'Write');
    assert.equal(findAction(data, 's3:NoSuchThing'), undefined);
    assert.equal(findAction(data, 'nosuchsvc:GetObject'), undefined);
    assert.equal(findAction(data, 'GetObject'), undefined);
  });

  test('action patterns expand to matching actions', () => {
    const gets = expandActionPattern(data, 's3:GetObject*').map((r) => r.fullName);
    assert.ok(gets.includes('s3:GetObject'));
    assert.ok(gets.includes('s3:GetObjectAcl'));
    assert.ok(gets.every((n) => n.startsWith('s3:GetObject')));
    assert.deepEqual(
      expandActionPattern(data, 'sqs:?eleteQueue').map((r) => r.fullName),
      ['sqs:DeleteQueue'],
    );
    assert.ok(expandActionPattern(data, 's*:ListAllMyBuckets').some((r) => r.fullName === 's3:ListAllMyBuckets'));
    assert.equal(expandActionPattern(data, 'nosuch:*').length, 0);
    assert.ok(expandActionPattern(data, '*').length > 10000);
  });

  test('a start-then-stars pattern expands to what the glob itself matches', () => {
    // `s3:*` and `ec2:Describe*` are expanded by their literal start alone; the answer must be the glob's.
    const every = expandActionPattern(data, '*').map((r) => r.fullName);
    for (const pattern of ['s3:*', 'S3:get*', 'ec2:Describe**', 'iam:*Role*', 'sqs:?et*', 'lambda:', 'kms:Decrypt*']) {
      const glob = new RegExp(`^${pattern.replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
      assert.deepEqual(
        expandActionPattern(data, pattern).map((r) => r.fullName),
        every.filter((n) => glob.test(n)),
        pattern,
      );
    }
  });

  test('resource types of an action resolve to ARN templates', () => {
    assert.deepEqual(
      resourceTypesOf(data, 's3:GetObject').map((r) => r.arn),
      expect(['arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}', OBJECT]),
    );
    assert.deepEqual(resourceTypesOf(data, 's3:ListAllMyBuckets'), []);
  });

  test('groups by access level in a stable order', () => {
    const groups = groupByAccessLevel(expandActionPattern(data, 's3:*'));
    assert.deepEqual([...groups.keys()], ['List', 'Read', 'Tagging', 'Write', 'Permissions management']);
  });
});

function expect(arns: string[]): string[] {
  // Data updates may add resource types; only check the ones we know are there.
  const actual = resourceTypesOf(data, 's3:GetObject').map((r) => r.arn);
  for (const a of arns) assert.ok(actual.includes(a), `missing ${a}`);
  return actual;
}

describe('ARN patterns against resource-type templates', () => {
  const cases: [string, string, boolean][] = [
    ['*', OBJECT, true],
    ['arn:aws:s3:::bucket/*', OBJECT, true],
    ['arn:aws:s3:::bucket/dir/file.txt', OBJECT, true],
    ['arn:aws:s3:::bucket', OBJECT, false],
    ['arn:aws:s3:::bucket', BUCKET, true],
    ['arn:aws:s3:::bucket/*', BUCKET, false],
    ['arn:aws:s3:::bucket*', OBJECT, true],
    ['arn:aws:s3:::*', BUCKET, true],
    ['arn:aws:iam::123456789012:role/app/deployer', ROLE, true],
    ['arn:aws:iam::123456789012:user/bob', ROLE, false],
    ['arn:aws:sqs:us-east-1:123456789012:orders', QUEUE, true],
    ['arn:aws:sqs:us-east-1:123456789012:orders/x', QUEUE, false],
    ['arn:aws:sqs:*:*:orders-?', QUEUE, true],
    ['arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn:*', LOG_GROUP, true],
    ['arn:aws:dynamodb:us-east-1:123456789012:table/Orders', QUEUE, false],
  ];
  for (const [pattern, template, expected] of cases) {
    test(`${pattern} ${expected ? 'fits' : 'does not fit'} ${template}`, () => {
      assert.equal(arnMatchesTemplate(pattern, template), expected);
    });
  }

  const covers: [string, string, boolean][] = [
    ['*', ROLE, true],
    ['arn:aws:iam::123456789012:role/*', ROLE, true],
    ['arn:aws:iam::*:role/*', ROLE, true],
    ['arn:*:iam::*:*', ROLE, true],
    ['arn:aws:iam::123456789012:role/app-*', ROLE, false],
    ['arn:aws:iam::123456789012:role/deployer', ROLE, false],
    ['arn:aws:s3:::*', BUCKET, true],
    ['arn:aws:s3:::*/*', OBJECT, true],
    ['arn:aws:s3:::my-bucket/*', OBJECT, false],
    ['arn:aws:sqs:us-east-1:123456789012:*', QUEUE, true],
    ['arn:aws:sqs:us-east-1:123456789012:orders', QUEUE, false],
  ];
  for (const [pattern, template, expected] of covers) {
    test(`${pattern} ${expected ? 'covers' : 'does not cover'} ${template}`, () => {
      assert.equal(arnCoversResourceType(pattern, template), expected);
    });
  }

  test('a pasted 100,000-character resource is matched against templates like a short one', () => {
    // The matchers keep a bit per (pattern, template) state: states far apart, at word edges and at the end.
    const long = 'a'.repeat(100_000);
    assert.equal(arnMatchesTemplate(`arn:aws:s3:::${long}*?*`, OBJECT), true);
    assert.equal(arnMatchesTemplate(`arn:aws:s3:::${long}`, BUCKET), true);
    assert.equal(arnMatchesTemplate(`arn:aws:s3:::${long}`, OBJECT), false);
    assert.equal(arnMatchesTemplate(`arn:aws:s3:::b/${long}x`, QUEUE), false);
    assert.equal(arnCoversResourceType(`arn:aws:s3:::*${long}`, BUCKET), false);
    assert.equal(arnCoversResourceType(`arn:aws:s3:::*/*${'*'.repeat(1000)}`, OBJECT), true);
    assert.equal(arnCoversResourceType(`arn:aws:s3:::${long}*/*`, OBJECT), false);
  });

  test('concrete examples replace placeholders with editable text', () => {
    assert.equal(concreteArnExample(OBJECT), 'arn:aws:s3:::BUCKET_NAME/*');
    assert.equal(concreteArnExample(BUCKET), 'arn:aws:s3:::BUCKET_NAME');
    assert.equal(concreteArnExample(ROLE), 'arn:aws:iam::123456789012:role/ROLE_NAME');
    assert.equal(concreteArnExample(QUEUE), 'arn:aws:sqs:us-east-1:123456789012:QUEUE_NAME');
  });
});

describe('condition keys and operators', () => {
  test('templated keys match concrete keys', () => {
    assert.ok(conditionKeyMatches('aws:ResourceTag/team', 'aws:ResourceTag/${TagKey}'));
    assert.ok(conditionKeyMatches('aws:PrincipalTag/team', 'aws:PrincipalTag/tag-key'));
    assert.ok(conditionKeyMatches('S3:PREFIX', 's3:prefix'));
    assert.ok(!conditionKeyMatches('aws:ResourceTag/', 'aws:ResourceTag/${TagKey}'));
  });

  test('keys are looked up in globals and services', () => {
    assert.equal(findConditionKey(data, 'aws:sourceip')?.type, 'IPAddress');
    assert.equal(findConditionKey(data, 'aws:PrincipalTag/team')?.type, 'String');
    assert.equal(findConditionKey(data, 's3:prefix')?.name, 's3:prefix');
    assert.equal(findConditionKey(data, 'iam:PassedToService')?.type, 'String');
    assert.equal(findConditionKey(data, 's3:nosuchkey'), undefined);
  });

  test('an action supports its own, its resource types and global keys', () => {
    const passRole = findAction(data, 'iam:PassRole');
    assert.ok(passRole);
    assert.ok(actionSupportsKey(data, passRole, 'iam:PassedToService'));
    assert.ok(actionSupportsKey(data, passRole, 'aws:SourceIp'));
    assert.ok(!actionSupportsKey(data, passRole, 's3:prefix'));
    const runInstances = findAction(data, 'ec2:RunInstances');
    assert.ok(runInstances);
    assert.ok(actionSupportsKey(data, runInstances, 'ec2:ResourceTag/env'));
  });

  test('operators parse into qualifier, base and IfExists', () => {
    assert.deepEqual(parseOperator('ForAnyValue:StringLikeIfExists'), {
      text: 'ForAnyValue:StringLikeIfExists',
      qualifier: 'ForAnyValue',
      base: 'StringLike',
      baseText: 'StringLike',
      ifExists: true,
      family: 'String',
    });
    assert.equal(parseOperator('StringEqual').base, undefined);
    assert.equal(parseOperator('forAnyValue:stringlike').base, 'StringLike');
    assert.equal(parseOperator('ForAny:StringLike').qualifierError, 'unknown set qualifier ForAny');
  });
});

describe('suggestions', () => {
  test('edit distance', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('GetObject', 'getobject'), 0);
  });
  test('misspelt actions get close names', () => {
    assert.equal(suggestActions(data, 's3:GetObjekt')[0], 's3:GetObject');
    assert.equal(suggestActions(data, 'sqs:SendMesage')[0], 'sqs:SendMessage');
    assert.equal(suggestActions(data, 's4:GetObject')[0]?.endsWith(':GetObject'), true);
    assert.deepEqual(suggestActions(data, 's3:Zzzzzzzzzzzzzzzzzzzz'), []);
  });
});
