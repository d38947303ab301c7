// The policy evaluator, table-driven. Most rows retell examples of the IAM User Guide (policy evaluation logic,
// permissions boundaries, session policies, policy variables, the Condition element and its operators) with their
// documented outcome; the rest pin the edges those pages state in words (missing keys, empty sets, case rules).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  compilePolicy,
  type DecisionKind,
  evaluate,
  makeRequest,
  type PolicyRole,
} from '../../../server/src/core/iam/evaluate/evaluate';
import { loadPolicies } from '../../../server/src/core/iam/evaluate/load';

type Doc = Record<string, unknown>;
const V = '2012-10-17';
const ACCOUNT = '111122223333';
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
const CARLOS = `arn:aws:iam::${ACCOUNT}:user/carlossalazar`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/app`;
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/app/build-42`;

interface Row {
  readonly name: string;
  readonly identity?: readonly Doc[];
  readonly resource?: readonly Doc[];
  readonly boundary?: readonly Doc[];
  readonly session?: readonly Doc[];
  readonly principal?: string;
  readonly action: string;
  readonly target: string;
  readonly context?: readonly (readonly [string, string])[];
  readonly expect: DecisionKind;
  /** Sids of the deciding statements, in order. */
  readonly deciding?: readonly string[];
}

const allow = (Sid: string, Action: unknown, Resource: unknown, extra: Doc = {}): Doc => ({
  Sid,
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
});
const deny = (Sid: string, Action: unknown, Resource: unknown, extra: Doc = {}): Doc => ({
  Sid,
  Effect: 'Deny',
  Action,
  Resource,
  ...extra,
});
const policy = (...Statement: Doc[]): Doc => ({ Version: V, Statement });

function decide(row: Row) {
  const compiled = (docs: readonly Doc[] | undefined, role: PolicyRole, prefix: string) =>
    (docs ?? []).flatMap((d, i) => {
      const loaded = loadPolicies(`${prefix}${i}.json`, JSON.stringify(d, null, 2));
      assert.deepEqual(loaded.problems, []);
      return loaded.sources.map((s) => compilePolicy(s, role));
    });
  const request = makeRequest(row.principal ?? ALICE, row.action, row.target, row.context ?? []);
  assert.ok(request, `principal ${row.principal}`);
  return evaluate(
    {
      identity: compiled(row.identity, 'identity', 'identity'),
      resource: compiled(row.resource, 'resource', 'resource'),
      ...(row.boundary ? { boundary: compiled(row.boundary, 'boundary', 'boundary') } : {}),
      ...(row.session ? { session: compiled(row.session, 'session', 'session') } : {}),
    },
    request,
  );
}

const CARLOS_IDENTITY = policy(
  allow('AllowS3ListRead', ['s3:GetBucketLocation', 's3:GetObject', 's3:ListAllMyBuckets'], '*'),
  allow('AllowS3Self', 's3:*', [
    'arn:aws:s3:::amzn-s3-demo-bucket-carlossalazar/*',
    'arn:aws:s3:::amzn-s3-demo-bucket-carlossalazar',
  ]),
  deny('DenyS3Logs', 's3:*', 'arn:aws:s3:::*log*'),
  deny('DenyEC2Large', 'ec2:*', '*', {
    Condition: { StringNotLike: { 'ec2:InstanceType': ['*.nano', '*.small', '*.micro', '*.medium'] } },
  }),
);
const CARLOS_BUCKET = policy(
  allow('AllowLogsUpload', 's3:PutObject', 'arn:aws:s3:::amzn-s3-demo-bucket-carlossalazar-logs/*', {
    Principal: { AWS: CARLOS },
  }),
  allow('AllowAllRead', 's3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket-public/*', { Principal: '*' }),
);

const ROWS: readonly Row[] = [
  // "Policy evaluation for requests within a single account": Carlos's identity policy and a bucket policy.
  {
    name: 'identity policy allows reading his own bucket',
    identity: [CARLOS_IDENTITY],
    principal: CARLOS,
    action: 's3:PutObject',
    target: 'arn:aws:s3:::amzn-s3-demo-bucket-carlossalazar/notes.txt',
    expect: 'allow',
    deciding: ['AllowS3Self'],
  },
  {
    name: 'an explicit deny beats the bucket policy that names him (log buckets)',
    identity: [CARLOS_IDENTITY],
    resource: [CARLOS_BUCKET],
    principal: CARLOS,
    action: 's3:PutObject',
    target: 'arn:aws:s3:::amzn-s3-demo-bucket-carlossalazar-logs/today.log',
    expect: 'explicit-deny',
    deciding: ['DenyS3Logs'],
  },
  {
    name: 'a resource policy naming the user allows without any identity policy',
    resource: [CARLOS_BUCKET],
    principal: CARLOS,
    action: 's3:PutObject',
    target: 'arn:aws:s3:::amzn-s3-demo-bucket-carlossalazar-logs/today.log',
    expect: 'allow',
    deciding: ['AllowLogsUpload'],
  },
  {
    name: 'the deny with StringNotLike applies to a large instance',
    identity: [CARLOS_IDENTITY, policy(allow('RunAll', 'ec2:RunInstances', '*'))],
    principal: CARLOS,
    action: 'ec2:RunInstances',
    target: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/*`,
    context: [['ec2:InstanceType', 'm5.24xlarge']],
    expect: 'explicit-deny',
    deciding: ['DenyEC2Large'],
  },
  {
    name: 'and not to a micro one',
    identity: [CARLOS_IDENTITY, policy(allow('RunAll', 'ec2:RunInstances', '*'))],
    principal: CARLOS,
    action: 'ec2:RunInstances',
    target: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/*`,
    context: [['ec2:InstanceType', 't3.micro']],
    expect: 'allow',
    deciding: ['RunAll'],
  },
  {
    name: 'StringNotLike with the key missing is true, so the deny applies',
    identity: [CARLOS_IDENTITY, policy(allow('RunAll', 'ec2:RunInstances', '*'))],
    principal: CARLOS,
    action: 'ec2:RunInstances',
    target: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/*`,
    expect: 'explicit-deny',
  },
  {
    name: 'nothing allows it: implicit deny, no deciding statement',
    identity: [CARLOS_IDENTITY],
    principal: CARLOS,
    action: 'dynamodb:GetItem',
    target: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/orders`,
    expect: 'implicit-deny',
    deciding: [],
  },
  {
    name: 'Principal "*" in a bucket policy lets any user of the account read',
    resource: [CARLOS_BUCKET],
    action: 's3:GetObject',
    target: 'arn:aws:s3:::amzn-s3-demo-bucket-public/index.html',
    expect: 'allow',
    deciding: ['AllowAllRead'],
  },
  // Permissions boundaries: "ShirleyRodriguez" may only manage S3, CloudWatch and EC2.
  {
    name: 'a boundary without iam:CreateUser blocks what the identity policy allows',
    identity: [policy(allow('CreateUser', 'iam:CreateUser', '*'))],
    boundary: [policy(allow('Boundary', ['s3:*', 'cloudwatch:*', 'ec2:*'], '*'))],
    action: 'iam:CreateUser',
    target: `arn:aws:iam::${ACCOUNT}:user/bob`,
    expect: 'implicit-deny',
  },
  {
    name: 'the boundary alone grants nothing',
    identity: [policy(allow('Other', 'sqs:*', '*'))],
    boundary: [policy(allow('Boundary', ['s3:*', 'cloudwatch:*', 'ec2:*'], '*'))],
    action: 's3:ListAllMyBuckets',
    target: '*',
    expect: 'implicit-deny',
  },
  {
    name: 'allowed by both: the identity statement and the boundary statement decide',
    identity: [policy(allow('S3Read', 's3:GetObject', '*'))],
    boundary: [policy(allow('Boundary', ['s3:*', 'cloudwatch:*', 'ec2:*'], '*'))],
    action: 's3:GetObject',
    target: 'arn:aws:s3:::b/k',
    expect: 'allow',
    deciding: ['S3Read', 'Boundary'],
  },
  {
    name: 'a deny in the boundary is an explicit deny',
    identity: [policy(allow('All', '*', '*'))],
    boundary: [policy(allow('Everything', '*', '*'), deny('NoIam', 'iam:*', '*'))],
    action: 'iam:DeleteRole',
    target: `arn:aws:iam::${ACCOUNT}:role/x`,
    expect: 'explicit-deny',
    deciding: ['NoIam'],
  },
  {
    name: 'a resource policy naming the user is not limited by the boundary',
    boundary: [policy(allow('Boundary', 'ec2:*', '*'))],
    resource: [policy(allow('ToAlice', 'sqs:SendMessage', '*', { Principal: { AWS: ALICE } }))],
    action: 'sqs:SendMessage',
    target: `arn:aws:sqs:us-east-1:${ACCOUNT}:jobs`,
    expect: 'allow',
    deciding: ['ToAlice'],
  },
  // Session policies and resource policies naming the role or the session.
  {
    name: 'a session policy limits what the role allows',
    principal: SESSION,
    identity: [policy(allow('RoleS3', 's3:*', '*'))],
    session: [policy(allow('SessionRead', 's3:GetObject', 'arn:aws:s3:::reports/*'))],
    action: 's3:PutObject',
    target: 'arn:aws:s3:::reports/q1.csv',
    expect: 'implicit-deny',
  },
  {
    name: 'the session policy and the role both allow reading reports',
    principal: SESSION,
    identity: [policy(allow('RoleS3', 's3:*', '*'))],
    session: [policy(allow('SessionRead', 's3:GetObject', 'arn:aws:s3:::reports/*'))],
    action: 's3:GetObject',
    target: 'arn:aws:s3:::reports/q1.csv',
    expect: 'allow',
    deciding: ['RoleS3', 'SessionRead'],
  },
  {
    name: 'a resource policy naming the role ARN is limited by the session policy',
    principal: SESSION,
    session: [policy(allow('SessionRead', 's3:GetObject', '*'))],
    resource: [policy(allow('ToRole', 's3:PutObject', 'arn:aws:s3:::drop/*', { Principal: { AWS: ROLE } }))],
    action: 's3:PutObject',
    target: 'arn:aws:s3:::drop/x',
    expect: 'implicit-deny',
  },
  {
    name: 'the role itself as the caller: a grant to its ARN is limited by its boundary',
    principal: ROLE,
    boundary: [policy(allow('Boundary', 'ec2:*', '*'))],
    resource: [policy(allow('ToRole', 's3:PutObject', 'arn:aws:s3:::drop/*', { Principal: { AWS: ROLE } }))],
    action: 's3:PutObject',
    target: 'arn:aws:s3:::drop/x',
    expect: 'implicit-deny',
  },
  {
    name: 'a resource policy naming the role ARN allows without an identity policy',
    principal: SESSION,
    resource: [policy(allow('ToRole', 's3:PutObject', 'arn:aws:s3:::drop/*', { Principal: { AWS: ROLE } }))],
    action: 's3:PutObject',
    target: 'arn:aws:s3:::drop/x',
    expect: 'allow',
    deciding: ['ToRole'],
  },
  {
    name: 'a resource policy naming the session ARN is not limited by the session policy',
    principal: SESSION,
    session: [policy(allow('SessionRead', 's3:GetObject', '*'))],
    resource: [policy(allow('ToSession', 's3:PutObject', 'arn:aws:s3:::drop/*', { Principal: { AWS: SESSION } }))],
    action: 's3:PutObject',
    target: 'arn:aws:s3:::drop/x',
    expect: 'allow',
    deciding: ['ToSession'],
  },
  {
    name: 'a resource policy naming only the account needs an identity policy too',
    resource: [policy(allow('ToAccount', 'sqs:*', '*', { Principal: { AWS: ACCOUNT } }))],
    action: 'sqs:SendMessage',
    target: `arn:aws:sqs:us-east-1:${ACCOUNT}:jobs`,
    expect: 'implicit-deny',
  },
  {
    name: 'account principal plus an identity allow',
    identity: [policy(allow('Send', 'sqs:SendMessage', '*'))],
    resource: [policy(allow('ToAccount', 'sqs:*', '*', { Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } }))],
    action: 'sqs:SendMessage',
    target: `arn:aws:sqs:us-east-1:${ACCOUNT}:jobs`,
    expect: 'allow',
    deciding: ['Send'],
  },
  {
    name: 'a resource policy for another user does not apply',
    resource: [policy(allow('ToBob', 's3:*', '*', { Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/bob` } }))],
    action: 's3:GetObject',
    target: 'arn:aws:s3:::b/k',
    expect: 'implicit-deny',
  },
  {
    name: 'Deny with NotPrincipal denies everyone not named',
    identity: [policy(allow('All', 's3:*', '*'))],
    resource: [policy(deny('OnlyBob', 's3:*', '*', { NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:user/bob` } }))],
    action: 's3:GetObject',
    target: 'arn:aws:s3:::b/k',
    expect: 'explicit-deny',
    deciding: ['OnlyBob'],
  },
  {
    name: 'and not the one it names',
    principal: `arn:aws:iam::${ACCOUNT}:user/bob`,
    identity: [policy(allow('All', 's3:*', '*'))],
    resource: [policy(deny('OnlyBob', 's3:*', '*', { NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:user/bob` } }))],
    action: 's3:GetObject',
    target: 'arn:aws:s3:::b/k',
    expect: 'allow',
  },
  // Action, NotAction, Resource, NotResource and wildcards.
  {
    name: 'NotAction with Allow: everything except IAM (allowed)',
    identity: [policy(allow('NotIam', undefined, '*', { NotAction: 'iam:*' }))],
    action: 'dynamodb:PutItem',
    target: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/t`,
    expect: 'allow',
    deciding: ['NotIam'],
  },
  {
    name: 'NotAction with Allow: everything except IAM (IAM not allowed)',
    identity: [policy(allow('NotIam', undefined, '*', { NotAction: 'iam:*' }))],
    action: 'iam:CreateUser',
    target: '*',
    expect: 'implicit-deny',
  },
  {
    name: 'Deny with NotAction unless MFA: denies an action not listed without MFA',
    identity: [
      policy(
        allow('All', '*', '*'),
        deny('DenyAllButListedUnlessMFA', undefined, '*', {
          NotAction: ['iam:ChangePassword', 'iam:GetAccountPasswordPolicy'],
          Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
        }),
      ),
    ],
    action: 'ec2:StopInstances',
    target: '*',
    expect: 'explicit-deny',
    deciding: ['DenyAllButListedUnlessMFA'],
  },
  {
    name: '… and allows it with MFA',
    identity: [
      policy(
        allow('All', '*', '*'),
        deny('DenyAllButListedUnlessMFA', undefined, '*', {
          NotAction: ['iam:ChangePassword'],
          Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
        }),
      ),
    ],
    action: 'ec2:StopInstances',
    target: '*',
    context: [['aws:MultiFactorAuthPresent', 'true']],
    expect: 'allow',
  },
  {
    name: 'Deny with NotResource: everything but one bucket is denied',
    identity: [
      policy(
        allow('All', 's3:*', '*'),
        deny('OnlyThisBucket', 's3:*', undefined, {
          NotResource: ['arn:aws:s3:::amzn-s3-demo-bucket', 'arn:aws:s3:::amzn-s3-demo-bucket/*'],
        }),
      ),
    ],
    action: 's3:GetObject',
    target: 'arn:aws:s3:::other/k',
    expect: 'explicit-deny',
    deciding: ['OnlyThisBucket'],
  },
  {
    name: 'actions match ignoring case, with ? and * wildcards',
    identity: [policy(allow('Wild', ['S3:Get?bject', 'iam:*AccessKey*'], '*'))],
    action: 's3:GETOBJECT',
    target: 'arn:aws:s3:::b/k',
    expect: 'allow',
  },
  {
    name: 'iam:*AccessKey* covers iam:ListAccessKeys',
    identity: [policy(allow('Wild', ['iam:*AccessKey*'], '*'))],
    action: 'iam:ListAccessKeys',
    target: `arn:aws:iam::${ACCOUNT}:user/alice`,
    expect: 'allow',
  },
  {
    name: 'resource ARNs match case-sensitively',
    identity: [policy(allow('Orders', 's3:GetObject', 'arn:aws:s3:::Orders/*'))],
    action: 's3:GetObject',
    target: 'arn:aws:s3:::orders/k',
    expect: 'implicit-deny',
  },
  {
    name: 'a wildcard in the account part does not cross a colon',
    identity: [policy(allow('AnyAccount', 'sqs:*', 'arn:aws:sqs:us-east-1:*:jobs'))],
    action: 'sqs:SendMessage',
    target: `arn:aws:sqs:us-east-1:${ACCOUNT}:jobs`,
    expect: 'allow',
  },
  {
    name: '* in the resource part spans slashes and colons',
    identity: [policy(allow('Logs', 'logs:*', `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/app/*`))],
    action: 'logs:PutLogEvents',
    target: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/app/web:log-stream:i-1`,
    expect: 'allow',
  },
  // Policy variables.
  {
    name: '${aws:username} scopes a home folder (own folder)',
    identity: [policy(allow('Home', 's3:*', 'arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*'))],
    action: 's3:PutObject',
    target: 'arn:aws:s3:::amzn-s3-demo-bucket/home/alice/cv.pdf',
    expect: 'allow',
    deciding: ['Home'],
  },
  {
    name: "${aws:username} scopes a home folder (someone else's)",
    identity: [policy(allow('Home', 's3:*', 'arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*'))],
    action: 's3:PutObject',
    target: 'arn:aws:s3:::amzn-s3-demo-bucket/home/bob/cv.pdf',
    expect: 'implicit-deny',
  },
  {
    name: 'a role session has no aws:username: the statement does not match',
    principal: SESSION,
    identity: [policy(allow('Home', 's3:*', 'arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*'))],
    action: 's3:PutObject',
    target: 'arn:aws:s3:::amzn-s3-demo-bucket/home/app/cv.pdf',
    expect: 'implicit-deny',
  },
  {
    name: 'a principal tag in the resource',
    identity: [policy(allow('Team', 'dynamodb:*', `arn:aws:dynamodb:*:*:table/\${aws:PrincipalTag/team}-*`))],
    action: 'dynamodb:Query',
    target: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/payments-orders`,
    context: [['aws:PrincipalTag/team', 'payments']],
    expect: 'allow',
  },
  {
    name: 'a missing principal tag without default: no match',
    identity: [policy(allow('Team', 'dynamodb:*', `arn:aws:dynamodb:*:*:table/\${aws:PrincipalTag/team}-*`))],
    action: 'dynamodb:Query',
    target: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/payments-orders`,
    expect: 'implicit-deny',
  },
  {
    name: "a missing principal tag with a default ('shared')",
    identity: [policy(allow('Team', 'dynamodb:*', "arn:aws:dynamodb:*:*:table/${aws:PrincipalTag/team, 'shared'}-*"))],
    action: 'dynamodb:Query',
    target: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/shared-config`,
    expect: 'allow',
  },
  {
    name: '${*} is a literal star, not a wildcard',
    identity: [policy(allow('Star', 's3:GetObject', 'arn:aws:s3:::b/${*}'))],
    action: 's3:GetObject',
    target: 'arn:aws:s3:::b/anything',
    expect: 'implicit-deny',
  },
  {
    name: '${*} matches an object literally named *',
    identity: [policy(allow('Star', 's3:GetObject', 'arn:aws:s3:::b/${*}'))],
    action: 's3:GetObject',
    target: 'arn:aws:s3:::b/*',
    expect: 'allow',
  },
  {
    name: 'Version 2008-10-17 reads ${aws:username} as text',
    identity: [{ Version: '2008-10-17', Statement: [allow('Old', 's3:*', 'arn:aws:s3:::b/${aws:username}/*')] }],
    action: 's3:GetObject',
    target: 'arn:aws:s3:::b/alice/k',
    expect: 'implicit-deny',
  },
  {
    name: 'a variable in a condition value: StringLike s3:prefix home/${aws:username}/',
    identity: [
      policy(
        allow('ListHome', 's3:ListBucket', 'arn:aws:s3:::b', {
          Condition: { StringLike: { 's3:prefix': ['', 'home/', 'home/${aws:username}/*'] } },
        }),
      ),
    ],
    action: 's3:ListBucket',
    target: 'arn:aws:s3:::b',
    context: [['s3:prefix', 'home/alice/photos/']],
    expect: 'allow',
  },
  {
    name: 'aws:SourceArn in an ArnEquals condition of a queue policy',
    resource: [
      policy(
        allow('FromTopic', 'sqs:SendMessage', `arn:aws:sqs:us-east-1:${ACCOUNT}:jobs`, {
          Principal: { Service: 'sns.amazonaws.com' },
          Condition: { ArnEquals: { 'aws:SourceArn': `arn:aws:sns:us-east-1:${ACCOUNT}:orders` } },
        }),
      ),
    ],
    principal: 'sns.amazonaws.com',
    action: 'sqs:SendMessage',
    target: `arn:aws:sqs:us-east-1:${ACCOUNT}:jobs`,
    context: [['aws:SourceArn', `arn:aws:sns:us-east-1:${ACCOUNT}:orders`]],
    expect: 'allow',
    deciding: ['FromTopic'],
  },
  {
    name: '… from another topic it does not',
    resource: [
      policy(
        allow('FromTopic', 'sqs:SendMessage', `arn:aws:sqs:us-east-1:${ACCOUNT}:jobs`, {
          Principal: { Service: 'sns.amazonaws.com' },
          Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:sns:*:${ACCOUNT}:orders` } },
        }),
      ),
    ],
    principal: 'sns.amazonaws.com',
    action: 'sqs:SendMessage',
    target: `arn:aws:sqs:us-east-1:${ACCOUNT}:jobs`,
    context: [['aws:SourceArn', `arn:aws:sns:us-east-1:${ACCOUNT}:payments`]],
    expect: 'implicit-deny',
  },
];

/** Condition operators one by one: [operator, key, policy values, request values (undefined: key missing), holds]. */
type OpRow = readonly [string, string, unknown, readonly string[] | undefined, boolean];
const OPERATORS: readonly OpRow[] = [
  ['StringEquals', 'aws:PrincipalTag/job-category', 'iamuser-admin', ['iamuser-admin'], true],
  ['StringEquals', 'aws:PrincipalTag/job-category', 'iamuser-admin', ['IAMUser-Admin'], false],
  ['StringEquals', 'aws:PrincipalTag/job-category', 'iamuser-admin', undefined, false],
  ['StringNotEquals', 'aws:PrincipalTag/job-category', 'iamuser-admin', ['dev'], true],
  ['StringNotEquals', 'aws:PrincipalTag/job-category', 'iamuser-admin', undefined, true],
  ['StringEqualsIgnoreCase', 'aws:PrincipalTag/job-category', 'iamuser-admin', ['IAMUser-Admin'], true],
  ['StringNotEqualsIgnoreCase', 'aws:PrincipalTag/job-category', 'iamuser-admin', ['IAMUSER-ADMIN'], false],
  ['StringLike', 's3:prefix', ['home/*', 'shared/?'], ['home/a/b'], true],
  ['StringLike', 's3:prefix', ['home/*', 'shared/?'], ['shared/ab'], false],
  ['StringLike', 's3:prefix', 'Home/*', ['home/a'], false],
  ['StringNotLike', 's3:prefix', 'home/*', ['tmp/x'], true],
  ['StringEqualsIfExists', 'ec2:InstanceType', ['t3.micro', 't3.small'], undefined, true],
  ['StringEqualsIfExists', 'ec2:InstanceType', ['t3.micro', 't3.small'], ['m5.large'], false],
  ['NumericLessThanEquals', 's3:max-keys', '10', ['10'], true],
  ['NumericLessThanEquals', 's3:max-keys', '10', ['11'], false],
  ['NumericLessThan', 's3:max-keys', '10', ['ten'], false],
  ['NumericEquals', 's3:max-keys', 10, ['10.0'], true],
  ['NumericNotEquals', 's3:max-keys', '10', ['9'], true],
  ['NumericGreaterThan', 's3:max-keys', '10', ['10'], false],
  ['NumericGreaterThanEquals', 's3:max-keys', '10', ['10'], true],
  ['DateGreaterThan', 'aws:CurrentTime', '2026-01-01T00:00:00Z', ['2026-06-30T12:00:00Z'], true],
  ['DateLessThan', 'aws:CurrentTime', '2026-01-01T00:00:00Z', ['2026-06-30T12:00:00Z'], false],
  ['DateLessThanEquals', 'aws:EpochTime', '2026-01-01T00:00:00Z', ['1767225600'], true],
  ['DateEquals', 'aws:CurrentTime', '1767225600', ['2026-01-01T00:00:00Z'], true],
  ['DateNotEquals', 'aws:CurrentTime', '2026-01-01', ['2026-01-02'], true],
  ['DateGreaterThanEquals', 'aws:TokenIssueTime', '2026-01-01T00:00:00Z', undefined, false],
  ['Bool', 'aws:SecureTransport', 'true', ['true'], true],
  ['Bool', 'aws:SecureTransport', true, ['TRUE'], true],
  ['Bool', 'aws:SecureTransport', 'false', ['true'], false],
  ['Bool', 'aws:SecureTransport', 'false', undefined, false],
  ['BoolIfExists', 'aws:MultiFactorAuthPresent', 'false', undefined, true],
  ['BinaryEquals', 'kms:RecipientAttestation:ImageSha384', 'QmluYXJ5VmFsdWU=', ['QmluYXJ5VmFsdWU='], true],
  ['BinaryEquals', 'kms:RecipientAttestation:ImageSha384', 'QmluYXJ5VmFsdWU=', ['other'], false],
  ['IpAddress', 'aws:SourceIp', '203.0.113.0/24', ['203.0.113.77'], true],
  ['IpAddress', 'aws:SourceIp', '203.0.113.0/24', ['203.0.114.1'], false],
  ['IpAddress', 'aws:SourceIp', '203.0.113.9', ['203.0.113.9'], true],
  ['IpAddress', 'aws:SourceIp', '2001:DB8:1234:5678::/64', ['2001:db8:1234:5678:abcd::1'], true],
  ['IpAddress', 'aws:SourceIp', '2001:DB8:1234:5678::/64', ['2001:db8:1234:5679::1'], false],
  ['IpAddress', 'aws:SourceIp', '2001:DB8:1234:5678::/64', ['203.0.113.1'], false],
  ['NotIpAddress', 'aws:SourceIp', ['203.0.113.0/24', '198.51.100.0/24'], ['192.0.2.1'], true],
  ['NotIpAddress', 'aws:SourceIp', ['203.0.113.0/24', '198.51.100.0/24'], ['198.51.100.5'], false],
  ['ArnEquals', 'aws:SourceArn', `arn:aws:sns:us-east-1:${ACCOUNT}:t`, [`arn:aws:sns:us-east-1:${ACCOUNT}:t`], true],
  ['ArnLike', 'aws:SourceArn', 'arn:aws:s3:::logs-*', ['arn:aws:s3:::logs-2026'], true],
  ['ArnLike', 'aws:SourceArn', 'arn:aws:s3:::logs-*', ['arn:aws:s3:::LOGS-2026'], false],
  ['ArnNotLike', 'aws:SourceArn', 'arn:aws:s3:::logs-*', ['arn:aws:s3:::data'], true],
  ['ArnNotEquals', 'aws:PrincipalArn', ROLE, undefined, true],
  ['Null', 'aws:TokenIssueTime', 'true', undefined, true],
  ['Null', 'aws:TokenIssueTime', 'true', ['2026-01-01T00:00:00Z'], false],
  ['Null', 'aws:TokenIssueTime', 'false', ['2026-01-01T00:00:00Z'], true],
  // Multi-valued keys ("Condition operators for multivalued context keys").
  ['ForAllValues:StringEquals', 'aws:TagKeys', ['environment', 'cost-center'], ['environment'], true],
  ['ForAllValues:StringEquals', 'aws:TagKeys', ['environment', 'cost-center'], ['environment', 'owner'], false],
  ['ForAllValues:StringEquals', 'aws:TagKeys', ['environment', 'cost-center'], undefined, true],
  ['ForAnyValue:StringEquals', 'aws:TagKeys', ['environment', 'cost-center'], ['owner', 'cost-center'], true],
  ['ForAnyValue:StringEquals', 'aws:TagKeys', ['environment', 'cost-center'], ['owner'], false],
  ['ForAnyValue:StringEquals', 'aws:TagKeys', ['environment', 'cost-center'], undefined, false],
  ['ForAllValues:StringNotEquals', 'aws:TagKeys', ['secret'], ['a', 'b'], true],
  ['ForAllValues:StringNotEquals', 'aws:TagKeys', ['secret'], ['a', 'secret'], false],
  ['ForAnyValue:StringNotEquals', 'aws:TagKeys', ['secret'], ['secret', 'a'], true],
  ['ForAnyValue:StringLike', 'aws:TagKeys', ['team-*'], ['team-a', 'x'], true],
  ['ForAnyValue:StringEqualsIfExists', 'aws:TagKeys', ['a'], undefined, true],
  ['StringEquals', 'aws:TagKeys', ['a'], ['b', 'a'], true],
  ['UnknownOperator', 'aws:TagKeys', ['a'], ['a'], false],
  ['Foo:StringEquals', 'aws:TagKeys', ['a'], ['a'], false],
];

describe('IAM policy evaluator (documented examples)', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const d = decide(row);
      assert.equal(d.decision, row.expect, JSON.stringify(d.steps));
      if (row.deciding)
        assert.deepEqual(
          d.deciding.map((r) => r.sid),
          row.deciding,
        );
      if (d.decision === 'explicit-deny') assert.ok(d.deciding.length > 0);
    });
  }
});

describe('IAM policy evaluator: condition operators', () => {
  for (const [operator, key, values, request, holds] of OPERATORS) {
    it(`${operator} ${key} ${JSON.stringify(values)} vs ${request ? JSON.stringify(request) : '(missing)'} → ${holds}`, () => {
      const row: Row = {
        name: operator,
        identity: [policy(allow('Cond', 's3:GetObject', '*', { Condition: { [operator]: { [key]: values } } }))],
        action: 's3:GetObject',
        target: 'arn:aws:s3:::b/k',
        context: (request ?? []).map((v) => [key, v] as const),
        expect: holds ? 'allow' : 'implicit-deny',
      };
      assert.equal(decide(row).decision, row.expect);
    });
  }
  it('keys compare ignoring case; all keys and all operators must hold', () => {
    const both = policy(
      allow('Both', 's3:GetObject', '*', {
        Condition: { StringEquals: { 'AWS:PrincipalTag/Team': 'a' }, Bool: { 'aws:SecureTransport': 'true' } },
      }),
    );
    const base = { identity: [both], action: 's3:GetObject', target: 'arn:aws:s3:::b/k', name: 'x' } as const;
    const ok = [
      ['aws:principaltag/team', 'a'],
      ['aws:SecureTransport', 'true'],
    ] as const;
    assert.equal(decide({ ...base, context: ok, expect: 'allow' }).decision, 'allow');
    assert.equal(decide({ ...base, context: [ok[0]], expect: 'allow' }).decision, 'implicit-deny');
  });
});

describe('IAM policy evaluator: answers name file, Sid or index, and line', () => {
  it('points at the statement object', () => {
    const text = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "sqs:*", "Resource": "*" },
    {
      "Sid": "NoPurge",
      "Effect": "Deny",
      "Action": "sqs:PurgeQueue",
      "Resource": "*"
    }
  ]
}`;
    const [src] = loadPolicies('queues.json', text).sources;
    const set = { identity: [compilePolicy(src!, 'identity')], resource: [] };
    const purge = evaluate(set, makeRequest(ALICE, 'sqs:PurgeQueue', 'arn:aws:sqs:us-east-1:1:q')!);
    assert.deepEqual(purge.deciding, [{ file: 'queues.json', sid: 'NoPurge', line: 5 }]);
    const send = evaluate(set, makeRequest(ALICE, 'sqs:SendMessage', 'arn:aws:sqs:us-east-1:1:q')!);
    assert.deepEqual(send.deciding, [{ file: 'queues.json', sid: 'Statement[0]', line: 4 }]);
    assert.deepEqual(
      send.steps.map((s) => s.step),
      ['Explicit deny', 'Resource-based policies', 'Identity-based policies'],
    );
  });

  it('is total: malformed statements never match and never throw', () => {
    const text = JSON.stringify({
      Version: V,
      Statement: [
        { Effect: 'Allow' },
        { Effect: 'allow', Action: '*', Resource: '*' },
        { Effect: 'Allow', Action: '*', NotAction: 's3:*', Resource: '*' },
        { Effect: 'Allow', Action: 42, Resource: '*' },
        { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: 'x' } },
        { Effect: 'Allow', Action: '*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': 'not-an-ip' } } },
        { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/${unclosed' },
      ],
    });
    const [src] = loadPolicies('bad.json', text).sources;
    const d = evaluate(
      { identity: [compilePolicy(src!, 'identity')], resource: [] },
      makeRequest(ALICE, 's3:GetObject', 'arn:aws:s3:::b/k', [['aws:SourceIp', '10.0.0.1']])!,
    );
    assert.equal(d.decision, 'implicit-deny');
  });

  it('rejects principals it cannot read', () => {
    assert.equal(makeRequest('alice', 's3:GetObject', '*'), undefined);
    assert.equal(makeRequest('arn:aws:iam::123:user/x', 's3:GetObject', '*'), undefined);
    assert.ok(makeRequest('lambda.amazonaws.com', 's3:GetObject', '*'));
  });
});
