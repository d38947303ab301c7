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
  /** True when the endpoint host is this machine. */
  readonly loopback: boolean;
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

/**
 * Resolves the connection. Precedence for the endpoint: explicit setting, then `AWS_ENDPOINT_URL`, then the default.
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
  const loopback = isLoopback(normalised.url);
  if (!loopback && settings.allowRemoteEndpoint !== true) {
    return {
      ok: false,
      endpoint: normalised.url,
      reason:
        `${normalised.url} is not on this machine; set localCloudLab.allowRemoteEndpoint to true ` +
        'to use a remote endpoint (it may be real AWS)',
    };
  }
  const region = settings.region?.trim() || DEFAULT_REGION;
  if (!/^[a-z]{2}(-[a-z0-9]+)+-\d+$/.test(region)) {
    return { ok: false, endpoint: normalised.url, reason: `"${region}" is not an AWS region name (e.g. us-east-1)` };
  }
  const profile = settings.profile?.trim();
  const credentials: CredentialSource = profile
    ? { kind: 'profile', profile }
    : { kind: 'static', accessKeyId: DEFAULT_ACCESS_KEY_ID, secretAccessKey: DEFAULT_SECRET_ACCESS_KEY };
  return { ok: true, connection: { endpoint: normalised.url, region, credentials, endpointSource, loopback } };
}

/** A short label for status bars and messages: `localhost:4566 (us-east-1)`. */
export function describeConnection(c: ResolvedConnection): string {
  const host = new URL(c.endpoint).host;
  return `${host} (${c.region})`;
}
