// EC2 as the emulator serves it: VPCs, subnets, gateways, route tables, security groups, network ACLs, launch
// templates and instances. The walkthrough checks, the explorer and the architecture view read these, paged; the
// guided "VPC with public and private subnets" command creates one. Plain records out (./records/ec2.ts), no SDK types.
import {
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeAvailabilityZonesCommand,
  ModifySubnetAttributeCommand,
  type Filter,
  type IpPermission,
  type Tag,
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
import { describeError } from './errors';
import type {
  CreatedResource,
  GatewayDetails,
  InstanceDetails,
  RouteTableDetails,
  SecurityGroupDetails,
  SecurityRule,
  SubnetDetails,
  VpcDetails,
  VpcPlan,
} from './records/ec2';

export * from './records/ec2';

interface Signal {
  readonly signal?: AbortSignal;
}
const opts = (s?: Signal) => (s?.signal ? { abortSignal: s.signal } : {});

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
  const { tables } = await describeRouteTables(clients, { vpcIds, limit: 100 });
  return tables.map((rt) => {
    const route = rt.routes.find((r) => r.destination === '0.0.0.0/0');
    return {
      id: rt.id,
      subnets: rt.subnets,
      ...(route
        ? {
            defaultRoute: {
              ...(route.target.startsWith('nat-') ? { natGatewayId: route.target } : { gatewayId: route.target }),
            },
          }
        : {}),
    };
  });
}

export async function securityGroups(clients: AwsClients, vpcIds: readonly string[]): Promise<SecurityGroupRecord[]> {
  if (vpcIds.length === 0) return [];
  const { groups } = await describeSecurityGroups(clients, { vpcIds, limit: 1000 });
  return groups.map((sg) => ({
    id: sg.id,
    name: sg.name,
    sourceGroups: sg.rules.filter((r) => r.direction === 'ingress' && r.source.startsWith('sg-')).map((r) => r.source),
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

// Paged reads for the explorer and the architecture view ----------------------------------------------------------

export interface PagedEc2 extends Signal {
  readonly token?: string;
  /** Clamped to what EC2 accepts (5 at least). */
  readonly limit?: number;
}

const clamp = (n: number | undefined, max: number) => Math.max(5, Math.min(max, n ?? max));
const nameOf = (tags: readonly Tag[] | undefined) => {
  const name = tags?.find((t) => t.Key === 'Name')?.Value;
  return name ? { name } : {};
};
const next = (token: string | undefined) => (token ? { next: token } : {});
const vpcFilter = (vpcIds: readonly string[] | undefined): Filter[] | undefined =>
  vpcIds?.length ? [inVpcs(vpcIds)] : undefined;

export async function describeVpcs(
  clients: AwsClients,
  req: PagedEc2 = {},
): Promise<{ vpcs: VpcDetails[]; next?: string }> {
  const out = await clients
    .ec2()
    .send(new DescribeVpcsCommand({ NextToken: req.token, MaxResults: clamp(req.limit, 1000) }), opts(req));
  const vpcs = (out.Vpcs ?? []).map((v): VpcDetails => ({
    id: v.VpcId ?? '',
    cidr: v.CidrBlock ?? '',
    isDefault: v.IsDefault ?? false,
    ...(v.State ? { state: v.State } : {}),
    ...nameOf(v.Tags),
  }));
  return { vpcs, ...next(out.NextToken) };
}

export async function describeSubnets(
  clients: AwsClients,
  req: { vpcIds?: readonly string[] } & PagedEc2 = {},
): Promise<{ subnets: SubnetDetails[]; next?: string }> {
  const out = await clients.ec2().send(
    new DescribeSubnetsCommand({
      Filters: vpcFilter(req.vpcIds),
      NextToken: req.token,
      MaxResults: clamp(req.limit, 1000),
    }),
    opts(req),
  );
  const subnets = (out.Subnets ?? []).map((s): SubnetDetails => ({
    id: s.SubnetId ?? '',
    vpcId: s.VpcId ?? '',
    cidr: s.CidrBlock ?? '',
    mapPublicIpOnLaunch: s.MapPublicIpOnLaunch ?? false,
    ...(s.AvailabilityZone ? { availabilityZone: s.AvailabilityZone } : {}),
    ...(s.AvailableIpAddressCount !== undefined ? { availableIps: s.AvailableIpAddressCount } : {}),
    ...nameOf(s.Tags),
  }));
  return { subnets, ...next(out.NextToken) };
}

export async function describeRouteTables(
  clients: AwsClients,
  req: { vpcIds?: readonly string[] } & PagedEc2 = {},
): Promise<{ tables: RouteTableDetails[]; next?: string }> {
  const out = await clients.ec2().send(
    new DescribeRouteTablesCommand({
      Filters: vpcFilter(req.vpcIds),
      NextToken: req.token,
      MaxResults: clamp(req.limit, 100),
    }),
    opts(req),
  );
  const tables = (out.RouteTables ?? []).map((rt): RouteTableDetails => ({
    id: rt.RouteTableId ?? '',
    vpcId: rt.VpcId ?? '',
    main: (rt.Associations ?? []).some((a) => a.Main),
    subnets: (rt.Associations ?? []).map((a) => a.SubnetId ?? '').filter(Boolean),
    routes: (rt.Routes ?? []).map((r) => ({
      destination: r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? r.DestinationPrefixListId ?? '',
      target:
        r.GatewayId ??
        r.NatGatewayId ??
        r.TransitGatewayId ??
        r.VpcPeeringConnectionId ??
        r.NetworkInterfaceId ??
        r.InstanceId ??
        r.EgressOnlyInternetGatewayId ??
        '',
      ...(r.State ? { state: r.State } : {}),
    })),
    ...nameOf(rt.Tags),
  }));
  return { tables, ...next(out.NextToken) };
}

/** Every route table of one VPC (bounded: at most `maxPages` pages of 100), for deciding which subnets are public. */
export async function allRouteTables(
  clients: AwsClients,
  vpcId: string,
  s?: Signal & { maxPages?: number },
): Promise<RouteTableDetails[]> {
  const tables: RouteTableDetails[] = [];
  let token: string | undefined;
  for (let page = 0; page < (s?.maxPages ?? 10); page++) {
    const out = await describeRouteTables(clients, { vpcIds: [vpcId], token, limit: 100, signal: s?.signal });
    tables.push(...out.tables);
    token = out.next;
    if (!token) break;
  }
  return tables;
}

export async function describeInternetGateways(
  clients: AwsClients,
  req: { vpcIds?: readonly string[] } & PagedEc2 = {},
): Promise<{ gateways: GatewayDetails[]; next?: string }> {
  const out = await clients.ec2().send(
    new DescribeInternetGatewaysCommand({
      Filters: req.vpcIds?.length ? [{ Name: 'attachment.vpc-id', Values: [...req.vpcIds] }] : undefined,
      NextToken: req.token,
      MaxResults: clamp(req.limit, 1000),
    }),
    opts(req),
  );
  const gateways = (out.InternetGateways ?? []).map((g): GatewayDetails => ({
    id: g.InternetGatewayId ?? '',
    kind: 'internet',
    ...(g.Attachments?.[0]?.VpcId ? { vpcId: g.Attachments[0].VpcId } : {}),
    ...(g.Attachments?.[0]?.State ? { state: g.Attachments[0].State } : {}),
    ...nameOf(g.Tags),
  }));
  return { gateways, ...next(out.NextToken) };
}

export async function describeNatGateways(
  clients: AwsClients,
  req: { vpcIds?: readonly string[] } & PagedEc2 = {},
): Promise<{ gateways: GatewayDetails[]; next?: string }> {
  const out = await clients.ec2().send(
    new DescribeNatGatewaysCommand({
      Filter: vpcFilter(req.vpcIds),
      NextToken: req.token,
      MaxResults: clamp(req.limit, 1000),
    }),
    opts(req),
  );
  const gateways = (out.NatGateways ?? []).map((g): GatewayDetails => ({
    id: g.NatGatewayId ?? '',
    kind: 'nat',
    ...(g.VpcId ? { vpcId: g.VpcId } : {}),
    ...(g.SubnetId ? { subnetId: g.SubnetId } : {}),
    ...(g.State ? { state: g.State } : {}),
    ...nameOf(g.Tags),
  }));
  return { gateways, ...next(out.NextToken) };
}

function rulesOf(direction: SecurityRule['direction'], perms: readonly IpPermission[] | undefined): SecurityRule[] {
  return (perms ?? []).flatMap((p) => {
    const base = {
      direction,
      protocol: !p.IpProtocol || p.IpProtocol === '-1' ? 'all' : p.IpProtocol,
      ...(p.FromPort !== undefined ? { fromPort: p.FromPort } : {}),
      ...(p.ToPort !== undefined ? { toPort: p.ToPort } : {}),
    };
    const withDesc = (source: string, description: string | undefined): SecurityRule => ({
      ...base,
      source,
      ...(description ? { description } : {}),
    });
    return [
      ...(p.IpRanges ?? []).map((r) => withDesc(r.CidrIp ?? '', r.Description)),
      ...(p.Ipv6Ranges ?? []).map((r) => withDesc(r.CidrIpv6 ?? '', r.Description)),
      ...(p.UserIdGroupPairs ?? []).map((g) => withDesc(g.GroupId ?? g.GroupName ?? '', g.Description)),
      ...(p.PrefixListIds ?? []).map((l) => withDesc(l.PrefixListId ?? '', l.Description)),
    ];
  });
}

export async function describeSecurityGroups(
  clients: AwsClients,
  req: { vpcIds?: readonly string[]; groupIds?: readonly string[] } & PagedEc2 = {},
): Promise<{ groups: SecurityGroupDetails[]; next?: string }> {
  const out = await clients.ec2().send(
    new DescribeSecurityGroupsCommand({
      Filters: vpcFilter(req.vpcIds),
      ...(req.groupIds?.length ? { GroupIds: [...req.groupIds] } : { MaxResults: clamp(req.limit, 1000) }),
      NextToken: req.token,
    }),
    opts(req),
  );
  const groups = (out.SecurityGroups ?? []).map((g): SecurityGroupDetails => ({
    id: g.GroupId ?? '',
    name: g.GroupName ?? '',
    ...(g.VpcId ? { vpcId: g.VpcId } : {}),
    ...(g.Description ? { description: g.Description } : {}),
    rules: [...rulesOf('ingress', g.IpPermissions), ...rulesOf('egress', g.IpPermissionsEgress)],
  }));
  return { groups, ...next(out.NextToken) };
}

export async function describeInstances(
  clients: AwsClients,
  req: { vpcIds?: readonly string[] } & PagedEc2 = {},
): Promise<{ instances: InstanceDetails[]; next?: string }> {
  const out = await clients.ec2().send(
    new DescribeInstancesCommand({
      Filters: vpcFilter(req.vpcIds),
      NextToken: req.token,
      MaxResults: clamp(req.limit, 1000),
    }),
    opts(req),
  );
  const instances = (out.Reservations ?? []).flatMap((r) =>
    (r.Instances ?? []).map((i): InstanceDetails => ({
      id: i.InstanceId ?? '',
      ...(i.VpcId ? { vpcId: i.VpcId } : {}),
      ...(i.SubnetId ? { subnetId: i.SubnetId } : {}),
      ...(i.State?.Name ? { state: i.State.Name } : {}),
      ...(i.InstanceType ? { type: i.InstanceType } : {}),
      ...(i.PrivateIpAddress ? { privateIp: i.PrivateIpAddress } : {}),
      ...(i.PublicIpAddress ? { publicIp: i.PublicIpAddress } : {}),
      securityGroups: (i.SecurityGroups ?? []).map((g) => g.GroupId ?? '').filter(Boolean),
      ...nameOf(i.Tags),
    })),
  );
  return { instances, ...next(out.NextToken) };
}

// The guided week-2 exercise ------------------------------------------------------------------------------------

/** A failed guided creation: what was made before the failing step, so the user can clean up or carry on. */
export class VpcCreationError extends Error {
  constructor(
    readonly step: string,
    readonly reason: string,
    readonly created: readonly CreatedResource[],
  ) {
    super(`${step} failed: ${reason}`);
    this.name = 'VpcCreationError';
  }
}

const named = (type: 'vpc' | 'internet-gateway' | 'subnet' | 'route-table', name: string) => [
  { ResourceType: type, Tags: [{ Key: 'Name', Value: name }] },
];

/**
 * Creates the plan: the VPC, an internet gateway attached to it, the subnets spread over the first availability
 * zones, a public route table (0.0.0.0/0 → the gateway) associated with the public subnets and a private one with the
 * private subnets. `onStep` hears of each resource as it is made. Stops at the first failure with a
 * `VpcCreationError` listing what exists; it deletes nothing (the user decides).
 */
export async function createVpcWithSubnets(
  clients: AwsClients,
  plan: VpcPlan,
  o: { onStep?: (r: CreatedResource) => void } & Signal = {},
): Promise<CreatedResource[]> {
  const created: CreatedResource[] = [];
  const ec2 = clients.ec2();
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      throw new VpcCreationError(name, describeError(err), created);
    }
  };
  const made = (r: CreatedResource) => {
    created.push(r);
    o.onStep?.(r);
  };
  const zones = await step('List availability zones', async () => {
    const out = await ec2.send(
      new DescribeAvailabilityZonesCommand({ Filters: [{ Name: 'state', Values: ['available'] }] }),
      opts(o),
    );
    return (out.AvailabilityZones ?? [])
      .map((z) => z.ZoneName ?? '')
      .filter(Boolean)
      .sort();
  });
  const needed = Math.max(...plan.subnets.map((s) => s.azIndex)) + 1;
  if (zones.length < needed) {
    throw new VpcCreationError(
      'Choose availability zones',
      `the region has ${zones.length} available zones, the plan needs ${needed}`,
      created,
    );
  }
  const vpcId = await step('Create VPC', async () => {
    const out = await ec2.send(
      new CreateVpcCommand({ CidrBlock: plan.cidr, TagSpecifications: named('vpc', plan.name) }),
      opts(o),
    );
    return out.Vpc?.VpcId ?? '';
  });
  made({ kind: 'vpc', id: vpcId, detail: `${plan.name} ${plan.cidr}` });
  const igwId = await step('Create internet gateway', async () => {
    const out = await ec2.send(
      new CreateInternetGatewayCommand({ TagSpecifications: named('internet-gateway', `${plan.name}-igw`) }),
      opts(o),
    );
    return out.InternetGateway?.InternetGatewayId ?? '';
  });
  made({ kind: 'internet-gateway', id: igwId, detail: `${plan.name}-igw` });
  await step('Attach internet gateway', () =>
    ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igwId, VpcId: vpcId }), opts(o)),
  );
  made({ kind: 'attachment', id: igwId, detail: `${igwId} attached to ${vpcId}` });
  const subnetIds: { id: string; tier: 'public' | 'private' }[] = [];
  for (const s of plan.subnets) {
    const az = zones[s.azIndex]!;
    const id = await step(`Create subnet ${s.name}`, async () => {
      const out = await ec2.send(
        new CreateSubnetCommand({
          VpcId: vpcId,
          CidrBlock: s.cidr,
          AvailabilityZone: az,
          TagSpecifications: named('subnet', s.name),
        }),
        opts(o),
      );
      return out.Subnet?.SubnetId ?? '';
    });
    if (s.tier === 'public') {
      await step(`Turn on public IPs for ${s.name}`, () =>
        ec2.send(new ModifySubnetAttributeCommand({ SubnetId: id, MapPublicIpOnLaunch: { Value: true } }), opts(o)),
      );
    }
    subnetIds.push({ id, tier: s.tier });
    made({ kind: 'subnet', id, detail: `${s.name} ${s.cidr} in ${az} (${s.tier})` });
  }
  for (const tier of ['public', 'private'] as const) {
    const tableName = `${plan.name}-${tier}-rt`;
    const tableId = await step(`Create route table ${tableName}`, async () => {
      const out = await ec2.send(
        new CreateRouteTableCommand({ VpcId: vpcId, TagSpecifications: named('route-table', tableName) }),
        opts(o),
      );
      return out.RouteTable?.RouteTableId ?? '';
    });
    made({ kind: 'route-table', id: tableId, detail: tableName });
    if (tier === 'public') {
      await step('Create route 0.0.0.0/0 → internet gateway', () =>
        ec2.send(
          new CreateRouteCommand({ RouteTableId: tableId, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igwId }),
          opts(o),
        ),
      );
      made({ kind: 'route', id: tableId, detail: `0.0.0.0/0 → ${igwId} in ${tableId}` });
    }
    for (const s of subnetIds.filter((x) => x.tier === tier)) {
      const assoc = await step(`Associate ${s.id} with ${tableName}`, async () => {
        const out = await ec2.send(new AssociateRouteTableCommand({ RouteTableId: tableId, SubnetId: s.id }), opts(o));
        return out.AssociationId ?? '';
      });
      made({ kind: 'association', id: assoc, detail: `${s.id} → ${tableId}` });
    }
  }
  return created;
}
