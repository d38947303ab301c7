// `local-cloud-lab check`: the language server's analysis core for CI (text, JSON, SARIF). See cli/args.ts.
import './cli/tiering';
import { join } from 'node:path';
import { repository, version } from '../../package.json';
import { ACCESS_COMMANDS, ACCESS_USAGE, runAccessCommand } from './cli/access';
import { type CliIo, runCli } from './cli/check';
import type * as GraphCli from './cli/graph';
import { GRAPH_COMMAND, GRAPH_USAGE } from './cli/graphUsage';
import { RECORD_USAGE, runRecord } from './cli/record';
import { loadIamData } from './iamData';

const argv = process.argv.slice(2);
const io: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  version,
  repositoryUrl: repository.url,
  loadIamData: () => loadIamData(),
};
if (argv[0] === 'record') {
  const stopped = () =>
    new Promise<void>((done) => {
      process.once('SIGINT', () => done());
      process.once('SIGTERM', () => done());
    });
  void runRecord(argv.slice(1), io, process.env, stopped).then((code) => (process.exitCode = code));
} else if (argv[0] === GRAPH_COMMAND) {
  // The graph reads the emulator with the AWS SDK: a bundle of its own (dist/graph-cli.js), loaded only here.
  // stderr carries the command's own one-line problems: not the SDK's notice about future Node versions.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runGraph } = require(join(__dirname, 'graph-cli.js')) as typeof GraphCli;
  void runGraph(argv.slice(1), { stdout: io.stdout, stderr: io.stderr, env: process.env }).then((code) => {
    process.exitCode = code;
  });
} else {
  // explain and the custom checks (issue 12) have their own arguments, `record` runs until Ctrl+C; everything else is
  // `check`.
  process.exitCode = ACCESS_COMMANDS.has(argv[0] ?? '') ? runAccessCommand(argv, io) : runCli(argv, io);
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    io.stdout(`\n${ACCESS_USAGE}\n\n${RECORD_USAGE}\n\n${GRAPH_USAGE}\n`);
  }
}
