import { TYPE_MISMATCH } from '../../../../server/src/core/iam/rules/TYPE_MISMATCH';
import { policy, ruleTable } from '../support/harness';

ruleTable(TYPE_MISMATCH, [
  {
    name: 'matching types',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: {
        Bool: { 'aws:SecureTransport': 'true' },
        NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' },
        IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] },
        DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' },
      },
    }),
    expect: [],
  },
  {
    name: 'numeric operator on a string key',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { NumericEquals: { 'aws:PrincipalAccount': '123456789012' } },
    }),
    expect: ['Operator NumericEquals does not suit aws:PrincipalAccount, whose type is String: use StringEquals'],
    fix: 'Change operator to StringEquals',
  },
  {
    name: 'string operator on a boolean key',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { StringEquals: { 'aws:SecureTransport': 'true' } },
    }),
    expect: ['use Bool'],
    fix: 'Change operator to Bool',
  },
  {
    name: 'Bool with a non-boolean value',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { Bool: { 'aws:SecureTransport': 'yes' } },
    }),
    expect: ['yes is not true or false'],
  },
  {
    name: 'number that is not a number',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': 'ten' } },
    }),
    expect: ['ten is not a number'],
  },
  {
    name: 'bad CIDR',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { IpAddress: { 'aws:SourceIp': 'office' } },
    }),
    expect: ['office is not an IP address'],
  },
  {
    name: 'bad date',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { DateLessThan: { 'aws:CurrentTime': 'tomorrow' } },
    }),
    expect: ['tomorrow is not an ISO 8601 date'],
  },
  {
    name: 'policy variables are unknown values',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '${aws:EpochTime}' } },
    }),
    expect: [],
  },
]);
