// Week 10 — KMS and Secrets Manager: customer managed keys with aliases, rotation, envelope encryption, secrets.
import {
  DescribeKeyCommand,
  GetKeyRotationStatusCommand,
  ListAliasesCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { ListSecretsCommand } from '@aws-sdk/client-secrets-manager';
import { buckets, metadataOf, objectsIn } from './week01';
import { type Check, type CheckEnv, done, notYet, once, SCAN_LIMIT } from './types';

/** Customer managed keys that are enabled, each with its aliases. */
export async function customerKeys(kms: KMSClient) {
  const aliases = (await kms.send(new ListAliasesCommand({ Limit: 100 }))).Aliases ?? [];
  const byKey = new Map<string, string[]>();
  for (const a of aliases) {
    if (!a.TargetKeyId || a.AliasName?.startsWith('alias/aws/')) continue;
    byKey.set(a.TargetKeyId, [...(byKey.get(a.TargetKeyId) ?? []), a.AliasName ?? '']);
  }
  const out = [];
  for (const [keyId, names] of [...byKey].slice(0, SCAN_LIMIT)) {
    const d = (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata;
    if (d?.KeyManager === 'CUSTOMER' && d.Enabled)
      out.push({ keyId: d.KeyId ?? keyId, arn: d.Arn ?? '', aliases: names });
  }
  return out;
}

const keys = (env: CheckEnv) => once(env, 'kms.keys', () => customerKeys(env.aws.kms()));

const key: Check = async (env) => {
  const k = (await keys(env))[0];
  return k ? done(`Key ${k.aliases[0]} (${k.keyId})`) : notYet('No enabled customer managed key with an alias yet');
};

const rotation: Check = async (env) => {
  const { aws } = env;
  const kms = aws.kms();
  for (const k of await keys(env)) {
    const r = await kms.send(new GetKeyRotationStatusCommand({ KeyId: k.keyId }));
    if (r.KeyRotationEnabled) return done(`${k.aliases[0]} rotates its key material automatically`);
  }
  return notYet('No aliased customer managed key has rotation enabled yet');
};

/** The user metadata key an envelope-encrypted object carries its wrapped data key in. */
export const WRAPPED_KEY_METADATA = 'wrapped-key';

const envelope: Check = async (env) => {
  let heads = 0;
  for (const bucket of await buckets(env)) {
    for (const obj of await objectsIn(env, bucket)) {
      if (heads++ >= 100) return notYet('No envelope-encrypted object among the first 100 objects');
      if ((await metadataOf(env, bucket, obj.key))[WRAPPED_KEY_METADATA]) {
        return done(`s3://${bucket}/${obj.key} carries its wrapped data key in x-amz-meta-${WRAPPED_KEY_METADATA}`);
      }
    }
  }
  return notYet(`No object with x-amz-meta-${WRAPPED_KEY_METADATA} metadata yet`);
};

async function secrets(env: Parameters<Check>[0]) {
  return (await env.aws.secretsManager().send(new ListSecretsCommand({ MaxResults: SCAN_LIMIT }))).SecretList ?? [];
}

const secret: Check = async (env) => {
  const mine = await keys(env);
  const known = new Set(mine.flatMap((k) => [k.keyId, k.arn, ...k.aliases]));
  const s = (await secrets(env)).find((x) => x.KmsKeyId !== undefined && known.has(x.KmsKeyId));
  return s
    ? done(`Secret ${s.Name} is encrypted with your key ${s.KmsKeyId}`)
    : notYet('No secret encrypted with one of your customer managed keys yet');
};

const secretRotation: Check = async (env) => {
  const s = (await secrets(env)).find((x) => x.RotationEnabled === true);
  return s
    ? done(`Secret ${s.Name} rotates every ${s.RotationRules?.AutomaticallyAfterDays ?? '?'} days`)
    : notYet('No secret has rotation turned on yet');
};

export const week10 = { key, rotation, envelope, secret, 'secret-rotation': secretRotation };
