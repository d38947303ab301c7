// What IAM access one HTTP request to AWS (or an emulator) needs: the IAM action(s) and resource ARN(s), read from
// the request alone, as iamlive's proxy mode does. The SigV4 credential scope names the service and Region; the
// operation comes from `X-Amz-Target` (JSON protocols), the `Action` parameter (query protocol) or the REST route
// (S3, Lambda). Pure and total: a request it cannot read maps to no access, with a note saying why.

/** A request as the recording proxy saw it. */
export interface HttpRequestShape {
  readonly method: string;
  /** Path and query as sent, e.g. `/orders/2024/a.json?x-id=PutObject`. */
  readonly url: string;
  /** Header names in lower case (as Node gives them). */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The first bytes of the body as text ('' when none). */
  readonly body: string;
  /** True when `body` is only the start of the body. */
  readonly bodyTruncated?: boolean;
}

/** One IAM permission a request needs. */
export interface Access {
  readonly action: string;
  readonly resource: string;
}

export interface MappedCall {
  /** The SigV4 signing name (`s3`, `dynamodb`, …), or '' when the request is not signed. */
  readonly service: string;
  readonly region: string;
  /** The API operation, e.g. `PutObject`; '' when not recognised. */
  readonly operation: string;
  readonly access: readonly Access[];
  /** The access key the request was signed with. */
  readonly accessKeyId?: string;
  /** Why the access is missing or approximate. */
  readonly note?: string;
}

export interface MappingContext {
  /** The account resource ARNs are built in (the emulator's: moto 123456789012, LocalStack 000000000000). */
  readonly account: string;
  /** The Region when the request does not say (unsigned requests). */
  readonly region: string;
}

const header = (req: HttpRequestShape, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === 'string' ? v : v?.[0];
};

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `{ accessKeyId, region, service }` from the Authorization header or a presigned URL's X-Amz-Credential. */
export function signingScope(
  req: Pick<HttpRequestShape, 'headers' | 'url'>,
): { accessKeyId: string; region: string; service: string } | undefined {
  const auth = header(req as HttpRequestShape, 'authorization');
  let credential = auth ? /Credential=([^,\s]+)/.exec(auth)?.[1] : undefined;
  if (!credential) {
    const q = req.url.indexOf('?');
    if (q >= 0) credential = new URLSearchParams(req.url.slice(q + 1)).get('X-Amz-Credential') ?? undefined;
  }
  if (!credential) return undefined;
  const parts = decode(credential).split('/');
  if (parts.length < 5) return undefined;
  const [accessKeyId, , region, service] = parts;
  return accessKeyId && region && service ? { accessKeyId, region, service } : undefined;
}

interface Parsed {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly ctx: MappingContext;
  readonly region: string;
}

function splitUrl(url: string): { path: string; query: URLSearchParams } {
  const q = url.indexOf('?');
  const path = q >= 0 ? url.slice(0, q) : url;
  return { path: path || '/', query: new URLSearchParams(q >= 0 ? url.slice(q + 1) : '') };
}

function jsonBody(req: HttpRequestShape): Record<string, unknown> | undefined {
  if (!req.body || req.bodyTruncated) return undefined;
  try {
    const v: unknown = JSON.parse(req.body);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

const arn = (service: string, region: string, account: string, resource: string): string =>
  `arn:aws:${service}:${region}:${account}:${resource}`;

// ---------------------------------------------------------------------------------------------------------------
// JSON protocols (X-Amz-Target: <prefix>.<Operation>)

const TARGET_PREFIXES: Readonly<Record<string, string>> = {
  dynamodb_20120810: 'dynamodb',
  dynamodbstreams_20120810: 'dynamodb',
  kinesis_20131202: 'kinesis',
  amazonsqs: 'sqs',
  trentservice: 'kms',
  secretsmanager: 'secretsmanager',
  logs_20140328: 'logs',
  awsevents: 'events',
  awsstepfunctions: 'states',
  amazonssm: 'ssm',
  firehose_20150804: 'firehose',
  amazonec2containerregistry_v20150921: 'ecr',
  awscognitoidentityproviderservice: 'cognito-idp',
};

/** The queue ARN of a queue URL (`http://host/123456789012/orders`) or name. */
function queueArn(urlOrName: string, p: Parsed): string {
  const parts = urlOrName
    .replace(/^[a-z]+:\/\/[^/]+/i, '')
    .split('/')
    .filter(Boolean);
  const name = parts[parts.length - 1] ?? urlOrName;
  const account =
    parts.length >= 2 && /^\d{12}$/.test(parts[parts.length - 2]!) ? parts[parts.length - 2]! : p.ctx.account;
  return arn('sqs', p.region, account, name);
}

function tableArn(name: string, p: Parsed, index?: string): string {
  const base = name.startsWith('arn:') ? name : arn('dynamodb', p.region, p.ctx.account, `table/${name}`);
  return index ? `${base}/index/${index}` : base;
}

const TRANSACT_ACTIONS: Readonly<Record<string, string>> = {
  ConditionCheck: 'ConditionCheckItem',
  Put: 'PutItem',
  Delete: 'DeleteItem',
  Update: 'UpdateItem',
  Get: 'GetItem',
};

function dynamodbAccess(op: string, body: Record<string, unknown>, p: Parsed): Access[] | undefined {
  const action = `dynamodb:${op}`;
  if (op === 'BatchGetItem' || op === 'BatchWriteItem') {
    const items = body.RequestItems;
    if (!items || typeof items !== 'object') return undefined;
    return Object.keys(items).map((t) => ({ action, resource: tableArn(t, p) }));
  }
  if (op === 'TransactWriteItems' || op === 'TransactGetItems') {
    const out: Access[] = [];
    for (const item of Array.isArray(body.TransactItems) ? body.TransactItems : []) {
      if (!item || typeof item !== 'object') continue;
      for (const [kind, inner] of Object.entries(item as Record<string, unknown>)) {
        const table = str((inner as Record<string, unknown> | undefined)?.TableName);
        const mapped = TRANSACT_ACTIONS[kind];
        if (table && mapped) out.push({ action: `dynamodb:${mapped}`, resource: tableArn(table, p) });
      }
    }
    return out.length ? out : undefined;
  }
  const stream = str(body.StreamArn);
  if (stream) return [{ action, resource: stream }];
  if (str(body.ShardIterator) && op === 'GetRecords') return undefined;
  const table = str(body.TableName) ?? str(body.ResourceArn);
  if (table) return [{ action, resource: tableArn(table, p, str(body.IndexName)) }];
  return undefined;
}

function kinesisAccess(op: string, body: Record<string, unknown>, p: Parsed): Access[] | undefined {
  const action = `kinesis:${op}`;
  const consumer = str(body.ConsumerARN);
  if (consumer) return [{ action, resource: consumer }];
  const stream =
    str(body.StreamARN) ??
    (str(body.StreamName) && arn('kinesis', p.region, p.ctx.account, `stream/${String(body.StreamName)}`));
  return stream ? [{ action, resource: stream }] : undefined;
}

function kmsKey(id: string, p: Parsed): { resource: string; note?: string } {
  if (id.startsWith('arn:')) {
    return id.includes(':alias/')
      ? {
          resource: arn('kms', p.region, p.ctx.account, 'key/*'),
          note: `${id} is an alias: AWS authorises the key it points to`,
        }
      : { resource: id };
  }
  if (id.startsWith('alias/')) {
    return {
      resource: arn('kms', p.region, p.ctx.account, 'key/*'),
      note: `${id} is an alias: AWS authorises the key it points to`,
    };
  }
  return { resource: arn('kms', p.region, p.ctx.account, `key/${id}`) };
}

function secretArn(id: string, p: Parsed): string {
  // Secret ARNs end in `-` and six random characters: AWS's documented pattern for a secret named in a policy.
  return id.startsWith('arn:') ? id : arn('secretsmanager', p.region, p.ctx.account, `secret:${id}-??????`);
}

function logsAccess(op: string, body: Record<string, unknown>, p: Parsed): Access[] | undefined {
  const group = str(body.logGroupName);
  if (!group) return undefined;
  const stream = str(body.logStreamName);
  const resource = arn('logs', p.region, p.ctx.account, `log-group:${group}${stream ? `:log-stream:${stream}` : ''}`);
  return [{ action: `logs:${op}`, resource }];
}

function jsonAccess(
  prefix: string,
  op: string,
  req: HttpRequestShape,
  p: Parsed,
): { access?: Access[]; note?: string } {
  const body = jsonBody(req) ?? {};
  const action = `${prefix}:${op}`;
  switch (prefix) {
    case 'dynamodb':
      return { access: dynamodbAccess(op, body, p) ?? [{ action, resource: '*' }] };
    case 'kinesis':
      return { access: kinesisAccess(op, body, p) ?? [{ action, resource: '*' }] };
    case 'sqs': {
      const q = str(body.QueueUrl) ?? str(body.QueueName);
      return { access: [{ action, resource: q ? queueArn(q, p) : '*' }] };
    }
    case 'kms': {
      const id = str(body.KeyId) ?? str(body.TargetKeyId);
      if (!id) return { access: [{ action, resource: '*' }] };
      const k = kmsKey(id, p);
      return { access: [{ action, resource: k.resource }], ...(k.note ? { note: k.note } : {}) };
    }
    case 'secretsmanager': {
      const id = str(body.SecretId) ?? str(body.Name);
      return { access: [{ action, resource: id ? secretArn(id, p) : '*' }] };
    }
    case 'logs':
      return { access: logsAccess(op, body, p) ?? [{ action, resource: '*' }] };
    default:
      return { access: [{ action, resource: '*' }], note: `resources of ${prefix} are not read: the policy names "*"` };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Query protocol (Action=<Operation>, in the form body or the URL)

/** IAM service prefixes whose SigV4 signing name differs. */
const SIGNING_TO_PREFIX: Readonly<Record<string, string>> = { monitoring: 'cloudwatch', email: 'ses' };

function queryAccess(prefix: string, op: string, params: URLSearchParams, p: Parsed): Access[] {
  const action = `${prefix}:${op}`;
  const get = (k: string) => params.get(k) || undefined;
  switch (prefix) {
    case 'sqs': {
      const q =
        get('QueueUrl') ?? get('QueueName') ?? (p.path.split('/').filter(Boolean).length >= 2 ? p.path : undefined);
      return [{ action, resource: q ? queueArn(q, p) : '*' }];
    }
    case 'sns': {
      const topic = get('TopicArn') ?? get('TargetArn') ?? get('ResourceArn');
      if (topic) return [{ action, resource: topic }];
      const sub = get('SubscriptionArn');
      if (sub) return [{ action, resource: sub.split(':').slice(0, 6).join(':') }];
      const name = get('Name');
      return [{ action, resource: op === 'CreateTopic' && name ? arn('sns', p.region, p.ctx.account, name) : '*' }];
    }
    case 'iam': {
      const policy = get('PolicyArn');
      if (policy && !get('UserName') && !get('RoleName') && !get('GroupName')) return [{ action, resource: policy }];
      const kinds: [string, string][] = [
        ['RoleName', 'role'],
        ['UserName', 'user'],
        ['GroupName', 'group'],
        ['InstanceProfileName', 'instance-profile'],
      ];
      for (const [param, kind] of kinds) {
        const name = get(param);
        if (name) return [{ action, resource: `arn:aws:iam::${p.ctx.account}:${kind}/${name}` }];
      }
      return [{ action, resource: '*' }];
    }
    case 'sts': {
      const role = get('RoleArn');
      return [{ action, resource: role ?? '*' }];
    }
    default:
      return [{ action, resource: '*' }];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// S3 (REST)

/** The bucket named by a virtual-hosted-style Host header (`orders.s3.amazonaws.com`, `orders.localhost:4566`). */
function virtualBucket(host: string | undefined): string | undefined {
  const name = (host ?? '').replace(/:\d+$/, '').toLowerCase();
  const s3 = /^(.+?)\.s3[.-]/.exec(name);
  if (s3) return s3[1];
  const local = /^(.+)\.localhost(\.localstack\.cloud)?$/.exec(name);
  if (local && local[1] !== 's3' && !local[1]!.startsWith('s3.')) return local[1];
  return undefined;
}

const BUCKET_SUBRESOURCES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  GET: {
    uploads: 'ListBucketMultipartUploads',
    location: 'GetBucketLocation',
    lifecycle: 'GetLifecycleConfiguration',
    versioning: 'GetBucketVersioning',
    policy: 'GetBucketPolicy',
    policyStatus: 'GetBucketPolicyStatus',
    website: 'GetBucketWebsite',
    acl: 'GetBucketAcl',
    tagging: 'GetBucketTagging',
    logging: 'GetBucketLogging',
    cors: 'GetBucketCORS',
    notification: 'GetBucketNotification',
    accelerate: 'GetAccelerateConfiguration',
    encryption: 'GetEncryptionConfiguration',
    replication: 'GetReplicationConfiguration',
    publicAccessBlock: 'GetBucketPublicAccessBlock',
    ownershipControls: 'GetBucketOwnershipControls',
    'object-lock': 'GetBucketObjectLockConfiguration',
    requestPayment: 'GetBucketRequestPayment',
    versions: 'ListBucketVersions',
  },
  PUT: {
    lifecycle: 'PutLifecycleConfiguration',
    versioning: 'PutBucketVersioning',
    policy: 'PutBucketPolicy',
    website: 'PutBucketWebsite',
    acl: 'PutBucketAcl',
    tagging: 'PutBucketTagging',
    logging: 'PutBucketLogging',
    cors: 'PutBucketCORS',
    notification: 'PutBucketNotification',
    accelerate: 'PutAccelerateConfiguration',
    encryption: 'PutEncryptionConfiguration',
    replication: 'PutReplicationConfiguration',
    publicAccessBlock: 'PutBucketPublicAccessBlock',
    ownershipControls: 'PutBucketOwnershipControls',
    'object-lock': 'PutBucketObjectLockConfiguration',
    requestPayment: 'PutBucketRequestPayment',
  },
  DELETE: {
    lifecycle: 'PutLifecycleConfiguration',
    policy: 'DeleteBucketPolicy',
    website: 'DeleteBucketWebsite',
    tagging: 'PutBucketTagging',
    cors: 'PutBucketCORS',
    encryption: 'PutEncryptionConfiguration',
    replication: 'PutReplicationConfiguration',
    publicAccessBlock: 'PutBucketPublicAccessBlock',
    ownershipControls: 'PutBucketOwnershipControls',
  },
};

const OBJECT_SUBRESOURCES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  GET: {
    uploadId: 'ListMultipartUploadParts',
    acl: 'GetObjectAcl',
    tagging: 'GetObjectTagging',
    attributes: 'GetObjectAttributes',
    retention: 'GetObjectRetention',
    'legal-hold': 'GetObjectLegalHold',
    torrent: 'GetObjectTorrent',
  },
  PUT: {
    acl: 'PutObjectAcl',
    tagging: 'PutObjectTagging',
    retention: 'PutObjectRetention',
    'legal-hold': 'PutObjectLegalHold',
  },
  DELETE: { uploadId: 'AbortMultipartUpload', tagging: 'DeleteObjectTagging' },
  POST: { uploads: 'PutObject', uploadId: 'PutObject', restore: 'RestoreObject', select: 'GetObject' },
};

/** Actions whose versioned form (with `versionId`) is a separate IAM action. */
const VERSIONED: Readonly<Record<string, string>> = {
  GetObject: 'GetObjectVersion',
  DeleteObject: 'DeleteObjectVersion',
  GetObjectAcl: 'GetObjectVersionAcl',
  PutObjectAcl: 'PutObjectVersionAcl',
  GetObjectTagging: 'GetObjectVersionTagging',
  PutObjectTagging: 'PutObjectVersionTagging',
  DeleteObjectTagging: 'DeleteObjectVersionTagging',
  GetObjectAttributes: 'GetObjectVersionAttributes',
};

function subresource(table: Readonly<Record<string, string>> | undefined, query: URLSearchParams): string | undefined {
  if (!table) return undefined;
  for (const [key, action] of Object.entries(table)) if (query.has(key)) return action;
  return undefined;
}

function s3Access(req: HttpRequestShape, p: Parsed): { operation: string; access: Access[]; note?: string } {
  const method = req.method.toUpperCase();
  const segments = p.path.split('/').slice(1);
  let bucket = virtualBucket(header(req, 'host'));
  let key: string;
  if (bucket) key = decode(segments.join('/'));
  else {
    bucket = segments[0] ? decode(segments[0]) : undefined;
    key = decode(segments.slice(1).join('/'));
  }
  const q = p.query;
  if (!bucket) {
    return method === 'GET'
      ? { operation: 'ListBuckets', access: [{ action: 's3:ListAllMyBuckets', resource: '*' }] }
      : { operation: '', access: [], note: `${method} / is not an S3 operation` };
  }
  const bucketArn = `arn:aws:s3:::${bucket}`;
  const one = (op: string, resource = bucketArn) => ({ operation: op, access: [{ action: `s3:${op}`, resource }] });
  if (!key) {
    if (method === 'POST' && q.has('delete')) {
      const keys = [...req.body.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => xmlText(m[1]!));
      if (req.bodyTruncated || !keys.length) {
        return { ...one('DeleteObject', `${bucketArn}/*`), note: 'the keys of DeleteObjects were not read' };
      }
      return {
        operation: 'DeleteObjects',
        access: keys.map((k) => ({ action: 's3:DeleteObject', resource: `${bucketArn}/${k}` })),
      };
    }
    const sub = subresource(BUCKET_SUBRESOURCES[method], q);
    if (sub) return one(sub);
    switch (method) {
      case 'GET':
      case 'HEAD':
        return one('ListBucket');
      case 'PUT':
        return one('CreateBucket');
      case 'DELETE':
        return one('DeleteBucket');
      default:
        return { operation: '', access: [], note: `${method} on a bucket is not an S3 operation we know` };
    }
  }
  const objectArn = `${bucketArn}/${key}`;
  const versioned = (action: string) => (q.has('versionId') ? (VERSIONED[action] ?? action) : action);
  let action = subresource(OBJECT_SUBRESOURCES[method], q);
  if (!action) {
    if (method === 'GET' || method === 'HEAD') action = 'GetObject';
    else if (method === 'PUT') action = 'PutObject';
    else if (method === 'DELETE') action = 'DeleteObject';
    else return { operation: '', access: [], note: `${method} on an object is not an S3 operation we know` };
  }
  action = versioned(action);
  const access: Access[] = [{ action: `s3:${action}`, resource: objectArn }];
  const copy = header(req, 'x-amz-copy-source');
  if (method === 'PUT' && copy) {
    const [source = '', version] = decode(copy).replace(/^\//, '').split('?versionId=');
    access.push({ action: version ? 's3:GetObjectVersion' : 's3:GetObject', resource: `arn:aws:s3:::${source}` });
  }
  if (method === 'PUT' && action === 'PutObject') {
    if (header(req, 'x-amz-tagging')) access.push({ action: 's3:PutObjectTagging', resource: objectArn });
    if (header(req, 'x-amz-acl') || header(req, 'x-amz-grant-read')) {
      access.push({ action: 's3:PutObjectAcl', resource: objectArn });
    }
  }
  const operation =
    method === 'HEAD'
      ? 'HeadObject'
      : q.has('uploads')
        ? 'CreateMultipartUpload'
        : method === 'POST' && q.has('uploadId')
          ? 'CompleteMultipartUpload'
          : method === 'PUT' && q.has('uploadId')
            ? copy
              ? 'UploadPartCopy'
              : 'UploadPart'
            : method === 'PUT' && copy && action === 'PutObject'
              ? 'CopyObject'
              : action;
  return { operation, access };
}

function xmlText(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

// ---------------------------------------------------------------------------------------------------------------
// Lambda (REST)

function functionArn(ref: string, p: Parsed, qualifier?: string): string {
  let base: string;
  if (ref.startsWith('arn:')) base = ref.split(':').slice(0, 7).join(':');
  else if (/^\d{12}:function:/.test(ref)) base = `arn:aws:lambda:${p.region}:${ref.split(':').slice(0, 3).join(':')}`;
  else base = arn('lambda', p.region, p.ctx.account, `function:${ref.split(':')[0]}`);
  return qualifier ? `${base}:${qualifier}` : base;
}

function lambdaAccess(req: HttpRequestShape, p: Parsed): { operation: string; access: Access[]; note?: string } {
  const method = req.method.toUpperCase();
  const parts = p.path.split('/').filter(Boolean).map(decode);
  const [, collection, name, sub, subId] = parts;
  const one = (op: string, resource: string, action = op) => ({
    operation: op,
    access: [{ action: `lambda:${action}`, resource }],
  });
  if (collection === 'functions') {
    if (!name) {
      if (method === 'GET') return one('ListFunctions', '*');
      const fn = str(jsonBody(req)?.FunctionName);
      return one('CreateFunction', fn ? functionArn(fn, p) : '*');
    }
    const qualifier = p.query.get('Qualifier') || undefined;
    const fn = functionArn(name, p, qualifier);
    const unqualified = functionArn(name, p);
    switch (`${method} ${sub ?? ''}`) {
      case 'GET ':
        return one('GetFunction', fn);
      case 'DELETE ':
        return one('DeleteFunction', fn);
      case 'POST invocations':
      case 'POST invoke-async':
        return one(sub === 'invocations' ? 'Invoke' : 'InvokeAsync', fn, 'InvokeFunction');
      case 'GET configuration':
        return one('GetFunctionConfiguration', fn);
      case 'PUT configuration':
        return one('UpdateFunctionConfiguration', unqualified);
      case 'PUT code':
        return one('UpdateFunctionCode', unqualified);
      case 'GET policy':
        return one('GetPolicy', fn);
      case 'POST policy':
        return one('AddPermission', fn);
      case 'DELETE policy':
        return one('RemovePermission', fn);
      case 'GET versions':
        return one('ListVersionsByFunction', unqualified);
      case 'POST versions':
        return one('PublishVersion', unqualified);
      case 'GET aliases':
        return subId ? one('GetAlias', unqualified) : one('ListAliases', unqualified);
      case 'POST aliases':
        return one('CreateAlias', unqualified);
      case 'PUT aliases':
        return one('UpdateAlias', unqualified);
      case 'DELETE aliases':
        return one('DeleteAlias', unqualified);
      case 'GET url':
        return one('GetFunctionUrlConfig', fn);
      case 'POST url':
        return one('CreateFunctionUrlConfig', fn);
      case 'PUT url':
        return one('UpdateFunctionUrlConfig', fn);
      case 'DELETE url':
        return one('DeleteFunctionUrlConfig', fn);
      default:
        return { operation: '', access: [], note: `Lambda route ${method} ${p.path} is not mapped` };
    }
  }
  if (collection === 'event-source-mappings') {
    if (!name) return one(method === 'GET' ? 'ListEventSourceMappings' : 'CreateEventSourceMapping', '*');
    const mapping = arn('lambda', p.region, p.ctx.account, `event-source-mapping:${name}`);
    const op = { GET: 'GetEventSourceMapping', PUT: 'UpdateEventSourceMapping', DELETE: 'DeleteEventSourceMapping' }[
      method
    ];
    if (op) return one(op, mapping);
  }
  if (collection === 'tags' && name) {
    const resource = [name, sub, subId].filter(Boolean).join('/');
    const op = { GET: 'ListTags', POST: 'TagResource', DELETE: 'UntagResource' }[method];
    if (op) return one(op, resource);
  }
  if (collection === 'layers' && !name && method === 'GET') return one('ListLayers', '*');
  return { operation: '', access: [], note: `Lambda route ${method} ${p.path} is not mapped` };
}

// ---------------------------------------------------------------------------------------------------------------

/** The IAM access one request needs. */
export function accessOf(req: HttpRequestShape, ctx: MappingContext): MappedCall {
  const scope = signingScope(req);
  const region = scope?.region ?? ctx.region;
  const { path, query } = splitUrl(req.url);
  const p: Parsed = { path, query, ctx, region };
  const base = { region, ...(scope ? { accessKeyId: scope.accessKeyId } : {}) };
  const target = header(req, 'x-amz-target');
  if (target) {
    const dot = target.lastIndexOf('.');
    const rawPrefix = dot > 0 ? target.slice(0, dot) : '';
    const op = target.slice(dot + 1);
    const prefix =
      TARGET_PREFIXES[rawPrefix.toLowerCase()] ?? SIGNING_TO_PREFIX[scope?.service ?? ''] ?? scope?.service;
    if (!prefix || !/^[A-Za-z0-9]+$/.test(op)) {
      return {
        ...base,
        service: scope?.service ?? '',
        operation: op,
        access: [],
        note: `X-Amz-Target ${target} is not read`,
      };
    }
    const { access = [], note } = jsonAccess(prefix, op, req, p);
    return { ...base, service: scope?.service ?? prefix, operation: op, access, ...(note ? { note } : {}) };
  }
  const service = scope?.service ?? '';
  if (service === 's3' || (!scope && header(req, 'x-amz-content-sha256'))) {
    const r = s3Access(req, p);
    return { ...base, service: 's3', ...r };
  }
  if (service === 'lambda') return { ...base, service, ...lambdaAccess(req, p) };
  const contentType = header(req, 'content-type') ?? '';
  const form =
    req.method.toUpperCase() === 'POST' &&
    contentType.includes('application/x-www-form-urlencoded') &&
    !req.bodyTruncated
      ? new URLSearchParams(req.body)
      : undefined;
  const action = form?.get('Action') ?? query.get('Action');
  if (action && /^[A-Za-z0-9]+$/.test(action)) {
    const prefix = SIGNING_TO_PREFIX[service] ?? service;
    if (!prefix) return { ...base, service, operation: action, access: [], note: 'the request is not signed' };
    const params = new URLSearchParams(query);
    for (const [k, v] of form ?? []) params.set(k, v);
    return { ...base, service, operation: action, access: queryAccess(prefix, action, params, p) };
  }
  return {
    ...base,
    service,
    operation: '',
    access: [],
    note: service ? `${req.method} ${path} of ${service} is not mapped` : 'the request is not signed',
  };
}
