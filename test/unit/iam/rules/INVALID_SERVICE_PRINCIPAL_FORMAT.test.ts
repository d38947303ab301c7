import { INVALID_SERVICE_PRINCIPAL_FORMAT } from '../../../../server/src/core/iam/rules/INVALID_SERVICE_PRINCIPAL_FORMAT';
import { policy, ruleTable } from '../support/harness';

const trust = (service: unknown): object =>
  policy({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' });

ruleTable(INVALID_SERVICE_PRINCIPAL_FORMAT, [
  {
    name: 'service principals as AWS defines them, regional ones and other partitions included',
    doc: trust([
      'lambda.amazonaws.com',
      'logs.us-east-1.amazonaws.com',
      'ops.apigateway.amazonaws.com',
      'ec2.amazonaws.com.cn',
    ]),
    expect: [],
  },
  {
    name: 'a service name without its domain',
    doc: trust('lambda'),
    expect: ['Service principal "lambda" in Principal.Service is not valid: it does not end in .amazonaws.com'],
    fix: 'Change to lambda.amazonaws.com',
    fixed: '"lambda.amazonaws.com"',
  },
  {
    name: 'upper case',
    doc: trust('Lambda.amazonaws.com'),
    expect: ['service principals are lower case'],
    fix: 'Change to lambda.amazonaws.com',
  },
  {
    // Access Analyzer's example: kms:ViaService takes SERVICE.REGION.amazonaws.com.
    name: 'kms:ViaService without the Region',
    doc: policy({
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: '*',
      Condition: { StringEquals: { 'kms:ViaService': ['s3.us-east-1.amazonaws.com', 's3.amazonaws.com'] } },
    }),
    expect: [
      'Service principal "s3.amazonaws.com" in kms:ViaService is not valid: kms:ViaService names the Region too',
    ],
  },
  {
    name: 'condition keys that hold service principals; patterns and variables are left alone',
    doc: policy([
      {
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: '*',
        Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazon.com' } },
      },
      {
        Effect: 'Allow',
        Action: 'iam:CreateServiceLinkedRole',
        Resource: '*',
        Condition: { StringLike: { 'iam:AWSServiceName': ['*.amazonaws.com', '${aws:PrincipalTag/svc}'] } },
      },
    ]),
    expect: ['Service principal "ec2.amazon.com" in iam:PassedToService is not valid'],
  },
]);
