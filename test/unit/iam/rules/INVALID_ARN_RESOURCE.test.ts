import { INVALID_ARN_RESOURCE } from '../../../../server/src/core/iam/rules/INVALID_ARN_RESOURCE';
import { policy, ruleTable } from '../support/harness';

ruleTable(INVALID_ARN_RESOURCE, [
  {
    name: 'known resource types',
    doc: policy({
      Effect: 'Allow',
      Action: 'dynamodb:GetItem',
      Resource: ['arn:aws:dynamodb:us-east-1:123456789012:table/T', 'arn:aws:dynamodb:*:*:table/T/index/*'],
    }),
    expect: [],
  },
  {
    name: 'typo in the resource type',
    doc: policy({
      Effect: 'Allow',
      Action: 'dynamodb:GetItem',
      Resource: 'arn:aws:dynamodb:us-east-1:123456789012:tabel/T',
    }),
    expect: ['ARN resource tabel/T matches no dynamodb resource type'],
  },
  {
    name: 'wildcard resource part',
    doc: policy({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:us-east-1:123456789012:*' }),
    expect: [],
  },
  {
    name: 'ARN forms AWS documents but the service reference omits (transform, root, compound API Gateway types)',
    doc: policy({
      Effect: 'Allow',
      Action: ['cloudformation:CreateChangeSet', 'iam:GetUser', 'apigateway:GET'],
      Resource: [
        'arn:aws:cloudformation:*:aws:transform/Serverless-2016-10-31',
        'arn:aws:iam::123456789012:root',
        'arn:aws:apigateway:*::/apis/*/authorizers/*',
        'arn:aws:apigateway:*::/restapis/*/authorizers/*',
      ],
    }),
    expect: [],
  },
]);
