// The test run's AWS CLI fork server (test/support/aws-cli-fork-server.py): the integration layer runs the labs'
// scripts and the walkthrough's terminal commands through the real `aws` on PATH hundreds of times, and AWS CLI v1
// spends about half a second of CPU importing itself on every call. The server imports it once and forks per call;
// the tests get a PATH whose `aws` goes through it. Same CLI, same interpreter, same arguments — only the import is
// shared. When `aws` is not a Python script this can use, the tests get no change and run the plain CLI.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('../../test/support/aws-cli-fork-server.py', import.meta.url));

/** The `aws` executable a plain shell would run, or undefined. */
function awsOnPath(env = process.env) {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    const file = join(dir, 'aws');
    try {
      if (statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The Python interpreter that runs the `aws` script (through a pyenv shim too), or undefined. */
export function awsCliPython(env = process.env) {
  let script = awsOnPath(env);
  if (!script) return undefined;
  let firstLine = readFileSync(script, 'utf8').split('\n', 1)[0] ?? '';
  if (!/python/.test(firstLine)) {
    // A pyenv shim is a shell script: ask pyenv which file it runs.
    const which = spawnSync('pyenv', ['which', 'aws'], { encoding: 'utf8', env });
    script = which.status === 0 ? which.stdout.trim() : '';
    if (!script || !existsSync(script)) return undefined;
    firstLine = readFileSync(script, 'utf8').split('\n', 1)[0] ?? '';
  }
  const match = /^#!\s*(\S*python[\d.]*)\s*$/.exec(firstLine);
  return match?.[1];
}

/**
 * Starts the fork server in `dir`; resolves with `{ env, stop }` where env.PATH puts its `aws` first, or with
 * undefined (and a line on stderr saying why) when the CLI on PATH cannot be served this way.
 */
export async function startAwsCliForkServer(dir) {
  const python = awsCliPython();
  if (!python) return undefined;
  const socket = join(dir, 'aws-cli.sock');
  const bin = join(dir, 'aws-cli-bin');
  const child = spawn(python, [SERVER, socket, bin], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  const ready = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), 30_000);
    child.stdout.on('data', (d) => {
      if (String(d).includes('ready')) {
        clearTimeout(timer);
        resolve(true);
      }
    });
    child.on('exit', () => resolve(false));
    child.on('error', () => resolve(false));
  });
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // gone
    }
  };
  if (!ready) {
    stop();
    console.error(`[test] the AWS CLI fork server did not start (${python}); the tests run the plain CLI`);
    return undefined;
  }
  child.stdout.resume();
  return { env: { PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` }, stop };
}
