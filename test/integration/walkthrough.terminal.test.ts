// The terminal commands the walkthrough buttons type, run for real: each week's commands go through bash and the
// AWS CLI against moto, in the order the steps give them (with the snippet files a step asks the learner to save),
// and afterwards that week's checks must say done. This catches a wrong flag, a bad quote or a step the check
// does not recognise — the things a learner would otherwise find first.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { AwsClients } from '../../src/aws/clients';
import { connectionEnvironment, type ResolvedConnection } from '../../src/aws/connection';
import { parseCurriculum, renderTerminalCommand, type Curriculum } from '../../src/walkthrough/curriculum';
import { DEFAULT_LOCAL_SERVICES, roundMemo, type CheckEnv } from '../../src/walkthrough/checks/types';
import { folderFiles } from '../../src/walkthrough/files';
import { realProbes } from '../../src/walkthrough/probes/tcp';
import { CHECKS, type WeekId } from '../../src/walkthrough/registry';
import { skipOnLocalStack, startEmulator, type TestEmulator } from '../support/emulator';
import { connectionFor } from '../support/fixtures';

const root = resolve(__dirname, '..', '..');
const curriculum: Curriculum = parseCurriculum(
  JSON.parse(readFileSync(join(root, 'walkthroughs', 'curriculum.json'), 'utf8')),
);
const hasCli = spawnSync('aws', ['--version']).status === 0;

/** The body of a curriculum snippet with placeholders at their defaults (what Tab-Tab-Tab leaves). */
function snippetText(name: string): string {
  const ref = curriculum.snippets[name];
  assert.ok(ref, `no snippet ${name}`);
  const file = JSON.parse(readFileSync(join(root, ref.file), 'utf8')) as Record<string, { body: string | string[] }>;
  const body = file[name]!.body;
  let text = Array.isArray(body) ? body.join('\n') : body;
  for (let i = 0; i < 5; i++) text = text.replace(/\$\{\d+:([^{}]*)\}/g, '$1');
  return text.replace(/\\\$/g, '$');
}

type Action = { term: string; other?: WeekId } | { save: string; snippet: string } | { shell: string };

/** What a learner does in each week, in step order; `expect` lists the steps that must then be done. */
const WEEKS: { week: WeekId; actions: Action[]; expect: string[] }[] = [
  {
    week: 'week01',
    actions: [
      { term: 'make-bucket' },
      { term: 'put-with-metadata' },
      { term: 'head-object' },
      { term: 'enable-versioning' },
      { term: 'overwrite' },
      { save: 'lifecycle.json', snippet: 's3-lifecycle' },
      { term: 'put-lifecycle' },
      { shell: 'URL=$(PRESIGN) && curl -sf -X PUT --upload-file report.txt "$URL"' },
      { term: 'multipart' },
      { term: 'make-queue' },
      { save: 'notification.json', snippet: 's3-notification' },
      { term: 'put-notification' },
    ],
    expect: ['bucket', 'metadata', 'versioning', 'lifecycle', 'presigned', 'multipart', 'notifications'],
  },
  {
    week: 'week02',
    actions: [
      { term: 'create-table' },
      { term: 'put-items' },
      { term: 'query' },
      { term: 'scan' },
      { term: 'add-gsi' },
      { term: 'query-gsi' },
      { term: 'enable-stream' },
      { save: 'trust.json', snippet: 'iam-lambda-trust' },
      { term: 'make-role' },
      { term: 'package-function' },
      { term: 'create-function' },
      { term: 'create-mapping' },
    ],
    expect: ['table', 'items', 'gsi', 'streams', 'function', 'trigger'],
  },
  {
    week: 'week03',
    actions: [
      { term: 'create-vpc' },
      { term: 'create-subnets' },
      { term: 'public-route' },
      { term: 'private-route' },
      { term: 'security-groups' },
      { term: 'nacl' },
    ],
    expect: ['vpc', 'subnets', 'igw', 'nat', 'security-groups', 'nacl'],
  },
  {
    week: 'week07',
    actions: [
      { term: 'create-queue' },
      { term: 'send-receive' },
      { term: 'long-polling' },
      { term: 'create-dlq' },
      { save: 'redrive.json', snippet: 'sqs-redrive-attributes' },
      { term: 'set-redrive' },
      { save: 'fifo.json', snippet: 'sqs-fifo-attributes' },
      { term: 'create-fifo' },
      { term: 'send-fifo' },
      { term: 'fanout' },
      { save: 'filter.json', snippet: 'sns-filter-policy' },
      { term: 'filter' },
    ],
    expect: ['visibility', 'long-polling', 'dlq', 'fifo', 'fanout', 'filter-policy'],
  },
  {
    week: 'week08',
    actions: [
      { term: 'create-stream' },
      { term: 'put-records' },
      { term: 'read-records' },
      { term: 'split' },
      { term: 'register-consumer' },
      { term: 'retention' },
    ],
    expect: ['stream', 'records', 'reshard', 'consumer', 'retention'],
  },
  {
    week: 'week09',
    actions: [
      { save: 's3-policy.json', snippet: 'iam-s3-least-privilege' },
      { term: 'user-group' },
      { save: 'dynamodb-policy.json', snippet: 'iam-dynamodb-least-privilege' },
      { term: 'create-policy' },
      { save: 'deny.json', snippet: 'iam-explicit-deny' },
      { term: 'deny' },
      { save: 'trust.json', snippet: 'iam-lambda-trust' },
      { term: 'lambda-role' },
      { save: 'partner-trust.json', snippet: 'iam-cross-account-trust' },
      { term: 'cross-account' },
    ],
    expect: ['user-group', 'least-privilege', 'deny', 'lambda-role', 'cross-account'],
  },
  {
    week: 'week04',
    actions: [
      { term: 'launch-template' },
      { term: 'run-instance' },
      { term: 'create-asg' },
      { term: 'scaling-policy' },
      { term: 'target-group' },
      { term: 'load-balancer' },
    ],
    expect: ['launch-template', 'instance', 'asg', 'scaling-policy', 'target-group', 'load-balancer'],
  },
  {
    week: 'week10',
    actions: [
      // Secret rotation reuses week 2's function.
      { save: 'trust.json', snippet: 'iam-lambda-trust' },
      { other: 'week02', term: 'make-role' },
      { other: 'week02', term: 'package-function' },
      { other: 'week02', term: 'create-function' },
      { term: 'create-key' },
      { term: 'rotation' },
      { term: 'envelope' },
      { term: 'decrypt' },
      { term: 'create-secret' },
      { term: 'rotate-secret' },
    ],
    expect: ['key', 'rotation', 'envelope', 'secret', 'secret-rotation'],
  },
  {
    week: 'week11',
    actions: [{ term: 'state-resources' }],
    expect: ['state-lock'],
  },
  {
    week: 'week12',
    actions: [
      { save: 'trust.json', snippet: 'iam-lambda-trust' },
      { other: 'week02', term: 'make-role' },
      { other: 'week02', term: 'package-function' },
      { other: 'week02', term: 'create-function' },
      { term: 'static-site' },
      { term: 'event-driven' },
      { term: 'analytics' },
      { term: 'url-table' },
      { term: 'put-link' },
      { term: 'feed-table' },
      { term: 'feed-fanout' },
    ],
    expect: ['static-site', 'event-driven', 'analytics', 'url-shortener', 'feed'],
  },
];

/** Weeks whose typed commands LocalStack 4.14 community on the host cannot carry out, with the limitation. */
const LOCALSTACK_LIMITS: Partial<Record<string, string>> = {
  week04: 'community edition has no Auto Scaling or ELBv2 API',
  week12:
    'Lambda without a container runtime: the function an earlier week made stays Pending and cannot be deleted, ' +
    'so creating it again conflicts',
  week02:
    'Lambda without a container runtime (functions stay Pending), and a LocalStack function cannot map the stream ' +
    'of a DynamoDB table that moto serves',
};

describe(
  'walkthrough terminal commands against the emulator',
  { skip: hasCli ? false : 'the AWS CLI is not installed' },
  () => {
    let moto: TestEmulator;
    let connection: ResolvedConnection;
    let aws: AwsClients;
    let env: CheckEnv;
    let dir: string;

    before(async () => {
      moto = await startEmulator();
      connection = connectionFor(moto.endpoint, moto.endpoints);
      aws = new AwsClients(connection);
    });
    after(async () => {
      aws?.dispose();
      await moto?.reset();
      await moto?.stop();
    });
    beforeEach(async () => {
      await moto.reset();
      dir = mkdtempSync(join(tmpdir(), 'lcl-term-'));
      env = { aws, probes: realProbes, local: DEFAULT_LOCAL_SERVICES, files: folderFiles([dir]) };
    });

    /** Runs one command line in bash, in the learner's folder, with the environment the terminal gets. */
    function bash(line: string): void {
      const r = spawnSync('bash', ['-c', line], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 120_000,
        // What the extension puts into its terminals: endpoints (per service too), region, test credentials.
        env: { ...process.env, ...connectionEnvironment(connection), AWS_PAGER: '' },
      });
      assert.equal(r.status, 0, `${line}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
    }

    /** The account the emulator uses (moto: 123456789012; LocalStack: 000000000000), as a learner would fill it in. */
    function account(): string {
      const r = spawnSync(
        'aws',
        ['--endpoint-url', moto.endpoint, 'sts', 'get-caller-identity', '--query', 'Account', '--output', 'text'],
        {
          encoding: 'utf8',
          env: {
            ...process.env,
            AWS_ACCESS_KEY_ID: 'test',
            AWS_SECRET_ACCESS_KEY: 'test',
            AWS_DEFAULT_REGION: 'us-east-1',
          },
        },
      );
      return r.stdout.trim();
    }

    for (const { week, actions, expect } of WEEKS) {
      test(
        `${week}: the typed commands leave what every check looks for`,
        skipOnLocalStack(LOCALSTACK_LIMITS[week] ?? ''),
        async () => {
          const w = curriculum.weeks.find((x) => x.id === week)!;
          const acct = account();
          const seen = new Map<string, string>();
          const last = new Map<string, string>();
          try {
            for (const a of actions) {
              if ('term' in a) {
                const from = a.other ? curriculum.weeks.find((x) => x.id === a.other)! : w;
                const template = from.terminal[a.term];
                assert.ok(template, `${week} has no terminal command ${a.term}`);
                bash(renderTerminalCommand(template, connection));
              } else if ('save' in a) {
                // The learner fills the account id in where a step says so (the snippet's default is LocalStack's).
                writeFileSync(join(dir, a.save), snippetText(a.snippet).replace(/000000000000/g, acct));
              } else {
                const presign = renderTerminalCommand(w.terminal['presign-put']!, connection);
                bash(a.shell.replace('PRESIGN', presign));
              }
              // Like the periodic checks: a step counts once a check has seen it done; one round after each action.
              const round = { ...env, memo: roundMemo() };
              for (const step of expect) {
                if (seen.has(step)) continue;
                const r = await CHECKS[week][step]!(round);
                if (r.done) seen.set(step, r.detail);
                else last.set(step, r.detail);
              }
            }
            for (const step of expect) assert.ok(seen.has(step), `${week}.${step} never done: ${last.get(step)}`);
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        },
      );
    }
  },
);
