// DynamoDB table and IAM access layers against a real moto server.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AddUserToGroupCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyVersionCommand,
  CreateUserCommand,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import * as ddb from '../../src/aws/dynamodb';
import * as iam from '../../src/aws/iam';
import { principalPoliciesOf } from '../../src/aws/resourcePolicies';
import { useLab } from '../support/fixtures';

const ordersTable = {
  TableName: 'orders',
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'S' },
    { AttributeName: 'gsi1pk', AttributeType: 'S' },
    { AttributeName: 'lsi1sk', AttributeType: 'N' },
  ],
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  BillingMode: 'PAY_PER_REQUEST',
  GlobalSecondaryIndexes: [
    {
      IndexName: 'by-status',
      KeySchema: [{ AttributeName: 'gsi1pk', KeyType: 'HASH' }],
      Projection: { ProjectionType: 'ALL' },
    },
  ],
  LocalSecondaryIndexes: [
    {
      IndexName: 'by-total',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'lsi1sk', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'KEYS_ONLY' },
    },
  ],
};

const trust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
const readOnly = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::lab/*' }],
});

describe('aws/dynamodb and aws/iam against the emulator', () => {
  const lab = useLab();

  it('creates a table from CreateTable JSON and describes keys, indexes and billing', async () => {
    const parsed = ddb.tableInputFromJson(JSON.stringify(ordersTable));
    assert.ok(parsed.ok);
    if (!parsed.ok) return;
    assert.equal(await ddb.createTable(lab.clients, parsed.input), 'orders');
    const t = await ddb.describeTable(lab.clients, 'orders');
    assert.equal(t.status, 'ACTIVE');
    assert.equal(ddb.formatKeys(t.keys), 'pk (S) + sk (S)');
    assert.equal(t.billingMode, 'PAY_PER_REQUEST');
    assert.deepEqual(
      t.indexes.map((i) => `${i.type}:${i.name}:${ddb.formatKeys(i.keys)}`),
      ['GSI:by-status:gsi1pk (S)', 'LSI:by-total:pk (S) + lsi1sk (N)'],
    );
    assert.equal(t.itemCount, 0);
  });

  it('replays a describe-table output and a one-table CloudFormation template', async () => {
    const provisioned = {
      ...ordersTable,
      TableName: 'prov',
      BillingMode: 'PROVISIONED',
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 2 },
    };
    const gsis = provisioned.GlobalSecondaryIndexes.map((g) => ({
      ...g,
      ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
    }));
    const p = ddb.tableInputFromJson(JSON.stringify({ ...provisioned, GlobalSecondaryIndexes: gsis }));
    assert.ok(p.ok);
    if (!p.ok) return;
    await ddb.createTable(lab.clients, p.input);
    const described = await ddb.describeTable(lab.clients, 'prov');
    assert.equal(described.billingMode, 'PROVISIONED');
    assert.equal(described.readCapacity, 5);
    assert.equal(described.writeCapacity, 2);

    // describe-table output, renamed: read-only fields are dropped and reported.
    const { DescribeTableCommand } = await import('@aws-sdk/client-dynamodb');
    const raw = await lab.clients.dynamodb().send(new DescribeTableCommand({ TableName: 'prov' }));
    const replay = ddb.tableInputFromJson(JSON.stringify(raw), 'prov-copy');
    assert.ok(replay.ok, replay.ok ? '' : replay.reason);
    if (!replay.ok) return;
    assert.ok(replay.ignored.includes('TableStatus'));
    await ddb.createTable(lab.clients, replay.input);
    assert.equal((await ddb.describeTable(lab.clients, 'prov-copy')).keys.length, 2);

    const cfn = {
      Resources: {
        Sessions: {
          Type: 'AWS::DynamoDB::Table',
          Properties: {
            AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
            KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          },
        },
      },
    };
    const fromCfn = ddb.tableInputFromJson(JSON.stringify(cfn));
    assert.ok(fromCfn.ok);
    if (!fromCfn.ok) return;
    assert.equal(fromCfn.input.TableName, 'Sessions');
    assert.equal(fromCfn.input.BillingMode, 'PAY_PER_REQUEST');
    await ddb.createTable(lab.clients, fromCfn.input);
  });

  it('rejects malformed table documents with a reason', () => {
    assert.match((ddb.tableInputFromJson('{') as { reason: string }).reason, /not valid JSON/);
    assert.match((ddb.tableInputFromJson('{"TableName":"x"}') as { reason: string }).reason, /KeySchema is missing/);
    assert.match((ddb.tableInputFromJson('[]') as { reason: string }).reason, /JSON object/);
    assert.match(
      (ddb.tableInputFromJson('{"Resources":{}}') as { reason: string }).reason,
      /0 AWS::DynamoDB::Table resources/,
    );
  });

  it('lists tables in pages and deletes one', async () => {
    for (const name of ['t-a', 't-b', 't-c']) {
      const p = ddb.tableInputFromJson(
        JSON.stringify({
          ...ordersTable,
          TableName: name,
          GlobalSecondaryIndexes: undefined,
          LocalSecondaryIndexes: undefined,
          AttributeDefinitions: ordersTable.AttributeDefinitions.slice(0, 2),
        }),
      );
      assert.ok(p.ok);
      if (p.ok) await ddb.createTable(lab.clients, p.input);
    }
    const first = await ddb.listTables(lab.clients, { pageSize: 2 });
    assert.deepEqual(
      first.tables.map((t) => t.name),
      ['t-a', 't-b'],
    );
    assert.equal(first.next, 't-b');
    const second = await ddb.listTables(lab.clients, { pageSize: 2, cursor: first.next });
    assert.deepEqual(
      second.tables.map((t) => t.name),
      ['t-c'],
    );
    await ddb.deleteTable(lab.clients, 't-b');
    const left = await ddb.listTables(lab.clients, { pageSize: 10 });
    assert.deepEqual(
      left.tables.map((t) => t.name),
      ['t-a', 't-c'],
    );
  });

  it('creates a policy and a role from documents and lists users, groups, roles and policies', async () => {
    const policyArn = await iam.createPolicy(lab.clients, { name: 'lab-read', document: readOnly });
    assert.match(policyArn, /:policy\/lab-read$/);
    await lab.clients.iam().send(
      new CreatePolicyVersionCommand({
        PolicyArn: policyArn,
        PolicyDocument: readOnly.replace('GetObject', 'ListBucket'),
        SetAsDefault: true,
      }),
    );
    const roleArn = await iam.createRole(lab.clients, { name: 'lab-fn', trustPolicy: trust });
    assert.match(roleArn, /:role\/lab-fn$/);
    await lab.clients.iam().send(new CreateUserCommand({ UserName: 'alice' }));
    await lab.clients.iam().send(new CreateGroupCommand({ GroupName: 'devs' }));
    await lab.clients.iam().send(new AddUserToGroupCommand({ GroupName: 'devs', UserName: 'alice' }));
    await lab.clients.iam().send(new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: policyArn }));
    await lab.clients
      .iam()
      .send(new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'alice-inline', PolicyDocument: readOnly }));
    await lab.clients
      .iam()
      .send(new PutGroupPolicyCommand({ GroupName: 'devs', PolicyName: 'devs-inline', PolicyDocument: readOnly }));
    await lab.clients.iam().send(new AttachRolePolicyCommand({ RoleName: 'lab-fn', PolicyArn: policyArn }));
    await lab.clients
      .iam()
      .send(new PutRolePolicyCommand({ RoleName: 'lab-fn', PolicyName: 'fn-inline', PolicyDocument: readOnly }));

    assert.deepEqual(
      (await iam.listUsers(lab.clients, { pageSize: 100 })).items.map((u) => u.name),
      ['alice'],
    );
    assert.deepEqual(
      (await iam.listGroups(lab.clients, { pageSize: 100 })).items.map((g) => g.name),
      ['devs'],
    );
    assert.ok((await iam.listRoles(lab.clients, { pageSize: 100 })).items.some((r) => r.name === 'lab-fn'));
    const policies = (await iam.listPolicies(lab.clients, { pageSize: 100 })).items;
    assert.deepEqual(
      policies.map((p) => p.name),
      ['lab-read'],
    );
    assert.equal(policies[0]?.defaultVersionId, 'v2');

    const versions = await iam.listPolicyVersions(lab.clients, policyArn);
    assert.deepEqual(versions.map((v) => `${v.versionId}${v.isDefault ? '*' : ''}`).sort(), ['v1', 'v2*']);
    const v1 = await iam.getManagedPolicyDocument(lab.clients, policyArn, 'v1');
    assert.match(v1.document, /s3:GetObject/);
    const def = await iam.getManagedPolicyDocument(lab.clients, policyArn);
    assert.equal(def.versionId, 'v2');
    assert.match(def.document, /s3:ListBucket/);

    assert.deepEqual(await iam.listAttachedPolicies(lab.clients, 'user', 'alice'), [
      { name: 'lab-read', arn: policyArn },
    ]);
    assert.deepEqual(await iam.listInlinePolicies(lab.clients, 'user', 'alice'), ['alice-inline']);
    assert.deepEqual(await iam.listInlinePolicies(lab.clients, 'group', 'devs'), ['devs-inline']);
    assert.deepEqual(await iam.listAttachedPolicies(lab.clients, 'role', 'lab-fn'), [
      { name: 'lab-read', arn: policyArn },
    ]);
    assert.deepEqual(await iam.listInlinePolicies(lab.clients, 'role', 'lab-fn'), ['fn-inline']);

    const inline = await iam.getInlinePolicyDocument(lab.clients, 'group', 'devs', 'devs-inline');
    assert.deepEqual(JSON.parse(inline), JSON.parse(readOnly));
    assert.ok(inline.includes('\n  '), 'pretty-printed');
    const trustDoc = await iam.getTrustPolicy(lab.clients, 'lab-fn');
    assert.deepEqual(JSON.parse(trustDoc), JSON.parse(trust));
  });

  it("reads roles' inline and attached policies in one listing, as reading each role does", async () => {
    const managed = await iam.createPolicy(lab.clients, { name: 'lab-read', document: readOnly });
    const writer = readOnly.replace('GetObject', 'PutObject');
    const write = await iam.createPolicy(lab.clients, { name: 'lab-write', document: writer });
    const reader = await iam.createRole(lab.clients, { name: 'reader', trustPolicy: trust });
    for (const [name, doc] of [
      ['own', readOnly],
      ['extra', writer],
    ] as const) {
      await lab.clients
        .iam()
        .send(new PutRolePolicyCommand({ RoleName: 'reader', PolicyName: name, PolicyDocument: doc }));
    }
    for (const arn of [managed, write]) {
      await lab.clients.iam().send(new AttachRolePolicyCommand({ RoleName: 'reader', PolicyArn: arn }));
    }
    const other = await iam.createRole(lab.clients, { name: 'other', trustPolicy: trust });
    await lab.clients.iam().send(new AttachRolePolicyCommand({ RoleName: 'other', PolicyArn: managed }));
    const bare = await iam.createRole(lab.clients, { name: 'bare', trustPolicy: trust });
    const missing = reader.replace(':role/reader', ':role/no-such-role');

    const found = await iam.rolePolicies(lab.clients, [reader, other, bare, missing]);
    assert.deepEqual([...found.keys()].sort(), [bare, other, reader].sort(), 'a role the account lacks has no entry');
    const names = (arn: string) => found.get(arn)!.map((p) => p.name);
    assert.deepEqual(names(reader).slice(0, 2).sort(), ['inline extra', 'inline own']);
    assert.deepEqual(names(reader).slice(2), ['lab-read', 'lab-write']);
    assert.deepEqual(names(other), ['lab-read']);
    assert.deepEqual(names(bare), []);
    const doc = (arn: string, name: string) => JSON.parse(found.get(arn)!.find((p) => p.name === name)!.document);
    assert.deepEqual(doc(reader, 'inline extra'), JSON.parse(writer));
    assert.deepEqual(doc(other, 'lab-read'), JSON.parse(readOnly));
    assert.deepEqual(doc(reader, 'lab-write'), JSON.parse(writer));
    // The same documents as reading the role call by call (what Explain Access does).
    for (const arn of [reader, other]) {
      const one = (await principalPoliciesOf(lab.clients, arn))!.identity;
      const byName = (ps: readonly { name: string; document: string }[]) =>
        Object.fromEntries(ps.map((p) => [p.name, p.document]));
      assert.deepEqual(
        byName(found.get(arn)!),
        byName(one.map((p) => ({ name: p.label.replace(/^role \S+ \/ /, ''), document: p.text }))),
      );
    }
  });

  it('checks policy text and IAM names before sending', () => {
    assert.equal(iam.checkPolicyText(readOnly).ok, true);
    assert.match((iam.checkPolicyText('{"Version":"2012-10-17"}') as { reason: string }).reason, /Statement/);
    assert.match((iam.checkPolicyText('{') as { reason: string }).reason, /not valid JSON/);
    assert.equal(iam.validateIamName('svc-role+1@x'), undefined);
    assert.match(iam.validateIamName('has space') ?? '', /letters/);
    assert.equal(iam.decodePolicyDocument(encodeURIComponent('{"a":1}')), '{\n  "a": 1\n}\n');
  });
});
