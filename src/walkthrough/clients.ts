// Clients the explorer does not use but the week 4 checks need (Auto Scaling, ELBv2), built lazily from the same
// resolved connection and tuning as AwsClients. Kept apart from src/aws so the explorer's layer stays as it is.
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { LOCAL_TUNING, type ClientTuning } from '../aws/clients';
import type { ResolvedConnection } from '../aws/connection';
import type { ComputeClients } from './checks/types';

export class LazyComputeClients implements ComputeClients {
  private scaling: AutoScalingClient | undefined;
  private lb: ElasticLoadBalancingV2Client | undefined;

  constructor(
    private readonly connection: ResolvedConnection,
    private readonly tuning: ClientTuning = LOCAL_TUNING,
  ) {}

  private config() {
    const c = this.connection;
    return {
      endpoint: c.endpoint,
      region: c.region,
      maxAttempts: this.tuning.maxAttempts,
      requestHandler: {
        connectionTimeout: this.tuning.connectionTimeoutMs,
        requestTimeout: this.tuning.requestTimeoutMs,
      },
      ...(c.credentials.kind === 'static'
        ? { credentials: { accessKeyId: c.credentials.accessKeyId, secretAccessKey: c.credentials.secretAccessKey } }
        : { profile: c.credentials.profile }),
    };
  }

  /** The connection these clients were built for (a new connection means new clients). */
  connectionOf(): ResolvedConnection {
    return this.connection;
  }

  autoScaling(): AutoScalingClient {
    this.scaling ??= new AutoScalingClient(this.config());
    return this.scaling;
  }

  elbv2(): ElasticLoadBalancingV2Client {
    this.lb ??= new ElasticLoadBalancingV2Client(this.config());
    return this.lb;
  }

  dispose(): void {
    this.scaling?.destroy();
    this.lb?.destroy();
    this.scaling = undefined;
    this.lb = undefined;
  }
}
