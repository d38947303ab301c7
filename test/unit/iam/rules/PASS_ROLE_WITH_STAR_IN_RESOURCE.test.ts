import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PASS_ROLE_WITH_STAR_IN_RESOURCE } from '../../../../server/src/core/iam/rules/PASS_ROLE_WITH_STAR_IN_RESOURCE';
import { policy, ruleTable, runRule } from '../support/risk-harness';

describe('PASS_ROLE_WITH_STAR_IN_RESOURCE', () => {
  ruleTable(PASS_ROLE_WITH_STAR_IN_RESOURCE, {
    valid: [
      {
        name: 'one role',
        text: policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/app' }),
      },
      {
        name: 'a role-name prefix',
        text: policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/app-*' }),
      },
      { name: 'wildcard action is the other rule', text: policy({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }) },
      { name: 'deny', text: policy({ Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' }) },
      {
        name: 'a role tag condition scopes it',
        text: policy({
          Effect: 'Allow',
          Action: 'iam:PassRole',
          Resource: '*',
          Condition: { StringEquals: { 'iam:ResourceTag/passable': 'true' } },
        }),
      },
    ],
    invalid: [
      {
        name: 'PassRole on star',
        text: policy({ Effect: 'Allow', Action: ['iam:PassRole', 'lambda:CreateFunction'], Resource: '*' }),
        expect: [
          {
            at: '"iam:PassRole"',
            message: /^iam:PassRole on "\*" lets the holder pass any role in the account to any service/,
          },
        ],
      },
      {
        name: 'PassRole on every role of the account',
        text: policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/*' }),
        expect: [{ at: '"iam:PassRole"', message: /role\/\*/ }],
      },
      {
        name: 'iam:PassedToService softens it to info',
        text: policy({
          Effect: 'Allow',
          Action: 'iam:PassRole',
          Resource: '*',
          Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
        }),
        expect: [{ severity: 'info', message: /to ecs-tasks\.amazonaws\.com \(limited by iam:PassedToService\)/ }],
      },
    ],
  });

  test('offers to add iam:PassedToService for the service the policy uses', () => {
    const text = policy({ Effect: 'Allow', Action: ['iam:PassRole', 'lambda:CreateFunction'], Resource: '*' });
    const [f] = runRule(PASS_ROLE_WITH_STAR_IN_RESOURCE, text);
    assert.match(f?.fixes?.[0]?.title ?? '', /iam:PassedToService = lambda\.amazonaws\.com/);
  });
});
