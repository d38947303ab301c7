// Week 4 — EC2, Auto Scaling and load balancing through the emulator, plus a local nginx standing in for an ALB.
import { DescribeAutoScalingGroupsCommand, DescribePoliciesCommand } from '@aws-sdk/client-auto-scaling';
import { DescribeInstancesCommand, DescribeLaunchTemplatesCommand } from '@aws-sdk/client-ec2';
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { type Check, done, listNames, notYet, SCAN_LIMIT } from './types';

const launchTemplate: Check = async ({ aws }) => {
  const out = await aws.ec2().send(new DescribeLaunchTemplatesCommand({ MaxResults: SCAN_LIMIT }));
  const names = (out.LaunchTemplates ?? []).map((t) => t.LaunchTemplateName ?? '');
  return names.length > 0 ? done(`Launch templates: ${listNames(names)}`) : notYet('No launch template yet');
};

const instance: Check = async ({ aws }) => {
  const out = await aws.ec2().send(
    new DescribeInstancesCommand({
      Filters: [{ Name: 'instance-state-name', Values: ['pending', 'running'] }],
      MaxResults: SCAN_LIMIT,
    }),
  );
  const ids = (out.Reservations ?? []).flatMap((r) => (r.Instances ?? []).map((i) => i.InstanceId ?? ''));
  return ids.length > 0 ? done(`Running: ${listNames(ids)}`) : notYet('No running instance yet');
};

const asg: Check = async ({ compute }) => {
  const out = await compute.autoScaling().send(new DescribeAutoScalingGroupsCommand({ MaxRecords: SCAN_LIMIT }));
  const g = (out.AutoScalingGroups ?? []).find(
    (x) => (x.MaxSize ?? 0) >= 2 && (x.LaunchTemplate !== undefined || x.MixedInstancesPolicy !== undefined),
  );
  return g
    ? done(`${g.AutoScalingGroupName}: ${g.MinSize}–${g.MaxSize} instances from a launch template`)
    : notYet('No Auto Scaling group built from a launch template with room for two instances yet');
};

const scalingPolicy: Check = async ({ compute }) => {
  const out = await compute.autoScaling().send(new DescribePoliciesCommand({ MaxRecords: SCAN_LIMIT }));
  const p = (out.ScalingPolicies ?? [])[0];
  return p
    ? done(`${p.AutoScalingGroupName} has ${p.PolicyType ?? 'a'} policy ${p.PolicyName}`)
    : notYet('No scaling policy yet');
};

const targetGroup: Check = async ({ compute }) => {
  const elb = compute.elbv2();
  const out = await elb.send(new DescribeTargetGroupsCommand({ PageSize: SCAN_LIMIT }));
  for (const tg of out.TargetGroups ?? []) {
    const health = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg.TargetGroupArn }));
    const targets = (health.TargetHealthDescriptions ?? []).map((t) => t.Target?.Id ?? '');
    if (targets.length > 0) {
      return done(
        `${tg.TargetGroupName} checks ${tg.HealthCheckPath ?? tg.HealthCheckProtocol} on ${listNames(targets)}`,
      );
    }
  }
  return notYet('No target group with a registered target yet');
};

const loadBalancer: Check = async ({ compute }) => {
  const elb = compute.elbv2();
  const out = await elb.send(new DescribeLoadBalancersCommand({ PageSize: SCAN_LIMIT }));
  for (const lb of out.LoadBalancers ?? []) {
    const ls = await elb.send(new DescribeListenersCommand({ LoadBalancerArn: lb.LoadBalancerArn }));
    const fwd = (ls.Listeners ?? []).find((l) =>
      (l.DefaultActions ?? []).some((a) => a.Type === 'forward' && (a.TargetGroupArn || a.ForwardConfig)),
    );
    if (fwd)
      return done(`${lb.LoadBalancerName} listens on ${fwd.Protocol} ${fwd.Port} and forwards to a target group`);
  }
  return notYet('No load balancer with a listener that forwards to a target group yet');
};

const nginx: Check = async ({ probes, local }) => {
  try {
    const status = await probes.httpStatus(local.host, local.web, '/health');
    return status >= 200 && status < 300
      ? done(`http://${local.host}:${local.web}/health answered ${status}`)
      : notYet(`http://${local.host}:${local.web}/health answered ${status}, not 2xx`);
  } catch (err) {
    return notYet(`Nothing answers on http://${local.host}:${local.web}/health (${(err as Error).message})`);
  }
};

export const week04 = {
  'launch-template': launchTemplate,
  instance,
  asg,
  'scaling-policy': scalingPolicy,
  'target-group': targetGroup,
  'load-balancer': loadBalancer,
  nginx,
};
