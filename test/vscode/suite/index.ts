// Mocha entry for the extension-host tests (the @vscode/test-electron `extensionTestsPath` contract).
// runTests.ts bundles this file (mocha included) and each `*.test.ts` beside it into out/test/vscode/suite;
// here the TDD globals are installed, every bundled test file is required, and mocha runs them.
import Mocha from 'mocha';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Prefix of the one line that carries the counts; scripts/test.mjs also reads LCL_MOCHA_RESULT_FILE. */
export const RESULT_PREFIX = 'LCL_MOCHA_RESULT ';

export interface MochaCounts {
  passed: number;
  failed: number;
  skipped: number;
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.js'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: Number(process.env.LCL_MOCHA_TIMEOUT ?? 60_000),
    ...(process.env.LCL_MOCHA_GREP ? { grep: process.env.LCL_MOCHA_GREP } : {}),
  });
  // Install suite()/test()/setup()… on the global object, then load the bundled test files with plain require.
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  const files = testFiles(__dirname);
  for (const file of files) {
    mocha.suite.emit('pre-require', globalThis, file, mocha);
    // Plain CommonJS require: the files are bundles made for exactly this.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(file);
  }

  const counts = await new Promise<MochaCounts>((resolve) => {
    const runner = mocha.run(() => undefined);
    runner.on('end', () => {
      const s = runner.stats;
      resolve({ passed: s?.passes ?? 0, failed: s?.failures ?? 0, skipped: s?.pending ?? 0 });
    });
  });

  console.log(RESULT_PREFIX + JSON.stringify({ ...counts, files: files.length }));
  const resultFile = process.env.LCL_MOCHA_RESULT_FILE;
  // The skips with their reasons, recorded by helpers.skipOnLocalStack (bundled into each test file).
  const skips = (globalThis as { lclSkips?: { test: string; reason: string }[] }).lclSkips ?? [];
  if (resultFile) writeFileSync(resultFile, JSON.stringify({ ...counts, skips }));
  if (counts.failed > 0) throw new Error(`${counts.failed} extension-host test(s) failed`);
  if (counts.passed + counts.failed === 0) throw new Error('no extension-host tests ran');
}
