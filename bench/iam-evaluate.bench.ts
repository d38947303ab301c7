// Policy evaluator and custom check benchmarks (`npm run bench`): print figures, never fail on them.
//  (a) evaluator decisions per second on one core (target >= 100,000/s): managed policies as identity policies, a
//      bucket policy and a boundary, requests over their actions with conditions and policy variables;
//  (b) CheckNoNewAccess over the AWS managed policies corpus, each against itself (must PASS) and against a version
//      with one action added (must FAIL): time (target <= 10 s) and wrong answers (target 0).
// Run alone: node --import tsx bench/iam-evaluate.bench.ts   (build first: npm run build)
import { cpus, loadavg } from 'node:os';
import { checkNoNewAccess } from '../server/src/core/iam/evaluate/checks';
import {
  type AccessRequest,
  compilePolicy,
  evaluate,
  makeRequest,
  type PolicySet,
} from '../server/src/core/iam/evaluate/evaluate';
import { loadPolicies } from '../server/src/core/iam/evaluate/load';
import { loadIamData } from '../server/src/iamData';
import { managedPoliciesDir, readManagedPolicies, withOneActionAdded } from '../test/support/managedPolicies';

const ACCOUNT = '111122223333';

function compiled(file: string, text: string, role: 'identity' | 'resource' | 'boundary') {
  return loadPolicies(file, text).sources.map((s) => compilePolicy(s, role));
}

function benchDecisions(dir: string | undefined): void {
  const picks = [
    'AmazonS3ReadOnlyAccess.json',
    'AmazonDynamoDBFullAccess.json',
    'AmazonSQSFullAccess.json',
    'ReadOnlyAccess.json',
  ];
  const managed = dir ? readManagedPolicies(dir).filter((p) => picks.includes(p.name)) : [];
  const own = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Home',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject'],
        Resource: 'arn:aws:s3:::shared/home/${aws:username}/*',
      },
      {
        Sid: 'TeamTables',
        Effect: 'Allow',
        Action: 'dynamodb:*',
        Resource: `arn:aws:dynamodb:*:${ACCOUNT}:table/\${aws:PrincipalTag/team}-*`,
        Condition: { Bool: { 'aws:SecureTransport': 'true' } },
      },
      {
        Sid: 'NoDeletesOffice',
        Effect: 'Deny',
        Action: ['s3:Delete*', 'dynamodb:DeleteTable'],
        Resource: '*',
        Condition: { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } },
      },
    ],
  });
  const bucket = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Partners',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/partner` },
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::shared/in/*',
        Condition: { StringLike: { 's3:x-amz-acl': ['bucket-owner-*'] } },
      },
    ],
  });
  const boundary = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Ceiling', Effect: 'Allow', Action: ['s3:*', 'dynamodb:*', 'sqs:*', 'ec2:Describe*'], Resource: '*' },
    ],
  });
  const set: PolicySet = {
    identity: [
      ...managed.flatMap((p) => compiled(p.name, p.text, 'identity')),
      ...compiled('own.json', own, 'identity'),
    ],
    resource: compiled('bucket.json', bucket, 'resource'),
    boundary: compiled('boundary.json', boundary, 'boundary'),
  };
  const actions = [
    's3:GetObject',
    's3:PutObject',
    's3:DeleteObject',
    'dynamodb:Query',
    'dynamodb:DeleteTable',
    'sqs:SendMessage',
    'ec2:DescribeInstances',
    'iam:CreateUser',
  ];
  const resources = [
    'arn:aws:s3:::shared/home/alice/notes.txt',
    'arn:aws:s3:::shared/in/drop.csv',
    `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/payments-orders`,
    `arn:aws:sqs:us-east-1:${ACCOUNT}:jobs`,
    '*',
  ];
  const users = ['alice', 'partner', 'bob'];
  const requests: AccessRequest[] = [];
  for (let i = 0; i < 960; i++) {
    const r = makeRequest(
      `arn:aws:iam::${ACCOUNT}:user/${users[i % 3]}`,
      actions[i % actions.length]!,
      resources[i % resources.length]!,
      [
        ['aws:SecureTransport', i % 4 ? 'true' : 'false'],
        ['aws:SourceIp', i % 5 ? '203.0.113.9' : '198.51.100.1'],
        ['aws:PrincipalTag/team', i % 2 ? 'payments' : 'search'],
        ['s3:x-amz-acl', 'bucket-owner-full-control'],
      ],
    );
    if (r) requests.push(r);
  }
  const statements = [...set.identity, ...set.resource, ...(set.boundary ?? [])].reduce(
    (n, p) => n + p.statements.length,
    0,
  );
  const tally = { allow: 0, 'explicit-deny': 0, 'implicit-deny': 0 };
  for (let i = 0; i < 20_000; i++) evaluate(set, requests[i % requests.length]!); // warm-up
  let n = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  while (performance.now() - started < 2000) {
    for (const r of requests) tally[evaluate(set, r).decision]++;
    n += requests.length;
  }
  const used = process.cpuUsage(cpu);
  const seconds = (used.user + used.system) / 1e6;
  console.log(
    `(a) evaluator: ${Math.round(n / seconds).toLocaleString('en')} decisions/s per CPU second (target >= 100,000) over ` +
      `${statements} statements in ${set.identity.length + set.resource.length + (set.boundary?.length ?? 0)} policies ` +
      `(${managed.length} managed); ${tally.allow} allow, ${tally['explicit-deny']} explicit deny, ${tally['implicit-deny']} implicit deny`,
  );
}

function benchNoNewAccess(dir: string | undefined): void {
  if (!dir) {
    console.log('(b) CheckNoNewAccess over the managed policies: skipped, corpus not found (../shared/corpus)');
    return;
  }
  const data = loadIamData();
  const policies = readManagedPolicies(dir);
  let wrong = 0;
  let checks = 0;
  let unchanged = 0;
  const examples: string[] = [];
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const p of policies) {
    const base = loadPolicies(p.name, p.text).sources;
    checks++;
    if (checkNoNewAccess(data, base, base).result !== 'PASS') {
      wrong++;
      if (examples.length < 5) examples.push(`${p.name} vs itself`);
    }
    const changed = withOneActionAdded(p.text, data);
    if (!changed) {
      unchanged++;
      continue;
    }
    checks++;
    if (checkNoNewAccess(data, base, loadPolicies(p.name, changed.text).sources).result !== 'FAIL') {
      wrong++;
      if (examples.length < 5) examples.push(`${p.name} + ${changed.action}`);
    }
  }
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  console.log(
    `(b) CheckNoNewAccess over ${policies.length} managed policies: ${checks} checks (${policies.length} against themselves, ` +
      `${checks - policies.length} with one action added; ${unchanged} already grant every candidate action) in ` +
      `${(wall / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU (target <= 10 s); ` +
      `${wrong} wrong answers (target 0)${examples.length ? `: ${examples.join(', ')}` : ''}`,
  );
}

const load = loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
console.log(`Policy evaluator benchmarks (node ${process.version}, ${cpus().length} cores, load average ${load})`);
const dir = managedPoliciesDir();
benchDecisions(dir);
benchNoNewAccess(dir);
