// Runs the extension-host suites in a real VS Code through @vscode/test-electron.
// By default the "VS Code executable" is scripts/vscode-launcher.mjs, which serves VS Code from code-server;
// set LCL_VSCODE_EXECUTABLE to a desktop VS Code binary to run the same suites there unchanged.
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
const suiteSrc = join(root, 'test', 'vscode', 'suite');
// One folder per backend: the moto and LocalStack passes bundle and run at the same time.
const outDir = join(
  root,
  'out',
  'test',
  'vscode',
  process.env.LCL_TEST_BACKEND === 'localstack' ? 'suite-localstack' : 'suite',
);

function findTests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Bundles the mocha entry and every suite file (CommonJS, `vscode` external) into out/test/vscode/suite. */
async function bundle(): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  const entries = [join(suiteSrc, 'index.ts'), ...findTests(suiteSrc)];
  await esbuild.build({
    entryPoints: entries.map((file) => ({ in: file, out: relative(suiteSrc, file).replace(/\.ts$/, '') })),
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
    // mocha's parallel mode (unused here) resolves worker files at run time.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
}

async function main(): Promise<number> {
  if (!existsSync(join(root, 'dist', 'extension.js'))) {
    console.error('dist/extension.js is missing: run `npm run build` first');
    return 1;
  }
  await bundle();
  // The "Extension Tests" launch configuration only needs the bundles; VS Code itself runs them.
  if (process.argv.includes('--bundle-only')) return 0;
  // A throwaway copy of the fixture workspace, so tests may write into it.
  const workspace = mkdtempSync(join(tmpdir(), 'lcl-ws-'));
  cpSync(join(root, 'test', 'vscode', 'workspace'), workspace, { recursive: true });
  const executable = process.env.LCL_VSCODE_EXECUTABLE || join(root, 'scripts', 'vscode-launcher.mjs');
  const passthrough = Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => e[0].startsWith('LCL_') && e[1] !== undefined),
  );
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: root,
      extensionTestsPath: join(outDir, 'index.js'),
      launchArgs: [workspace],
      extensionTestsEnv: { ...passthrough, LCL_TEST_WORKSPACE: workspace },
    });
    return 0;
  } catch (err) {
    console.error(`Extension-host tests failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
