// `local-cloud-lab check`: the language server's analysis core for CI (text, JSON, SARIF). See cli/args.ts.
import './cli/tiering';
import { repository, version } from '../../package.json';
import { ACCESS_COMMANDS, ACCESS_USAGE, runAccessCommand } from './cli/access';
import { type CliIo, runCli } from './cli/check';
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
// explain and the custom checks (issue 12) have their own arguments, `record` runs until Ctrl+C; everything else is
// `check`.
if (argv[0] === 'record') {
  const stopped = () =>
    new Promise<void>((done) => {
      process.once('SIGINT', () => done());
      process.once('SIGTERM', () => done());
    });
  void runRecord(argv.slice(1), io, process.env, stopped).then((code) => (process.exitCode = code));
} else {
  process.exitCode = ACCESS_COMMANDS.has(argv[0] ?? '') ? runAccessCommand(argv, io) : runCli(argv, io);
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    io.stdout(`\n${ACCESS_USAGE}\n\n${RECORD_USAGE}\n`);
  }
}
