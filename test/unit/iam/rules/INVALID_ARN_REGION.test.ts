import { INVALID_ARN_REGION } from '../../../../server/src/core/iam/rules/INVALID_ARN_REGION';
import { policy, ruleTable } from '../support/harness';

ruleTable(INVALID_ARN_REGION, [
  {
    name: 'valid Regions',
    doc: policy({
      Effect: 'Allow',
      Action: 'sqs:SendMessage',
      Resource: [
        'arn:aws:sqs:eu-west-1:123456789012:q',
        'arn:aws:sqs:us-gov-west-1:123456789012:q',
        'arn:aws:sqs:*:123456789012:q',
        'arn:aws:sqs:us-east-?:123456789012:q',
      ],
    }),
    expect: [],
  },
  {
    name: 'made-up Region',
    doc: policy({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:europe:123456789012:q' }),
    expect: ['ARN Region europe is not a valid Region'],
  },
  {
    name: 'availability zone instead of Region',
    doc: policy({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1a:123456789012:q' }),
    expect: ['us-east-1a'],
  },
]);
