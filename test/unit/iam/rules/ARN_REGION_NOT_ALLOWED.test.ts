import { ARN_REGION_NOT_ALLOWED } from '../../../../server/src/core/iam/rules/ARN_REGION_NOT_ALLOWED';
import { policy, ruleTable } from '../support/harness';

ruleTable(ARN_REGION_NOT_ALLOWED, [
  {
    name: 'bucket without Region',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
    expect: [],
  },
  {
    name: 'S3 access points do have a Region',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:us-east-1:123456789012:accesspoint/ap/object/*',
    }),
    expect: [],
  },
  {
    name: 'bucket with a Region',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:us-east-1::b/*' }),
    expect: ['s3 ARNs of this kind take no Region: remove us-east-1'],
    fix: 'Change to arn:aws:s3:::b/*',
  },
  {
    name: 'IAM role with a Region',
    doc: policy({ Effect: 'Allow', Action: 'iam:GetRole', Resource: 'arn:aws:iam:us-east-1:123456789012:role/r' }),
    expect: ['iam ARNs of this kind take no Region'],
  },
]);
