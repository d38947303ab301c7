import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PRIVILEGE_ESCALATION } from '../../../../server/src/core/iam/rules/PRIVILEGE_ESCALATION';
import { cfnPolicy, policy, ruleTable, runRule } from '../support/risk-harness';

describe('PRIVILEGE_ESCALATION', () => {
  ruleTable(PRIVILEGE_ESCALATION, {
    valid: [
      {
        name: 'only part of a method (PassRole without a compute service)',
        text: policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }),
      },
      {
        name: 'the method scoped to one policy ARN',
        text: policy({
          Effect: 'Allow',
          Action: 'iam:CreatePolicyVersion',
          Resource: 'arn:aws:iam::123456789012:policy/app',
        }),
      },
      {
        name: 'Lambda method with PassRole on one role',
        text: policy(
          { Effect: 'Allow', Action: ['lambda:CreateFunction', 'lambda:InvokeFunction'], Resource: '*' },
          { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/lambda-basic' },
        ),
      },
      {
        name: 'PassRole limited to another service disables the Lambda method',
        text: policy(
          { Effect: 'Allow', Action: ['lambda:CreateFunction', 'lambda:InvokeFunction'], Resource: '*' },
          {
            Effect: 'Allow',
            Action: 'iam:PassRole',
            Resource: '*',
            Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
          },
        ),
      },
      { name: 'deny', text: policy({ Effect: 'Deny', Action: 'iam:CreateAccessKey', Resource: '*' }) },
      {
        name: 'a tag condition scopes it',
        text: policy({
          Effect: 'Allow',
          Action: 'iam:AttachRolePolicy',
          Resource: '*',
          Condition: { StringEquals: { 'iam:ResourceTag/team': 'blue' } },
        }),
      },
      { name: 'star on star is FULL_ADMIN', text: policy({ Effect: 'Allow', Action: '*', Resource: '*' }) },
    ],
    invalid: [
      {
        name: 'one action is a method',
        text: policy({ Effect: 'Allow', Action: 'iam:CreatePolicyVersion', Resource: '*' }),
        expect: [
          {
            at: '"iam:CreatePolicyVersion"',
            message:
              /^iam:CreatePolicyVersion lets the holder replace a policy's default version with one granting anything \(method CreateNewPolicyVersion\)$/,
          },
        ],
      },
      {
        name: 'a method spread over two statements, anchored on the non-PassRole action',
        text: policy(
          { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/*' },
          { Effect: 'Allow', Action: ['ec2:RunInstances', 's3:GetObject'], Resource: '*' },
        ),
        expect: [
          {
            at: '"ec2:RunInstances"',
            message: /^iam:PassRole \+ ec2:RunInstances let the holder .*\(method CreateEC2WithExistingIP\)/,
          },
        ],
      },
      {
        name: 'PassRole limited to the method’s own service still escalates',
        text: policy({
          Effect: 'Allow',
          Action: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'],
          Resource: '*',
          Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
        }),
        expect: [{ at: '"lambda:CreateFunction"', message: /method PassExistingRoleToNewLambdaThenInvoke/ }],
      },
      {
        name: 'a service wildcard enables many methods: one finding per entry',
        text: policy({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }),
        expect: [
          {
            at: '"iam:*"',
            message:
              /^iam:\* grants iam:CreateAccessKey, which lets the holder .*\(method CreateAccessKey\); \d+ more methods here: /,
          },
        ],
      },
      {
        name: 'NotAction grants the method',
        text: policy({ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }),
        expect: [{ at: '"s3:*"', message: /^NotAction grants iam:CreateAccessKey/ }],
      },
      {
        name: 'YAML template with a wildcard',
        uri: 'template.yaml',
        text: cfnPolicy(['- Effect: Allow', '  Action: [glue:UpdateDevEndpoint]', "  Resource: '*'"]),
        expect: [{ at: 'glue:UpdateDevEndpoint', message: /method UpdateExistingGlueDevEndpoint/ }],
      },
      {
        name: 'Terraform heredoc JSON',
        uri: 'main.tf',
        text: [
          'resource "aws_iam_policy" "p" {',
          '  policy = <<POLICY',
          '{',
          '  "Version": "2012-10-17",',
          '  "Statement": [{ "Effect": "Allow", "Action": "iam:CreatePolicyVersion", "Resource": "*" }]',
          '}',
          'POLICY',
          '}',
        ].join('\n'),
        expect: [{ at: '"iam:CreatePolicyVersion"', message: /method CreateNewPolicyVersion/ }],
      },
    ],
  });

  test('related spans point at every action of a spread method', () => {
    const text = policy(
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
      { Effect: 'Allow', Action: 'glue:CreateDevEndpoint', Resource: '*' },
    );
    const [f] = runRule(PRIVILEGE_ESCALATION, text);
    assert.ok(f);
    assert.deepEqual(
      f.related?.map((r) => text.slice(r.span.start, r.span.end)),
      ['"iam:PassRole"'],
    );
  });
});
