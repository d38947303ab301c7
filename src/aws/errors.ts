// Turns whatever a failed call threw into one short, readable reason for "<Operation> failed: <reason>".

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  errors?: unknown;
  $metadata?: { httpStatusCode?: number };
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused — is the emulator running?',
  ECONNRESET: 'the connection was reset by the emulator',
  ENOTFOUND: 'the endpoint host name does not resolve',
  EHOSTUNREACH: 'the endpoint host is unreachable',
  ETIMEDOUT: 'the connection timed out',
  EPIPE: 'the emulator closed the connection',
};

function codeOf(err: ErrorLike): string | undefined {
  if (typeof err.code === 'string') return err.code;
  if (err.cause && typeof err.cause === 'object') return codeOf(err.cause as ErrorLike);
  // AggregateError from happy-eyeballs connects (IPv4 + IPv6 both refused).
  if (Array.isArray(err.errors) && err.errors.length > 0) return codeOf(err.errors[0] as ErrorLike);
  return undefined;
}

/** True when the error means "nothing answered" rather than "the service said no". */
export function isConnectionError(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as ErrorLike;
  const code = codeOf(e);
  if (code && code in NETWORK_REASONS) return true;
  return e.name === 'TimeoutError' || (typeof e.message === 'string' && /socket hang up|ECONNREFUSED/.test(e.message));
}

export function isAbortError(err: unknown): boolean {
  return !!err && typeof err === 'object' && (err as ErrorLike).name === 'AbortError';
}

/** A one-line reason: the service's error code and message, or what went wrong on the network. */
export function describeError(err: unknown): string {
  if (err === undefined || err === null) return 'unknown error';
  if (typeof err !== 'object') return String(err);
  const e = err as ErrorLike;
  if (isAbortError(err)) return 'cancelled';
  const code = codeOf(e);
  if (code && NETWORK_REASONS[code]) return NETWORK_REASONS[code];
  if (e.name === 'TimeoutError') return 'the request timed out';
  const name = typeof e.name === 'string' ? e.name : '';
  let message = typeof e.message === 'string' ? e.message.trim() : '';
  const status = e.$metadata?.httpStatusCode;
  // The SDK sometimes reports only "UnknownError" for an empty error body; the HTTP status says more.
  if (!message || message === 'UnknownError' || message === name) {
    message = status ? `HTTP ${status}` : name || 'unknown error';
  }
  const generic = !name || name === 'Error' || name === 'TypeError' || message.startsWith(name);
  return (generic ? message : `${name}: ${message}`).replace(/\s+/g, ' ').slice(0, 300);
}

/** Rethrows with the operation named: "Create bucket failed: BucketAlreadyExists: …". */
export class OperationError extends Error {
  constructor(
    readonly operation: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${operation} failed: ${reason}`, options);
    this.name = 'OperationError';
  }
}

/** Runs `fn`, turning any failure into an `OperationError` naming `operation`. */
export async function attempt<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof OperationError) throw err;
    throw new OperationError(operation, describeError(err), { cause: err });
  }
}
