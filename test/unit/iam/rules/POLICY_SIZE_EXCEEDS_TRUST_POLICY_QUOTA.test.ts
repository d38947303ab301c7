import { POLICY_SIZE_EXCEEDS_TRUST_POLICY_QUOTA } from '../../../../server/src/core/iam/rules/POLICY_SIZE_EXCEEDS_TRUST_POLICY_QUOTA';
import { policy, ruleTable } from '../support/harness';

ruleTable(POLICY_SIZE_EXCEEDS_TRUST_POLICY_QUOTA, [
  {
    name: 'small trust policy',
    doc: policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }),
    expect: [],
  },
  {
    name: 'trust policy with many accounts',
    doc: policy({
      Effect: 'Allow',
      Principal: {
        AWS: Array.from({ length: 60 }, (_v, i) => `arn:aws:iam::1234567890${String(i).padStart(2, '0')}:root`),
      },
      Action: 'sts:AssumeRole',
    }),
    expect: ['over the 2,048-character quota of a role trust policy'],
  },
]);
