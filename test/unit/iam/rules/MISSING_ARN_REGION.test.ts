import { MISSING_ARN_REGION } from '../../../../server/src/core/iam/rules/MISSING_ARN_REGION';
import { policy, ruleTable } from '../support/harness';

ruleTable(MISSING_ARN_REGION, [
  {
    name: 'Region present',
    doc: policy({
      Effect: 'Allow',
      Action: 'dynamodb:GetItem',
      Resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/T',
    }),
    expect: [],
  },
  {
    name: 'S3 buckets have no Region',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
    expect: [],
  },
  {
    name: 'DynamoDB table without Region',
    doc: policy({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb::123456789012:table/T' }),
    expect: ['dynamodb ARN arn:aws:dynamodb::123456789012:table/T needs a Region'],
  },
]);
