import { MISSING_PRINCIPAL } from '../../../../server/src/core/iam/rules/MISSING_PRINCIPAL';
import { cfnFile, policy, ruleTable } from '../support/harness';

ruleTable(MISSING_PRINCIPAL, [
  {
    name: 'bucket policy with Principal',
    doc: policy({
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::123456789012:root' },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
    }),
    expect: [],
  },
  {
    name: 'bucket policy statement without Principal',
    doc: policy([
      { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
      { Effect: 'Deny', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::b/*' },
    ]),
    expect: ['Statement 2 of this resource policy has no Principal'],
  },
  {
    name: 'CloudFormation bucket policy',
    uri: 'template.yaml',
    doc: cfnFile(['- Effect: Allow', '  Action: s3:GetObject', "  Resource: 'arn:aws:s3:::b/*'"], {
      id: 'BP',
      type: 'AWS::S3::BucketPolicy',
      before: ['Bucket: b'],
    }),
    expect: ['has no Principal'],
  },
  {
    name: 'identity policy needs none',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
    expect: [],
  },
]);
