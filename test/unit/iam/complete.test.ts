import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { iamComplete } from '../../../server/src/core/iam/complete';
import type { CompletionEntry } from '../../../server/src/core/types';
import { iamData } from './support/data';
import { cfnFile, policiesOf } from './support/harness';

const data = iamData();

/** Completion at the `|` of the text (the bar is removed first). */
function completeAt(withCursor: string, uri = 'policy.json'): { entries: CompletionEntry[]; text: string } {
  const offset = withCursor.indexOf('|');
  assert.ok(offset >= 0);
  const text = withCursor.slice(0, offset) + withCursor.slice(offset + 1);
  return { entries: iamComplete(policiesOf(text, uri), data, text, offset), text };
}

function labels(entries: readonly CompletionEntry[]): string[] {
  return entries.map((e) => e.label);
}

const wrap = (statement: string): string => `{"Version": "2012-10-17", "Statement": [${statement}]}`;

describe('IAM completion', () => {
  test('service prefixes before the colon', () => {
    const { entries, text } = completeAt(wrap('{"Effect": "Allow", "Action": "s|", "Resource": "*"}'));
    const s3 = entries.find((e) => e.label === 's3');
    assert.ok(s3);
    assert.equal(s3.kind, 'service');
    assert.equal(s3.insertText, 's3:');
    assert.equal(text.slice(s3.replace!.start, s3.replace!.end), 's');
  });

  test('actions of the service, with access level', () => {
    const { entries, text } = completeAt(wrap('{"Effect": "Allow", "Action": ["s3:Get|"], "Resource": "*"}'));
    const get = entries.find((e) => e.label === 's3:GetObject');
    assert.ok(get);
    assert.equal(get.detail, 'Read');
    assert.equal(get.kind, 'action');
    assert.equal(text.slice(get.replace!.start, get.replace!.end), 's3:Get');
    assert.ok(labels(entries).includes('s3:*'));
    assert.ok(entries.every((e) => e.label.startsWith('s3:')));
  });

  test('ARN templates for the statement actions in Resource', () => {
    const { entries } = completeAt(
      wrap('{"Effect": "Allow", "Action": ["s3:GetObject", "sqs:SendMessage"], "Resource": "|"}'),
    );
    const l = labels(entries);
    assert.ok(l.includes('arn:aws:s3:::BUCKET_NAME/*'), JSON.stringify(l));
    assert.ok(l.includes('arn:aws:sqs:us-east-1:123456789012:QUEUE_NAME'));
    assert.ok(l.includes('*'));
    const obj = entries.find((e) => e.label === 'arn:aws:s3:::BUCKET_NAME/*');
    assert.equal(obj?.detail, 'arn:${Partition}:s3:::${BucketName}/${ObjectName}');
  });

  test('condition operators on operator keys', () => {
    const { entries, text } = completeAt(
      wrap('{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"Str|": {}}}'),
    );
    const l = labels(entries);
    for (const op of ['StringEquals', 'StringLikeIfExists', 'ForAnyValue:StringLike', 'ArnLike', 'Null', 'Bool']) {
      assert.ok(l.includes(op), op);
    }
    assert.ok(!l.includes('NullIfExists'));
    const first = entries[0]!;
    assert.equal(text.slice(first.replace!.start, first.replace!.end), 'Str');
  });

  test('condition keys valid for the statement actions, then global keys', () => {
    const { entries } = completeAt(
      wrap('{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringLike": {"|": "x"}}}'),
    );
    const l = labels(entries);
    assert.ok(l.includes('s3:prefix'));
    assert.ok(l.includes('aws:SourceIp'));
    assert.ok(!l.includes('ec2:InstanceType'), 'keys of other services are not offered');
    const prefix = entries.find((e) => e.label === 's3:prefix')!;
    const global = entries.find((e) => e.label === 'aws:SourceIp')!;
    assert.ok(prefix.sortText! < global.sortText!, 'statement keys sort first');
    const tag = entries.find((e) => e.label === 'aws:ResourceTag/${TagKey}');
    assert.equal(tag?.insertText, 'aws:ResourceTag/${1:TagKey}');
    assert.equal(tag?.snippet, true);
  });

  test('statement element names and values', () => {
    const keys = completeAt(wrap('{"Effect": "Allow", "|": 1}'));
    const l = labels(keys.entries);
    assert.ok(l.includes('Action') && l.includes('Resource') && l.includes('Condition'));
    assert.ok(!l.includes('Effect'), 'present elements are not offered again');
    const effect = completeAt(wrap('{"Effect": "|", "Action": "s3:*", "Resource": "*"}'));
    assert.deepEqual(labels(effect.entries), ['Allow', 'Deny']);
    const version = completeAt('{"Version": "|", "Statement": []}');
    assert.deepEqual(labels(version.entries), ['2012-10-17']);
  });

  test('YAML: actions in a block list', () => {
    const yaml = cfnFile(['- Effect: Allow', '  Action:', '    - dynamodb:Put|', "  Resource: '*'"]);
    const { entries } = completeAt(yaml, 'template.yaml');
    assert.ok(labels(entries).includes('dynamodb:PutItem'));
  });

  test('nothing outside a policy', () => {
    assert.deepEqual(completeAt('{"Resources": {}, "Other": "|"}', 'x.json').entries, []);
  });
});

describe('IAM completion while typing', () => {
  test('an unterminated string completes actions and replaces only what was typed', () => {
    const { entries, text } = completeAt(wrap('{"Effect": "Allow", "Action": "s3:Get|}'));
    const get = entries.find((e) => e.label === 's3:GetObject');
    assert.ok(get);
    assert.equal(text.slice(get.replace!.start, get.replace!.end), 's3:Get');
  });

  test('YAML key with no value yet completes ARN templates, plainest first', () => {
    const yaml = cfnFile(['- Effect: Allow', '  Action: s3:GetObject', '  Resource: |']);
    const { entries } = completeAt(yaml, 'template.yaml');
    assert.equal(entries[0]?.label, 'arn:aws:s3:::BUCKET_NAME/*');
  });
});
