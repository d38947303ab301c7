// Week 3 — VPC through the emulator's EC2 API: CIDR blocks, subnets, gateways, route tables, security groups, NACLs.
import {
  attachedInternetGateways,
  customNetworkAcls,
  listOwnVpcs,
  liveNatGateways,
  routeTables,
  securityGroups,
  subnetCidrs,
  type VpcRecord,
} from '../../aws/ec2';
import type { AwsClients } from '../../aws/clients';
import { type Check, done, listNames, notYet, SCAN_LIMIT } from './types';

/** VPCs the learner made (the emulator's default VPC does not count). */
function ownVpcs(aws: AwsClients): Promise<VpcRecord[]> {
  return listOwnVpcs(aws, SCAN_LIMIT);
}

const vpc: Check = async ({ aws }) => {
  const vpcs = await ownVpcs(aws);
  return vpcs.length > 0
    ? done(`VPC ${vpcs[0]!.id} with CIDR ${vpcs[0]!.cidr}`)
    : notYet('No VPC of your own yet (the default VPC does not count)');
};

const subnets: Check = async ({ aws }) => {
  for (const v of await ownVpcs(aws)) {
    const cidrs = await subnetCidrs(aws, v.id);
    if (cidrs.length >= 2) return done(`${v.id} (${v.cidr}) has subnets ${listNames(cidrs)}`);
  }
  return notYet('No VPC of yours has two subnets yet');
};

const igw: Check = async ({ aws }) => {
  const vpcs = (await ownVpcs(aws)).map((v) => v.id);
  const gwIds = new Set(await attachedInternetGateways(aws, vpcs));
  if (gwIds.size === 0) return notYet('No internet gateway is attached to a VPC of yours yet');
  const rt = (await routeTables(aws, vpcs)).find(
    (r) => gwIds.has(r.defaultRoute?.gatewayId ?? '') && r.subnets.length > 0,
  );
  return rt
    ? done(`Route table ${rt.id} sends 0.0.0.0/0 to ${rt.defaultRoute?.gatewayId} for ${listNames(rt.subnets)}`)
    : notYet('The internet gateway is attached; now route 0.0.0.0/0 to it from a route table associated with a subnet');
};

const nat: Check = async ({ aws }) => {
  const vpcs = (await ownVpcs(aws)).map((v) => v.id);
  if (vpcs.length === 0) return notYet('No VPC of yours yet');
  const natIds = new Set(await liveNatGateways(aws, vpcs));
  if (natIds.size === 0) return notYet('No NAT gateway in a VPC of yours yet');
  const rt = (await routeTables(aws, vpcs)).find(
    (r) => natIds.has(r.defaultRoute?.natGatewayId ?? '') && r.subnets.length > 0,
  );
  return rt
    ? done(`Private route table ${rt.id} sends 0.0.0.0/0 to ${rt.defaultRoute?.natGatewayId}`)
    : notYet("The NAT gateway exists; now route 0.0.0.0/0 to it from the private subnet's route table");
};

const securityGroupsCheck: Check = async ({ aws }) => {
  const vpcs = (await ownVpcs(aws)).map((v) => v.id);
  if (vpcs.length === 0) return notYet('No VPC of yours yet');
  for (const sg of await securityGroups(aws, vpcs)) {
    const other = sg.sourceGroups.find((id) => id && id !== sg.id);
    if (other) return done(`${sg.name} admits traffic from security group ${other}`);
  }
  return notYet('No security group admits traffic from another security group yet');
};

const nacl: Check = async ({ aws }) => {
  const vpcs = (await ownVpcs(aws)).map((v) => v.id);
  if (vpcs.length === 0) return notYet('No VPC of yours yet');
  for (const acl of await customNetworkAcls(aws, vpcs)) {
    const deny = acl.entries.find((e) => e.action === 'deny' && e.ruleNumber < 32767);
    if (deny) return done(`${acl.id} denies ${deny.cidr} with rule ${deny.ruleNumber}`);
  }
  return notYet('No network ACL of yours has a numbered deny rule yet');
};

export const week03 = { vpc, subnets, igw, nat, 'security-groups': securityGroupsCheck, nacl };
