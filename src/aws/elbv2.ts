// Elastic Load Balancing v2: target groups with their registered targets, load balancers with their listeners.
// Plain records out (the week 4 checks read them).
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { AwsClients } from './clients';

export interface TargetGroupRecord {
  readonly arn: string;
  readonly name: string;
  /** The health check path (HTTP) or, without one, its protocol. */
  readonly healthCheck?: string;
}

export interface LoadBalancerRecord {
  readonly arn: string;
  readonly name: string;
}

export interface ListenerRecord {
  readonly protocol?: string;
  readonly port?: number;
  /** True when a default action forwards to a target group. */
  readonly forwards: boolean;
}

export async function listTargetGroups(clients: AwsClients, max: number): Promise<TargetGroupRecord[]> {
  const out = await clients.elbv2().send(new DescribeTargetGroupsCommand({ PageSize: max }));
  return (out.TargetGroups ?? []).map((tg) => {
    const healthCheck = tg.HealthCheckPath ?? tg.HealthCheckProtocol;
    return { arn: tg.TargetGroupArn ?? '', name: tg.TargetGroupName ?? '', ...(healthCheck ? { healthCheck } : {}) };
  });
}

/** Ids of the targets registered with a target group. */
export async function registeredTargets(clients: AwsClients, targetGroupArn: string): Promise<string[]> {
  const out = await clients.elbv2().send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }));
  return (out.TargetHealthDescriptions ?? []).map((t) => t.Target?.Id ?? '');
}

export async function listLoadBalancers(clients: AwsClients, max: number): Promise<LoadBalancerRecord[]> {
  const out = await clients.elbv2().send(new DescribeLoadBalancersCommand({ PageSize: max }));
  return (out.LoadBalancers ?? []).map((lb) => ({ arn: lb.LoadBalancerArn ?? '', name: lb.LoadBalancerName ?? '' }));
}

export async function listListeners(clients: AwsClients, loadBalancerArn: string): Promise<ListenerRecord[]> {
  const out = await clients.elbv2().send(new DescribeListenersCommand({ LoadBalancerArn: loadBalancerArn }));
  return (out.Listeners ?? []).map((l) => ({
    ...(l.Protocol ? { protocol: l.Protocol } : {}),
    ...(l.Port !== undefined ? { port: l.Port } : {}),
    forwards: (l.DefaultActions ?? []).some((a) => a.Type === 'forward' && (!!a.TargetGroupArn || !!a.ForwardConfig)),
  }));
}
