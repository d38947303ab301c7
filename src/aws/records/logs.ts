// Plain records of CloudWatch Logs and the bounded buffer a live tail keeps. Shared with views, so no imports.

export interface LogGroupRecord {
  readonly name: string;
  readonly arn?: string;
  readonly storedBytes?: number;
  readonly retentionDays?: number;
  readonly createdAt?: number;
}

export interface LogStreamRecord {
  readonly group: string;
  readonly name: string;
  readonly firstEventAt?: number;
  readonly lastEventAt?: number;
  readonly storedBytes?: number;
}

export interface LogEventRecord {
  /** FilterLogEvents gives each event an id; GetLogEvents does not (then it is `<stream>/<timestamp>/<n>`). */
  readonly id: string;
  readonly stream?: string;
  /** Milliseconds since the epoch. */
  readonly timestamp: number;
  readonly message: string;
  readonly ingestedAt?: number;
}

/** The log group AWS (and the emulators) write a Lambda function's output to. */
export function lambdaLogGroup(functionName: string): string {
  return `/aws/lambda/${functionName}`;
}

/**
 * The last `capacity` events of a tail, oldest first. Pushing past the capacity drops the oldest, so a chatty function
 * cannot grow the editor's memory without bound.
 */
export class LogBuffer {
  private readonly ring: (LogEventRecord | undefined)[];
  private start = 0;
  private count = 0;
  private droppedCount = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error('A log buffer holds at least one event');
    this.ring = new Array<LogEventRecord | undefined>(capacity);
  }

  push(events: readonly LogEventRecord[]): void {
    for (const e of events) {
      if (this.count < this.capacity) {
        this.ring[(this.start + this.count) % this.capacity] = e;
        this.count++;
      } else {
        this.ring[this.start] = e;
        this.start = (this.start + 1) % this.capacity;
        this.droppedCount++;
      }
    }
  }

  get size(): number {
    return this.count;
  }

  /** How many events were pushed out by newer ones. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** The buffered events, oldest first. */
  toArray(): LogEventRecord[] {
    const out: LogEventRecord[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.ring[(this.start + i) % this.capacity]!);
    return out;
  }

  clear(): void {
    this.ring.fill(undefined);
    this.start = 0;
    this.count = 0;
  }
}

/** One line of a tail as shown: `2026-12-07T18:00:00.000Z  <stream>  message`. */
export function formatLogLine(e: LogEventRecord, withStream = true): string {
  const when = new Date(e.timestamp).toISOString();
  const message = e.message.replace(/\s+$/, '');
  return withStream && e.stream ? `${when}  ${e.stream}  ${message}` : `${when}  ${message}`;
}
