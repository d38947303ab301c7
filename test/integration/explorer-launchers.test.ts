// "Start emulator": which launchers are offered for a machine and workspace, and that the moto launcher's command
// line really starts an emulator the explorer detects.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { detectBackend } from '../../src/aws/backend';
import { findLaunchers } from '../../src/connection/launchers';
import { freePort } from '../support/moto';

const repoRoot = join(__dirname, '..', '..');

function executable(path: string): void {
  writeFileSync(path, '#!/bin/sh\nexit 0\n');
  chmodSync(path, 0o755);
}

describe('start-emulator launchers', () => {
  let root: string;
  let bin: string;
  let project: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'lcl-launchers-'));
    bin = join(root, 'bin');
    project = join(root, 'my project');
    mkdirSync(bin);
    mkdirSync(join(project, '.venv', 'bin'), { recursive: true });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('offers nothing on a bare machine (the command then shows instructions)', async () => {
    const found = await findLaunchers(4566, {
      path: bin,
      folders: [project],
      pythonHasMoto: async () => true,
      localStackVenvs: [],
    });
    assert.deepEqual(found, []);
  });

  it('offers LocalStack, docker compose, the project virtualenv and python3, best first', async () => {
    executable(join(bin, 'localstack'));
    executable(join(bin, 'docker'));
    executable(join(bin, 'python3'));
    writeFileSync(join(project, 'compose.yaml'), 'services: {}\n');
    executable(join(project, '.venv', 'bin', 'moto_server'));
    const found = await findLaunchers(4566, {
      path: bin,
      folders: [project],
      pythonHasMoto: async () => true,
      localStackVenvs: [],
    });
    assert.deepEqual(
      found.map((l) => l.label),
      ['LocalStack CLI', 'docker compose (compose.yaml)', 'moto (project virtualenv)', 'moto (python3)'],
    );
    const venv = found[2];
    // moto runs as the extension's child (log in an output channel); the LocalStack CLI and compose have stop commands.
    assert.deepEqual(venv?.process?.args, ['-H', '127.0.0.1', '-p', '4566']);
    assert.equal(found[0]?.stopCommand, 'localstack stop');
    assert.equal(found[1]?.stopCommand, 'docker compose -f compose.yaml down');
    // The path has a space: the command line quotes it.
    assert.equal(venv?.command, `'${join(project, '.venv', 'bin', 'moto_server')}' -H 127.0.0.1 -p 4566`);
    assert.equal(venv?.cwd, project);
    assert.equal(found[1]?.command, 'docker compose -f compose.yaml up -d');
  });

  it('leaves out python3 when it cannot import moto, and docker compose without a compose file', async () => {
    rmSync(join(project, 'compose.yaml'));
    const found = await findLaunchers(4566, {
      path: bin,
      folders: [project],
      pythonHasMoto: async () => false,
      localStackVenvs: [],
    });
    assert.deepEqual(
      found.map((l) => l.label),
      ['LocalStack CLI', 'moto (project virtualenv)'],
    );
  });

  it('offers LocalStack on the host from a virtualenv that has it, listening where the endpoint says', async () => {
    const venv = join(project, '.venv-localstack');
    mkdirSync(join(venv, 'bin'), { recursive: true });
    executable(join(venv, 'bin', 'python'));
    executable(join(venv, 'bin', 'localstack'));
    const found = await findLaunchers(4599, { path: bin, folders: [project], pythonHasMoto: async () => false });
    const host = found.find((l) => l.label === 'LocalStack (on the host, no Docker)');
    assert.ok(host, found.map((l) => l.label).join(', '));
    assert.equal(found.indexOf(host), 1, 'after the LocalStack CLI, before moto');
    assert.deepEqual(host.process?.args, ['-m', 'localstack.runtime.main']);
    assert.equal(host.process?.file, join(venv, 'bin', 'python'));
    assert.equal(host.process?.env?.GATEWAY_LISTEN, '127.0.0.1:4599');
    assert.equal(host.process?.env?.FILESYSTEM_ROOT, join(venv, 'state'));
    rmSync(venv, { recursive: true });
  });

  it("the project virtualenv's launcher really starts moto, and the explorer recognises it", async () => {
    const port = await freePort();
    const [launcher] = await findLaunchers(port, {
      path: '',
      folders: [repoRoot],
      pythonHasMoto: async () => false,
      localStackVenvs: [],
    });
    assert.ok(launcher, 'this repository has .venv/bin/moto_server (scripts/ensure-moto.sh)');
    const child = spawn('sh', ['-c', `exec ${launcher.command}`], {
      cwd: launcher.cwd,
      detached: true,
      stdio: 'ignore',
    });
    try {
      let result = await detectBackend(`http://127.0.0.1:${port}`, { timeoutMs: 1000 });
      for (let i = 0; i < 100 && !result.reachable; i++) {
        await new Promise((r) => setTimeout(r, 100));
        result = await detectBackend(`http://127.0.0.1:${port}`, { timeoutMs: 1000 });
      }
      assert.ok(result.reachable && result.backend.kind === 'moto', JSON.stringify(result));
    } finally {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    }
  });
});
