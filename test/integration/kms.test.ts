// KMS, AWS side: keys with alias, state and usage; encrypt text to base64 ciphertext and decrypt it back.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { createKey, decryptText, encryptText, listKeys } from '../../src/aws/kms';
import kmsExplorer from '../../src/explorer/services/kms';
import { useLab } from '../support/fixtures';

describe('KMS (moto)', () => {
  const lab = useLab();
  let keyId = '';
  beforeEach(async () => {
    keyId = (await createKey(lab.clients, { description: 'orders key', alias: 'orders' })).keyId;
  });

  it('lists keys with alias, state and usage', async () => {
    const { keys } = await listKeys(lab.clients);
    const k = keys.find((x) => x.keyId === keyId);
    assert.ok(k);
    assert.deepEqual(k.aliases, ['alias/orders']);
    assert.equal(k.state, 'Enabled');
    assert.equal(k.usage, 'ENCRYPT_DECRYPT');
    assert.equal(k.description, 'orders key');
    assert.equal(k.enabled, true);
  });

  it('encrypts text to base64 and decrypts it back, by key id or alias', async () => {
    const cipher = await encryptText(lab.clients, { keyId: 'alias/orders', text: 'card 4242 ✓' });
    assert.match(cipher, /^[A-Za-z0-9+/]+=*$/);
    assert.notEqual(cipher, Buffer.from('card 4242 ✓').toString('base64'));
    const plain = await decryptText(lab.clients, { ciphertextBase64: cipher });
    assert.equal(plain.text, 'card 4242 ✓');
  });

  it('rejects empty text, bad base64 and a missing key with reasons', async () => {
    await assert.rejects(encryptText(lab.clients, { keyId, text: '' }), /nothing to encrypt/);
    await assert.rejects(encryptText(lab.clients, { keyId, text: 'x'.repeat(4097) }), /4096 bytes/);
    await assert.rejects(decryptText(lab.clients, { ciphertextBase64: 'not base64!' }), /must be base64/);
    await assert.rejects(
      encryptText(lab.clients, { keyId: 'alias/nope', text: 'x' }),
      /NotFound|not found|does not exist/i,
    );
  });

  it('shows keys in the explorer by alias with state and usage', async () => {
    const page = await kmsExplorer.children(undefined, {
      clients: lab.clients,
      signal: new AbortController().signal,
      pageSize: 50,
    });
    const node = page.nodes.find((n) => n.label === 'alias/orders');
    assert.ok(node);
    assert.match(node.description ?? '', /^Enabled · ENCRYPT_DECRYPT/);
    assert.equal(node.contextValue, 'lcl.kms.key');
  });
});
