// Week 3 — VPC through the emulator's EC2 API: CIDR blocks, subnets, gateways, route tables, security groups, NACLs.
import {
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkAclsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  type EC2Client,
  type RouteTable,
} from '@aws-sdk/client-ec2';
import { type Check, done, listNames, notYet, SCAN_LIMIT } from './types';

/** VPCs the learner made (the emulator's default VPC does not count). */
export async function ownVpcs(ec2: EC2Client) {
  const out = await ec2.send(
    new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['false'] }], MaxResults: SCAN_LIMIT }),
  );
  return (out.Vpcs ?? []).map((v) => ({ id: v.VpcId ?? '', cidr: v.CidrBlock ?? '' }));
}

async function routeTablesIn(ec2: EC2Client, vpcIds: readonly string[]): Promise<RouteTable[]> {
  if (vpcIds.length === 0) return [];
  const out = await ec2.send(
    new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [...vpcIds] }], MaxResults: 100 }),
  );
  return out.RouteTables ?? [];
}

/** The subnets a route table is explicitly associated with. */
function associatedSubnets(rt: RouteTable): string[] {
  return (rt.Associations ?? []).map((a) => a.SubnetId ?? '').filter(Boolean);
}

function defaultRoute(rt: RouteTable) {
  return (rt.Routes ?? []).find((r) => r.DestinationCidrBlock === '0.0.0.0/0');
}

const vpc: Check = async ({ aws }) => {
  const vpcs = await ownVpcs(aws.ec2());
  return vpcs.length > 0
    ? done(`VPC ${vpcs[0]!.id} with CIDR ${vpcs[0]!.cidr}`)
    : notYet('No VPC of your own yet (the default VPC does not count)');
};

const subnets: Check = async ({ aws }) => {
  const ec2 = aws.ec2();
  for (const v of await ownVpcs(ec2)) {
    const out = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [v.id] }] }));
    const cidrs = (out.Subnets ?? []).map((s) => s.CidrBlock ?? '');
    if (cidrs.length >= 2) return done(`${v.id} (${v.cidr}) has subnets ${listNames(cidrs)}`);
  }
  return notYet('No VPC of yours has two subnets yet');
};

const igw: Check = async ({ aws }) => {
  const ec2 = aws.ec2();
  const vpcs = (await ownVpcs(ec2)).map((v) => v.id);
  const gws = await ec2.send(
    new DescribeInternetGatewaysCommand({
      Filters: [{ Name: 'attachment.vpc-id', Values: vpcs.length ? vpcs : ['-'] }],
    }),
  );
  const gwIds = new Set((gws.InternetGateways ?? []).map((g) => g.InternetGatewayId ?? ''));
  if (gwIds.size === 0) return notYet('No internet gateway is attached to a VPC of yours yet');
  const rt = (await routeTablesIn(ec2, vpcs)).find(
    (r) => gwIds.has(defaultRoute(r)?.GatewayId ?? '') && associatedSubnets(r).length > 0,
  );
  return rt
    ? done(
        `Route table ${rt.RouteTableId} sends 0.0.0.0/0 to ${defaultRoute(rt)?.GatewayId} for ${listNames(associatedSubnets(rt))}`,
      )
    : notYet('The internet gateway is attached; now route 0.0.0.0/0 to it from a route table associated with a subnet');
};

const nat: Check = async ({ aws }) => {
  const ec2 = aws.ec2();
  const vpcs = (await ownVpcs(ec2)).map((v) => v.id);
  if (vpcs.length === 0) return notYet('No VPC of yours yet');
  const out = await ec2.send(new DescribeNatGatewaysCommand({ Filter: [{ Name: 'vpc-id', Values: vpcs }] }));
  const natIds = new Set(
    (out.NatGateways ?? [])
      .filter((n) => n.State === 'available' || n.State === 'pending')
      .map((n) => n.NatGatewayId ?? ''),
  );
  if (natIds.size === 0) return notYet('No NAT gateway in a VPC of yours yet');
  const rt = (await routeTablesIn(ec2, vpcs)).find(
    (r) => natIds.has(defaultRoute(r)?.NatGatewayId ?? '') && associatedSubnets(r).length > 0,
  );
  return rt
    ? done(`Private route table ${rt.RouteTableId} sends 0.0.0.0/0 to ${defaultRoute(rt)?.NatGatewayId}`)
    : notYet("The NAT gateway exists; now route 0.0.0.0/0 to it from the private subnet's route table");
};

const securityGroups: Check = async ({ aws }) => {
  const ec2 = aws.ec2();
  const vpcs = (await ownVpcs(ec2)).map((v) => v.id);
  if (vpcs.length === 0) return notYet('No VPC of yours yet');
  const out = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: vpcs }] }));
  for (const sg of out.SecurityGroups ?? []) {
    const from = (sg.IpPermissions ?? []).flatMap((p) => (p.UserIdGroupPairs ?? []).map((g) => g.GroupId ?? ''));
    const other = from.find((id) => id && id !== sg.GroupId);
    if (other) return done(`${sg.GroupName} admits traffic from security group ${other}`);
  }
  return notYet('No security group admits traffic from another security group yet');
};

const nacl: Check = async ({ aws }) => {
  const ec2 = aws.ec2();
  const vpcs = (await ownVpcs(ec2)).map((v) => v.id);
  if (vpcs.length === 0) return notYet('No VPC of yours yet');
  const out = await ec2.send(
    new DescribeNetworkAclsCommand({
      Filters: [
        { Name: 'vpc-id', Values: vpcs },
        { Name: 'default', Values: ['false'] },
      ],
    }),
  );
  for (const acl of out.NetworkAcls ?? []) {
    const deny = (acl.Entries ?? []).find((e) => e.RuleAction === 'deny' && (e.RuleNumber ?? 32767) < 32767);
    if (deny) return done(`${acl.NetworkAclId} denies ${deny.CidrBlock} with rule ${deny.RuleNumber}`);
  }
  return notYet('No network ACL of yours has a numbered deny rule yet');
};

export const week03 = { vpc, subnets, igw, nat, 'security-groups': securityGroups, nacl };
