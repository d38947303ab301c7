// Week 10 — KMS and Secrets Manager: customer managed keys with aliases, rotation, envelope encryption, secrets.
import type { AwsClients } from '../../aws/clients';
import { describeKey, keyRotationEnabled, listAliases } from '../../aws/kms';
import { listSecrets } from '../../aws/secretsManager';
import { buckets, metadataOf, objectsIn } from './week01';
import { type Check, type CheckEnv, done, notYet, once, SCAN_LIMIT } from './types';

/** Customer managed keys that are enabled, each with its aliases. */
export async function customerKeys(aws: AwsClients) {
  const aliases = await listAliases(aws);
  const named = [...aliases]
    .map(([keyId, names]) => ({ keyId, names: names.filter((n) => !n.startsWith('alias/aws/')) }))
    .filter((x) => x.names.length > 0)
    .slice(0, SCAN_LIMIT);
  const out = [];
  for (const { keyId, names } of named) {
    const k = await describeKey(aws, keyId, undefined, aliases);
    if (k.manager === 'CUSTOMER' && k.enabled) out.push({ keyId: k.keyId, arn: k.arn, aliases: names });
  }
  return out;
}

const keys = (env: CheckEnv) => once(env, 'kms.keys', () => customerKeys(env.aws));

const key: Check = async (env) => {
  const k = (await keys(env))[0];
  return k ? done(`Key ${k.aliases[0]} (${k.keyId})`) : notYet('No enabled customer managed key with an alias yet');
};

const rotation: Check = async (env) => {
  for (const k of await keys(env)) {
    if (await keyRotationEnabled(env.aws, k.keyId))
      return done(`${k.aliases[0]} rotates its key material automatically`);
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

async function secrets(env: CheckEnv) {
  return (await listSecrets(env.aws, { pageSize: SCAN_LIMIT, includeScheduledForDeletion: false })).secrets;
}

const secret: Check = async (env) => {
  const mine = await keys(env);
  const known = new Set(mine.flatMap((k) => [k.keyId, k.arn, ...k.aliases]));
  const s = (await secrets(env)).find((x) => x.kmsKeyId !== undefined && known.has(x.kmsKeyId));
  return s
    ? done(`Secret ${s.name} is encrypted with your key ${s.kmsKeyId}`)
    : notYet('No secret encrypted with one of your customer managed keys yet');
};

const secretRotation: Check = async (env) => {
  const s = (await secrets(env)).find((x) => x.rotationEnabled === true);
  return s
    ? done(`Secret ${s.name} rotates every ${s.rotationDays ?? '?'} days`)
    : notYet('No secret has rotation turned on yet');
};

export const week10 = { key, rotation, envelope, secret, 'secret-rotation': secretRotation };
