// Imported first by cli.ts, before any analysis code runs. A `check` run lasts a second or two: with V8's default
// thresholds most of the analysis core gets optimised by TurboFan early, and compiling it costs more CPU than the
// optimised code saves in so short a run. Raising the threshold about tenfold lets only the really hot functions
// tier up. Measured over AWS's 1,523 managed policies (CPU seconds, default → raised): Node 20 2.3 → 1.5 (bench
// corpus), Node 22 3.0 → 1.9, Node 24 2.1 → 1.8. The language server, a long-running process, keeps the defaults.
//
// The flag changed name: V8 12 (Node 22) counts invocations, V8 11 (Node 20) counted an interrupt budget. V8 prints
// "unrecognized flag" on stderr for a name it does not know, so only the running V8's own name is set.
import { setFlagsFromString } from 'node:v8';

/** The V8 flag that raises the TurboFan threshold for this V8 (major version as in process.versions.v8). */
export function tieringFlag(v8Version: string): string {
  const major = Number.parseInt(v8Version, 10);
  return major >= 12 ? '--invocation-count-for-turbofan=30000' : '--interrupt-budget=675840';
}

setFlagsFromString(tieringFlag(process.versions.v8));
