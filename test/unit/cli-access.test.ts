// `node dist/cli.js explain | check-no-new-access | check-access-not-granted | check-no-public-access` as CI runs
// them (build first): the fixed JSON shapes, exit codes 0/1/2, and readable input errors without a stack.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ALICE = 'arn:aws:iam::111122223333:user/alice';
const IDENTITY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadOrders",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:ListBucket"],
      "Resource": ["arn:aws:s3:::orders", "arn:aws:s3:::orders/*"]
    },
    {
      "Sid": "NoDeletes",
      "Effect": "Deny",
      "Action": "s3:Delete*",
      "Resource": "*"
    }
  ]
}
`;
const BUCKET = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "TeamWrites",
      "Effect": "Allow",
      "Principal": { "AWS": "${ALICE}" },
      "Action": "s3:PutObject",
      "Resource": "arn:aws:s3:::orders/*",
      "Condition": { "StringEquals": { "aws:PrincipalTag/team": ["orders", "ops"] } }
    }
  ]
}
`;
const BOUNDARY =
  '{"Version": "2012-10-17", "Statement": [{"Sid": "OnlyS3Read", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}]}\n';
const PUBLIC =
  '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*"}]}\n';

describe('cli explain and custom checks', () => {
  let dir: string;
  before(() => {
    assert.ok(existsSync(CLI), `${CLI} is missing: run npm run build first`);
    dir = mkdtempSync(join(tmpdir(), 'lcl-cli-access-'));
    writeFileSync(join(dir, 'identity.json'), IDENTITY);
    writeFileSync(join(dir, 'bucket.json'), BUCKET);
    writeFileSync(join(dir, 'boundary.json'), BOUNDARY);
    writeFileSync(join(dir, 'public.json'), PUBLIC);
    writeFileSync(join(dir, 'wider.json'), IDENTITY.replace('"s3:ListBucket"]', '"s3:ListBucket", "s3:PutObject"]'));
    writeFileSync(join(dir, 'broken.json'), '{"Version": "2012-10-17", "Statement": [}\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const explain = (...extra: string[]) =>
    run(dir, 'explain', '--policy', 'identity.json', '--principal', ALICE, '--format', 'json', ...extra);

  it('explain: allow names the statement, file and line; exit 0', () => {
    const r = explain('--action', 's3:GetObject', '--resource', 'arn:aws:s3:::orders/1.json');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), {
      decision: 'allow',
      deciding: [{ file: 'identity.json', sid: 'ReadOrders', line: 4 }],
    });
    assert.deepEqual(Object.keys(JSON.parse(r.stdout)), ['decision', 'deciding']);
  });

  it('explain: explicit deny, exit 1', () => {
    const r = explain('--action', 's3:DeleteObject', '--resource', 'arn:aws:s3:::orders/1.json');
    assert.equal(r.status, 1);
    assert.deepEqual(JSON.parse(r.stdout), {
      decision: 'explicit-deny',
      deciding: [{ file: 'identity.json', sid: 'NoDeletes', line: 10 }],
    });
  });

  it('explain: implicit deny, exit 1', () => {
    const r = explain('--action', 's3:PutObject', '--resource', 'arn:aws:s3:::orders/1.json');
    assert.equal(r.status, 1);
    assert.deepEqual(JSON.parse(r.stdout), { decision: 'implicit-deny', deciding: [] });
  });

  it('explain: a resource policy with a multi-valued --context', () => {
    const args = [
      '--resource-policy',
      'bucket.json',
      '--action',
      's3:PutObject',
      '--resource',
      'arn:aws:s3:::orders/1',
    ];
    const yes = explain(...args, '--context', 'aws:PrincipalTag/team=ops');
    assert.equal(yes.status, 0, yes.stderr);
    assert.deepEqual(JSON.parse(yes.stdout).deciding, [{ file: 'bucket.json', sid: 'TeamWrites', line: 4 }]);
    // A key given twice is multi-valued: StringEquals then holds when any value matches.
    const two = explain(...args, '--context', 'aws:PrincipalTag/team=web', '--context', 'aws:PrincipalTag/team=orders');
    assert.equal(two.status, 0);
    const no = explain(...args, '--context', 'aws:PrincipalTag/team=web');
    assert.equal(no.status, 1);
  });

  it('explain: a permissions boundary limits the identity policy', () => {
    const r = explain('--boundary', 'boundary.json', '--action', 's3:ListBucket', '--resource', 'arn:aws:s3:::orders');
    assert.equal(r.status, 1);
    assert.equal(JSON.parse(r.stdout).decision, 'implicit-deny');
    const ok = explain(
      '--boundary',
      'boundary.json',
      '--action',
      's3:GetObject',
      '--resource',
      'arn:aws:s3:::orders/k',
    );
    assert.deepEqual(JSON.parse(ok.stdout).deciding, [
      { file: 'identity.json', sid: 'ReadOrders', line: 4 },
      { file: 'boundary.json', sid: 'OnlyS3Read', line: 1 },
    ]);
  });

  it('explain: text format tells the evaluation order', () => {
    const r = run(
      dir,
      'explain',
      '--policy',
      'identity.json',
      '--principal',
      ALICE,
      '--action',
      's3:GetObject',
      '--resource',
      'arn:aws:s3:::orders/k',
    );
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Allowed by statement `ReadOrders` \(identity\.json:4\)\n/);
    assert.match(r.stdout, /1\. Explicit deny: no Deny statement matches/);
  });

  it('check-no-new-access: PASS against itself, FAIL with the new access', () => {
    const same = run(dir, 'check-no-new-access', '--base', 'identity.json', 'identity.json', '--format', 'json');
    assert.equal(same.status, 0, same.stderr);
    assert.deepEqual(JSON.parse(same.stdout), { result: 'PASS', reasons: [] });
    const wider = run(dir, 'check-no-new-access', '--base', 'identity.json', 'wider.json', '--format', 'json');
    assert.equal(wider.status, 1);
    assert.deepEqual(JSON.parse(wider.stdout), {
      result: 'FAIL',
      reasons: [
        { action: 's3:PutObject', resource: 'arn:aws:s3:::orders' },
        { action: 's3:PutObject', resource: 'arn:aws:s3:::orders/*' },
      ],
    });
  });

  it('check-no-new-access --base HEAD compares with the committed version', () => {
    const git = (...a: string[]) => spawnSync('git', a, { cwd: dir, encoding: 'utf8' });
    if (git('init', '-q').status !== 0) return assert.fail('git init failed');
    writeFileSync(join(dir, 'tracked.json'), IDENTITY);
    git('add', 'tracked.json');
    assert.equal(git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-qm', 'base').status, 0);
    assert.equal(run(dir, 'check-no-new-access', '--base', 'HEAD', 'tracked.json', '--format', 'json').status, 0);
    writeFileSync(join(dir, 'tracked.json'), IDENTITY.replace('"s3:GetObject",', '"s3:GetObject", "s3:PutObject",'));
    const r = run(dir, 'check-no-new-access', '--base', 'HEAD', 'tracked.json', '--format', 'json');
    assert.equal(r.status, 1);
    assert.equal(JSON.parse(r.stdout).reasons[0].action, 's3:PutObject');
  });

  it('check-access-not-granted: FAIL names the action, PASS on other resources', () => {
    const r = run(
      dir,
      'check-access-not-granted',
      '--actions',
      's3:GetObject,iam:PassRole',
      'identity.json',
      '--format',
      'json',
    );
    assert.equal(r.status, 1);
    assert.deepEqual(JSON.parse(r.stdout), {
      result: 'FAIL',
      reasons: [
        { action: 's3:GetObject', resource: 'arn:aws:s3:::orders' },
        { action: 's3:GetObject', resource: 'arn:aws:s3:::orders/*' },
      ],
    });
    const other = run(
      dir,
      'check-access-not-granted',
      '--actions',
      's3:GetObject',
      '--resources',
      'arn:aws:s3:::payroll/x',
      'identity.json',
      '--format',
      'json',
    );
    assert.equal(other.status, 0);
    assert.deepEqual(JSON.parse(other.stdout), { result: 'PASS', reasons: [] });
  });

  it('check-no-public-access: FAIL on Principal "*", PASS on a named principal', () => {
    const r = run(
      dir,
      'check-no-public-access',
      '--resource-type',
      'AWS::S3::Bucket',
      'public.json',
      '--format',
      'json',
    );
    assert.equal(r.status, 1);
    assert.deepEqual(JSON.parse(r.stdout), {
      result: 'FAIL',
      reasons: [{ action: 's3:GetObject', resource: 'arn:aws:s3:::site/*' }],
    });
    const ok = run(
      dir,
      'check-no-public-access',
      '--resource-type',
      'AWS::S3::Bucket',
      'bucket.json',
      '--format',
      'json',
    );
    assert.equal(ok.status, 0);
  });

  const usage: readonly [string, string[], RegExp][] = [
    [
      'a missing file',
      ['explain', '--policy', 'nope.json', '--principal', ALICE, '--action', 's3:GetObject', '--resource', '*'],
      /Read nope\.json failed: no such file/,
    ],
    [
      'a broken policy',
      ['check-access-not-granted', '--actions', 's3:GetObject', 'broken.json'],
      /broken\.json:1:\d+ .*fix the policy first/,
    ],
    [
      'no principal',
      ['explain', '--policy', 'identity.json', '--action', 's3:GetObject', '--resource', '*'],
      /--principal is required/,
    ],
    [
      'an unreadable principal',
      ['explain', '--policy', 'identity.json', '--principal', 'alice', '--action', 's3:GetObject', '--resource', '*'],
      /--principal must be/,
    ],
    [
      'an action pattern',
      ['explain', '--policy', 'identity.json', '--principal', ALICE, '--action', 's3:Get*', '--resource', '*'],
      /--action must be one action/,
    ],
    [
      'a bad context',
      [
        'explain',
        '--policy',
        'identity.json',
        '--principal',
        ALICE,
        '--action',
        's3:GetObject',
        '--resource',
        '*',
        '--context',
        'novalue',
      ],
      /KEY=VALUE/,
    ],
    ['an unknown option', ['check-no-new-access', '--bse', 'a.json', 'b.json'], /Unknown option "--bse"/],
    ['no base', ['check-no-new-access', 'identity.json'], /--base is required/],
    [
      'an unknown resource type',
      ['check-no-public-access', '--resource-type', 'AWS::S3::Buckets', 'public.json'],
      /--resource-type must be one of/,
    ],
    [
      'a bad format',
      ['check-no-public-access', '--resource-type', 'AWS::S3::Bucket', 'public.json', '--format', 'sarif'],
      /--format must be text or json/,
    ],
    [
      'two policies to check',
      ['check-no-public-access', '--resource-type', 'AWS::S3::Bucket', 'public.json', 'bucket.json'],
      /Expected one policy file/,
    ],
    ['record in front of another machine', ['record', '--endpoint', 'https://s3.amazonaws.com'], /not on this machine/],
    ['record with a bad account', ['record', '--account', '12'], /--account must be 12 digits/],
    ['record with an unknown option', ['record', '--verbose', 'yes'], /Unknown option "--verbose"/],
  ];
  for (const [name, args, message] of usage) {
    it(`exit 2 on ${name}, with a readable message and no stack`, () => {
      const r = run(dir, ...args);
      assert.equal(r.status, 2, r.stdout);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
      assert.equal(r.stdout, '');
    });
  }
});
