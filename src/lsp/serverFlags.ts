// Node flags the extension starts the language server with; the tests and the IAM benchmark start it (or run its
// analysis) with the same ones, so what they measure is what the editor gets.
//
// Each analysis of a policy allocates short-lived objects (about 1 MB for a 10 KB policy), so while the user types
// the young generation fills every few analyses and a scavenge lands inside one of them. A 32 MB semi-space from the
// start (V8 starts at 1 MB and grows to 16 MB only under pressure) halves how often that happens, for about 40 MB
// more memory; and on a machine whose other cores are busy, a scavenge run on the server's own thread is shorter
// than one that waits for helper threads (measured with bench/iam.bench.ts (b): total scavenge time in the loop
// about a third lower, the pauses are what the p99 of an analysis is made of).
export const SERVER_EXEC_ARGV: readonly string[] = [
  '--max-semi-space-size=32',
  '--min-semi-space-size=32',
  '--no-parallel-scavenge',
];
