// Lambda for the explorer and its invoke panel: functions with their configuration, and invoke with the log tail.
import {
  GetFunctionConfigurationCommand,
  InvokeCommand,
  ListEventSourceMappingsCommand,
  GetFunctionEventInvokeConfigCommand,
  ListFunctionsCommand,
  type FunctionConfiguration,
} from '@aws-sdk/client-lambda';
import type { AwsClients } from './clients';

interface Signal {
  readonly signal?: AbortSignal;
}
const opts = (s?: Signal) => (s?.signal ? { abortSignal: s.signal } : {});

export interface FunctionRecord {
  readonly name: string;
  readonly arn: string;
  readonly runtime?: string;
  readonly handler?: string;
  readonly memoryMb?: number;
  readonly timeoutSeconds?: number;
  readonly lastModified?: string;
  readonly state?: string;
  readonly packageType?: string;
  /** The execution role's ARN. */
  readonly role?: string;
  /** Where asynchronous invocations that failed every retry go (DeadLetterConfig). */
  readonly deadLetterArn?: string;
}

function toRecord(f: FunctionConfiguration): FunctionRecord {
  return {
    name: f.FunctionName ?? '',
    arn: f.FunctionArn ?? '',
    ...(f.Runtime ? { runtime: f.Runtime } : {}),
    ...(f.Handler ? { handler: f.Handler } : {}),
    ...(f.MemorySize !== undefined ? { memoryMb: f.MemorySize } : {}),
    ...(f.Timeout !== undefined ? { timeoutSeconds: f.Timeout } : {}),
    ...(f.LastModified ? { lastModified: f.LastModified } : {}),
    ...(f.State ? { state: f.State } : {}),
    ...(f.PackageType ? { packageType: f.PackageType } : {}),
    ...(f.Role ? { role: f.Role } : {}),
    ...(f.DeadLetterConfig?.TargetArn ? { deadLetterArn: f.DeadLetterConfig.TargetArn } : {}),
  };
}

export async function listFunctions(
  clients: AwsClients,
  req: { marker?: string; pageSize?: number } & Signal = {},
): Promise<{ functions: FunctionRecord[]; next?: string }> {
  const out = await clients
    .lambda()
    .send(new ListFunctionsCommand({ Marker: req.marker, MaxItems: req.pageSize ?? 50 }), opts(req));
  return { functions: (out.Functions ?? []).map(toRecord), ...(out.NextMarker ? { next: out.NextMarker } : {}) };
}

export async function getFunction(clients: AwsClients, name: string, s?: Signal): Promise<FunctionRecord> {
  return toRecord(await clients.lambda().send(new GetFunctionConfigurationCommand({ FunctionName: name }), opts(s)));
}

/** Environment variables by name. */
export type Variables = Record<string, string>;

/** The environment variables of a function's configuration. */
export async function functionEnvironment(clients: AwsClients, name: string, s?: Signal): Promise<Variables> {
  const out = await clients.lambda().send(new GetFunctionConfigurationCommand({ FunctionName: name }), opts(s));
  return { ...(out.Environment?.Variables ?? {}) };
}

export interface EventSourceMappingRecord {
  /** The ARN of the stream or queue the function reads. */
  readonly source: string;
  /** The ARN of the function. */
  readonly fn: string;
  readonly state: string;
  /** Where records that failed every retry go (stream sources' DestinationConfig.OnFailure). */
  readonly onFailure?: string;
}

/** The first `max` event source mappings (all pages up to `max`). */
export async function listEventSourceMappings(
  clients: AwsClients,
  max: number,
  s?: Signal,
): Promise<EventSourceMappingRecord[]> {
  const out: EventSourceMappingRecord[] = [];
  let marker: string | undefined;
  do {
    const page = await clients
      .lambda()
      .send(new ListEventSourceMappingsCommand({ MaxItems: Math.min(100, max - out.length), Marker: marker }), opts(s));
    for (const m of page.EventSourceMappings ?? []) {
      const onFailure = m.DestinationConfig?.OnFailure?.Destination;
      out.push({
        source: m.EventSourceArn ?? '',
        fn: m.FunctionArn ?? '',
        state: m.State ?? '',
        ...(onFailure ? { onFailure } : {}),
      });
    }
    marker = page.NextMarker;
  } while (marker && out.length < max);
  return out.slice(0, max);
}

/**
 * The on-failure destination of a function's asynchronous invocations, or undefined when it has no event invoke
 * configuration. (GetFunctionEventInvokeConfig rather than the List call: moto answers the list with a date string
 * the SDK cannot read.)
 */
export async function asyncOnFailure(clients: AwsClients, name: string, s?: Signal): Promise<string | undefined> {
  try {
    const out = await clients.lambda().send(new GetFunctionEventInvokeConfigCommand({ FunctionName: name }), opts(s));
    return out.DestinationConfig?.OnFailure?.Destination || undefined;
  } catch (err) {
    if ((err as { name?: unknown }).name === 'ResourceNotFoundException') return undefined;
    throw err;
  }
}

export interface InvokeResult {
  readonly statusCode: number;
  /** "Handled" / "Unhandled" when the function itself failed. */
  readonly functionError?: string;
  readonly payload: string;
  /** The last 4 KB of the execution log (LogType Tail), decoded. */
  readonly log?: string;
  readonly executedVersion?: string;
  readonly durationMs: number;
}

/** Checks an invoke payload: empty means `{}`; otherwise it must be JSON. */
export function checkPayload(text: string): { ok: true; json: string } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, json: '{}' };
  try {
    JSON.parse(text);
    return { ok: true, json: text };
  } catch (err) {
    return { ok: false, error: `The payload is not valid JSON: ${(err as Error).message}` };
  }
}

export async function invokeFunction(
  clients: AwsClients,
  req: { name: string; payload: string; now?: () => number } & Signal,
): Promise<InvokeResult> {
  const checked = checkPayload(req.payload);
  if (!checked.ok) throw new Error(checked.error);
  const now = req.now ?? Date.now;
  const started = now();
  const out = await clients.lambda().send(
    new InvokeCommand({
      FunctionName: req.name,
      InvocationType: 'RequestResponse',
      LogType: 'Tail',
      Payload: new TextEncoder().encode(checked.json),
    }),
    opts(req),
  );
  return {
    statusCode: out.StatusCode ?? 0,
    ...(out.FunctionError ? { functionError: out.FunctionError } : {}),
    payload: out.Payload ? new TextDecoder().decode(out.Payload) : '',
    ...(out.LogResult ? { log: Buffer.from(out.LogResult, 'base64').toString('utf8') } : {}),
    ...(out.ExecutedVersion ? { executedVersion: out.ExecutedVersion } : {}),
    durationMs: now() - started,
  };
}
