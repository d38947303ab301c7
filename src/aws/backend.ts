// Works out what is listening at the endpoint: LocalStack, Floci, moto, some other AWS-compatible server, or nothing.
// Only plain HTTP (fetch) — no SDK — so detection is cheap and works before any service is touched.

export type BackendKind = 'localstack' | 'floci' | 'moto' | 'generic';

/** LocalStack's ServiceState values (and Floci's, which mirror them). */
export type ServiceState =
  'unknown' | 'available' | 'disabled' | 'starting' | 'running' | 'stopping' | 'stopped' | 'error';

export interface InitScript {
  readonly stage: string;
  readonly name: string;
  readonly state: string;
}

export interface InitStatus {
  readonly completed: Readonly<Record<string, boolean>>;
  readonly scripts: readonly InitScript[];
}

export interface BackendInfo {
  readonly kind: BackendKind;
  readonly version?: string;
  readonly edition?: string;
  /** Per-service states when the backend reports them (LocalStack, Floci); undefined means "assume all". */
  readonly services?: Readonly<Record<string, string>>;
  readonly init?: InitStatus;
  /** Whether LocalStack's non-destructive SQS peek endpoint (`/_aws/sqs/messages`, also Floci's) is there. */
  readonly sqsPeek: boolean;
  /** The path that empties every service (moto `/moto-api/reset`, Floci `/_floci/state/reset`); LocalStack community has none. */
  readonly resetPath?: string;
}

export type DetectResult =
  { readonly reachable: true; readonly backend: BackendInfo } | { readonly reachable: false; readonly reason: string };

interface Fetched {
  readonly status: number;
  readonly headers: Headers;
  readonly json?: unknown;
}

async function get(url: string, signal: AbortSignal | undefined, timeoutMs: number): Promise<Fetched> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const res = await fetch(url, {
    headers: { accept: 'application/json' },
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    redirect: 'manual',
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function stringMap(v: unknown): Record<string, string> | undefined {
  if (!isRecord(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, s] of Object.entries(v)) if (typeof s === 'string') out[k] = s;
  return out;
}

/** Reads a `/_localstack/init` (or `/init/<stage>`) body; undefined if it does not have the documented shape. */
export function parseInitStatus(body: unknown): InitStatus | undefined {
  if (!isRecord(body)) return undefined;
  const completed: Record<string, boolean> = {};
  if (isRecord(body.completed)) {
    for (const [k, v] of Object.entries(body.completed)) if (typeof v === 'boolean') completed[k] = v;
  } else if (typeof body.completed === 'boolean') {
    completed.stage = body.completed;
  }
  const scripts: InitScript[] = Array.isArray(body.scripts)
    ? body.scripts.filter(isRecord).map((s) => ({
        stage: String(s.stage ?? ''),
        name: String(s.name ?? ''),
        state: String(s.state ?? 'UNKNOWN'),
      }))
    : [];
  return { completed, scripts };
}

/** Reads a `/_localstack/health` body (required keys: services, edition, version). */
export function parseHealth(
  body: unknown,
): { services: Record<string, string>; edition?: string; version?: string } | undefined {
  if (!isRecord(body)) return undefined;
  const services = stringMap(body.services);
  if (!services) return undefined;
  return {
    services,
    edition: typeof body.edition === 'string' ? body.edition : undefined,
    version: typeof body.version === 'string' ? body.version : undefined,
  };
}

function reasonOf(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError') return 'no answer (timed out)';
  if (e?.name === 'AbortError') return 'cancelled';
  if (e?.cause?.code === 'ECONNREFUSED') return 'connection refused';
  return e?.cause?.message ?? e?.message ?? String(err);
}

/**
 * Probes the endpoint. Order matters: Floci also answers LocalStack's paths, so its own health path is tried
 * first; LocalStack is recognised by its health body or the `x-localstack` header; moto by `/moto-api/config`.
 */
export async function detectBackend(
  endpoint: string,
  opts: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<DetectResult> {
  const base = endpoint.replace(/\/+$/, '');
  // Generous: a local emulator answers in milliseconds, but an editor's extension host can take seconds to
  // route its first requests (proxy resolution) while the window is still starting.
  const t = opts.timeoutMs ?? 8_000;
  let first: Fetched;
  try {
    first = await get(`${base}/_floci/health`, opts.signal, t);
  } catch (err) {
    return { reachable: false, reason: reasonOf(err) };
  }
  const flociHealth = first.status === 200 ? parseHealth(first.json) : undefined;
  if (flociHealth) return { reachable: true, backend: floci(flociHealth) };

  const lsHeader = first.headers.get('x-localstack') !== null;
  let health: Fetched | undefined;
  try {
    health = await get(`${base}/_localstack/health`, opts.signal, t);
  } catch {
    health = undefined;
  }
  const parsed = health && health.status === 200 ? parseHealth(health.json) : undefined;
  const healthHeader = (health?.headers.get('x-localstack') ?? null) !== null;
  // Floci answers LocalStack's health path too, naming itself in `original_edition` and without LocalStack's header.
  const original = isRecord(health?.json) ? health.json.original_edition : undefined;
  if (parsed && !healthHeader && typeof original === 'string' && original.startsWith('floci')) {
    return { reachable: true, backend: floci(parsed) };
  }
  if (parsed || lsHeader || healthHeader) {
    let init: InitStatus | undefined;
    try {
      const r = await get(`${base}/_localstack/init`, opts.signal, t);
      init = r.status === 200 ? parseInitStatus(r.json) : undefined;
    } catch {
      init = undefined;
    }
    return {
      reachable: true,
      backend: {
        kind: 'localstack',
        version: parsed?.version,
        edition: parsed?.edition,
        services: parsed?.services,
        init,
        sqsPeek: true,
      },
    };
  }

  try {
    // moto's runtime configuration: small, JSON, and unlike /moto-api/data.json it does not dump (or, with a Lambda
    // function present, fail on) the whole state.
    const moto = await get(`${base}/moto-api/config`, opts.signal, t);
    if (
      moto.status >= 200 &&
      moto.status < 300 &&
      isRecord(moto.json) &&
      ('lambda' in moto.json || 'batch' in moto.json)
    ) {
      return { reachable: true, backend: { kind: 'moto', sqsPeek: false, resetPath: '/moto-api/reset' } };
    }
  } catch {
    // fall through to generic
  }
  return { reachable: true, backend: { kind: 'generic', sqsPeek: false } };
}

/** Floci, from its health document: it offers LocalStack's SQS peek path and its own state reset. */
function floci(health: { services: Record<string, string>; version?: string }): BackendInfo {
  return {
    kind: 'floci',
    version: health.version,
    services: health.services,
    sqsPeek: true,
    resetPath: '/_floci/state/reset',
  };
}

/**
 * Empties every service of the emulator through its own reset path. Throws when the backend has none (LocalStack
 * community, generic endpoints) or the reset is refused.
 */
export async function resetEmulator(
  endpoint: string,
  backend: BackendInfo,
  opts: { signal?: AbortSignal } = {},
): Promise<void> {
  if (!backend.resetPath) throw new Error(`${backendLabel(backend)} has no reset endpoint`);
  const res = await fetch(`${endpoint.replace(/\/+$/, '')}${backend.resetPath}`, {
    method: 'POST',
    signal: opts.signal ?? AbortSignal.timeout(30_000),
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`HTTP ${res.status} from ${backend.resetPath}`);
}

/** States in which a service is usable. */
export function isServiceUp(state: string | undefined): boolean {
  return state === 'running' || state === 'available';
}

/**
 * Whether the backend offers a service: LocalStack/Floci by their health map (any of `healthNames` up);
 * moto and generic endpoints are assumed to offer everything.
 */
export function offersService(backend: BackendInfo, healthNames: readonly string[]): boolean {
  if (!backend.services) return true;
  return healthNames.some((n) => isServiceUp(backend.services?.[n]));
}

export function backendLabel(b: BackendInfo): string {
  const name = { localstack: 'LocalStack', floci: 'Floci', moto: 'moto', generic: 'AWS-compatible endpoint' }[b.kind];
  const details = [b.edition && b.edition !== 'unknown' ? b.edition : undefined, b.version].filter(Boolean).join(' ');
  return details ? `${name} ${details}` : name;
}

/** LocalStack's non-destructive peek: GET /_aws/sqs/messages?QueueUrl=… (JSON with Accept: application/json). */
export interface PeekedMessage {
  readonly messageId: string;
  readonly body: string;
  readonly md5OfBody?: string;
  readonly attributes: Readonly<Record<string, string>>;
}

export function parsePeekResponse(body: unknown): PeekedMessage[] {
  const result =
    isRecord(body) && isRecord(body.ReceiveMessageResponse)
      ? body.ReceiveMessageResponse.ReceiveMessageResult
      : undefined;
  if (!isRecord(result)) return [];
  const raw = result.Message;
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.filter(isRecord).map((m) => {
    const attrs: Record<string, string> = {};
    const a = m.Attribute;
    for (const item of Array.isArray(a) ? a : a ? [a] : []) {
      if (isRecord(item) && typeof item.Name === 'string') attrs[item.Name] = String(item.Value ?? '');
    }
    return {
      messageId: String(m.MessageId ?? ''),
      body: String(m.Body ?? ''),
      md5OfBody: typeof m.MD5OfBody === 'string' ? m.MD5OfBody : undefined,
      attributes: attrs,
    };
  });
}

export async function peekSqsMessages(
  endpoint: string,
  queueUrl: string,
  opts: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<PeekedMessage[]> {
  const url = `${endpoint.replace(/\/+$/, '')}/_aws/sqs/messages?QueueUrl=${encodeURIComponent(queueUrl)}`;
  const res = await get(url, opts.signal, opts.timeoutMs ?? 10_000);
  if (res.status !== 200) throw new Error(`HTTP ${res.status} from /_aws/sqs/messages`);
  return parsePeekResponse(res.json);
}
