import { POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA } from '../../../../server/src/core/iam/rules/POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA';
import { policy, ruleTable } from '../support/harness';

ruleTable(POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA, [
  {
    name: 'small bucket policy',
    doc: policy({ ...{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }, Principal: '*' }),
    expect: [],
  },
  {
    name: 'bucket policy over 20,480 characters',
    doc: policy(
      Array.from({ length: 160 }, (_v, i) => ({
        Sid: `S${i}`,
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::1234567890${String(i % 100).padStart(2, '0')}:root` },
        Action: 's3:GetObject',
        Resource: `arn:aws:s3:::bucket-${i}/*`,
      })),
    ),
    expect: ['over the 20,480-character quota of a S3 bucket policy'],
  },
  {
    name: 'SQS queue policies allow 8,192',
    uri: 'template.json',
    doc: {
      Resources: {
        QP: {
          Type: 'AWS::SQS::QueuePolicy',
          Properties: {
            Queues: ['q'],
            PolicyDocument: policy(
              Array.from({ length: 60 }, (_v, i) => ({
                Effect: 'Allow',
                Principal: { Service: 'sns.amazonaws.com' },
                Action: 'sqs:SendMessage',
                Resource: `arn:aws:sqs:us-east-1:123456789012:queue-${i}`,
              })),
            ),
          },
        },
      },
    },
    expect: ['quota of a SQS queue policy'],
  },
]);
