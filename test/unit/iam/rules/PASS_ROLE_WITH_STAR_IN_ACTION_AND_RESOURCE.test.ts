import { describe } from 'node:test';
import { PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE } from '../../../../server/src/core/iam/rules/PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE';
import { policy, ruleTable } from '../support/risk-harness';

describe('PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE', () => {
  ruleTable(PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE, {
    valid: [
      {
        name: 'explicit PassRole is the other rule',
        text: policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }),
      },
      { name: 'wildcard not matching PassRole', text: policy({ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }) },
      {
        name: 'iam:* on one role',
        text: policy({ Effect: 'Allow', Action: 'iam:*', Resource: 'arn:aws:iam::123456789012:role/app' }),
      },
      { name: 'deny', text: policy({ Effect: 'Deny', Action: '*', Resource: '*' }) },
    ],
    invalid: [
      {
        name: 'iam:* on star',
        text: policy({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }),
        expect: [
          {
            at: '"iam:*"',
            message: /^Action "iam:\*" on Resource "\*" includes iam:PassRole: the holder can pass any role/,
          },
        ],
      },
      {
        name: 'bare star on star',
        text: policy({ Effect: 'Allow', Action: '*', Resource: '*' }),
        expect: [{ at: '"*"' }],
      },
      {
        name: 'iam:Pass* on every role',
        text: policy({ Effect: 'Allow', Action: 'iam:Pass*', Resource: 'arn:aws:iam::123456789012:role/*' }),
        expect: [{ at: '"iam:Pass*"' }],
      },
    ],
  });
});
