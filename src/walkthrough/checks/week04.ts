// Week 4 — EC2, Auto Scaling and load balancing through the emulator, plus a local nginx standing in for an ALB.
import { listAutoScalingGroups, listScalingPolicies } from '../../aws/autoScaling';
import { launchTemplateNames, liveInstanceIds } from '../../aws/ec2';
import { listListeners, listLoadBalancers, listTargetGroups, registeredTargets } from '../../aws/elbv2';
import { type Check, done, listNames, notYet, SCAN_LIMIT } from './types';

const launchTemplate: Check = async ({ aws }) => {
  const names = await launchTemplateNames(aws, SCAN_LIMIT);
  return names.length > 0 ? done(`Launch templates: ${listNames(names)}`) : notYet('No launch template yet');
};

const instance: Check = async ({ aws }) => {
  const ids = await liveInstanceIds(aws, SCAN_LIMIT);
  return ids.length > 0 ? done(`Running: ${listNames(ids)}`) : notYet('No running instance yet');
};

const asg: Check = async ({ aws }) => {
  const g = (await listAutoScalingGroups(aws, SCAN_LIMIT)).find((x) => x.maxSize >= 2 && x.usesLaunchTemplate);
  return g
    ? done(`${g.name}: ${g.minSize}–${g.maxSize} instances from a launch template`)
    : notYet('No Auto Scaling group built from a launch template with room for two instances yet');
};

const scalingPolicy: Check = async ({ aws }) => {
  const p = (await listScalingPolicies(aws, SCAN_LIMIT))[0];
  return p ? done(`${p.group} has ${p.type ?? 'a'} policy ${p.name}`) : notYet('No scaling policy yet');
};

const targetGroup: Check = async ({ aws }) => {
  for (const tg of await listTargetGroups(aws, SCAN_LIMIT)) {
    const targets = await registeredTargets(aws, tg.arn);
    if (targets.length > 0) return done(`${tg.name} checks ${tg.healthCheck} on ${listNames(targets)}`);
  }
  return notYet('No target group with a registered target yet');
};

const loadBalancer: Check = async ({ aws }) => {
  for (const lb of await listLoadBalancers(aws, SCAN_LIMIT)) {
    const fwd = (await listListeners(aws, lb.arn)).find((l) => l.forwards);
    if (fwd) return done(`${lb.name} listens on ${fwd.protocol} ${fwd.port} and forwards to a target group`);
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
