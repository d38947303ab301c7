import { POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA } from '../../../../server/src/core/iam/rules/POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA';
import { policy, ruleTable } from '../support/harness';

ruleTable(POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA, [
  { name: 'small managed policy', doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }), expect: [] },
  {
    name: 'managed policy over 6,144 characters',
    doc: policy({
      Effect: 'Allow',
      Action: Array.from({ length: 400 }, (_v, i) => `s3:GetObject${i % 2 === 0 ? '' : 'Acl'}`),
      Resource: '*',
    }),
    expect: ['over the 6,144-character quota of a managed policy (if it is created as a customer managed policy)'],
    severity: 'warning',
  },
  {
    name: 'a template managed policy over 6,144 characters cannot be created: an error',
    uri: 'template.json',
    doc: {
      Resources: {
        P: {
          Type: 'AWS::IAM::ManagedPolicy',
          Properties: {
            PolicyDocument: policy({
              Effect: 'Allow',
              Action: Array.from({ length: 400 }, (_v, i) => `s3:GetObject${i % 2 === 0 ? '' : 'Acl'}`),
              Resource: '*',
            }),
          },
        },
      },
    },
    expect: ['over the 6,144-character quota of a managed policy'],
  },
  {
    name: 'role inline policies may be longer',
    uri: 'template.json',
    doc: {
      Resources: {
        R: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: policy({
              Effect: 'Allow',
              Principal: { Service: 'lambda.amazonaws.com' },
              Action: 'sts:AssumeRole',
            }),
            Policies: [
              {
                PolicyName: 'p',
                PolicyDocument: policy({
                  Effect: 'Allow',
                  Action: Array.from({ length: 400 }, (_v, i) => `s3:GetObject${i % 2 === 0 ? '' : 'Acl'}`),
                  Resource: '*',
                }),
              },
            ],
          },
        },
      },
    },
    expect: [],
  },
  {
    name: 'user inline policies are limited to 2,048',
    uri: 'template.json',
    doc: {
      Resources: {
        U: {
          Type: 'AWS::IAM::User',
          Properties: {
            Policies: [
              {
                PolicyName: 'p',
                PolicyDocument: policy({
                  Effect: 'Allow',
                  Action: Array.from({ length: 200 }, () => 's3:GetObject'),
                  Resource: '*',
                }),
              },
            ],
          },
        },
      },
    },
    expect: ['over the 2,048-character quota of a user inline policy'],
  },
]);
