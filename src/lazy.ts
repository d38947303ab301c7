// Heavy modules that activation does not need are built as bundles of their own beside dist/extension.js
// (scripts/build.mjs, "lazy bundles") and loaded on first use, so opening a JSON file stays cheap.
import { join } from 'node:path';

/** A loader for dist/<file>; `T` is the type of the module it was built from. */
export function lazyBundle<T>(file: string): () => T {
  let loaded: T | undefined;
  // A computed path: esbuild leaves this require alone, Node resolves it at run time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return () => (loaded ??= require(join(__dirname, file)) as T);
}
