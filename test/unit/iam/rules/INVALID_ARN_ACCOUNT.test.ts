import { INVALID_ARN_ACCOUNT } from '../../../../server/src/core/iam/rules/INVALID_ARN_ACCOUNT';
import { policy, ruleTable } from '../support/harness';

ruleTable(INVALID_ARN_ACCOUNT, [
  {
    name: '12 digits, wildcard, aws, empty',
    doc: policy({
      Effect: 'Allow',
      Action: 'iam:GetPolicy',
      Resource: [
        'arn:aws:iam::123456789012:policy/p',
        'arn:aws:iam::*:policy/p',
        'arn:aws:iam::aws:policy/ReadOnlyAccess',
        'arn:aws:s3:::b',
      ],
    }),
    expect: [],
  },
  {
    name: '11 digits',
    doc: policy({ Effect: 'Allow', Action: 'iam:GetRole', Resource: 'arn:aws:iam::12345678901:role/r' }),
    expect: ['ARN account 12345678901 is not a 12-digit account ID'],
  },
  {
    name: 'account alias',
    doc: policy({ Effect: 'Allow', Action: 'iam:GetRole', Resource: 'arn:aws:iam::my-team:role/r' }),
    expect: ['ARN account my-team'],
  },
]);
