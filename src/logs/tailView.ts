// What a live log tail shows, as plain data: the last N events in a bounded buffer, a status line, and the text the
// editor renders. No editor API, so the benchmark drives exactly what the extension runs.
import { formatLogLine, LogBuffer, type LogEventRecord } from '../aws/records/logs';

/** Most lines a tail keeps (older ones are dropped) and how often its editor is redrawn at most. */
export const TAIL_CAPACITY = 10_000;
export const TAIL_REDRAW_MS = 300;

export type TailStatus = {
  readonly kind: 'starting' | 'live' | 'waiting' | 'error' | 'stopped';
  readonly detail?: string;
};

export class TailView {
  private readonly buffer: LogBuffer;
  private status: TailStatus = { kind: 'starting' };
  private received = 0;

  constructor(
    readonly group: string,
    capacity: number,
    readonly pattern?: string,
  ) {
    this.buffer = new LogBuffer(capacity);
  }

  add(events: readonly LogEventRecord[]): void {
    this.buffer.push(events);
    this.received += events.length;
  }

  setStatus(status: TailStatus): void {
    this.status = status;
  }

  get stats(): { received: number; shown: number; dropped: number } {
    return { received: this.received, shown: this.buffer.size, dropped: this.buffer.dropped };
  }

  /** The header (group, filter, state, counts) and the buffered lines, oldest first. */
  render(): string {
    const state =
      this.status.kind === 'live'
        ? 'following'
        : this.status.kind === 'waiting'
          ? `waiting (${this.status.detail ?? 'no log group yet'})`
          : this.status.kind === 'error'
            ? `retrying after an error: ${this.status.detail ?? ''}`
            : this.status.kind;
    const dropped = this.buffer.dropped ? `, the oldest ${this.buffer.dropped} dropped` : '';
    const head = [
      `# Tail of ${this.group}${this.pattern ? ` matching ${JSON.stringify(this.pattern)}` : ''}: ${state}`,
      `# ${this.received} events received, last ${this.buffer.size} shown${dropped}. Close this tab to stop.`,
      '',
    ];
    return head.concat(this.buffer.toArray().map((e) => formatLogLine(e))).join('\n');
  }
}
