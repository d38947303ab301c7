// Every quick fix offered on a set of flawed definitions, in JSON, YAML (block and flow) and Terraform, leaves a
// document that parses cleanly and no longer carries the finding it fixed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from '../../../server/src/core/syntax/parse';
import { analyze, applyFix, type Doc } from './helpers';

const json = JSON.stringify(
  {
    TableName: 'Orders',
    KeySchema: [{ AttributeName: 'customerId', KeyType: 'HASH' }],
    AttributeDefinitions: [
      { AttributeName: 'customerId', AttributeType: 'S' },
      { AttributeName: 'isOpen', AttributeType: 'BOOL' },
      { AttributeName: 'leftover', AttributeType: 'S' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: 'Open',
        KeySchema: [{ AttributeName: 'isOpen', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'ALL' },
      },
      {
        IndexName: 'ByDay',
        KeySchema: [{ AttributeName: 'order_day', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'ALL' },
        ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 1 },
      },
    ],
  },
  null,
  2,
);

const yaml = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Tickets:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: Tickets
      BillingMode: PROVISIONED
      KeySchema:
        - AttributeName: ticketStatus
          KeyType: HASH
      AttributeDefinitions:
        - AttributeName: ticketStatus
          AttributeType: S
        - AttributeName: has_owner
          AttributeType: S
        - AttributeName: spare
          AttributeType: S
      GlobalSecondaryIndexes:
        - IndexName: Owned
          KeySchema:
            - AttributeName: has_owner
              KeyType: HASH
          Projection:
            ProjectionType: KEYS_ONLY
  Flow:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }
      KeySchema: [{ AttributeName: accountId, KeyType: HASH }]
      AttributeDefinitions: [{ AttributeName: accountId, AttributeType: S }, { AttributeName: unused, AttributeType: N }]
`;

const hcl = `resource "aws_dynamodb_table" "events" {
  name           = "Events"
  billing_mode   = "PROVISIONED"
  read_capacity  = 10
  write_capacity = 100
  hash_key       = "tenant_id"

  attribute {
    name = "tenant_id"
    type = "S"
  }

  attribute {
    name = "is_archived"
    type = "S"
  }

  attribute {
    name = "stale"
    type = "S"
  }

  global_secondary_index {
    name            = "Archived"
    hash_key        = "is_archived"
    projection_type = "KEYS_ONLY"
    read_capacity   = 10
    write_capacity  = 5
  }
}
`;

const docs: Doc[] = [
  { uri: 'file:///work/orders.json', text: json },
  { uri: 'file:///work/template.yaml', text: yaml },
  { uri: 'file:///work/main.tf', text: hcl },
];

for (const doc of docs) {
  test(`every fix applies cleanly: ${doc.uri}`, () => {
    const findings = analyze(doc);
    const withFixes = findings.filter((f) => f.fixes?.length);
    assert.ok(
      withFixes.length >= 4,
      `expected several fixable findings, got ${findings.map((f) => f.ruleId).join(', ')}`,
    );
    let applied = 0;
    for (const f of withFixes) {
      for (const fix of f.fixes!) {
        const text = applyFix(doc.text, fix);
        const parsed = parseDocument({ uri: doc.uri!, text });
        assert.deepEqual(parsed.parse.problems, [], `${f.ruleId} / ${fix.title} broke the document:\n${text}`);
        const after = analyze({ ...doc, text });
        const same = after.filter((g) => g.ruleId === f.ruleId && g.message === f.message);
        assert.equal(same.length, 0, `${f.ruleId} / ${fix.title} did not fix it:\n${text}`);
        assert.ok(
          !after.some(
            (g) => g.ruleId === 'DDB_KEY_SCHEMA_INVALID' || g.ruleId === 'DDB_ATTRIBUTE_DEFINITION_MISMATCH',
          ) || findings.some((g) => g.ruleId === 'DDB_ATTRIBUTE_DEFINITION_MISMATCH'),
          `${fix.title} introduced a schema error`,
        );
        applied++;
      }
    }
    assert.ok(applied >= 5, `applied ${applied} fixes`);
  });
}
