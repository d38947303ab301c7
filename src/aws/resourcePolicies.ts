// The resource-based policy of an S3 bucket, SQS queue, SNS topic or KMS key named by an ARN, as JSON text: what
// "Explain Access" evaluates next to the policy file. Undefined when the resource has none (or is of another kind).
import { GetKeyPolicyCommand } from '@aws-sdk/client-kms';
import { GetQueueAttributesCommand, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import { GetTopicAttributesCommand } from '@aws-sdk/client-sns';
import type { AwsClients } from './clients';
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
