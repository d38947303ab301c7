// Week 1 — S3: buckets, metadata, versioning, lifecycle rules, presigned uploads, multipart uploads, notifications.
import type { AwsClients } from '../../aws/clients';
import {
  getLifecycleRules,
  getVersioning,
  headObject,
  listBuckets,
  listObjects,
  listVersionKeys,
  notificationTargets,
} from '../../aws/s3';
import { type Check, type CheckEnv, done, firstMatch, listNames, notYet, once, SCAN_LIMIT } from './types';

export async function bucketNames(aws: AwsClients): Promise<string[]> {
  return (await listBuckets(aws, { pageSize: SCAN_LIMIT })).buckets.map((b) => b.name);
}

/** The bucket names, listed once per round. */
export const buckets = (env: CheckEnv): Promise<string[]> => once(env, 's3.buckets', () => bucketNames(env.aws));

/** An object's user metadata, read once per round (the metadata and envelope checks both look). */
export const metadataOf = (env: CheckEnv, bucket: string, key: string): Promise<Record<string, string>> =>
  once(env, `s3.head.${bucket}/${key}`, async () => ({ ...(await headObject(env.aws, bucket, key)).metadata }));

/** The first objects of a bucket (all levels, not one folder), key and ETag. */
export async function objectsOf(aws: AwsClients, bucket: string, prefix?: string, max = SCAN_LIMIT) {
  const page = await listObjects(aws, { bucket, prefix, pageSize: max, delimiter: '' });
  return page.objects.map((o) => ({ key: o.key, etag: o.etag ?? '' }));
}

/** The first objects of a bucket, listed once per round. */
export const objectsIn = (env: CheckEnv, bucket: string) =>
  once(env, `s3.objects.${bucket}`, () => objectsOf(env.aws, bucket));

const bucket: Check = async (env) => {
  const names = await buckets(env);
  return names.length > 0 ? done(`Buckets: ${listNames(names)}`) : notYet('No bucket yet');
};

/** HEADs at most this many objects in total while looking for user metadata. */
const HEAD_LIMIT = 100;

const metadata: Check = async (env) => {
  let heads = 0;
  for (const name of await buckets(env)) {
    for (const obj of await objectsIn(env, name)) {
      if (heads++ >= HEAD_LIMIT) return notYet(`No object with user metadata among the first ${HEAD_LIMIT}`);
      const keys = Object.keys(await metadataOf(env, name, obj.key));
      if (keys.length > 0) return done(`s3://${name}/${obj.key} carries metadata ${listNames(keys)}`);
    }
  }
  return notYet('No object with user metadata (x-amz-meta-*) yet');
};

const versioning: Check = async (env) => {
  const { aws } = env;
  const names = await buckets(env);
  let enabled: string | undefined;
  for (const name of names) {
    if ((await getVersioning(aws, name)) !== 'Enabled') continue;
    enabled = name;
    const counts = new Map<string, number>();
    for (const key of await listVersionKeys(aws, name, 200)) counts.set(key, (counts.get(key) ?? 0) + 1);
    const key = [...counts].find(([, n]) => n >= 2)?.[0];
    if (key !== undefined) return done(`s3://${name}/${key} has ${counts.get(key)} versions`);
  }
  return enabled
    ? notYet(`Versioning is on for ${enabled}; now overwrite an object so it has two versions`)
    : notYet('No bucket has versioning enabled yet');
};

/** The parts of a lifecycle rule (in the S3 API's field names) the check looks at. */
interface LifecycleRuleJson {
  readonly ID?: string;
  readonly Status?: string;
  readonly Transitions?: readonly unknown[];
  readonly Expiration?: unknown;
  readonly NoncurrentVersionExpiration?: unknown;
}

const lifecycle: Check = async (env) => {
  const { aws } = env;
  const hit = await firstMatch(await buckets(env), async (name) => {
    const rules = (await getLifecycleRules(aws, name)) as LifecycleRuleJson[];
    const rule = rules.find(
      (r) =>
        r.Status === 'Enabled' &&
        ((r.Transitions?.length ?? 0) > 0 || r.Expiration !== undefined || r.NoncurrentVersionExpiration !== undefined),
    );
    return rule ? (rule.ID ?? '(unnamed rule)') : undefined;
  });
  return hit
    ? done(`Bucket ${hit.item} has lifecycle rule ${hit.result}`)
    : notYet('No bucket has an enabled lifecycle rule with a transition or expiration');
};

const presigned: Check = async (env) => {
  const hit = await firstMatch(await buckets(env), async (name) => (await objectsOf(env.aws, name, 'uploads/', 1))[0]);
  return hit
    ? done(`s3://${hit.item}/${hit.result.key} arrived through the uploads/ prefix`)
    : notYet('No object under uploads/ yet');
};

/** A multipart object's ETag is the hash of the part hashes followed by "-<number of parts>". */
export function isMultipartEtag(etag: string): boolean {
  return /-\d+"?$/.test(etag);
}

const multipart: Check = async (env) => {
  const hit = await firstMatch(await buckets(env), async (name) =>
    (await objectsIn(env, name)).find((o) => isMultipartEtag(o.etag)),
  );
  return hit
    ? done(`s3://${hit.item}/${hit.result.key} was uploaded in ${hit.result.etag.replace(/.*-(\d+)"?$/, '$1')} parts`)
    : notYet('No object uploaded in parts yet (its ETag would end in -<parts>)');
};

const notifications: Check = async (env) => {
  const hit = await firstMatch(await buckets(env), async (name) => {
    const targets = await notificationTargets(env.aws, name);
    return targets.length > 0 ? targets : undefined;
  });
  return hit
    ? done(`Bucket ${hit.item} notifies ${listNames(hit.result)}`)
    : notYet('No bucket sends event notifications yet');
};

export const week01 = { bucket, metadata, versioning, lifecycle, presigned, multipart, notifications };
