// The sample settings of "Analyse Key Distribution", read and bounded (plain: unit-testable without an editor).

export interface SampleSettings {
  readonly cap: number;
  readonly pageSize: number;
}

export const DEFAULT_SAMPLE: SampleSettings = { cap: 10_000, pageSize: 500 };
/** The sample lives in the extension host's memory: 200,000 items is a few hundred MB at most. */
export const MAX_SAMPLE_CAP = 200_000;

/** Bounds the user's values: cap 1..200,000 items, page size 1..10,000 and never above the cap. */
export function sampleSettings(get: (key: 'sampleCap' | 'samplePageSize') => unknown): SampleSettings {
  const whole = (v: unknown, fallback: number, max: number) => {
    const n = typeof v === 'number' ? Math.floor(v) : NaN;
    return Number.isFinite(n) ? Math.min(Math.max(n, 1), max) : fallback;
  };
  const cap = whole(get('sampleCap'), DEFAULT_SAMPLE.cap, MAX_SAMPLE_CAP);
  return { cap, pageSize: Math.min(whole(get('samplePageSize'), DEFAULT_SAMPLE.pageSize, 10_000), cap) };
}
