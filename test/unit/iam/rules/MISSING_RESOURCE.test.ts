import { MISSING_RESOURCE } from '../../../../server/src/core/iam/rules/MISSING_RESOURCE';
import { policy, ruleTable } from '../support/harness';

ruleTable(MISSING_RESOURCE, [
  {
    name: 'Resource',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
    expect: [],
  },
  { name: 'NotResource', doc: policy({ Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::b/*' }), expect: [] },
  {
    name: 'missing in identity policy',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject' }),
    expect: ['Statement 1 has no Resource'],
  },
  {
    name: 'trust policies have none',
    doc: policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }),
    expect: [],
  },
]);
