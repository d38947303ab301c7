// Auto Scaling groups and their scaling policies, as plain records (the week 4 checks read them).
import { DescribeAutoScalingGroupsCommand, DescribePoliciesCommand } from '@aws-sdk/client-auto-scaling';
import type { AwsClients } from './clients';

export interface AutoScalingGroupRecord {
  readonly name: string;
  readonly minSize: number;
  readonly maxSize: number;
  /** True when instances come from a launch template (directly or through a mixed instances policy). */
  readonly usesLaunchTemplate: boolean;
}

export interface ScalingPolicyRecord {
  readonly name: string;
  readonly group: string;
  readonly type?: string;
}

export async function listAutoScalingGroups(clients: AwsClients, max: number): Promise<AutoScalingGroupRecord[]> {
  const out = await clients.autoScaling().send(new DescribeAutoScalingGroupsCommand({ MaxRecords: max }));
  return (out.AutoScalingGroups ?? []).map((g) => ({
    name: g.AutoScalingGroupName ?? '',
    minSize: g.MinSize ?? 0,
    maxSize: g.MaxSize ?? 0,
    usesLaunchTemplate: g.LaunchTemplate !== undefined || g.MixedInstancesPolicy !== undefined,
  }));
}

export async function listScalingPolicies(clients: AwsClients, max: number): Promise<ScalingPolicyRecord[]> {
  const out = await clients.autoScaling().send(new DescribePoliciesCommand({ MaxRecords: max }));
  return (out.ScalingPolicies ?? []).map((p) => ({
    name: p.PolicyName ?? '',
    group: p.AutoScalingGroupName ?? '',
    ...(p.PolicyType ? { type: p.PolicyType } : {}),
  }));
}
