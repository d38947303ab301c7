// What an exercise check gets and gives back. Checks are plain async functions with no editor API, so unit and
// integration tests call them directly against a real moto server, a real Redis or PostgreSQL, or a temp folder.
import type { AwsClients } from '../../aws/clients';
import type { RedisReply } from '../probes/resp';

/** The outcome of one look at the learner's work. `detail` says what was seen, in one line. */
export interface CheckResult {
  readonly done: boolean;
  readonly detail: string;
}

/** A file of the learner's workspace, read as text (only the first bytes: checks look at headers and blocks). */
export interface WorkspaceFile {
  readonly path: string;
  readonly text: string;
}

/** Read-only access to the workspace folders; bounded in how many files and how much of each is read. */
export interface WorkspaceFiles {
  find(glob: string, maxFiles: number): Promise<readonly WorkspaceFile[]>;
}

/** Ports of the services the learner runs locally (defaults: PostgreSQL 5432, …, Redis 6379, nginx 8080). */
export interface LocalServices {
  readonly host: string;
  readonly postgres: number;
  readonly replica: number;
  readonly pooler: number;
  readonly redis: number;
  readonly web: number;
}

export const DEFAULT_LOCAL_SERVICES: LocalServices = {
  host: '127.0.0.1',
  postgres: 5432,
  replica: 5433,
  pooler: 6432,
  redis: 6379,
  web: 8080,
};

/** Network probes for local services, injected so tests can point them at real servers on free ports. */
export interface LocalProbes {
  /** Sends PostgreSQL's SSLRequest and reports whether the answer is a PostgreSQL one ('S' or 'N'). */
  postgres(host: string, port: number): Promise<boolean>;
  /** Runs Redis commands in order on one connection and returns their replies. */
  redis(host: string, port: number, commands: readonly (readonly string[])[]): Promise<readonly RedisReply[]>;
  /** GET http://host:port/path; the status code. */
  httpStatus(host: string, port: number, path: string): Promise<number>;
}

/** Runs `fn` once per round for a key (listings several checks share); without a round memo, every time. */
export type RoundMemo = <T>(key: string, fn: () => Promise<T>) => Promise<T>;

export interface CheckEnv {
  /** Shares listings between the checks of one round; the scheduler makes a fresh one per round. */
  readonly memo?: RoundMemo;
  readonly aws: AwsClients;
  readonly probes: LocalProbes;
  readonly local: LocalServices;
  readonly files: WorkspaceFiles;
}

export type Check = (env: CheckEnv) => Promise<CheckResult>;

/** How many resources of one kind a check looks at: enough for a learner's account, bounded for a busy one. */
export const SCAN_LIMIT = 50;

export function done(detail: string): CheckResult {
  return { done: true, detail };
}

export function notYet(detail: string): CheckResult {
  return { done: false, detail };
}

/** Finds the first element for which `test` resolves to something; runs the tests one after another. */
export async function firstMatch<T, R>(
  items: readonly T[],
  test: (item: T) => Promise<R | undefined>,
): Promise<{ item: T; result: R } | undefined> {
  for (const item of items) {
    const result = await test(item);
    if (result !== undefined) return { item, result };
  }
  return undefined;
}

/** Names a few things for a detail line: "a, b, c and 4 more". */
export function listNames(names: readonly string[], max = 3): string {
  if (names.length === 0) return 'none';
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

/** A memo for one round of checks. */
export function roundMemo(): RoundMemo {
  const cache = new Map<string, Promise<unknown>>();
  return <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    let hit = cache.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = fn();
      cache.set(key, hit);
    }
    return hit;
  };
}

export function once<T>(env: CheckEnv, key: string, fn: () => Promise<T>): Promise<T> {
  return env.memo ? env.memo(key, fn) : fn();
}
