// One place that builds AWS SDK v3 clients for the resolved connection. Each client is created on first use and
// shares the same endpoint, region, credentials and short local-emulator timeouts. `dispose()` closes their sockets.
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { IAMClient } from '@aws-sdk/client-iam';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { KMSClient } from '@aws-sdk/client-kms';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { endpointFor, type ResolvedConnection, type ServiceKey } from './connection';

export interface ClientTuning {
  /** Milliseconds to wait for a TCP connection (a local emulator answers in well under a second). */
  readonly connectionTimeoutMs: number;
  /** Milliseconds a socket may stay idle during a request before it is abandoned. */
  readonly requestTimeoutMs: number;
  /** Total attempts per call, including the first. */
  readonly maxAttempts: number;
}

export const LOCAL_TUNING: ClientTuning = { connectionTimeoutMs: 5_000, requestTimeoutMs: 30_000, maxAttempts: 2 };

interface Destroyable {
  destroy(): void;
}

/** The common constructor options every client gets; the endpoint is the service's own when it has one. */
function baseConfig(connection: ResolvedConnection, service: ServiceKey, tuning: ClientTuning) {
  const credentials =
    connection.credentials.kind === 'static'
      ? {
          credentials: {
            accessKeyId: connection.credentials.accessKeyId,
            secretAccessKey: connection.credentials.secretAccessKey,
          },
        }
      : { profile: connection.credentials.profile };
  return {
    endpoint: endpointFor(connection, service),
    region: connection.region,
    maxAttempts: tuning.maxAttempts,
    requestHandler: { connectionTimeout: tuning.connectionTimeoutMs, requestTimeout: tuning.requestTimeoutMs },
    ...credentials,
  };
}

export class AwsClients {
  private readonly made = new Map<string, Destroyable>();
  private disposed = false;

  constructor(
    readonly connection: ResolvedConnection,
    private readonly tuning: ClientTuning = LOCAL_TUNING,
  ) {}

  private get<T extends Destroyable>(key: string, make: () => T): T {
    if (this.disposed) throw new Error('AWS clients were disposed (the connection settings changed)');
    let client = this.made.get(key) as T | undefined;
    if (!client) {
      client = make();
      this.made.set(key, client);
    }
    return client;
  }

  private config(service: ServiceKey) {
    return baseConfig(this.connection, service, this.tuning);
  }

  /** S3 with path-style addressing: local emulators do not serve virtual-hosted buckets reliably. */
  s3(): S3Client {
    return this.get('s3', () => new S3Client({ ...this.config('s3'), forcePathStyle: true }));
  }
  sqs(): SQSClient {
    return this.get('sqs', () => new SQSClient(this.config('sqs')));
  }
  /** Kinesis defaults to an HTTP/2 handler, which plain-HTTP emulators (moto, LocalStack on :4566) do not speak. */
  kinesis(): KinesisClient {
    return this.get('kinesis', () => {
      const config = this.config('kinesis');
      return new KinesisClient({ ...config, requestHandler: new NodeHttpHandler(config.requestHandler) });
    });
  }
  dynamodb(): DynamoDBClient {
    return this.get('dynamodb', () => new DynamoDBClient(this.config('dynamodb')));
  }
  iam(): IAMClient {
    return this.get('iam', () => new IAMClient(this.config('iam')));
  }
  sns(): SNSClient {
    return this.get('sns', () => new SNSClient(this.config('sns')));
  }
  lambda(): LambdaClient {
    return this.get('lambda', () => new LambdaClient(this.config('lambda')));
  }
  secretsManager(): SecretsManagerClient {
    return this.get('secretsManager', () => new SecretsManagerClient(this.config('secretsmanager')));
  }
  kms(): KMSClient {
    return this.get('kms', () => new KMSClient(this.config('kms')));
  }
  sts(): STSClient {
    return this.get('sts', () => new STSClient(this.config('sts')));
  }
  ec2(): EC2Client {
    return this.get('ec2', () => new EC2Client(this.config('ec2')));
  }
  autoScaling(): AutoScalingClient {
    return this.get('autoScaling', () => new AutoScalingClient(this.config('autoscaling')));
  }
  elbv2(): ElasticLoadBalancingV2Client {
    return this.get('elbv2', () => new ElasticLoadBalancingV2Client(this.config('elbv2')));
  }
  logs(): CloudWatchLogsClient {
    return this.get('logs', () => new CloudWatchLogsClient(this.config('logs')));
  }
  apiGateway(): APIGatewayClient {
    return this.get('apiGateway', () => new APIGatewayClient(this.config('apigateway')));
  }
  apiGatewayV2(): ApiGatewayV2Client {
    return this.get('apiGatewayV2', () => new ApiGatewayV2Client(this.config('apigatewayv2')));
  }
  sfn(): SFNClient {
    return this.get('sfn', () => new SFNClient(this.config('sfn')));
  }
  eventBridge(): EventBridgeClient {
    return this.get('eventBridge', () => new EventBridgeClient(this.config('eventbridge')));
  }

  /** Which clients have been created so far (tests check laziness with it). */
  created(): readonly string[] {
    return [...this.made.keys()];
  }

  dispose(): void {
    this.disposed = true;
    for (const client of this.made.values()) client.destroy();
    this.made.clear();
  }
}
