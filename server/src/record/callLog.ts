// What a recording keeps: each distinct (action, resource) pair once, with a count and the last status, up to a cap;
// requests that map to no access, by operation, up to a cap. Memory stays bounded however long the recording runs.
import type { Access, MappedCall } from '../core/iam/record/requests';

export interface RecordedAccess extends Access {
  readonly count: number;
  /** HTTP status of the last request that needed it (0: the emulator did not answer). */
  readonly lastStatus: number;
}

export interface CallLogSummary {
  readonly requests: number;
  readonly access: readonly RecordedAccess[];
  /** Requests the mapping could not read, as `service operation: note` with counts. */
  readonly unmapped: readonly { readonly what: string; readonly count: number }[];
  /** Distinct pairs dropped after the cap was reached. */
  readonly dropped: number;
  /** Notes about approximate resources (KMS aliases, …), distinct. */
  readonly notes: readonly string[];
}

export class CallLog {
  private readonly pairs = new Map<string, { action: string; resource: string; count: number; lastStatus: number }>();
  private readonly unmapped = new Map<string, number>();
  private readonly notes = new Set<string>();
  private requests = 0;
  private dropped = 0;

  constructor(private readonly maxPairs = 5000) {}

  add(call: MappedCall, status: number): void {
    this.requests++;
    if (!call.access.length) {
      const what = `${call.service || '(unsigned)'} ${call.operation || '?'}${call.note ? `: ${call.note}` : ''}`;
      if (this.unmapped.has(what) || this.unmapped.size < 200)
        this.unmapped.set(what, (this.unmapped.get(what) ?? 0) + 1);
      return;
    }
    if (call.note && this.notes.size < 50) this.notes.add(call.note);
    for (const a of call.access) {
      const key = `${a.action.toLowerCase()}\u0000${a.resource}`;
      const seen = this.pairs.get(key);
      if (seen) {
        seen.count++;
        seen.lastStatus = status;
      } else if (this.pairs.size < this.maxPairs) {
        this.pairs.set(key, { action: a.action, resource: a.resource, count: 1, lastStatus: status });
      } else this.dropped++;
    }
  }

  get size(): number {
    return this.pairs.size;
  }

  get requestCount(): number {
    return this.requests;
  }

  summary(): CallLogSummary {
    return {
      requests: this.requests,
      access: [...this.pairs.values()].map((p) => ({ ...p })),
      unmapped: [...this.unmapped].map(([what, count]) => ({ what, count })),
      dropped: this.dropped,
      notes: [...this.notes],
    };
  }
}
