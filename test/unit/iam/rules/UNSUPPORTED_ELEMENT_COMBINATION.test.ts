import { UNSUPPORTED_ELEMENT_COMBINATION } from '../../../../server/src/core/iam/rules/UNSUPPORTED_ELEMENT_COMBINATION';
import { policy, ruleTable } from '../support/harness';

ruleTable(UNSUPPORTED_ELEMENT_COMBINATION, [
  { name: 'plain', doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }), expect: [] },
  {
    name: 'Action and NotAction',
    doc: policy({
      ...{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
      NotAction: 's3:DeleteObject',
    }),
    expect: ['Action and NotAction cannot be used in the same statement'],
  },
  {
    name: 'Resource and NotResource',
    doc: policy({
      ...{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
      NotResource: 'arn:aws:s3:::c/*',
    }),
    expect: ['Resource and NotResource'],
  },
  {
    name: 'Principal and NotPrincipal',
    doc: policy({
      ...{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
      Principal: '*',
      NotPrincipal: { AWS: 'arn:aws:iam::123456789012:root' },
    }),
    expect: ['Principal and NotPrincipal'],
  },
]);
