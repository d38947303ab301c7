import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CROSS_ACCOUNT_TRUST } from '../../../../server/src/core/iam/rules/CROSS_ACCOUNT_TRUST';
import { applyFix, CFN_ROLE_TRUST, cfnPolicy, policy, ruleTable, runRule, tfTrust } from '../support/risk-harness';

const trust = (stmt: Record<string, unknown>): string => policy({ Effect: 'Allow', Action: 'sts:AssumeRole', ...stmt });

describe('CROSS_ACCOUNT_TRUST', () => {
  ruleTable(CROSS_ACCOUNT_TRUST, {
    valid: [
      { name: 'a service principal', text: trust({ Principal: { Service: 'ec2.amazonaws.com' } }) },
      { name: 'everyone is PUBLIC_PRINCIPAL', text: trust({ Principal: { AWS: '*' } }) },
      {
        name: 'CloudFormation: own account through !Sub',
        uri: 'template.yaml',
        text: cfnPolicy(
          [
            '- Effect: Allow',
            '  Principal:',
            '    AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root"',
            '  Action: sts:AssumeRole',
          ],
          CFN_ROLE_TRUST,
        ),
      },
      {
        name: 'the account appears in the document’s own ARNs',
        uri: 'template.yaml',
        text: cfnPolicy(
          ['- Effect: Allow', '  Principal: { AWS: "arn:aws:iam::111122223333:role/ci" }', '  Action: sts:AssumeRole'],
          { ...CFN_ROLE_TRUST, after: ['ManagedPolicyArns: ["arn:aws:iam::111122223333:policy/app"]'] },
        ),
      },
      { name: 'deny', text: policy({ Effect: 'Deny', Principal: { AWS: '444455556666' }, Action: 'sts:AssumeRole' }) },
    ],
    invalid: [
      {
        name: 'another account root, no condition',
        text: trust({ Principal: { AWS: 'arn:aws:iam::444455556666:root' } }),
        expect: [
          {
            at: '"arn:aws:iam::444455556666:root"',
            message:
              /^The role trusts AWS account 444455556666 \(arn:aws:iam::444455556666:root\) with no sts:ExternalId/,
          },
        ],
      },
      {
        name: 'bare account id in a list',
        text: trust({ Principal: { AWS: ['arn:aws:iam::444455556666:user/ci', '777788889999'] } }),
        expect: [{ at: '"arn:aws:iam::444455556666:user/ci"' }, { at: '"777788889999"' }],
      },
      {
        name: 'with an external id it is softened to info',
        text: trust({
          Principal: { AWS: 'arn:aws:iam::444455556666:root' },
          Condition: { StringEquals: { 'sts:ExternalId': 'c0ffee' } },
        }),
        expect: [{ severity: 'info', message: /narrowed by the condition on sts:ExternalId/ }],
      },
      {
        name: 'Terraform: a literal partner account, not the interpolated own account',
        uri: 'main.tf',
        text: tfTrust(
          ['*'],
          ['arn:aws:iam::444455556666:root', 'arn:aws:iam::${data.aws_caller_identity.me.account_id}:root'],
        ),
        expect: [{ at: '"arn:aws:iam::444455556666:root"' }],
      },
    ],
  });
});

describe('CROSS_ACCOUNT_TRUST quick fix', () => {
  test('adding sts:ExternalId softens the finding to info', () => {
    const text = trust({ Principal: { AWS: 'arn:aws:iam::444455556666:root' } });
    const [f] = runRule(CROSS_ACCOUNT_TRUST, text);
    const fixed = applyFix(text, f!.fixes![0]!);
    assert.deepEqual(
      runRule(CROSS_ACCOUNT_TRUST, fixed).map((x) => x.severity),
      ['info'],
    );
  });
});
