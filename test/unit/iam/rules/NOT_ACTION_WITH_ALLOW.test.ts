import { describe } from 'node:test';
import { NOT_ACTION_WITH_ALLOW } from '../../../../server/src/core/iam/rules/NOT_ACTION_WITH_ALLOW';
import { cfnPolicy, policy, ruleTable } from '../support/risk-harness';

describe('NOT_ACTION_WITH_ALLOW', () => {
  ruleTable(NOT_ACTION_WITH_ALLOW, {
    valid: [
      { name: 'Action list', text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) },
      {
        name: 'Deny with NotAction (the usual guard-rail)',
        text: policy({ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }),
      },
    ],
    invalid: [
      {
        name: 'NotAction on star',
        text: policy({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }),
        expect: [
          {
            at: '[\n        "iam:*",\n        "organizations:*"\n      ]',
            message:
              /^Allow with NotAction grants every action except iam:\*, organizations:\* on every resource; list/,
          },
        ],
      },
      {
        name: 'NotAction on listed resources is softened',
        text: policy({ Effect: 'Allow', NotAction: 's3:DeleteBucket', Resource: 'arn:aws:s3:::b' }),
        expect: [{ at: '"s3:DeleteBucket"', severity: 'info', message: /on the listed resources/ }],
      },
      {
        name: 'a scoping condition softens it',
        text: policy({
          Effect: 'Allow',
          NotAction: 'iam:*',
          Resource: '*',
          Condition: { StringEquals: { 'aws:ResourceTag/env': 'sandbox' } },
        }),
        expect: [{ severity: 'info', message: /narrowed by the condition on aws:ResourceTag\/env/ }],
      },
      {
        name: 'YAML template',
        uri: 'template.yaml',
        text: cfnPolicy(['- Effect: Allow', '  NotAction: iam:*', "  Resource: '*'"]),
        expect: [{ at: 'iam:*' }],
      },
    ],
  });
});
