import { RESOURCE_MISMATCH } from '../../../../server/src/core/iam/rules/RESOURCE_MISMATCH';
import { policy, ruleTable } from '../support/harness';

ruleTable(RESOURCE_MISMATCH, [
  {
    name: 'object action on objects',
    doc: policy({
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
    }),
    expect: [],
  },
  {
    name: 'object action on a bucket ARN',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b' }),
    expect: [
      "s3:GetObject applies to accesspointobject, object (arn:${Partition}:s3:::${BucketName}/${ObjectName}); none of the statement's resources is one",
    ],
    fix: 'Add resource arn:aws:s3:::BUCKET_NAME/*',
    fixed: '"Resource": ["arn:aws:s3:::b", "arn:aws:s3:::BUCKET_NAME/*"]',
  },
  {
    name: 'bucket action on objects',
    doc: policy({ Effect: 'Allow', Action: 's3:ListBucket', Resource: ['arn:aws:s3:::b/*'] }),
    expect: ['s3:ListBucket applies to accesspoint, bucket (arn:${Partition}:s3:::${BucketName})'],
    fix: 'Add resource arn:aws:s3:::BUCKET_NAME',
  },
  {
    name: "'*'-only action on an ARN",
    doc: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: 'arn:aws:s3:::b' }),
    expect: ['s3:ListAllMyBuckets supports only Resource "*"'],
  },
  {
    name: 'queue action on a topic',
    doc: policy({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sns:us-east-1:123456789012:t' }),
    expect: ['sqs:SendMessage applies to queue'],
  },
  {
    name: 'policy variables match',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/home/${aws:username}/*' }),
    expect: [],
  },
  {
    name: 'unknown resources are not judged',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: [{ 'Fn::GetAtt': ['B', 'Arn'] }] }),
    expect: [],
  },
]);
