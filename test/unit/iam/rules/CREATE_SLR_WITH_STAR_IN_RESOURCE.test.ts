import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CREATE_SLR_WITH_STAR_IN_RESOURCE } from '../../../../server/src/core/iam/rules/CREATE_SLR_WITH_STAR_IN_RESOURCE';
import { applyFix, policy, ruleTable, runRule } from '../support/risk-harness';

describe('CREATE_SLR_WITH_STAR_IN_RESOURCE', () => {
  ruleTable(CREATE_SLR_WITH_STAR_IN_RESOURCE, {
    valid: [
      {
        name: 'limited by iam:AWSServiceName',
        text: policy({
          Effect: 'Allow',
          Action: 'iam:CreateServiceLinkedRole',
          Resource: '*',
          Condition: { StringEquals: { 'iam:AWSServiceName': 'elasticloadbalancing.amazonaws.com' } },
        }),
      },
      {
        name: 'one service-linked role ARN',
        text: policy({
          Effect: 'Allow',
          Action: 'iam:CreateServiceLinkedRole',
          Resource: 'arn:aws:iam::123456789012:role/aws-service-role/elasticloadbalancing.amazonaws.com/*',
        }),
      },
      { name: 'deny', text: policy({ Effect: 'Deny', Action: 'iam:CreateServiceLinkedRole', Resource: '*' }) },
    ],
    invalid: [
      {
        name: 'on star',
        text: policy({ Effect: 'Allow', Action: 'iam:CreateServiceLinkedRole', Resource: '*' }),
        expect: [
          {
            at: '"iam:CreateServiceLinkedRole"',
            message:
              /^iam:CreateServiceLinkedRole on "\*" lets the holder create the service-linked role of any service/,
          },
        ],
      },
      {
        name: 'on every role',
        text: policy({
          Effect: 'Allow',
          Action: 'iam:CreateServiceLinkedRole',
          Resource: 'arn:aws:iam::123456789012:role/*',
        }),
        expect: [{ at: '"iam:CreateServiceLinkedRole"' }],
      },
    ],
  });
});

describe('CREATE_SLR_WITH_STAR_IN_RESOURCE quick fix', () => {
  test('adding iam:AWSServiceName removes the finding', () => {
    const text = policy({ Effect: 'Allow', Action: 'iam:CreateServiceLinkedRole', Resource: '*' });
    const [f] = runRule(CREATE_SLR_WITH_STAR_IN_RESOURCE, text);
    assert.deepEqual(runRule(CREATE_SLR_WITH_STAR_IN_RESOURCE, applyFix(text, f!.fixes![0]!)), []);
  });
});
