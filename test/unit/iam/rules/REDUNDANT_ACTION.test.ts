import { REDUNDANT_ACTION } from '../../../../server/src/core/iam/rules/REDUNDANT_ACTION';
import { cfnFile, policy, ruleTable } from '../support/harness';

ruleTable(REDUNDANT_ACTION, [
  {
    name: 'distinct actions',
    doc: policy({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' }),
    expect: [],
  },
  {
    name: 'action covered by a wildcard (first item)',
    doc: policy({ Effect: 'Allow', Action: ['s3:GetObject', 's3:Get*', 's3:PutObject'], Resource: '*' }),
    expect: ['Action s3:GetObject is redundant: s3:Get* already covers it'],
    fix: 'Remove s3:GetObject',
    fixed: '"Action": [\n        "s3:Get*",\n        "s3:PutObject"\n      ]',
  },
  {
    name: 'duplicate as the last item',
    doc: policy({ Effect: 'Allow', Action: ['sqs:SendMessage', 'SQS:sendmessage'], Resource: '*' }),
    expect: ['Action SQS:sendmessage is redundant: sqs:SendMessage already covers it'],
    fix: 'Remove',
    fixed: '"Action": [\n        "sqs:SendMessage"\n      ]',
  },
  {
    name: 'narrower wildcard under a wider one',
    doc: policy({ Effect: 'Allow', Action: ['s3:*', 's3:List*'], Resource: '*' }),
    expect: ['Action s3:List* is redundant: s3:* already covers it'],
    fix: 'Remove',
  },
  {
    name: 'the earliest covering entry is named, whether it names the service or not',
    doc: policy({
      Effect: 'Allow',
      Action: ['s3*', 'ec2:Describe*', 's3:Get*', 's3:GetObject', 'ec2:DescribeInstances', 'iam:GetRole'],
      Resource: '*',
    }),
    expect: [
      'Action s3:Get* is redundant: s3* already covers it',
      'Action s3:GetObject is redundant: s3* already covers it',
      'Action ec2:DescribeInstances is redundant: ec2:Describe* already covers it',
    ],
  },
  {
    name: 'YAML block list',
    uri: 'template.yaml',
    doc: cfnFile(['- Effect: Allow', '  Action:', '    - dynamodb:*', '    - dynamodb:GetItem', "  Resource: '*'"]),
    expect: ['dynamodb:GetItem is redundant'],
    fix: 'Remove',
    fixed: '              - dynamodb:*\n            Resource',
  },
]);
