// Empties an emulator that has no reset endpoint (LocalStack community has none: /_localstack/state/reset is a
// paid feature): deletes, through the AWS APIs, everything the tests create — buckets with their objects, queues,
// topics, streams, IAM users/roles/groups/policies, functions, secrets, KMS aliases (keys can only be scheduled for
// deletion), log groups, REST APIs, state machines, EventBridge rules and buses and the EC2 networking of the week 2 exercises. Errors on one resource do not stop the rest.
import * as apigateway from '@aws-sdk/client-api-gateway';
import * as logs from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client, type Filter } from '@aws-sdk/client-ec2';
import * as events from '@aws-sdk/client-eventbridge';
import * as sfn from '@aws-sdk/client-sfn';
import * as ec2 from '@aws-sdk/client-ec2';
import * as iam from '@aws-sdk/client-iam';
import * as kinesis from '@aws-sdk/client-kinesis';
import * as kms from '@aws-sdk/client-kms';
import * as lambda from '@aws-sdk/client-lambda';
import * as s3 from '@aws-sdk/client-s3';
import * as secrets from '@aws-sdk/client-secrets-manager';
import * as sns from '@aws-sdk/client-sns';
import * as sqs from '@aws-sdk/client-sqs';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { SdkConfig } from './moto';

async function each<T>(items: Iterable<T>, fn: (item: T) => Promise<unknown>): Promise<void> {
  await Promise.all([...items].map((i) => fn(i).catch(() => undefined)));
}

async function sweepS3(config: SdkConfig): Promise<void> {
  const c = new s3.S3Client(config);
  try {
    const { Buckets = [] } = await c.send(new s3.ListBucketsCommand({}));
    await each(Buckets, async ({ Name: Bucket }) => {
      for (;;) {
        const page = await c.send(new s3.ListObjectVersionsCommand({ Bucket, MaxKeys: 1000 }));
        const objects = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].map((v) => ({
          Key: v.Key,
          VersionId: v.VersionId,
        }));
        if (objects.length === 0) break;
        await c.send(new s3.DeleteObjectsCommand({ Bucket, Delete: { Objects: objects, Quiet: true } }));
      }
      const uploads = await c.send(new s3.ListMultipartUploadsCommand({ Bucket }));
      await each(uploads.Uploads ?? [], (u) =>
        c.send(new s3.AbortMultipartUploadCommand({ Bucket, Key: u.Key, UploadId: u.UploadId })),
      );
      await c.send(new s3.DeleteBucketCommand({ Bucket }));
    });
  } finally {
    c.destroy();
  }
}

async function sweepSqs(config: SdkConfig): Promise<void> {
  const c = new sqs.SQSClient(config);
  try {
    for (;;) {
      const { QueueUrls = [] } = await c.send(new sqs.ListQueuesCommand({ MaxResults: 1000 }));
      if (QueueUrls.length === 0) break;
      await each(QueueUrls, (QueueUrl) => c.send(new sqs.DeleteQueueCommand({ QueueUrl })));
      if (QueueUrls.length < 1000) break;
    }
  } finally {
    c.destroy();
  }
}

async function sweepSns(config: SdkConfig): Promise<void> {
  const c = new sns.SNSClient(config);
  try {
    // Everything is listed before anything is deleted: deleting while paging would skip the later pages.
    // Subscriptions go first, on their own: nothing says an emulator drops them with their topic.
    const subscriptions: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await c.send(new sns.ListSubscriptionsCommand({ NextToken }));
      for (const s of page.Subscriptions ?? [])
        if (s.SubscriptionArn?.startsWith('arn:')) subscriptions.push(s.SubscriptionArn);
      NextToken = page.NextToken;
    } while (NextToken);
    await each(subscriptions, (SubscriptionArn) => c.send(new sns.UnsubscribeCommand({ SubscriptionArn })));
    const topics: string[] = [];
    do {
      const page = await c.send(new sns.ListTopicsCommand({ NextToken }));
      for (const t of page.Topics ?? []) if (t.TopicArn) topics.push(t.TopicArn);
      NextToken = page.NextToken;
    } while (NextToken);
    await each(topics, (TopicArn) => c.send(new sns.DeleteTopicCommand({ TopicArn })));
  } finally {
    c.destroy();
  }
}

async function sweepKinesis(config: SdkConfig): Promise<void> {
  const c = new kinesis.KinesisClient({ ...config, requestHandler: new NodeHttpHandler() });
  try {
    const { StreamNames = [] } = await c.send(new kinesis.ListStreamsCommand({ Limit: 1000 }));
    await each(StreamNames, (StreamName) =>
      c.send(new kinesis.DeleteStreamCommand({ StreamName, EnforceConsumerDeletion: true })),
    );
    // Deletion is asynchronous: wait until the names are gone, so a test may create the same stream again.
    const deadline = Date.now() + 15_000;
    while (StreamNames.length > 0 && Date.now() < deadline) {
      const left = await c.send(new kinesis.ListStreamsCommand({ Limit: 1000 }));
      if ((left.StreamNames ?? []).length === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    c.destroy();
  }
}

async function sweepIam(config: SdkConfig): Promise<void> {
  const c = new iam.IAMClient(config);
  try {
    const detachAll = async (kind: 'User' | 'Role' | 'Group', name: string): Promise<void> => {
      if (kind === 'User') {
        const attached = await c.send(new iam.ListAttachedUserPoliciesCommand({ UserName: name }));
        await each(attached.AttachedPolicies ?? [], (p) =>
          c.send(new iam.DetachUserPolicyCommand({ UserName: name, PolicyArn: p.PolicyArn })),
        );
        const inline = await c.send(new iam.ListUserPoliciesCommand({ UserName: name }));
        await each(inline.PolicyNames ?? [], (PolicyName) =>
          c.send(new iam.DeleteUserPolicyCommand({ UserName: name, PolicyName })),
        );
        const keys = await c.send(new iam.ListAccessKeysCommand({ UserName: name }));
        await each(keys.AccessKeyMetadata ?? [], (k) =>
          c.send(new iam.DeleteAccessKeyCommand({ UserName: name, AccessKeyId: k.AccessKeyId })),
        );
        const groups = await c.send(new iam.ListGroupsForUserCommand({ UserName: name }));
        await each(groups.Groups ?? [], (g) =>
          c.send(new iam.RemoveUserFromGroupCommand({ UserName: name, GroupName: g.GroupName })),
        );
        await c.send(new iam.DeleteLoginProfileCommand({ UserName: name })).catch(() => undefined);
      } else if (kind === 'Role') {
        const attached = await c.send(new iam.ListAttachedRolePoliciesCommand({ RoleName: name }));
        await each(attached.AttachedPolicies ?? [], (p) =>
          c.send(new iam.DetachRolePolicyCommand({ RoleName: name, PolicyArn: p.PolicyArn })),
        );
        const inline = await c.send(new iam.ListRolePoliciesCommand({ RoleName: name }));
        await each(inline.PolicyNames ?? [], (PolicyName) =>
          c.send(new iam.DeleteRolePolicyCommand({ RoleName: name, PolicyName })),
        );
        const profiles = await c.send(new iam.ListInstanceProfilesForRoleCommand({ RoleName: name }));
        await each(profiles.InstanceProfiles ?? [], (p) =>
          c.send(
            new iam.RemoveRoleFromInstanceProfileCommand({
              RoleName: name,
              InstanceProfileName: p.InstanceProfileName,
            }),
          ),
        );
      } else {
        const attached = await c.send(new iam.ListAttachedGroupPoliciesCommand({ GroupName: name }));
        await each(attached.AttachedPolicies ?? [], (p) =>
          c.send(new iam.DetachGroupPolicyCommand({ GroupName: name, PolicyArn: p.PolicyArn })),
        );
        const inline = await c.send(new iam.ListGroupPoliciesCommand({ GroupName: name }));
        await each(inline.PolicyNames ?? [], (PolicyName) =>
          c.send(new iam.DeleteGroupPolicyCommand({ GroupName: name, PolicyName })),
        );
      }
    };
    const users = (await c.send(new iam.ListUsersCommand({ MaxItems: 1000 }))).Users ?? [];
    await each(users, async (u) => {
      await detachAll('User', u.UserName!);
      await c.send(new iam.DeleteUserCommand({ UserName: u.UserName }));
    });
    // Service-linked and LocalStack's own roles live under /aws-service-role/ and cannot be deleted this way.
    const roles = ((await c.send(new iam.ListRolesCommand({ MaxItems: 1000 }))).Roles ?? []).filter(
      (r) => !r.Path?.startsWith('/aws-service-role/'),
    );
    await each(roles, async (r) => {
      await detachAll('Role', r.RoleName!);
      await c.send(new iam.DeleteRoleCommand({ RoleName: r.RoleName }));
    });
    const groups = (await c.send(new iam.ListGroupsCommand({ MaxItems: 1000 }))).Groups ?? [];
    await each(groups, async (g) => {
      await detachAll('Group', g.GroupName!);
      await c.send(new iam.DeleteGroupCommand({ GroupName: g.GroupName }));
    });
    const profiles = (await c.send(new iam.ListInstanceProfilesCommand({ MaxItems: 1000 }))).InstanceProfiles ?? [];
    await each(profiles, (p) =>
      c.send(new iam.DeleteInstanceProfileCommand({ InstanceProfileName: p.InstanceProfileName })),
    );
    const policies = (await c.send(new iam.ListPoliciesCommand({ Scope: 'Local', MaxItems: 1000 }))).Policies ?? [];
    await each(policies, async (p) => {
      const versions = await c.send(new iam.ListPolicyVersionsCommand({ PolicyArn: p.Arn }));
      await each(
        (versions.Versions ?? []).filter((v) => !v.IsDefaultVersion),
        (v) => c.send(new iam.DeletePolicyVersionCommand({ PolicyArn: p.Arn, VersionId: v.VersionId })),
      );
      await c.send(new iam.DeletePolicyCommand({ PolicyArn: p.Arn }));
    });
  } finally {
    c.destroy();
  }
}

async function sweepLambda(config: SdkConfig): Promise<void> {
  const c = new lambda.LambdaClient(config);
  try {
    const mappings = await c.send(new lambda.ListEventSourceMappingsCommand({}));
    await each(mappings.EventSourceMappings ?? [], (m) =>
      c.send(new lambda.DeleteEventSourceMappingCommand({ UUID: m.UUID })),
    );
    const { Functions = [] } = await c.send(new lambda.ListFunctionsCommand({ MaxItems: 1000 }));
    await each(Functions, (f) => c.send(new lambda.DeleteFunctionCommand({ FunctionName: f.FunctionName })));
  } finally {
    c.destroy();
  }
}

async function sweepSecrets(config: SdkConfig): Promise<void> {
  const c = new secrets.SecretsManagerClient(config);
  try {
    const { SecretList = [] } = await c.send(
      new secrets.ListSecretsCommand({ MaxResults: 100, IncludePlannedDeletion: true }),
    );
    await each(SecretList, (s) =>
      c.send(new secrets.DeleteSecretCommand({ SecretId: s.ARN, ForceDeleteWithoutRecovery: true })),
    );
  } finally {
    c.destroy();
  }
}

/** KMS keys cannot be deleted at once anywhere: disable and schedule the live ones; aliases go for good. */
async function sweepKms(config: SdkConfig): Promise<void> {
  const c = new kms.KMSClient(config);
  try {
    const { Aliases = [] } = await c.send(new kms.ListAliasesCommand({ Limit: 1000 }));
    await each(
      Aliases.filter((a) => !a.AliasName?.startsWith('alias/aws/')),
      (a) => c.send(new kms.DeleteAliasCommand({ AliasName: a.AliasName })),
    );
    const { Keys = [] } = await c.send(new kms.ListKeysCommand({ Limit: 1000 }));
    await each(Keys, async (k) => {
      const d = await c.send(new kms.DescribeKeyCommand({ KeyId: k.KeyId }));
      if (d.KeyMetadata?.KeyManager !== 'CUSTOMER' || d.KeyMetadata.KeyState === 'PendingDeletion') return;
      await c.send(new kms.ScheduleKeyDeletionCommand({ KeyId: k.KeyId, PendingWindowInDays: 7 }));
    });
  } finally {
    c.destroy();
  }
}

/** The week 2 networking: every non-default VPC with what hangs off it. */
async function sweepEc2(config: SdkConfig): Promise<void> {
  const c = new EC2Client(config);
  try {
    const vpcs = ((await c.send(new ec2.DescribeVpcsCommand({}))).Vpcs ?? []).filter((v) => !v.IsDefault);
    await each(vpcs, async ({ VpcId }) => {
      const byVpc: Filter[] = [{ Name: 'vpc-id', Values: [VpcId!] }];
      const instances = await c.send(new ec2.DescribeInstancesCommand({ Filters: byVpc }));
      const ids = (instances.Reservations ?? []).flatMap((r) => r.Instances ?? []).map((i) => i.InstanceId!);
      if (ids.length) await c.send(new ec2.TerminateInstancesCommand({ InstanceIds: ids }));
      const nats = await c.send(new ec2.DescribeNatGatewaysCommand({ Filter: byVpc }));
      await each(nats.NatGateways ?? [], (n) =>
        c.send(new ec2.DeleteNatGatewayCommand({ NatGatewayId: n.NatGatewayId })),
      );
      const igws = await c.send(
        new ec2.DescribeInternetGatewaysCommand({ Filters: [{ Name: 'attachment.vpc-id', Values: [VpcId!] }] }),
      );
      await each(igws.InternetGateways ?? [], async (g) => {
        await c.send(new ec2.DetachInternetGatewayCommand({ InternetGatewayId: g.InternetGatewayId, VpcId }));
        await c.send(new ec2.DeleteInternetGatewayCommand({ InternetGatewayId: g.InternetGatewayId }));
      });
      // Route tables before subnets: LocalStack 4.14 keeps a deleted subnet's association, which then blocks
      // deleting its route table and so the VPC.
      const tables = await c.send(new ec2.DescribeRouteTablesCommand({ Filters: byVpc }));
      const own = (tables.RouteTables ?? []).filter((t) => !(t.Associations ?? []).some((a) => a.Main));
      await each(
        own.flatMap((t) => t.Associations ?? []),
        (a) => c.send(new ec2.DisassociateRouteTableCommand({ AssociationId: a.RouteTableAssociationId })),
      );
      await each(own, (t) => c.send(new ec2.DeleteRouteTableCommand({ RouteTableId: t.RouteTableId })));
      const subnets = await c.send(new ec2.DescribeSubnetsCommand({ Filters: byVpc }));
      await each(subnets.Subnets ?? [], (s) => c.send(new ec2.DeleteSubnetCommand({ SubnetId: s.SubnetId })));
      const groups = await c.send(new ec2.DescribeSecurityGroupsCommand({ Filters: byVpc }));
      await each(
        (groups.SecurityGroups ?? []).filter((g) => g.GroupName !== 'default'),
        (g) => c.send(new ec2.DeleteSecurityGroupCommand({ GroupId: g.GroupId })),
      );
      await c.send(new ec2.DeleteVpcCommand({ VpcId }));
    });
    // Addresses and groups made in the default VPC.
    const addresses = await c.send(new ec2.DescribeAddressesCommand({}));
    await each(addresses.Addresses ?? [], (a) =>
      c.send(new ec2.ReleaseAddressCommand({ AllocationId: a.AllocationId })),
    );
    const groups = await c.send(new ec2.DescribeSecurityGroupsCommand({}));
    await each(
      (groups.SecurityGroups ?? []).filter((g) => g.GroupName !== 'default'),
      (g) => c.send(new ec2.DeleteSecurityGroupCommand({ GroupId: g.GroupId })),
    );
  } finally {
    c.destroy();
  }
}

async function sweepApiGateway(config: SdkConfig): Promise<void> {
  const c = new apigateway.APIGatewayClient(config);
  try {
    const { items = [] } = await c.send(new apigateway.GetRestApisCommand({ limit: 500 }));
    // DeleteRestApi is throttled on AWS; one at a time is plenty for a local emulator.
    for (const api of items)
      await c.send(new apigateway.DeleteRestApiCommand({ restApiId: api.id })).catch(() => undefined);
  } finally {
    c.destroy();
  }
}

async function sweepLogs(config: SdkConfig): Promise<void> {
  const c = new logs.CloudWatchLogsClient(config);
  try {
    const { logGroups = [] } = await c.send(new logs.DescribeLogGroupsCommand({ limit: 50 }));
    await each(logGroups, (g) => c.send(new logs.DeleteLogGroupCommand({ logGroupName: g.logGroupName })));
  } finally {
    c.destroy();
  }
}

async function sweepStepFunctions(config: SdkConfig): Promise<void> {
  const c = new sfn.SFNClient(config);
  try {
    const { stateMachines = [] } = await c.send(new sfn.ListStateMachinesCommand({ maxResults: 1000 }));
    await each(stateMachines, (m) => c.send(new sfn.DeleteStateMachineCommand({ stateMachineArn: m.stateMachineArn })));
  } finally {
    c.destroy();
  }
}

async function sweepEvents(config: SdkConfig): Promise<void> {
  const c = new events.EventBridgeClient(config);
  try {
    const { EventBuses = [] } = await c.send(new events.ListEventBusesCommand({}));
    await each(EventBuses, async ({ Name: bus }) => {
      const { Rules = [] } = await c.send(new events.ListRulesCommand({ EventBusName: bus, Limit: 100 }));
      await each(Rules, async ({ Name: rule }) => {
        const { Targets = [] } = await c.send(new events.ListTargetsByRuleCommand({ EventBusName: bus, Rule: rule }));
        if (Targets.length) {
          await c.send(
            new events.RemoveTargetsCommand({ EventBusName: bus, Rule: rule, Ids: Targets.map((t) => t.Id!) }),
          );
        }
        await c.send(new events.DeleteRuleCommand({ EventBusName: bus, Name: rule }));
      });
      if (bus !== 'default') await c.send(new events.DeleteEventBusCommand({ Name: bus }));
    });
  } finally {
    c.destroy();
  }
}

/** Deletes what the tests create, service by service, side by side. Never throws. */
export async function sweepEmulator(config: SdkConfig): Promise<void> {
  await Promise.all(
    [
      sweepS3,
      sweepSqs,
      sweepSns,
      sweepKinesis,
      sweepIam,
      sweepLambda,
      sweepSecrets,
      sweepKms,
      sweepEc2,
      sweepApiGateway,
      sweepLogs,
      sweepStepFunctions,
      sweepEvents,
    ].map((f) => f(config).catch(() => undefined)),
  );
}
