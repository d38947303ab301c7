// Turns the user's settings (and the environment) into one resolved connection that every AWS client is built from.
// Plain data in, plain data out: the extension host reads the settings, this module decides what they mean.

/** The settings as the user wrote them; `undefined` or '' means "not set". */
export interface ConnectionSettings {
  readonly endpoint?: string;
  readonly region?: string;
  /** An AWS profile name; only used when set explicitly. */
  readonly profile?: string;
  /** Must be true before a non-loopback endpoint is used at all. */
  readonly allowRemoteEndpoint?: boolean;
  /** Per-service endpoints (`localCloudLab.endpoints`): service name → URL, e.g. `{ "dynamodb": "http://localhost:8000" }`. */
  readonly endpoints?: Readonly<Record<string, string>>;
}

/**
 * The services the extension calls, by our key, with the suffix of the AWS SDK's per-service environment variable
 * (`AWS_ENDPOINT_URL_<SUFFIX>`, the SDK's service id in upper case with spaces as underscores).
 */
export const SERVICE_ENV_SUFFIX = {
  s3: 'S3',
  sqs: 'SQS',
  sns: 'SNS',
  kinesis: 'KINESIS',
  dynamodb: 'DYNAMODB',
  iam: 'IAM',
  lambda: 'LAMBDA',
  secretsmanager: 'SECRETS_MANAGER',
  kms: 'KMS',
  sts: 'STS',
  ec2: 'EC2',
  autoscaling: 'AUTO_SCALING',
  elbv2: 'ELASTIC_LOAD_BALANCING_V2',
  logs: 'CLOUDWATCH_LOGS',
  apigateway: 'API_GATEWAY',
  apigatewayv2: 'APIGATEWAYV2',
  sfn: 'SFN',
  eventbridge: 'EVENTBRIDGE',
} as const;

export type ServiceKey = keyof typeof SERVICE_ENV_SUFFIX;

/** Other spellings users write for a service key (compared after lower-casing and dropping `-`, `_` and spaces). */
const SERVICE_ALIASES: Readonly<Record<string, ServiceKey>> = {
  secrets: 'secretsmanager',
  autoscaling: 'autoscaling',
  elasticloadbalancingv2: 'elbv2',
  cloudwatchlogs: 'logs',
  lambdafunctions: 'lambda',
  stepfunctions: 'sfn',
  states: 'sfn',
  events: 'eventbridge',
  cloudwatchevents: 'eventbridge',
};

/** Our key for a service name as a user or an environment variable spells it, or undefined. */
export function serviceKeyOf(name: string): ServiceKey | undefined {
  const flat = name.toLowerCase().replace(/[-_\s]/g, '');
  if (Object.hasOwn(SERVICE_ENV_SUFFIX, flat)) return flat as ServiceKey;
  if (Object.hasOwn(SERVICE_ALIASES, flat)) return SERVICE_ALIASES[flat];
  const bySuffix = Object.entries(SERVICE_ENV_SUFFIX).find(
    ([, suffix]) => suffix.replace(/_/g, '').toLowerCase() === flat,
  );
  return bySuffix?.[0] as ServiceKey | undefined;
}

/** A service served somewhere other than the main endpoint. */
export interface ServiceEndpoint {
  readonly url: string;
  /** `setting`: localCloudLab.endpoints; `environment`: AWS_ENDPOINT_URL_<SERVICE>. */
  readonly source: 'setting' | 'environment';
  readonly loopback: boolean;
}

export type CredentialSource =
  | { readonly kind: 'static'; readonly accessKeyId: string; readonly secretAccessKey: string }
  | { readonly kind: 'profile'; readonly profile: string };

export interface ResolvedConnection {
  /** Normalised endpoint URL without a trailing slash, e.g. `http://localhost:4566`. */
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: CredentialSource;
  /** Where the endpoint came from, for the status bar tooltip. */
  readonly endpointSource: 'setting' | 'environment' | 'default';
  /** True when the endpoint host is this machine (and so is every per-service endpoint). */
  readonly loopback: boolean;
  /** Services whose calls go to another endpoint than the main one. */
  readonly serviceEndpoints: Readonly<Partial<Record<ServiceKey, ServiceEndpoint>>>;
}

/** The endpoint that serves a service: its own when it has one, else the main endpoint. */
export function endpointFor(c: ResolvedConnection, service: ServiceKey): string {
  return c.serviceEndpoints[service]?.url ?? c.endpoint;
}

export const DEFAULT_ENDPOINT = 'http://localhost:4566';
export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_ACCESS_KEY_ID = 'test';
export const DEFAULT_SECRET_ACCESS_KEY = 'test';

export type ResolveResult =
  | { readonly ok: true; readonly connection: ResolvedConnection }
  | { readonly ok: false; readonly reason: string; readonly endpoint?: string };

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.localdomain', 'ip6-localhost', 'ip6-loopback']);

/** True when the URL's host is this machine: localhost (and *.localhost), 127.0.0.0/8, ::1, or LocalStack's loopback name. */
export function isLoopback(endpoint: string): boolean {
  let host: string;
  try {
    host = new URL(endpoint).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  if (LOOPBACK_NAMES.has(host) || host.endsWith('.localhost')) return true;
  // LocalStack's public DNS name resolves to 127.0.0.1 (used by its own profile setup).
  if (host === 'localhost.localstack.cloud' || host.endsWith('.localhost.localstack.cloud')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  if (/^::ffff:127\.\d+\.\d+\.\d+$/.test(host)) return true;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return m !== null && Number(m[1]) === 127 && m.slice(2).every((p) => Number(p) <= 255);
}

/** Checks and normalises an endpoint URL; returns a reason when it is unusable. */
export function normaliseEndpoint(raw: string): { ok: true; url: string } | { ok: false; reason: string } {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: `"${text}" is not a URL (expected something like ${DEFAULT_ENDPOINT})` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `"${text}" must start with http:// or https://` };
  }
  if (url.search || url.hash) return { ok: false, reason: `"${text}" must not have a query or fragment` };
  return { ok: true, url: `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}` };
}

const remoteReason = (url: string): string =>
  `${url} is not on this machine; set localCloudLab.allowRemoteEndpoint to true ` +
  'to use a remote endpoint (it may be real AWS)';

/**
 * Per-service endpoints: `localCloudLab.endpoints` first, then `AWS_ENDPOINT_URL_<SERVICE>` (the SDK convention).
 * An unknown service name in the setting or an unusable URL is an error; unknown variables are someone else's.
 */
function resolveServiceEndpoints(
  settings: ConnectionSettings,
  env: Readonly<Record<string, string | undefined>>,
):
  | { ok: true; endpoints: Partial<Record<ServiceKey, ServiceEndpoint>> }
  | { ok: false; reason: string; endpoint?: string } {
  const out: Partial<Record<ServiceKey, ServiceEndpoint>> = {};
  const add = (key: ServiceKey, raw: string, source: ServiceEndpoint['source'], what: string) => {
    const n = normaliseEndpoint(raw);
    if (!n.ok) return { ok: false as const, reason: `${what}: ${n.reason}`, endpoint: raw };
    const loopback = isLoopback(n.url);
    if (!loopback && settings.allowRemoteEndpoint !== true) {
      return { ok: false as const, reason: `${what}: ${remoteReason(n.url)}`, endpoint: n.url };
    }
    out[key] ??= { url: n.url, source, loopback };
    return undefined;
  };
  for (const [name, raw] of Object.entries(settings.endpoints ?? {})) {
    if (typeof raw !== 'string' || !raw.trim()) continue;
    const key = serviceKeyOf(name);
    if (!key) {
      return {
        ok: false,
        reason:
          `localCloudLab.endpoints: "${name}" is not a service Local Cloud Lab calls ` +
          `(known: ${Object.keys(SERVICE_ENV_SUFFIX).join(', ')})`,
      };
    }
    const failed = add(key, raw, 'setting', `localCloudLab.endpoints.${name}`);
    if (failed) return failed;
  }
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith('AWS_ENDPOINT_URL_') || !raw?.trim()) continue;
    const key = serviceKeyOf(name.slice('AWS_ENDPOINT_URL_'.length));
    if (!key || out[key]) continue;
    const failed = add(key, raw, 'environment', name);
    if (failed) return failed;
  }
  return { ok: true, endpoints: out };
}

/**
 * Resolves the connection. Precedence for the main endpoint: explicit setting, then `AWS_ENDPOINT_URL`, then the
 * default; a service's own endpoint (setting, then `AWS_ENDPOINT_URL_<SERVICE>`) beats the main one for that service.
 * A non-loopback endpoint is refused unless `allowRemoteEndpoint` is set (the caller still asks the user to confirm).
 */
export function resolveConnection(
  settings: ConnectionSettings,
  env: Readonly<Record<string, string | undefined>>,
): ResolveResult {
  const fromSetting = settings.endpoint?.trim();
  const fromEnv = env.AWS_ENDPOINT_URL?.trim();
  const endpointSource: ResolvedConnection['endpointSource'] = fromSetting
    ? 'setting'
    : fromEnv
      ? 'environment'
      : 'default';
  const raw = fromSetting || fromEnv || DEFAULT_ENDPOINT;
  const normalised = normaliseEndpoint(raw);
  if (!normalised.ok) return { ok: false, reason: normalised.reason, endpoint: raw };
  const mainLoopback = isLoopback(normalised.url);
  if (!mainLoopback && settings.allowRemoteEndpoint !== true) {
    return { ok: false, endpoint: normalised.url, reason: remoteReason(normalised.url) };
  }
  const services = resolveServiceEndpoints(settings, env);
  if (!services.ok) return services;
  const serviceEndpoints = services.endpoints;
  const loopback = mainLoopback && Object.values(serviceEndpoints).every((e) => e.loopback);
  const region = settings.region?.trim() || DEFAULT_REGION;
  if (!/^[a-z]{2}(-[a-z0-9]+)+-\d+$/.test(region)) {
    return { ok: false, endpoint: normalised.url, reason: `"${region}" is not an AWS region name (e.g. us-east-1)` };
  }
  const profile = settings.profile?.trim();
  const credentials: CredentialSource = profile
    ? { kind: 'profile', profile }
    : { kind: 'static', accessKeyId: DEFAULT_ACCESS_KEY_ID, secretAccessKey: DEFAULT_SECRET_ACCESS_KEY };
  return {
    ok: true,
    connection: { endpoint: normalised.url, region, credentials, endpointSource, loopback, serviceEndpoints },
  };
}

/** A short label for status bars and messages: `localhost:4566 (us-east-1)`. */
export function describeConnection(c: ResolvedConnection): string {
  const host = new URL(c.endpoint).host;
  return `${host} (${c.region})`;
}

/**
 * The environment variables that point the AWS CLI, SDKs and `awslocal` at this connection: the main endpoint, each
 * service's own endpoint (`AWS_ENDPOINT_URL_<SERVICE>`), the region, and the test credentials or the profile.
 */
export function connectionEnvironment(c: ResolvedConnection): Record<string, string> {
  const env: Record<string, string> = {
    AWS_ENDPOINT_URL: c.endpoint,
    AWS_REGION: c.region,
    AWS_DEFAULT_REGION: c.region,
  };
  for (const [key, own] of Object.entries(c.serviceEndpoints) as [ServiceKey, ServiceEndpoint][]) {
    env[`AWS_ENDPOINT_URL_${SERVICE_ENV_SUFFIX[key]}`] = own.url;
  }
  if (c.credentials.kind === 'static') {
    env.AWS_ACCESS_KEY_ID = c.credentials.accessKeyId;
    env.AWS_SECRET_ACCESS_KEY = c.credentials.secretAccessKey;
  } else {
    env.AWS_PROFILE = c.credentials.profile;
  }
  return env;
}

/** SigV4 signing names that differ from our service keys. */
const SIGNING_NAMES: Readonly<Record<string, ServiceKey>> = { elasticloadbalancing: 'elbv2' };

/** Our key for a request's SigV4 signing name (`s3`, `dynamodb`, `elasticloadbalancing`, …), or undefined. */
export function serviceKeyOfSigningName(name: string): ServiceKey | undefined {
  return SIGNING_NAMES[name] ?? serviceKeyOf(name);
}

/**
 * The connection as seen through a local proxy (the call recorder): every endpoint, the main one and each service's
 * own, is the proxy's URL; the proxy forwards each request to the endpoint the real connection names for its service.
 */
export function routedThrough(c: ResolvedConnection, proxyUrl: string): ResolvedConnection {
  const serviceEndpoints: Partial<Record<ServiceKey, ServiceEndpoint>> = {};
  for (const key of Object.keys(c.serviceEndpoints) as ServiceKey[]) {
    serviceEndpoints[key] = { url: proxyUrl, source: c.serviceEndpoints[key]!.source, loopback: true };
  }
  return { ...c, endpoint: proxyUrl, serviceEndpoints };
}
