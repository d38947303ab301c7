import { ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE } from '../../../../server/src/core/iam/rules/ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE';
import { policy, ruleTable } from '../support/harness';

ruleTable(ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE, [
  {
    name: 'every listed service supports the key',
    doc: policy({
      Effect: 'Allow',
      Action: ['ec2:StartInstances', 'ec2:StopInstances'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:ResourceTag/team': 'web' } },
    }),
    expect: [],
  },
  {
    // The documented case: "the tag condition key … and actions for services with the following prefixes does not
    // affect access". kms:DescribeKey takes no request tags, so ForAnyValue over aws:TagKeys never matches it.
    name: 'an action that takes no request tags, next to one that does',
    doc: policy({
      Effect: 'Allow',
      Action: ['ec2:CreateTags', 'kms:DescribeKey'],
      Resource: '*',
      Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team'] } },
    }),
    expect: ['Condition key aws:TagKeys is not supported by the actions of kms in this Allow statement'],
    fix: 'Remove kms:DescribeKey',
  },
  {
    name: 'operators that hold when the key is absent do not make the Allow useless',
    doc: policy([
      {
        Effect: 'Allow',
        Action: ['kms:DescribeKey'],
        Resource: '*',
        Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } },
      },
      {
        Effect: 'Allow',
        Action: ['kms:DescribeKey'],
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestTag/team': 'x' }, Null: { 'aws:TagKeys': 'true' } },
      },
      {
        Effect: 'Allow',
        Action: ['kms:DescribeKey'],
        Resource: '*',
        Condition: { StringEqualsIfExists: { 'aws:RequestTag/team': 'x' } },
      },
      {
        Effect: 'Deny',
        Action: ['kms:DescribeKey'],
        Resource: '*',
        Condition: { StringEquals: { 'aws:TagKeys': 'x' } },
      },
    ]),
    expect: [],
  },
]);
