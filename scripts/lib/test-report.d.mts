// Types for test-report.mjs (used by its unit tests).
export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}
export interface Row {
  name: string;
  ok: boolean;
  ms: number;
  counts?: Counts;
  note?: string;
}
export declare const STEPS: string[];
export declare const LAYERS: string[];
export declare const EMULATOR_LAYERS: string[];
export declare const BACKENDS: string[];
export declare function parseFlags(argv: string[]): {
  help: boolean;
  selected: string[];
  backend?: 'moto' | 'localstack' | 'both';
};
export declare function parseTapSkips(text: string): { test: string; reason: string }[];
export declare function parseTap(text: string): Counts | undefined;
export declare function verdict(
  counts: Counts,
  opts?: { ci?: boolean; exitCode?: number; note?: string; skipsAllowed?: boolean },
): { counts: Counts; ok: boolean; note: string };
export declare function summaryLine(total: Counts): string;
export declare function formatTime(ms: number): string;
export declare function formatTable(rows: Row[]): string;
