import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RESOURCE_STAR } from '../../../../server/src/core/iam/rules/RESOURCE_STAR';
import { policy, ruleTable, runRule } from '../support/risk-harness';

describe('RESOURCE_STAR', () => {
  ruleTable(RESOURCE_STAR, {
    valid: [
      {
        name: 'read actions on star',
        text: policy({ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' }),
      },
      { name: 'wildcard-only write action', text: policy({ Effect: 'Allow', Action: 's3:CreateJob', Resource: '*' }) },
      {
        name: 'write scoped to a bucket',
        text: policy({ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*' }),
      },
      {
        name: 'write on a name prefix',
        text: policy({
          Effect: 'Allow',
          Action: 'sqs:SendMessage',
          Resource: 'arn:aws:sqs:us-east-1:123456789012:app-*',
        }),
      },
      { name: 'deny', text: policy({ Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' }) },
      {
        name: 'a tag condition scopes it',
        text: policy({
          Effect: 'Allow',
          Action: 'ec2:TerminateInstances',
          Resource: '*',
          Condition: { StringEquals: { 'aws:ResourceTag/owner': '${aws:username}' } },
        }),
      },
      { name: 'bare star is FULL_ADMIN', text: policy({ Effect: 'Allow', Action: '*', Resource: '*' }) },
      {
        name: 'Terraform: a Deny policy document statement',
        uri: 'main.tf',
        text: [
          'data "aws_iam_policy_document" "d" {',
          '  statement {',
          '    effect    = "Deny"',
          '    actions   = ["s3:DeleteObject"]',
          '    resources = ["*"]',
          '  }',
          '}',
        ].join('\n'),
      },
    ],
    invalid: [
      {
        name: 'one write action on star',
        text: policy({ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }),
        expect: [
          {
            at: '"*"',
            message: /^Resource "\*" lets s3:PutObject reach every resource; scope it to ARNs such as arn:aws:s3:::/,
          },
        ],
      },
      {
        name: 'a pattern covering every role counts as star',
        text: policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/*' }),
        expect: [{ at: '"arn:aws:iam::123456789012:role/*"', message: /iam:PassRole/ }],
      },
      {
        name: 'several actions, grouped on the resource',
        text: policy({
          Effect: 'Allow',
          Action: ['sqs:SendMessage', 'sqs:DeleteMessage', 'sqs:ReceiveMessage'],
          Resource: ['*'],
        }),
        expect: [{ at: '"*"', message: /2 write actions \(sqs:SendMessage, sqs:DeleteMessage\)/ }],
      },
      {
        name: 'a context condition does not scope it',
        text: policy({
          Effect: 'Allow',
          Action: 'dynamodb:PutItem',
          Resource: '*',
          Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
        }),
        expect: [{ at: '"*"' }],
      },
      {
        name: 'Terraform policy document: effect defaults to Allow, computed ARNs are not wildcards',
        uri: 'main.tf',
        text: [
          'data "aws_iam_policy_document" "w" {',
          '  statement {',
          '    actions   = ["s3:PutObject"]',
          '    resources = ["*"]',
          '  }',
          '  statement {',
          '    actions   = ["sqs:SendMessage"]',
          '    resources = ["${aws_sqs_queue.q.arn}", aws_sqs_queue.q.arn]',
          '  }',
          '}',
        ].join('\n'),
        expect: [{ at: '"*"', message: /s3:PutObject/ }],
      },
    ],
  });
});

describe('RESOURCE_STAR quick fix', () => {
  test('scopes "*" to an ARN template when one resource type serves every action', () => {
    const text = policy({ Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: '*' });
    const [f] = runRule(RESOURCE_STAR, text);
    const fix = f?.fixes?.[0];
    assert.equal(fix?.title, 'Scope Resource to arn:aws:s3:::BUCKET_NAME/*');
    const edit = fix!.edits[0]!;
    const fixed = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
    assert.match(fixed, /"Resource": "arn:aws:s3:::BUCKET_NAME\/\*"/);
    assert.deepEqual(runRule(RESOURCE_STAR, fixed), []);
  });

  test('offers no fix when the statement also needs "*" for another action', () => {
    const text = policy({ Effect: 'Allow', Action: ['s3:PutObject', 's3:ListAllMyBuckets'], Resource: '*' });
    const [f] = runRule(RESOURCE_STAR, text);
    assert.ok(f);
    assert.equal(f.fixes, undefined);
  });
});
