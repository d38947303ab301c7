import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SERVICE_WILDCARD } from '../../../../server/src/core/iam/rules/SERVICE_WILDCARD';
import { CFN_ROLE_TRUST, cfnPolicy, policy, ruleTable, runRule } from '../support/risk-harness';

describe('SERVICE_WILDCARD', () => {
  ruleTable(SERVICE_WILDCARD, {
    valid: [
      {
        name: 'explicit actions',
        text: policy({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' }),
      },
      { name: 'partial wildcard', text: policy({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }) },
      { name: 'deny s3:*', text: policy({ Effect: 'Deny', Action: 's3:*', Resource: '*' }) },
      { name: 'star on star is FULL_ADMIN', text: policy({ Effect: 'Allow', Action: '*', Resource: '*' }) },
      { name: 'unknown service is not ours', text: policy({ Effect: 'Allow', Action: 'nosuchsvc:*', Resource: '*' }) },
      {
        name: 'CloudFormation: computed action',
        uri: 'template.yaml',
        text: cfnPolicy(['- Effect: Allow', '  Action: !Sub "${Service}:*"', "  Resource: '*'"]),
      },
    ],
    invalid: [
      {
        name: 's3:*',
        text: policy({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' }),
        expect: [{ at: '"s3:*"', message: /^s3:\* grants all \d+ actions of Amazon S3 \(.*write.*\); list only/ }],
      },
      {
        name: 'two services in one list',
        text: policy({ Effect: 'Allow', Action: ['sqs:*', 's3:GetObject', 'SNS:*'], Resource: '*' }),
        expect: [{ at: '"sqs:*"' }, { at: '"SNS:*"', message: /Amazon SNS/ }],
      },
      {
        name: 'bare star on listed resources',
        text: policy({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b' }),
        expect: [{ at: '"*"', message: /every action of every service on the listed resources/ }],
      },
      {
        name: 'resource-tag condition softens it',
        text: policy({
          Effect: 'Allow',
          Action: 'ec2:*',
          Resource: '*',
          Condition: { StringEquals: { 'aws:ResourceTag/env': 'dev' } },
        }),
        expect: [{ severity: 'info', message: /narrowed by the condition on aws:ResourceTag\/env/ }],
      },
      {
        name: 'YAML template',
        uri: 'template.yaml',
        text: cfnPolicy(
          ['- Effect: Allow', '  Principal: { Service: lambda.amazonaws.com }', '  Action: sts:AssumeRole'],
          {
            ...CFN_ROLE_TRUST,
            after: [
              'Policies:',
              '  - PolicyName: p',
              '    PolicyDocument:',
              "      Version: '2012-10-17'",
              '      Statement:',
              '        - Effect: Allow',
              '          Action: dynamodb:*',
              '          Resource: !GetAtt Table.Arn',
            ],
          },
        ),
        expect: [{ at: 'dynamodb:*' }],
      },
    ],
  });

  test('offers the explicit-action quick fixes', () => {
    const text = policy({ Effect: 'Allow', Action: 'sqs:*', Resource: '*' });
    const [finding] = runRule(SERVICE_WILDCARD, text);
    assert.ok(finding?.fixes && finding.fixes.length >= 2, 'fixes by access level');
    assert.match(finding.fixes[0]!.title, /Replace sqs:\* with/);
  });

  test('last, offers to pick the actions (a fix the editor asks about), on service:* only', () => {
    const text = policy({ Effect: 'Allow', Action: ['sqs:*', '*'], Resource: 'arn:aws:sqs:*:*:q' });
    const findings = runRule(SERVICE_WILDCARD, text);
    const pick = (f: (typeof findings)[number]) => f.fixes?.find((x) => x.prompt);
    const sqs = findings.find((f) => f.message.startsWith('sqs:*'));
    const star = findings.find((f) => f.message.startsWith('Action "*"'));
    assert.ok(sqs && star, JSON.stringify(findings.map((f) => f.message)));
    assert.equal(sqs.fixes?.at(-1), pick(sqs));
    assert.deepEqual(pick(sqs), {
      title: 'Pick the sqs actions to grant instead of sqs:*…',
      edits: [],
      prompt: { kind: 'pickServiceActions', service: 'sqs', span: sqs.span },
    });
    assert.equal(pick(star), undefined);
  });
});
