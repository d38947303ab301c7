// EC2 as the emulator serves it: VPCs, subnets, gateways, route tables, security groups, network ACLs, launch
// templates and instances. The walkthrough checks read these; plain records out, no SDK types.
import {
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeLaunchTemplatesCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkAclsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
} from '@aws-sdk/client-ec2';
import type { AwsClients } from './clients';

export interface VpcRecord {
  readonly id: string;
  readonly cidr: string;
}

export interface RouteTableRecord {
  readonly id: string;
  /** Subnets explicitly associated with the table. */
  readonly subnets: readonly string[];
  /** Where 0.0.0.0/0 goes, when the table has such a route. */
  readonly defaultRoute?: { readonly gatewayId?: string; readonly natGatewayId?: string };
}

export interface SecurityGroupRecord {
  readonly id: string;
  readonly name: string;
  /** Security groups named as a source in the ingress rules. */
  readonly sourceGroups: readonly string[];
}

export interface NetworkAclEntryRecord {
  readonly action: string;
  readonly ruleNumber: number;
  readonly cidr: string;
}

export interface NetworkAclRecord {
  readonly id: string;
  readonly entries: readonly NetworkAclEntryRecord[];
}

const inVpcs = (vpcIds: readonly string[]) => ({ Name: 'vpc-id', Values: [...vpcIds] });

/** VPCs the learner made: the emulator's default VPC is left out. */
export async function listOwnVpcs(clients: AwsClients, max: number): Promise<VpcRecord[]> {
  const out = await clients
    .ec2()
    .send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['false'] }], MaxResults: max }));
  return (out.Vpcs ?? []).map((v) => ({ id: v.VpcId ?? '', cidr: v.CidrBlock ?? '' }));
}

/** The CIDR blocks of a VPC's subnets. */
export async function subnetCidrs(clients: AwsClients, vpcId: string): Promise<string[]> {
  const out = await clients.ec2().send(new DescribeSubnetsCommand({ Filters: [inVpcs([vpcId])] }));
  return (out.Subnets ?? []).map((s) => s.CidrBlock ?? '');
}

/** Ids of the internet gateways attached to any of the VPCs. */
export async function attachedInternetGateways(clients: AwsClients, vpcIds: readonly string[]): Promise<string[]> {
  if (vpcIds.length === 0) return [];
  const out = await clients
    .ec2()
    .send(new DescribeInternetGatewaysCommand({ Filters: [{ Name: 'attachment.vpc-id', Values: [...vpcIds] }] }));
  return (out.InternetGateways ?? []).map((g) => g.InternetGatewayId ?? '');
}

/** Ids of the NAT gateways in the VPCs that are available or on their way. */
export async function liveNatGateways(clients: AwsClients, vpcIds: readonly string[]): Promise<string[]> {
  if (vpcIds.length === 0) return [];
  const out = await clients.ec2().send(new DescribeNatGatewaysCommand({ Filter: [inVpcs(vpcIds)] }));
  return (out.NatGateways ?? [])
    .filter((n) => n.State === 'available' || n.State === 'pending')
    .map((n) => n.NatGatewayId ?? '');
}

export async function routeTables(clients: AwsClients, vpcIds: readonly string[]): Promise<RouteTableRecord[]> {
  if (vpcIds.length === 0) return [];
  const out = await clients.ec2().send(new DescribeRouteTablesCommand({ Filters: [inVpcs(vpcIds)], MaxResults: 100 }));
  return (out.RouteTables ?? []).map((rt) => {
    const route = (rt.Routes ?? []).find((r) => r.DestinationCidrBlock === '0.0.0.0/0');
    return {
      id: rt.RouteTableId ?? '',
      subnets: (rt.Associations ?? []).map((a) => a.SubnetId ?? '').filter(Boolean),
      ...(route
        ? {
            defaultRoute: {
              ...(route.GatewayId ? { gatewayId: route.GatewayId } : {}),
              ...(route.NatGatewayId ? { natGatewayId: route.NatGatewayId } : {}),
            },
          }
        : {}),
    };
  });
}

export async function securityGroups(clients: AwsClients, vpcIds: readonly string[]): Promise<SecurityGroupRecord[]> {
  if (vpcIds.length === 0) return [];
  const out = await clients.ec2().send(new DescribeSecurityGroupsCommand({ Filters: [inVpcs(vpcIds)] }));
  return (out.SecurityGroups ?? []).map((sg) => ({
    id: sg.GroupId ?? '',
    name: sg.GroupName ?? '',
    sourceGroups: (sg.IpPermissions ?? []).flatMap((p) => (p.UserIdGroupPairs ?? []).map((g) => g.GroupId ?? '')),
  }));
}

/** The network ACLs of the VPCs other than each VPC's default one. */
export async function customNetworkAcls(clients: AwsClients, vpcIds: readonly string[]): Promise<NetworkAclRecord[]> {
  if (vpcIds.length === 0) return [];
  const out = await clients
    .ec2()
    .send(new DescribeNetworkAclsCommand({ Filters: [inVpcs(vpcIds), { Name: 'default', Values: ['false'] }] }));
  return (out.NetworkAcls ?? []).map((acl) => ({
    id: acl.NetworkAclId ?? '',
    entries: (acl.Entries ?? []).map((e) => ({
      action: e.RuleAction ?? '',
      ruleNumber: e.RuleNumber ?? 32767,
      cidr: e.CidrBlock ?? '',
    })),
  }));
}

export async function launchTemplateNames(clients: AwsClients, max: number): Promise<string[]> {
  const out = await clients.ec2().send(new DescribeLaunchTemplatesCommand({ MaxResults: max }));
  return (out.LaunchTemplates ?? []).map((t) => t.LaunchTemplateName ?? '');
}

/** Ids of the instances that are pending or running. */
export async function liveInstanceIds(clients: AwsClients, max: number): Promise<string[]> {
  const out = await clients.ec2().send(
    new DescribeInstancesCommand({
      Filters: [{ Name: 'instance-state-name', Values: ['pending', 'running'] }],
      MaxResults: max,
    }),
  );
  return (out.Reservations ?? []).flatMap((r) => (r.Instances ?? []).map((i) => i.InstanceId ?? ''));
}
