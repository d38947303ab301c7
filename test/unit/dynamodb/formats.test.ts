// Every input format extracts into the same table model, and the rules fire on each.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, applyFix, findingsOf, tables } from './helpers';

const cfnYaml = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Stage: { Type: String }
Resources:
  Tickets:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: !Sub 'tickets-\${Stage}'
      BillingMode: PROVISIONED
      ProvisionedThroughput:
        ReadCapacityUnits: 50
        WriteCapacityUnits: 50
      KeySchema:
        - AttributeName: ticketStatus
          KeyType: HASH
      AttributeDefinitions:
        - AttributeName: ticketStatus
          AttributeType: S
        - AttributeName: assignee
          AttributeType: S
      GlobalSecondaryIndexes:
        - IndexName: ByAssignee
          KeySchema:
            - AttributeName: assignee
              KeyType: HASH
          Projection: { ProjectionType: ALL }
          ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: !Ref GsiWcu }
`;

const cfnJson = JSON.stringify(
  {
    Resources: {
      Orders: {
        Type: 'AWS::DynamoDB::Table',
        Properties: {
          TableName: { 'Fn::Sub': 'orders-${Stage}' },
          BillingMode: 'PAY_PER_REQUEST',
          KeySchema: [{ AttributeName: 'customerId', KeyType: 'HASH' }],
          AttributeDefinitions: [
            { AttributeName: 'customerId', AttributeType: 'S' },
            { AttributeName: 'unused', AttributeType: 'S' },
          ],
        },
      },
    },
  },
  null,
  2,
);

const globalTable = `Resources:
  Sessions:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      TableName: sessions
      BillingMode: PROVISIONED
      KeySchema:
        - { AttributeName: session_day, KeyType: HASH }
      AttributeDefinitions:
        - { AttributeName: session_day, AttributeType: S }
      Replicas:
        - Region: us-east-1
          ReadProvisionedThroughputSettings: { ReadCapacityUnits: 10 }
`;

const sam = `Transform: AWS::Serverless-2016-10-31
Resources:
  Flags:
    Type: AWS::Serverless::SimpleTable
    Properties:
      PrimaryKey:
        Name: isEnabled
        Type: String
  Plain:
    Type: AWS::Serverless::SimpleTable
`;

const terraform = `variable "wcu" { default = 5 }

resource "aws_dynamodb_table" "orders" {
  name           = "Orders"
  billing_mode   = "PROVISIONED"
  read_capacity  = 20
  write_capacity = 20
  hash_key       = "customerId"

  attribute {
    name = "customerId"
    type = "S"
  }

  attribute {
    name = "status"
    type = "S"
  }

  attribute {
    name = "region"
    type = "S"
  }

  attribute {
    name = "leftover"
    type = "S"
  }

  # Multi-attribute GSI key (up to four HASH and four RANGE attributes).
  global_secondary_index {
    name            = "ByStatusRegion"
    projection_type = "ALL"
    read_capacity   = 20
    write_capacity  = var.wcu
    key_schema {
      attribute_name = "status"
      key_type       = "HASH"
    }
    key_schema {
      attribute_name = "region"
      key_type       = "HASH"
    }
  }
}
`;

const workbench = JSON.stringify(
  {
    ModelName: 'Shop',
    DataModel: [
      {
        TableName: 'Carts',
        KeyAttributes: {
          PartitionKey: { AttributeName: 'cart_status', AttributeType: 'S' },
          SortKey: { AttributeName: 'cartId', AttributeType: 'S' },
        },
        NonKeyAttributes: [{ AttributeName: 'total', AttributeType: 'N' }],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'ByUser',
            KeyAttributes: { PartitionKey: { AttributeName: 'userId', AttributeType: 'S' } },
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        TableData: Array.from({ length: 40 }, (_, i) => ({
          cart_status: { S: i < 30 ? 'OPEN' : 'PAID' },
          cartId: { S: `c${i}` },
          userId: { S: `u${i % 20}` },
        })),
        BillingMode: 'PAY_PER_REQUEST',
      },
    ],
  },
  null,
  2,
);

test('CreateTable JSON: model with keys, definitions, throughput, indexes', () => {
  const text = JSON.stringify({
    TableName: 'Orders',
    KeySchema: [
      { AttributeName: 'customerId', KeyType: 'HASH' },
      { AttributeName: 'orderId', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: 'customerId', AttributeType: 'S' },
      { AttributeName: 'orderId', AttributeType: 'S' },
    ],
    ProvisionedThroughput: { ReadCapacityUnits: 3000, WriteCapacityUnits: 2500 },
  });
  const [t] = tables(text);
  assert.equal(t!.source, 'create-table');
  assert.equal(t!.name, 'Orders');
  assert.deepEqual(
    t!.keys.map((k) => [k.attribute, k.keyType]),
    [
      ['customerId', 'HASH'],
      ['orderId', 'RANGE'],
    ],
  );
  assert.equal(t!.effectiveBillingMode, 'PROVISIONED');
  assert.deepEqual([t!.throughput?.read, t!.throughput?.write], [3000, 2500]);
  assert.equal(text.slice(t!.keys[0]!.nameSpan.start, t!.keys[0]!.nameSpan.end), 'customerId');
});

test('describe-table output ({"Table": …})', () => {
  const text = JSON.stringify({
    Table: {
      TableName: 'Events',
      KeySchema: [{ AttributeName: 'event_date', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'event_date', AttributeType: 'S' }],
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
      ItemCount: 12,
      TableSizeBytes: 2048,
    },
  });
  const [t] = tables(text);
  assert.equal(t!.source, 'describe-table');
  assert.equal(t!.itemCount, 12);
  assert.deepEqual(
    analyze({ text }).map((f) => f.ruleId),
    ['DDB_PK_TIME_BUCKET'],
  );
});

test('CloudFormation YAML with short tags: !Sub name, !Ref capacity, rules fire', () => {
  const [t] = tables(cfnYaml, 'file:///work/template.yaml');
  assert.equal(t!.source, 'cloudformation');
  assert.equal(t!.name, 'Tickets', 'a computed TableName falls back to the logical id');
  assert.equal(t!.gsis[0]!.throughput?.write, undefined, '!Ref capacity is unknown');
  const ids = analyze({ uri: 'file:///work/template.yaml', text: cfnYaml })
    .map((f) => f.ruleId)
    .sort();
  assert.deepEqual(ids, ['DDB_PK_LOW_CARDINALITY']);
});

test('CloudFormation JSON with a Fn::Sub table name', () => {
  const ids = analyze({ uri: 'file:///work/template.json', text: cfnJson }).map((f) => f.ruleId);
  assert.deepEqual(ids, ['DDB_ATTRIBUTE_DEFINITION_MISMATCH', 'DDB_NO_SORT_KEY_ONE_TO_MANY']);
});

test('CloudFormation GlobalTable: PROVISIONED needs WriteProvisionedThroughputSettings', () => {
  const doc = { uri: 'file:///work/global.yaml', text: globalTable };
  const [t] = tables(globalTable, doc.uri);
  assert.equal(t!.source, 'cloudformation-global');
  const ids = analyze(doc)
    .map((f) => f.ruleId)
    .sort();
  assert.deepEqual(ids, ['DDB_BILLING_CONFIG', 'DDB_PK_TIME_BUCKET']);
});

test('SAM SimpleTable: PrimaryKey and the default id key', () => {
  const doc = { uri: 'file:///work/template.yaml', text: sam };
  const ts = tables(sam, doc.uri);
  assert.deepEqual(
    ts.map((t) => [t.name, t.keys[0]!.attribute, t.effectiveBillingMode]),
    [
      ['Flags', 'isEnabled', 'PAY_PER_REQUEST'],
      ['Plain', 'id', 'PAY_PER_REQUEST'],
    ],
  );
  assert.deepEqual(
    analyze(doc).map((f) => f.ruleId),
    ['DDB_PK_LOW_CARDINALITY'],
  );
});

test('Terraform: attribute blocks, multi-attribute GSI key_schema, variables unknown', () => {
  const doc = { uri: 'file:///work/main.tf', text: terraform };
  const [t] = tables(terraform, doc.uri);
  assert.equal(t!.source, 'terraform');
  assert.equal(t!.name, 'Orders');
  assert.deepEqual(
    t!.attributes!.map((a) => a.name),
    ['customerId', 'status', 'region', 'leftover'],
  );
  assert.deepEqual(
    t!.gsis[0]!.keys.map((k) => `${k.attribute}:${k.keyType}`),
    ['status:HASH', 'region:HASH'],
  );
  assert.equal(t!.gsis[0]!.throughput?.write, undefined);
  const found = analyze(doc);
  assert.deepEqual(found.map((f) => f.ruleId).sort(), [
    'DDB_ATTRIBUTE_DEFINITION_MISMATCH',
    'DDB_GSI_PK_LOW_CARDINALITY',
    'DDB_NO_SORT_KEY_ONE_TO_MANY',
  ]);
  // The unused `leftover` block is removed whole, and the result is clean for that rule.
  const mismatch = found.find((f) => f.ruleId === 'DDB_ATTRIBUTE_DEFINITION_MISMATCH')!;
  const fixed = applyFix(terraform, mismatch.fixes![0]!);
  assert.ok(!fixed.includes('leftover'));
  assert.equal(findingsOf({ ...doc, text: fixed }, 'DDB_ATTRIBUTE_DEFINITION_MISMATCH').length, 0, fixed);
});

test('Terraform: hash_key/range_key GSI and LSI, range key fix writes HCL', () => {
  const text = `resource "aws_dynamodb_table" "t" {
  name         = "Orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "customer_id"
  attribute {
    name = "customer_id"
    type = "S"
  }
}
`;
  const doc = { uri: 'file:///work/orders.tf', text };
  const [f] = findingsOf(doc, 'DDB_NO_SORT_KEY_ONE_TO_MANY');
  const fixed = applyFix(text, f!.fixes![0]!);
  assert.match(fixed, /range_key = "order_id"/);
  const [t] = tables(fixed, doc.uri);
  assert.deepEqual(
    t!.keys.map((k) => k.attribute),
    ['customer_id', 'order_id'],
  );
  assert.equal(analyze({ ...doc, text: fixed }).length, 0, fixed);
});

test('NoSQL Workbench model: keys, GSIs and TableData as sample evidence', () => {
  const [t] = tables(workbench);
  assert.equal(t!.source, 'workbench');
  assert.equal(t!.embeddedItems!.length, 40);
  const found = analyze({ text: workbench });
  const skew = found.filter((f) => f.ruleId === 'DDB_SAMPLE_SKEW');
  assert.equal(skew.length, 1);
  assert.match(skew[0]!.message, /"OPEN" holds 75%/);
  assert.ok(found.some((f) => f.ruleId === 'DDB_PK_LOW_CARDINALITY'));
});

test('YAML block-sequence fixes keep the document valid (add a definition, write-shard)', () => {
  const yaml = `Resources:
  T:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      KeySchema:
        - AttributeName: status
          KeyType: HASH
        - AttributeName: ticketId
          KeyType: RANGE
      AttributeDefinitions:
        - AttributeName: status
          AttributeType: S
`;
  const doc = { uri: 'file:///work/t.yaml', text: yaml };
  const [m] = findingsOf(doc, 'DDB_ATTRIBUTE_DEFINITION_MISMATCH');
  const fixed = applyFix(yaml, m!.fixes![0]!);
  assert.equal(findingsOf({ ...doc, text: fixed }, 'DDB_ATTRIBUTE_DEFINITION_MISMATCH').length, 0, fixed);
  const [low] = findingsOf({ ...doc, text: fixed }, 'DDB_PK_LOW_CARDINALITY');
  const sharded = applyFix(fixed, low!.fixes![0]!);
  assert.match(sharded, /AttributeName: statusShard/);
  assert.equal(analyze({ ...doc, text: sharded }).length, 0, sharded);
});

test('multi-document YAML: tables in every document', () => {
  const text = `${sam}---\n${globalTable}`;
  assert.equal(tables(text, 'file:///work/all.yaml').length, 3);
});

test('documents that are not table definitions yield nothing', () => {
  for (const [uri, text] of [
    ['file:///work/policy.json', '{"Version":"2012-10-17","Statement":[]}'],
    ['file:///work/a.yaml', 'foo: bar\n'],
    ['file:///work/main.tf', 'resource "aws_s3_bucket" "b" { bucket = "x" }\n'],
    ['file:///work/x.json', '[1,2,3]'],
  ] as const) {
    assert.deepEqual(analyze({ uri, text }), [], uri);
  }
});

test('computed parts (!If key schema, conditional GSI, !If billing) never produce false schema errors', () => {
  const text = `Conditions:
  Big: !Equals [!Ref Env, prod]
Resources:
  T:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: !If [Big, PROVISIONED, PAY_PER_REQUEST]
      KeySchema: !If [Big, [{AttributeName: a, KeyType: HASH}], [{AttributeName: b, KeyType: HASH}]]
      AttributeDefinitions:
        - AttributeName: a
          AttributeType: S
        - AttributeName: b
          AttributeType: S
        - AttributeName: g
          AttributeType: S
      GlobalSecondaryIndexes:
        - !If
          - Big
          - IndexName: G
            KeySchema: [{AttributeName: g, KeyType: HASH}]
            Projection: {ProjectionType: ALL}
          - !Ref AWS::NoValue
        - IndexName: H
          KeySchema:
            - !If [Big, {AttributeName: a, KeyType: HASH}, {AttributeName: b, KeyType: HASH}]
          Projection: {ProjectionType: ALL}
`;
  const [t] = tables(text, 'file:///work/t.yaml');
  assert.deepEqual([...t!.computed].sort(), ['GlobalSecondaryIndexes', 'KeySchema']);
  assert.equal(t!.billingModeKnown, false);
  assert.deepEqual(analyze({ uri: 'file:///work/t.yaml', text }), []);
});
