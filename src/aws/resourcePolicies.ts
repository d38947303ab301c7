// The policies "Explain Access" evaluates next to the policy file, read from the emulator as JSON text: the
// resource-based policy of an S3 bucket, SQS queue, SNS topic or KMS key named by an ARN, and the identity-based
// policies and permissions boundary of an IAM user or role.
import { GetRoleCommand, GetUserCommand } from '@aws-sdk/client-iam';
import { GetKeyPolicyCommand } from '@aws-sdk/client-kms';
import { GetQueueAttributesCommand, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import { GetTopicAttributesCommand } from '@aws-sdk/client-sns';
import type { AwsClients } from './clients';
import { getInlinePolicyDocument, getManagedPolicyDocument, listAttachedPolicies, listInlinePolicies } from './iam';
import { getBucketPolicy } from './s3';

export interface ResourcePolicy {
  /** How to name it in answers, e.g. `s3://orders (bucket policy)`. */
  readonly label: string;
  readonly text: string;
}

export async function resourcePolicyOf(clients: AwsClients, arn: string): Promise<ResourcePolicy | undefined> {
  const bucket = /^arn:aws[a-z-]*:s3:::([^/*?]+)/.exec(arn)?.[1];
  if (bucket) {
    const text = await getBucketPolicy(clients, bucket);
    return text ? { label: `s3://${bucket} (bucket policy)`, text } : undefined;
  }
  const parts = arn.split(':');
  const [, , service, , account, ...rest] = parts;
  const name = rest.join(':');
  if (parts.length < 6 || !name || /[*?]/.test(arn)) return undefined;
  if (service === 'sqs') {
    const url = await clients.sqs().send(new GetQueueUrlCommand({ QueueName: name, QueueOwnerAWSAccountId: account }));
    const out = await clients
      .sqs()
      .send(new GetQueueAttributesCommand({ QueueUrl: url.QueueUrl, AttributeNames: ['Policy'] }));
    const text = out.Attributes?.Policy;
    return text ? { label: `${name} (queue policy)`, text } : undefined;
  }
  if (service === 'sns') {
    const out = await clients.sns().send(new GetTopicAttributesCommand({ TopicArn: arn }));
    const text = out.Attributes?.Policy;
    return text ? { label: `${name} (topic policy)`, text } : undefined;
  }
  if (service === 'kms' && name.startsWith('key/')) {
    const out = await clients.kms().send(new GetKeyPolicyCommand({ KeyId: arn, PolicyName: 'default' }));
    return out.Policy ? { label: `${name} (key policy)`, text: out.Policy } : undefined;
  }
  return undefined;
}

export interface PrincipalPolicies {
  /** Inline and attached managed policies, labelled `user alice / inline orders`, `role app / ReadOnly`. */
  readonly identity: readonly ResourcePolicy[];
  readonly boundary?: ResourcePolicy;
}

/**
 * The policies of the IAM user or role an ARN names (a role session: its role), or undefined when the ARN names
 * neither or the emulator does not know it.
 */
export async function principalPoliciesOf(clients: AwsClients, arn: string): Promise<PrincipalPolicies | undefined> {
  const m =
    /^arn:aws[a-z-]*:iam::\d{12}:(user|role)\/(?:.*\/)?([^/]+)$/.exec(arn) ??
    /^arn:aws[a-z-]*:sts::\d{12}:assumed-role\/()([^/]+)\/.+$/.exec(arn);
  if (!m) return undefined;
  const type = m[1] === 'user' ? 'user' : 'role';
  const name = m[2]!;
  let boundaryArn: string | undefined;
  try {
    const entity =
      type === 'user'
        ? (await clients.iam().send(new GetUserCommand({ UserName: name }))).User
        : (await clients.iam().send(new GetRoleCommand({ RoleName: name }))).Role;
    boundaryArn = entity?.PermissionsBoundary?.PermissionsBoundaryArn;
  } catch {
    return undefined;
  }
  const identity: ResourcePolicy[] = [];
  for (const policy of await listInlinePolicies(clients, type, name)) {
    const text = await getInlinePolicyDocument(clients, type, name, policy);
    identity.push({ label: `${type} ${name} / inline ${policy}`, text });
  }
  for (const attached of await listAttachedPolicies(clients, type, name)) {
    const { document } = await getManagedPolicyDocument(clients, attached.arn);
    identity.push({ label: `${type} ${name} / ${attached.name}`, text: document });
  }
  if (!boundaryArn) return { identity };
  const { document } = await getManagedPolicyDocument(clients, boundaryArn);
  return {
    identity,
    boundary: { label: `${type} ${name} / boundary ${boundaryArn.split('/').pop()}`, text: document },
  };
}
