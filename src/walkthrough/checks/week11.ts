// Week 11 — infrastructure as code: a Terraform provider aimed at the local endpoint, tagged resources it created,
// remote state in S3 with a DynamoDB lock table, a serverless stack and a local module.
import { ListTagsOfResourceCommand } from '@aws-sdk/client-dynamodb';
import { GetFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { GetBucketTaggingCommand } from '@aws-sdk/client-s3';
import { buckets, objectsOf } from './week01';
import { functions, keyOf, tables } from './week02';
import { type Check, done, notYet, unlessMissing } from './types';

/** A provider "aws" block and an endpoints block aimed at this machine. */
export function isLocalProvider(tf: string): boolean {
  return (
    /provider\s+"aws"\s*\{/.test(tf) &&
    /endpoints\s*\{/.test(tf) &&
    /"https?:\/\/(localhost|127\.0\.0\.1|localhost\.localstack\.cloud)(:\d+)?/.test(tf)
  );
}

/** A module block whose source is a local path. */
export function localModule(tf: string): string | undefined {
  const m = /module\s+"([\w-]+)"\s*\{[^}]*?source\s*=\s*"(\.\.?\/[^"]+)"/s.exec(tf);
  return m ? `${m[1]} from ${m[2]}` : undefined;
}

const provider: Check = async ({ files }) => {
  const f = (await files.find('**/*.tf', 100)).find((x) => isLocalProvider(x.text));
  return f
    ? done(`${f.path} points the aws provider at the local endpoint`)
    : notYet('No .tf file with a local aws provider yet');
};

/** The tag the Terraform snippet puts on everything it creates (provider default_tags). */
export const MANAGED_TAG = { key: 'ManagedBy', value: 'terraform' };

const apply: Check = async (env) => {
  const { aws } = env;
  const s3 = aws.s3();
  for (const b of await buckets(env)) {
    const tags = await unlessMissing(
      () => s3.send(new GetBucketTaggingCommand({ Bucket: b })),
      ['NoSuchTagSet', 'NoSuchTagSetError'],
    );
    if ((tags?.TagSet ?? []).some((t) => t.Key === MANAGED_TAG.key && t.Value === MANAGED_TAG.value)) {
      return done(`Bucket ${b} was created by Terraform (tag ${MANAGED_TAG.key}=${MANAGED_TAG.value})`);
    }
  }
  const ddb = aws.dynamodb();
  for (const t of await tables(env)) {
    const tags = await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: t.TableArn }));
    if ((tags.Tags ?? []).some((x) => x.Key === MANAGED_TAG.key && x.Value === MANAGED_TAG.value)) {
      return done(`Table ${t.TableName} was created by Terraform (tag ${MANAGED_TAG.key}=${MANAGED_TAG.value})`);
    }
  }
  return notYet(`No bucket or table tagged ${MANAGED_TAG.key}=${MANAGED_TAG.value} yet`);
};

const remoteState: Check = async (env) => {
  const { aws } = env;
  const s3 = aws.s3();
  for (const b of await buckets(env)) {
    const state = (await objectsOf(s3, b, undefined, 200)).find((o) => o.key.endsWith('.tfstate'));
    if (state) return done(`Terraform state lives at s3://${b}/${state.key}`);
  }
  return notYet('No *.tfstate object in any bucket yet');
};

const stateLock: Check = async (env) => {
  const t = (await tables(env)).find((x) => keyOf(x, 'HASH') === 'LockID' && !keyOf(x, 'RANGE'));
  return t
    ? done(`${t.TableName} can hold Terraform's state lock (key LockID)`)
    : notYet('No table keyed by LockID yet');
};

const serverless: Check = async (env) => {
  const { aws } = env;
  const names = new Set((await tables(env)).map((t) => t.TableName ?? ''));
  const lambda = aws.lambda();
  for (const name of await functions(env)) {
    const cfg = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
    const vars = cfg.Environment?.Variables ?? {};
    const ref = Object.entries(vars).find(([, v]) => names.has(v));
    if (ref) return done(`Function ${name} finds table ${ref[1]} through ${ref[0]}`);
  }
  return notYet('No function has an environment variable naming an existing table yet');
};

const modules: Check = async ({ files }) => {
  for (const f of await files.find('**/*.tf', 100)) {
    const m = localModule(f.text);
    if (m) return done(`${f.path} uses module ${m}`);
  }
  return notYet('No .tf file calls a local module (source = "./…") yet');
};

export const week11 = { provider, apply, 'remote-state': remoteState, 'state-lock': stateLock, serverless, modules };
