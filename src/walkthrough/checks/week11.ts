// Week 11 — infrastructure as code: a Terraform provider aimed at the local endpoint, tagged resources it created,
// remote state in S3 with a DynamoDB lock table, a serverless stack and a local module.
import { tableTags } from '../../aws/dynamodb';
import { functionEnvironment } from '../../aws/lambda';
import { getBucketTags } from '../../aws/s3';
import { buckets, objectsOf } from './week01';
import { functions, keyOf, tables } from './week02';
import { type Check, done, notYet } from './types';

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
  const managed = (tags: Record<string, string>): boolean => tags[MANAGED_TAG.key] === MANAGED_TAG.value;
  for (const b of await buckets(env)) {
    if (managed(await getBucketTags(aws, b))) {
      return done(`Bucket ${b} was created by Terraform (tag ${MANAGED_TAG.key}=${MANAGED_TAG.value})`);
    }
  }
  for (const t of await tables(env)) {
    if (t.arn && managed(await tableTags(aws, t.arn))) {
      return done(`Table ${t.name} was created by Terraform (tag ${MANAGED_TAG.key}=${MANAGED_TAG.value})`);
    }
  }
  return notYet(`No bucket or table tagged ${MANAGED_TAG.key}=${MANAGED_TAG.value} yet`);
};

const remoteState: Check = async (env) => {
  for (const b of await buckets(env)) {
    const state = (await objectsOf(env.aws, b, undefined, 200)).find((o) => o.key.endsWith('.tfstate'));
    if (state) return done(`Terraform state lives at s3://${b}/${state.key}`);
  }
  return notYet('No *.tfstate object in any bucket yet');
};

const stateLock: Check = async (env) => {
  const t = (await tables(env)).find((x) => keyOf(x, 'HASH') === 'LockID' && !keyOf(x, 'RANGE'));
  return t ? done(`${t.name} can hold Terraform's state lock (key LockID)`) : notYet('No table keyed by LockID yet');
};

const serverless: Check = async (env) => {
  const names = new Set((await tables(env)).map((t) => t.name));
  for (const name of await functions(env)) {
    const vars = await functionEnvironment(env.aws, name);
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
