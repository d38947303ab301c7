// KMS: keys with their aliases, state and usage; encrypt and decrypt text (ciphertext travels as base64).
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GetKeyRotationStatusCommand,
  ListAliasesCommand,
  ListKeysCommand,
} from '@aws-sdk/client-kms';
import type { AwsClients } from './clients';

interface Signal {
  readonly signal?: AbortSignal;
}
const opts = (s?: Signal) => (s?.signal ? { abortSignal: s.signal } : {});

export interface KeyRecord {
  readonly keyId: string;
  readonly arn: string;
  readonly aliases: readonly string[];
  readonly state?: string;
  readonly usage?: string;
  readonly spec?: string;
  readonly description?: string;
  readonly enabled: boolean;
  readonly manager?: string;
}

/** One page of keys, described, with their aliases (aliases are read once per page). */
export async function listKeys(
  clients: AwsClients,
  req: { marker?: string; pageSize?: number } & Signal = {},
): Promise<{ keys: KeyRecord[]; next?: string }> {
  const out = await clients
    .kms()
    .send(new ListKeysCommand({ Marker: req.marker, Limit: req.pageSize ?? 50 }), opts(req));
  const aliases = await listAliases(clients, req);
  const keys: KeyRecord[] = [];
  for (const k of out.Keys ?? []) {
    if (!k.KeyId) continue;
    keys.push(await describeKey(clients, k.KeyId, req, aliases));
  }
  return { keys, ...(out.Truncated && out.NextMarker ? { next: out.NextMarker } : {}) };
}

/** Alias names by the key id they point at (every page). */
export async function listAliases(clients: AwsClients, s?: Signal): Promise<Map<string, string[]>> {
  const byKey = new Map<string, string[]>();
  let marker: string | undefined;
  do {
    const out = await clients.kms().send(new ListAliasesCommand({ Marker: marker, Limit: 100 }), opts(s));
    for (const a of out.Aliases ?? []) {
      if (!a.TargetKeyId || !a.AliasName) continue;
      byKey.set(a.TargetKeyId, [...(byKey.get(a.TargetKeyId) ?? []), a.AliasName]);
    }
    marker = out.Truncated ? out.NextMarker : undefined;
  } while (marker);
  return byKey;
}

export async function describeKey(
  clients: AwsClients,
  keyId: string,
  s?: Signal,
  aliases?: Map<string, string[]>,
): Promise<KeyRecord> {
  const out = await clients.kms().send(new DescribeKeyCommand({ KeyId: keyId }), opts(s));
  const m = out.KeyMetadata;
  const id = m?.KeyId ?? keyId;
  const names = (aliases ?? (await listAliases(clients, s))).get(id) ?? [];
  return {
    keyId: id,
    arn: m?.Arn ?? '',
    aliases: names,
    ...(m?.KeyState ? { state: m.KeyState } : {}),
    ...(m?.KeyUsage ? { usage: m.KeyUsage } : {}),
    ...(m?.KeySpec ? { spec: m.KeySpec } : {}),
    ...(m?.Description ? { description: m.Description } : {}),
    enabled: m?.Enabled ?? false,
    ...(m?.KeyManager ? { manager: m.KeyManager } : {}),
  };
}

export async function keyRotationEnabled(clients: AwsClients, keyId: string, s?: Signal): Promise<boolean> {
  const out = await clients.kms().send(new GetKeyRotationStatusCommand({ KeyId: keyId }), opts(s));
  return out.KeyRotationEnabled === true;
}

/** Encrypts UTF-8 text (at most 4096 bytes, KMS's limit) and returns the ciphertext blob as base64. */
export async function encryptText(clients: AwsClients, req: { keyId: string; text: string } & Signal): Promise<string> {
  const bytes = new TextEncoder().encode(req.text);
  if (bytes.length === 0) throw new Error('There is nothing to encrypt.');
  if (bytes.length > 4096)
    throw new Error('KMS encrypts at most 4096 bytes directly; use envelope encryption for more.');
  const out = await clients.kms().send(new EncryptCommand({ KeyId: req.keyId, Plaintext: bytes }), opts(req));
  if (!out.CiphertextBlob) throw new Error('the emulator returned no ciphertext');
  return Buffer.from(out.CiphertextBlob).toString('base64');
}

/** Decrypts a base64 ciphertext blob; the text comes back as UTF-8 (or base64 when it is not text). */
export async function decryptText(
  clients: AwsClients,
  req: { ciphertextBase64: string; keyId?: string } & Signal,
): Promise<{ text?: string; base64: string; keyId?: string }> {
  const b64 = req.ciphertextBase64.replace(/\s+/g, '');
  if (!b64 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) {
    throw new Error('The ciphertext must be base64 (as Encrypt returned it).');
  }
  const out = await clients
    .kms()
    .send(new DecryptCommand({ CiphertextBlob: Buffer.from(b64, 'base64'), KeyId: req.keyId || undefined }), opts(req));
  const plain = out.Plaintext ?? new Uint8Array();
  let text: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    text = undefined;
  }
  return {
    ...(text !== undefined ? { text } : {}),
    base64: Buffer.from(plain).toString('base64'),
    ...(out.KeyId ? { keyId: out.KeyId } : {}),
  };
}

export async function createKey(
  clients: AwsClients,
  req: { description?: string; alias?: string } & Signal = {},
): Promise<KeyRecord> {
  const out = await clients
    .kms()
    .send(
      new CreateKeyCommand({ Description: req.description, KeyUsage: 'ENCRYPT_DECRYPT', KeySpec: 'SYMMETRIC_DEFAULT' }),
      opts(req),
    );
  const keyId = out.KeyMetadata?.KeyId;
  if (!keyId) throw new Error('the emulator returned no key id');
  if (req.alias) {
    const alias = req.alias.startsWith('alias/') ? req.alias : `alias/${req.alias}`;
    await clients.kms().send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: keyId }), opts(req));
  }
  return describeKey(clients, keyId, req);
}
