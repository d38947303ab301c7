// `npm run fuzz [-- --count N] [--seed S]`: feeds the analysis core N generated and mutated documents (default
// 100,000) through the entry points the CLI and the language server use, and reports exceptions, timing and memory
// (test/support/fuzz.ts). Exits 1 when any document crashed the core, printing what to turn into a regression test.
import { join } from 'node:path';
import { loadIamData } from '../server/src/iamData';
import { runFuzz, summaryLine } from '../test/support/fuzz';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : undefined;
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} takes a whole number, got ${raw}`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<number> {
  const count = option('count', 100_000);
  const seed = option('seed', 1);
  // The catalogue the CLI and the server load: generate it if this checkout has not been built yet.
  const { generate } = (await import('./gen-iam-data.mjs')) as { generate: (o?: object) => string };
  const data = loadIamData(generate({ root: join(__dirname, '..') }));
  const started = performance.now();
  const report = runFuzz({
    count,
    seed,
    data,
    progress: (done) => {
      if (done % 10_000 === 0)
        console.error(`[fuzz] ${done}/${count} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    },
  });
  const crashes = [...report.escaped, ...report.internal, ...report.outOfRange];
  for (const c of crashes.slice(0, 20)) {
    console.log(`#${c.index} ${c.kind} ${c.uri}: ${c.what}\n  ${JSON.stringify(c.head)}`);
  }
  console.log(
    `by kind: ${[...report.byKind]
      .sort((a, b) => b[1].maxMs - a[1].maxMs)
      .map(([k, v]) => `${k} ${v.count} (max ${v.maxMs.toFixed(0)} ms)`)
      .join(', ')}`,
  );
  console.log(`${summaryLine(report)}; ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return crashes.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`fuzz failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
