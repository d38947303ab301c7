// S3 operations the explorer and its commands need, returning plain records (no SDK types leave this file).
import {
  AbortMultipartUploadCommand,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteBucketPolicyCommand,
  DeleteObjectsCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketNotificationConfigurationCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetBucketWebsiteCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketNotificationConfigurationCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type BucketLocationConstraint,
  type LifecycleRule,
  type NotificationConfiguration,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Readable } from 'node:stream';
import type { AwsClients } from './clients';

export interface Signal {
  readonly signal?: AbortSignal;
}

export interface BucketRecord {
  readonly name: string;
  readonly created?: string;
}

export interface ObjectRecord {
  readonly key: string;
  readonly size: number;
  readonly lastModified?: string;
  readonly etag?: string;
  readonly storageClass?: string;
}

export interface ObjectPage {
  readonly prefixes: readonly string[];
  readonly objects: readonly ObjectRecord[];
  readonly next?: string;
}

const opts = (s?: Signal) => (s?.signal ? { abortSignal: s.signal } : {});

/** Bucket names as S3 accepts them (3–63 chars, lower case, digits, dots, hyphens). */
export function validateBucketName(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return 'A bucket name has 3 to 63 characters';
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) {
    return 'Use lower-case letters, digits, dots and hyphens; start and end with a letter or digit';
  }
  if (/\.\./.test(name) || /^\d+\.\d+\.\d+\.\d+$/.test(name)) return 'No ".." and not shaped like an IP address';
  return undefined;
}

export function s3Uri(bucket: string, key = ''): string {
  return `s3://${bucket}/${key}`;
}

export function s3Arn(bucket: string, key?: string): string {
  return key === undefined ? `arn:aws:s3:::${bucket}` : `arn:aws:s3:::${bucket}/${key}`;
}

/**
 * Lists buckets one page at a time. moto honours MaxBuckets but returns no continuation token, so the whole list is
 * read (following tokens where the backend gives them) and sliced here; `cursor` is the offset of the next page.
 */
export async function listBuckets(
  clients: AwsClients,
  page: { cursor?: string; pageSize: number } & Signal,
): Promise<{ buckets: BucketRecord[]; next?: string }> {
  const all: BucketRecord[] = [];
  let token: string | undefined;
  do {
    const out = await clients.s3().send(new ListBucketsCommand({ ContinuationToken: token }), opts(page));
    for (const b of out.Buckets ?? []) if (b.Name) all.push({ name: b.Name, created: b.CreationDate?.toISOString() });
    token = out.ContinuationToken || undefined;
  } while (token);
  // S3 lists by name; some emulators list by creation order. Sort so pages are stable either way.
  all.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const offset = Math.max(0, Number(page.cursor ?? 0) || 0);
  const end = offset + page.pageSize;
  return { buckets: all.slice(offset, end), next: end < all.length ? String(end) : undefined };
}

/** One level under `prefix`: sub-prefixes ("folders") and objects, paged. */
export async function listObjects(
  clients: AwsClients,
  req: { bucket: string; prefix?: string; cursor?: string; pageSize: number; delimiter?: string } & Signal,
): Promise<ObjectPage> {
  const out = await clients.s3().send(
    new ListObjectsV2Command({
      Bucket: req.bucket,
      Prefix: req.prefix || undefined,
      Delimiter: req.delimiter ?? '/',
      MaxKeys: req.pageSize,
      ContinuationToken: req.cursor,
    }),
    opts(req),
  );
  return {
    prefixes: (out.CommonPrefixes ?? []).map((p) => p.Prefix ?? '').filter(Boolean),
    objects: (out.Contents ?? []).map((o) => ({
      key: o.Key ?? '',
      size: o.Size ?? 0,
      lastModified: o.LastModified?.toISOString(),
      etag: o.ETag,
      storageClass: o.StorageClass,
    })),
    next: out.IsTruncated ? out.NextContinuationToken : undefined,
  };
}

/** A filter over a bucket's keys: `prefix` is sent to S3 (server side), `contains` is matched here. */
export interface ObjectFilter {
  readonly prefix: string;
  /** Case-insensitive substring of the key after the prefix; empty matches every key under the prefix. */
  readonly contains: string;
}

/**
 * Reads the one-line filter a user types: everything up to the last "/" is the prefix, the rest a name substring.
 * `logs/2024/` lists keys under that prefix, `report` keys containing "report", `logs/err` both.
 */
export function parseObjectFilter(text: string): ObjectFilter {
  const t = text.trim();
  const slash = t.lastIndexOf('/');
  return { prefix: t.slice(0, slash + 1), contains: t.slice(slash + 1) };
}

/** How a filter reads in the explorer: `prefix "logs/" · name contains "err"`. */
export function describeObjectFilter(f: ObjectFilter): string {
  return [f.prefix && `prefix "${f.prefix}"`, f.contains && `name contains "${f.contains}"`]
    .filter(Boolean)
    .join(' · ');
}

export interface SearchBatch {
  /** Matches found in this listing page (possibly none). */
  readonly matches: readonly ObjectRecord[];
  /** Keys examined so far in this run. */
  readonly scanned: number;
  /** Where to resume (the last key examined), or undefined once every key under the prefix was seen. */
  readonly next?: string;
  /** True on the last batch of the run (match limit, scan limit, or the end of the listing). */
  readonly done: boolean;
}

/**
 * Streams a filtered listing without loading the bucket: one ListObjectsV2 page at a time (the prefix on the server,
 * the substring here), a batch per page so matches show as they come, until `maxMatches` matches or `maxScanned`
 * keys; `startAfter` resumes where a previous run stopped. Memory holds one page.
 */
export async function* searchObjects(
  clients: AwsClients,
  req: {
    bucket: string;
    filter: ObjectFilter;
    startAfter?: string;
    maxMatches: number;
    maxScanned: number;
    pageSize?: number;
  } & Signal,
): AsyncGenerator<SearchBatch> {
  const needle = req.filter.contains.toLowerCase();
  const prefix = req.filter.prefix;
  let token: string | undefined;
  let scanned = 0;
  let found = 0;
  let last = req.startAfter;
  for (;;) {
    req.signal?.throwIfAborted();
    const out = await clients.s3().send(
      new ListObjectsV2Command({
        Bucket: req.bucket,
        Prefix: prefix || undefined,
        MaxKeys: req.pageSize ?? 1000,
        ContinuationToken: token,
        StartAfter: token ? undefined : last,
      }),
      opts(req),
    );
    const matches: ObjectRecord[] = [];
    let stopped = false;
    for (const o of out.Contents ?? []) {
      const key = o.Key ?? '';
      scanned++;
      last = key;
      if (key.slice(prefix.length).toLowerCase().includes(needle)) {
        matches.push({
          key,
          size: o.Size ?? 0,
          lastModified: o.LastModified?.toISOString(),
          etag: o.ETag,
          storageClass: o.StorageClass,
        });
        if (++found >= req.maxMatches) {
          stopped = true;
          break;
        }
      }
    }
    // A run stopped inside a page resumes after its last key; one at the page end follows the token.
    const more = stopped || (!!out.IsTruncated && !!out.NextContinuationToken);
    if (!more || stopped || scanned >= req.maxScanned) {
      yield { matches, scanned, next: more ? last : undefined, done: true };
      return;
    }
    yield { matches, scanned, next: last, done: false };
    token = out.NextContinuationToken;
  }
}

export async function createBucket(clients: AwsClients, bucket: string, s?: Signal): Promise<void> {
  const region = clients.connection.region;
  await clients.s3().send(
    new CreateBucketCommand({
      Bucket: bucket,
      // us-east-1 is the one region that refuses an explicit location constraint.
      CreateBucketConfiguration:
        region === 'us-east-1' ? undefined : { LocationConstraint: region as BucketLocationConstraint },
    }),
    opts(s),
  );
}

/** Counts objects and object versions (including delete markers), stopping at `limit`. */
export async function countObjects(
  clients: AwsClients,
  bucket: string,
  limit: number,
  s?: Signal,
): Promise<{ count: number; capped: boolean }> {
  let count = 0;
  let keyMarker: string | undefined;
  let versionMarker: string | undefined;
  do {
    const out = await clients
      .s3()
      .send(
        new ListObjectVersionsCommand({ Bucket: bucket, KeyMarker: keyMarker, VersionIdMarker: versionMarker }),
        opts(s),
      );
    count += (out.Versions?.length ?? 0) + (out.DeleteMarkers?.length ?? 0);
    if (count >= limit) return { count: limit, capped: true };
    keyMarker = out.IsTruncated ? out.NextKeyMarker : undefined;
    versionMarker = out.IsTruncated ? out.NextVersionIdMarker : undefined;
  } while (keyMarker);
  return { count, capped: false };
}

/** Deletes every object version and delete marker, 1000 at a time; reports how many are gone. */
export async function emptyBucket(
  clients: AwsClients,
  bucket: string,
  progress: (deleted: number) => void,
  s?: Signal,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    s?.signal?.throwIfAborted();
    const out = await clients.s3().send(new ListObjectVersionsCommand({ Bucket: bucket, MaxKeys: 1000 }), opts(s));
    const ids = [...(out.Versions ?? []), ...(out.DeleteMarkers ?? [])]
      .filter((v) => v.Key !== undefined)
      .map((v) => ({ Key: v.Key as string, VersionId: v.VersionId ?? undefined }));
    if (ids.length === 0) return deleted;
    const res = await clients
      .s3()
      .send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: ids, Quiet: true } }), opts(s));
    if (res.Errors?.length) {
      const first = res.Errors[0];
      throw new Error(`${res.Errors.length} objects could not be deleted (${first?.Key}: ${first?.Message})`);
    }
    deleted += ids.length;
    progress(deleted);
  }
}

export async function deleteBucket(clients: AwsClients, bucket: string, s?: Signal): Promise<void> {
  await clients.s3().send(new DeleteBucketCommand({ Bucket: bucket }), opts(s));
}

/** Deletes the given keys (batches of 1000); returns the count deleted. */
export async function deleteObjects(
  clients: AwsClients,
  bucket: string,
  keys: readonly string[],
  s?: Signal,
): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < keys.length; i += 1000) {
    const batch = keys.slice(i, i + 1000).map((Key) => ({ Key }));
    const res = await clients
      .s3()
      .send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch, Quiet: true } }), opts(s));
    if (res.Errors?.length) {
      const first = res.Errors[0];
      throw new Error(`${res.Errors.length} objects could not be deleted (${first?.Key}: ${first?.Message})`);
    }
    deleted += batch.length;
  }
  return deleted;
}

/** Every key under a prefix (for deleting a "folder"), capped so memory stays bounded. */
export async function listKeysUnder(
  clients: AwsClients,
  bucket: string,
  prefix: string,
  cap: number,
  s?: Signal,
): Promise<{ keys: string[]; capped: boolean }> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listObjects(clients, { bucket, prefix, cursor, pageSize: 1000, delimiter: '', ...s });
    for (const o of page.objects) {
      if (keys.length >= cap) return { keys, capped: true };
      keys.push(o.key);
    }
    cursor = page.next;
  } while (cursor);
  return { keys, capped: false };
}

/** An empty object whose key ends in "/" is how consoles show an empty folder. */
export async function createFolder(clients: AwsClients, bucket: string, prefix: string, s?: Signal): Promise<string> {
  const key = prefix.endsWith('/') ? prefix : `${prefix}/`;
  await clients.s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: '' }), opts(s));
  return key;
}

export interface ObjectHead {
  readonly size: number;
  readonly contentType?: string;
  readonly lastModified?: Date;
  readonly etag?: string;
  /** User metadata (x-amz-meta-*), without the prefix. */
  readonly metadata: Readonly<Record<string, string>>;
}

export async function headObject(clients: AwsClients, bucket: string, key: string, s?: Signal): Promise<ObjectHead> {
  const out = await clients.s3().send(new HeadObjectCommand({ Bucket: bucket, Key: key }), opts(s));
  return {
    size: out.ContentLength ?? 0,
    contentType: out.ContentType,
    lastModified: out.LastModified,
    etag: out.ETag,
    metadata: out.Metadata ?? {},
  };
}

/** Reads a whole object into memory; refuses objects larger than `maxBytes` before downloading. */
export async function getObjectBytes(
  clients: AwsClients,
  bucket: string,
  key: string,
  maxBytes: number,
  s?: Signal,
): Promise<{ bytes: Uint8Array; contentType?: string }> {
  const head = await headObject(clients, bucket, key, s);
  if (head.size > maxBytes) {
    throw new Error(`${key} is ${head.size} bytes, over the ${maxBytes}-byte limit for opening in the editor`);
  }
  const out = await clients.s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }), opts(s));
  const bytes = out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
  return { bytes, contentType: out.ContentType };
}

/** Streams an object (for downloads to disk). */
export async function getObjectStream(
  clients: AwsClients,
  bucket: string,
  key: string,
  s?: Signal,
): Promise<{ stream: Readable; size: number }> {
  const out = await clients.s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }), opts(s));
  if (!out.Body) throw new Error('the object has no body');
  return { stream: out.Body as Readable, size: out.ContentLength ?? 0 };
}

export async function putObjectBytes(
  clients: AwsClients,
  bucket: string,
  key: string,
  bytes: Uint8Array,
  contentType?: string,
  s?: Signal,
): Promise<void> {
  await clients
    .s3()
    .send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType }), opts(s));
}

/** Part size for multipart uploads; files above it go up in parts of this size, several in parallel. */
export const MULTIPART_PART_SIZE = 8 * 1024 * 1024;

/** Uploads a stream or buffer; large bodies go up as a multipart upload. Progress is in bytes. */
export async function uploadObject(
  clients: AwsClients,
  req: {
    bucket: string;
    key: string;
    body: Readable | Uint8Array;
    contentType?: string;
    onProgress?: (loaded: number, total?: number) => void;
    partSize?: number;
    /** The body's size when it is a stream (decides whether it can go up in parts). */
    size?: number;
  } & Signal,
): Promise<void> {
  const upload = new Upload({
    client: clients.s3(),
    params: { Bucket: req.bucket, Key: req.key, Body: req.body, ContentType: req.contentType },
    partSize: req.partSize ?? MULTIPART_PART_SIZE,
    queueSize: 3,
    leavePartsOnError: false,
  });
  upload.on('httpUploadProgress', (p) => req.onProgress?.(p.loaded ?? 0, p.total));
  const onAbort = (): void => void upload.abort().catch(() => undefined);
  const partSize = req.partSize ?? MULTIPART_PART_SIZE;
  const size = req.body instanceof Uint8Array ? req.body.length : req.size;
  // Unfinished uploads of this key from before (moto dates every upload 2010, so the ids tell ours apart).
  const before =
    size === undefined || size > partSize ? await multipartUploadIdsOf(clients, req.bucket, req.key, req) : undefined;
  req.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await upload.done();
  } catch (err) {
    // A cancelled or failed multipart upload must not leave its parts behind (they are billed and invisible).
    if (before) {
      const left = await multipartUploadIdsOf(clients, req.bucket, req.key).catch(() => []);
      for (const id of left.filter((u) => !before.includes(u))) {
        await clients
          .s3()
          .send(new AbortMultipartUploadCommand({ Bucket: req.bucket, Key: req.key, UploadId: id }))
          .catch(() => undefined);
      }
    }
    throw err;
  } finally {
    req.signal?.removeEventListener('abort', onAbort);
  }
}

async function multipartUploadIdsOf(clients: AwsClients, bucket: string, key: string, s?: Signal): Promise<string[]> {
  const out = await clients.s3().send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: key }), opts(s));
  return (out.Uploads ?? []).filter((u) => u.Key === key && u.UploadId).map((u) => u.UploadId as string);
}

/** Unfinished multipart uploads in a bucket (key and upload id), first page only. */
export async function listMultipartUploads(
  clients: AwsClients,
  bucket: string,
  s?: Signal,
): Promise<{ key: string; uploadId: string }[]> {
  const out = await clients.s3().send(new ListMultipartUploadsCommand({ Bucket: bucket }), opts(s));
  return (out.Uploads ?? []).map((u) => ({ key: u.Key ?? '', uploadId: u.UploadId ?? '' }));
}

/** A presigned GET URL valid for `expiresInSeconds` (1 second to 7 days). */
export async function presignGet(
  clients: AwsClients,
  bucket: string,
  key: string,
  expiresInSeconds: number,
): Promise<string> {
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > 604_800) {
    throw new Error('The expiry must be between 1 second and 7 days (604800 seconds)');
  }
  return getSignedUrl(clients.s3(), new GetObjectCommand({ Bucket: bucket, Key: key }), {
    expiresIn: expiresInSeconds,
  });
}

// ---- bucket settings -------------------------------------------------------------------------------------------

export type VersioningState = 'Enabled' | 'Suspended' | 'Never enabled';

export async function getVersioning(clients: AwsClients, bucket: string, s?: Signal): Promise<VersioningState> {
  const out = await clients.s3().send(new GetBucketVersioningCommand({ Bucket: bucket }), opts(s));
  return out.Status === 'Enabled' || out.Status === 'Suspended' ? out.Status : 'Never enabled';
}

export async function setVersioning(clients: AwsClients, bucket: string, enabled: boolean, s?: Signal): Promise<void> {
  await clients.s3().send(
    new PutBucketVersioningCommand({
      Bucket: bucket,
      VersioningConfiguration: { Status: enabled ? 'Enabled' : 'Suspended' },
    }),
    opts(s),
  );
}

function errorName(err: unknown): string {
  return err && typeof err === 'object' && 'name' in err ? String((err as { name: unknown }).name) : '';
}

/** The bucket policy as JSON text, or undefined when the bucket has none. */
export async function getBucketPolicy(clients: AwsClients, bucket: string, s?: Signal): Promise<string | undefined> {
  try {
    const out = await clients.s3().send(new GetBucketPolicyCommand({ Bucket: bucket }), opts(s));
    return out.Policy;
  } catch (err) {
    if (errorName(err) === 'NoSuchBucketPolicy') return undefined;
    throw err;
  }
}

/** Puts a policy; blank text deletes it. The text must be JSON (the server checks the policy grammar). */
export async function putBucketPolicy(clients: AwsClients, bucket: string, text: string, s?: Signal): Promise<void> {
  if (!text.trim()) {
    await clients.s3().send(new DeleteBucketPolicyCommand({ Bucket: bucket }), opts(s));
    return;
  }
  JSON.parse(text); // a clear local error beats a vague MalformedPolicy
  await clients.s3().send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: text }), opts(s));
}

/** The key of each object version (a key appears once per version), from the first `max` versions. */
export async function listVersionKeys(clients: AwsClients, bucket: string, max: number, s?: Signal): Promise<string[]> {
  const out = await clients.s3().send(new ListObjectVersionsCommand({ Bucket: bucket, MaxKeys: max }), opts(s));
  return (out.Versions ?? []).map((v) => v.Key ?? '');
}

/** The bucket's tags, or none when it has no tag set. */
export async function getBucketTags(clients: AwsClients, bucket: string, s?: Signal): Promise<Record<string, string>> {
  try {
    const out = await clients.s3().send(new GetBucketTaggingCommand({ Bucket: bucket }), opts(s));
    return Object.fromEntries((out.TagSet ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
  } catch (err) {
    if (errorName(err) === 'NoSuchTagSet' || errorName(err) === 'NoSuchTagSetError') return {};
    throw err;
  }
}

/** The index document of a bucket's website configuration, or undefined when it serves no website. */
export async function getWebsiteIndex(clients: AwsClients, bucket: string, s?: Signal): Promise<string | undefined> {
  try {
    const out = await clients.s3().send(new GetBucketWebsiteCommand({ Bucket: bucket }), opts(s));
    return out.IndexDocument?.Suffix || undefined;
  } catch (err) {
    if (errorName(err) === 'NoSuchWebsiteConfiguration') return undefined;
    throw err;
  }
}

/** Lifecycle rules as plain JSON-able objects (the S3 API's own field names). */
export async function getLifecycleRules(clients: AwsClients, bucket: string, s?: Signal): Promise<unknown[]> {
  try {
    const out = await clients.s3().send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }), opts(s));
    return (out.Rules ?? []).map((r) => JSON.parse(JSON.stringify(r)) as unknown);
  } catch (err) {
    if (errorName(err) === 'NoSuchLifecycleConfiguration') return [];
    throw err;
  }
}

export async function putLifecycleRules(
  clients: AwsClients,
  bucket: string,
  rules: unknown[],
  s?: Signal,
): Promise<void> {
  if (!Array.isArray(rules)) throw new Error('Lifecycle rules must be a JSON array');
  // Dates in rules arrive as strings from JSON; the SDK wants Date objects.
  const revived = rules.map((r) => reviveDates(r)) as LifecycleRule[];
  await clients
    .s3()
    .send(
      new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: revived } }),
      opts(s),
    );
}

function reviveDates(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveDates);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'Date' && typeof v === 'string' ? new Date(v) : reviveDates(v)]),
    );
  }
  return value;
}

/** Event notifications (queue, topic, Lambda and EventBridge targets) as plain JSON. */
export async function getNotifications(
  clients: AwsClients,
  bucket: string,
  s?: Signal,
): Promise<Record<string, unknown>> {
  const out = await clients.s3().send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }), opts(s));
  const { $metadata: _m, ...rest } = out;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}

/** One event notification of a bucket: where it goes and for which events. */
export interface NotificationRoute {
  readonly target: string;
  readonly events: readonly string[];
}

/** Every event notification of the bucket (queues, topics, functions) with its events. */
export async function notificationRoutes(
  clients: AwsClients,
  bucket: string,
  s?: Signal,
): Promise<NotificationRoute[]> {
  const config = await getNotifications(clients, bucket, s);
  const routes = (key: string, field: string): NotificationRoute[] =>
    Array.isArray(config[key])
      ? (config[key] as Record<string, unknown>[]).map((c) => ({
          target: String(c[field] ?? ''),
          events: Array.isArray(c.Events) ? c.Events.map(String) : [],
        }))
      : [];
  return [
    ...routes('QueueConfigurations', 'QueueArn'),
    ...routes('TopicConfigurations', 'TopicArn'),
    ...routes('LambdaFunctionConfigurations', 'LambdaFunctionArn'),
  ];
}

/** The ARNs every event notification of the bucket goes to (queues, topics, functions). */
export async function notificationTargets(clients: AwsClients, bucket: string, s?: Signal): Promise<string[]> {
  return (await notificationRoutes(clients, bucket, s)).map((r) => r.target);
}

export async function putNotifications(
  clients: AwsClients,
  bucket: string,
  config: Record<string, unknown>,
  s?: Signal,
): Promise<void> {
  if (!config || typeof config !== 'object' || Array.isArray(config)) {
    throw new Error('Notifications must be a JSON object (QueueConfigurations, TopicConfigurations, …)');
  }
  await clients.s3().send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: bucket,
      NotificationConfiguration: config as NotificationConfiguration,
    }),
    opts(s),
  );
}
