import { describe } from 'node:test';
import { DATA_EXFILTRATION } from '../../../../server/src/core/iam/rules/DATA_EXFILTRATION';
import { cfnPolicy, policy, ruleTable } from '../support/risk-harness';

describe('DATA_EXFILTRATION', () => {
  ruleTable(DATA_EXFILTRATION, {
    valid: [
      {
        name: 'objects of one bucket',
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
      },
      {
        name: 'parameters under one path',
        text: policy({
          Effect: 'Allow',
          Action: 'ssm:GetParameter',
          Resource: 'arn:aws:ssm:us-east-1:123456789012:parameter/app/*',
        }),
      },
      { name: 'listing only', text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }) },
      { name: 'deny', text: policy({ Effect: 'Deny', Action: 'secretsmanager:GetSecretValue', Resource: '*' }) },
      { name: 'star on star is FULL_ADMIN', text: policy({ Effect: 'Allow', Action: '*', Resource: '*' }) },
      {
        name: 'a tag condition scopes it',
        text: policy({
          Effect: 'Allow',
          Action: 'secretsmanager:GetSecretValue',
          Resource: '*',
          Condition: { StringEquals: { 'secretsmanager:ResourceTag/app': 'shop' } },
        }),
      },
      {
        name: 'CloudFormation: computed ARN',
        uri: 'template.yaml',
        text: cfnPolicy(['- Effect: Allow', '  Action: s3:GetObject', '  Resource: !Sub "arn:aws:s3:::${Bucket}/*"']),
      },
    ],
    invalid: [
      {
        name: 'secrets on star',
        text: policy({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' }),
        expect: [
          {
            at: '"secretsmanager:GetSecretValue"',
            message: /^secretsmanager:GetSecretValue on every resource lets the holder read every secret/,
          },
        ],
      },
      {
        name: 'objects of every bucket',
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::*/*' }),
        expect: [{ at: '"s3:GetObject"', message: /every object in every bucket/ }],
      },
      {
        name: 'a wildcard grants several',
        text: policy({ Effect: 'Allow', Action: ['ssm:GetParameter*'], Resource: '*' }),
        expect: [
          {
            at: '"ssm:GetParameter*"',
            message: /^ssm:GetParameter\* grants ssm:GetParameter, ssm:GetParameters, ssm:GetParametersByPath/,
          },
        ],
      },
      {
        name: 'NotAction grants them too',
        text: policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
        expect: [{ at: '"iam:*"', message: /^NotAction grants s3:GetObject/ }],
      },
    ],
  });
});
