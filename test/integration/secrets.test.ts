// Secrets Manager, AWS side: list shows names only; the value is read on request; create, update, delete with a
// recovery window and restore.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import {
  checkSecretName,
  createSecret,
  deleteSecret,
  describeSecret,
  getSecretValue,
  listSecrets,
  restoreSecret,
  updateSecretValue,
} from '../../src/aws/secretsManager';
import secretsExplorer from '../../src/explorer/services/secrets';
import { useLab } from '../support/fixtures';

describe('Secrets Manager (moto)', () => {
  const lab = useLab();
  beforeEach(async () => {
    await createSecret(lab.clients, { name: 'prod/db', value: 's3cr3t', description: 'database password' });
  });

  it('lists names and descriptions without values', async () => {
    const { secrets } = await listSecrets(lab.clients);
    assert.equal(secrets.length, 1);
    assert.equal(secrets[0]!.name, 'prod/db');
    assert.equal(secrets[0]!.description, 'database password');
    assert.ok(!JSON.stringify(secrets).includes('s3cr3t'));
  });

  it('reveals, then updates the value', async () => {
    assert.equal((await getSecretValue(lab.clients, 'prod/db')).text, 's3cr3t');
    const version = await updateSecretValue(lab.clients, { id: 'prod/db', value: 'n3w' });
    assert.ok(version);
    const now = await getSecretValue(lab.clients, 'prod/db');
    assert.equal(now.text, 'n3w');
    assert.equal(now.versionId, version);
  });

  it('deletes with a recovery window, then restores', async () => {
    await assert.rejects(deleteSecret(lab.clients, { id: 'prod/db', recoveryDays: 3 }), /7 to 30 days/);
    const out = await deleteSecret(lab.clients, { id: 'prod/db', recoveryDays: 7 });
    assert.ok(out.deletionDate && Date.parse(out.deletionDate) > Date.now() + 6 * 86_400_000);
    assert.ok((await describeSecret(lab.clients, 'prod/db')).deletionDate);
    await assert.rejects(getSecretValue(lab.clients, 'prod/db'), /InvalidRequest|deleted|deletion/i);
    await restoreSecret(lab.clients, 'prod/db');
    assert.equal((await describeSecret(lab.clients, 'prod/db')).deletionDate, undefined);
    assert.equal((await getSecretValue(lab.clients, 'prod/db')).text, 's3cr3t');
  });

  it('checks names and names the reason for a duplicate', async () => {
    assert.match(checkSecretName('a b') ?? '', /letters, digits/);
    assert.equal(checkSecretName('team/app-1'), undefined);
    await assert.rejects(createSecret(lab.clients, { name: 'prod/db', value: 'x' }), /ResourceExists|already exists/i);
  });

  it('shows secrets in the explorer by name, never with their value', async () => {
    const signal = new AbortController().signal;
    const page = await secretsExplorer.children(undefined, { clients: lab.clients, signal, pageSize: 50 });
    assert.equal(page.nodes.length, 1);
    assert.equal(page.nodes[0]!.label, 'prod/db');
    assert.equal(page.nodes[0]!.contextValue, 'lcl.secrets.secret');
    assert.ok(!JSON.stringify(page.nodes).includes('s3cr3t'), 'no value anywhere in the node');
    await deleteSecret(lab.clients, { id: 'prod/db', recoveryDays: 7 });
    const after = await secretsExplorer.children(undefined, { clients: lab.clients, signal, pageSize: 50 });
    assert.equal(after.nodes[0]!.contextValue, 'lcl.secrets.secret.deleted');
    assert.match(after.nodes[0]!.description ?? '', /deletion scheduled/);
  });
});
