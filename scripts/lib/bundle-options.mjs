// The esbuild options of every Node bundle (extension host, language server, CLI), shared by scripts/build.mjs and
// the benchmarks that time the analysis core as it ships.
//
// `module` first: jsonc-parser's UMD entry hides its requires from the bundler; its ESM entry bundles cleanly.
// `yaml`: the package's other build, the same code without its debug hooks. Its Node build reads
// process.env.LOG_TOKENS for every token it parses (a call into the runtime each time): 0.6 of 2.1 ms of CPU for the
// IAM bench's 10 KB YAML policy. The package's exports offer this build only outside Node, hence the path.
export const nodeBundleOptions = {
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  mainFields: ['module', 'main'],
  alias: { yaml: './node_modules/yaml/browser/index.js' },
};
