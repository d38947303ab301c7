// `local-cloud-lab check`: the language server's analysis core for CI (text, JSON, SARIF). See cli/args.ts.
import './cli/tiering';
import { repository, version } from '../../package.json';
import { runCli } from './cli/check';
import { loadIamData } from './iamData';

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  version,
  repositoryUrl: repository.url,
  loadIamData: () => loadIamData(),
});
