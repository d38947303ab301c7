import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { iamHover } from '../../../server/src/core/iam/hover';
import { iamData } from './support/data';
import { cfnFile, policiesOf } from './support/harness';

const data = iamData();

/** Hover at the first occurrence of `marker` in the text (offset inside it). */
function hoverAt(text: string, marker: string, uri = 'policy.json'): string | undefined {
  const offset = text.indexOf(marker);
  assert.ok(offset >= 0, `marker ${marker}`);
  return iamHover(policiesOf(text, uri), data, offset + 1)?.contents;
}

const doc = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:ListBucket', 'sqs:Send*', 'nosuch:Thing'],
        Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
        Condition: {
          'ForAnyValue:StringLikeIfExists': { 's3:prefix': 'a/*' },
          Bool: { 'aws:SecureTransport': 'true' },
        },
      },
    ],
  },
  null,
  2,
);

describe('IAM hover', () => {
  test('an action shows description, access level, resource types and keys, with the data date', () => {
    const h = hoverAt(doc, '"s3:GetObject"');
    assert.ok(h);
    assert.match(h, /\*\*s3:GetObject\*\* — Read/);
    assert.match(h, /Grants permission to retrieve objects/);
    assert.match(h, /object( \(required\))?: `arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}`/);
    assert.match(h, /\*\*Condition keys:\*\*.*s3:/);
    assert.match(h, new RegExp(`collected ${data.updatedAt}`));
  });

  test('a wildcard shows how many actions it grants, grouped by access level', () => {
    const h = hoverAt(doc, '"sqs:Send*"');
    assert.ok(h);
    assert.match(h, /\*\*`sqs:Send\*`\*\* grants 1 action:/);
    assert.match(h, /\*\*Write\*\* \(1\): `sqs:SendMessage`/);
    const all = hoverAt(doc.replace('sqs:Send*', 's3:*'), '"s3:*"');
    assert.ok(all);
    const count = Number(/grants (\d+) actions/.exec(all)?.[1]);
    assert.ok(count > 100, `s3:* grants ${count}`);
    assert.match(all, /… and \d+ more/);
  });

  test('an unknown action says so', () => {
    assert.match(hoverAt(doc, '"nosuch:Thing"') ?? '', /not a known action/);
  });

  test('a resource lists the actions it serves and those it does not', () => {
    const bucket = hoverAt(doc, '"arn:aws:s3:::b"');
    assert.ok(bucket);
    assert.match(bucket, /\*\*Serves:\*\* `s3:ListBucket` \(bucket\)/);
    assert.match(bucket, /\*\*Does not serve:\*\* `s3:GetObject` \(needs accesspointobject or object\)/);
    const objects = hoverAt(doc, '"arn:aws:s3:::b/*"');
    assert.match(objects ?? '', /\*\*Serves:\*\* `s3:GetObject` \(object\)/);
  });

  test('condition operators and keys explain themselves', () => {
    const op = hoverAt(doc, '"ForAnyValue:StringLikeIfExists"');
    assert.match(op ?? '', /StringLike compares strings/);
    assert.match(op ?? '', /IfExists/);
    assert.match(op ?? '', /ForAnyValue/);
    const key = hoverAt(doc, '"aws:SecureTransport"');
    assert.match(key ?? '', /\*\*aws:SecureTransport\*\* — Bool/);
    const prefix = hoverAt(doc, '"s3:prefix"');
    assert.match(prefix ?? '', /\*\*Not supported by:\*\* `s3:GetObject`/);
  });

  test('YAML templates hover too', () => {
    const yaml = cfnFile(['- Effect: Allow', '  Action: dynamodb:Query', "  Resource: '*'"]);
    assert.match(hoverAt(yaml, 'dynamodb:Query', 'template.yaml') ?? '', /\*\*dynamodb:Query\*\* — Read/);
  });

  test('nothing outside policies', () => {
    assert.equal(iamHover(policiesOf(doc), data, 0), undefined);
  });
});
