// Secrets Manager: list, read a value (only when asked), create, update and delete with a recovery window.
// Listing never fetches values: tree labels and tooltips show names and dates only.
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  PutSecretValueCommand,
  RestoreSecretCommand,
} from '@aws-sdk/client-secrets-manager';
import type { AwsClients } from './clients';

interface Signal {
  readonly signal?: AbortSignal;
}
const opts = (s?: Signal) => (s?.signal ? { abortSignal: s.signal } : {});

export interface SecretRecord {
  readonly name: string;
  readonly arn: string;
  readonly description?: string;
  readonly lastChanged?: string;
  /** Set when the secret is scheduled for deletion. */
  readonly deletionDate?: string;
  /** The KMS key the secret is encrypted with, when it is not the default key. */
  readonly kmsKeyId?: string;
  /** Set when rotation is on, with the days between rotations when the service says. */
  readonly rotationEnabled?: true;
  readonly rotationDays?: number;
}

export interface SecretValue {
  readonly versionId?: string;
  /** Exactly one of text or binary (base64). */
  readonly text?: string;
  readonly binaryBase64?: string;
}

export async function listSecrets(
  clients: AwsClients,
  req: { token?: string; pageSize?: number; includeScheduledForDeletion?: boolean } & Signal = {},
): Promise<{ secrets: SecretRecord[]; next?: string }> {
  const out = await clients.secretsManager().send(
    new ListSecretsCommand({
      NextToken: req.token,
      MaxResults: req.pageSize ?? 50,
      IncludePlannedDeletion: req.includeScheduledForDeletion ?? true,
    }),
    opts(req),
  );
  const secrets = (out.SecretList ?? []).map((sec) => ({
    name: sec.Name ?? '',
    arn: sec.ARN ?? '',
    ...(sec.Description ? { description: sec.Description } : {}),
    ...(sec.LastChangedDate ? { lastChanged: sec.LastChangedDate.toISOString() } : {}),
    ...(sec.DeletedDate ? { deletionDate: sec.DeletedDate.toISOString() } : {}),
    ...(sec.KmsKeyId ? { kmsKeyId: sec.KmsKeyId } : {}),
    ...(sec.RotationEnabled ? { rotationEnabled: true as const } : {}),
    ...(sec.RotationRules?.AutomaticallyAfterDays !== undefined
      ? { rotationDays: sec.RotationRules.AutomaticallyAfterDays }
      : {}),
  }));
  return { secrets, ...(out.NextToken ? { next: out.NextToken } : {}) };
}

export async function describeSecret(clients: AwsClients, id: string, s?: Signal): Promise<SecretRecord> {
  const sec = await clients.secretsManager().send(new DescribeSecretCommand({ SecretId: id }), opts(s));
  return {
    name: sec.Name ?? id,
    arn: sec.ARN ?? '',
    ...(sec.Description ? { description: sec.Description } : {}),
    ...(sec.LastChangedDate ? { lastChanged: sec.LastChangedDate.toISOString() } : {}),
    ...(sec.DeletedDate ? { deletionDate: sec.DeletedDate.toISOString() } : {}),
  };
}

/** Reads the current value. Call only on an explicit request from the user. */
export async function getSecretValue(clients: AwsClients, id: string, s?: Signal): Promise<SecretValue> {
  const out = await clients.secretsManager().send(new GetSecretValueCommand({ SecretId: id }), opts(s));
  return {
    ...(out.VersionId ? { versionId: out.VersionId } : {}),
    ...(out.SecretString !== undefined ? { text: out.SecretString } : {}),
    ...(out.SecretBinary ? { binaryBase64: Buffer.from(out.SecretBinary).toString('base64') } : {}),
  };
}

/** Secret names: 1–512 of letters, digits and /_+=.@- (Secrets Manager's rule). */
export function checkSecretName(name: string): string | undefined {
  if (!name) return 'Give the secret a name.';
  if (name.length > 512) return 'A secret name has at most 512 characters.';
  if (!/^[A-Za-z0-9/_+=.@-]+$/.test(name)) return 'A secret name may use letters, digits and / _ + = . @ - only.';
  return undefined;
}

export async function createSecret(
  clients: AwsClients,
  req: { name: string; value: string; description?: string } & Signal,
): Promise<string> {
  const problem = checkSecretName(req.name);
  if (problem) throw new Error(problem);
  const out = await clients
    .secretsManager()
    .send(
      new CreateSecretCommand({ Name: req.name, SecretString: req.value, Description: req.description || undefined }),
      opts(req),
    );
  return out.ARN ?? '';
}

export async function updateSecretValue(
  clients: AwsClients,
  req: { id: string; value: string } & Signal,
): Promise<string | undefined> {
  const out = await clients
    .secretsManager()
    .send(new PutSecretValueCommand({ SecretId: req.id, SecretString: req.value }), opts(req));
  return out.VersionId;
}

/** Schedules deletion after `recoveryDays` (7–30); the secret can be restored until then. */
export async function deleteSecret(
  clients: AwsClients,
  req: { id: string; recoveryDays: number } & Signal,
): Promise<{ deletionDate?: string }> {
  if (!Number.isInteger(req.recoveryDays) || req.recoveryDays < 7 || req.recoveryDays > 30) {
    throw new Error('The recovery window must be 7 to 30 days.');
  }
  const out = await clients
    .secretsManager()
    .send(new DeleteSecretCommand({ SecretId: req.id, RecoveryWindowInDays: req.recoveryDays }), opts(req));
  return out.DeletionDate ? { deletionDate: out.DeletionDate.toISOString() } : {};
}

export async function restoreSecret(clients: AwsClients, id: string, s?: Signal): Promise<void> {
  await clients.secretsManager().send(new RestoreSecretCommand({ SecretId: id }), opts(s));
}
