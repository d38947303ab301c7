// Plain records of a VPC's networking for the explorer and the architecture view, and the pure decisions made over
// them: which subnets are public, which security group rules are open to the world, and the plan of the week-2
// "VPC with public and private subnets" exercise. No imports (shared with views).

export interface VpcDetails {
  readonly id: string;
  readonly cidr: string;
  readonly name?: string;
  readonly isDefault: boolean;
  readonly state?: string;
}

export interface SubnetDetails {
  readonly id: string;
  readonly vpcId: string;
  readonly cidr: string;
  readonly availabilityZone?: string;
  readonly name?: string;
  readonly mapPublicIpOnLaunch: boolean;
  readonly availableIps?: number;
}

export interface RouteDetails {
  readonly destination: string;
  /** igw-…, nat-…, local, or another target id. */
  readonly target: string;
  readonly state?: string;
}

export interface RouteTableDetails {
  readonly id: string;
  readonly vpcId: string;
  readonly name?: string;
  /** True for the VPC's main table (used by subnets with no explicit association). */
  readonly main: boolean;
  readonly subnets: readonly string[];
  readonly routes: readonly RouteDetails[];
}

export interface GatewayDetails {
  readonly id: string;
  readonly kind: 'internet' | 'nat';
  readonly vpcId?: string;
  readonly subnetId?: string;
  readonly state?: string;
  readonly name?: string;
}

export interface SecurityRule {
  readonly direction: 'ingress' | 'egress';
  /** tcp, udp, icmp, or `all`. */
  readonly protocol: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  /** A CIDR (IPv4 or IPv6), a security group id, or a prefix list id. */
  readonly source: string;
  readonly description?: string;
}

export interface SecurityGroupDetails {
  readonly id: string;
  readonly name: string;
  readonly vpcId?: string;
  readonly description?: string;
  readonly rules: readonly SecurityRule[];
}

export interface InstanceDetails {
  readonly id: string;
  readonly vpcId?: string;
  readonly subnetId?: string;
  readonly state?: string;
  readonly type?: string;
  readonly privateIp?: string;
  readonly publicIp?: string;
  readonly name?: string;
  readonly securityGroups: readonly string[];
}

/** The route table a subnet uses: its explicitly associated one, else the VPC's main table. */
export function routeTableOf(subnetId: string, tables: readonly RouteTableDetails[]): RouteTableDetails | undefined {
  return tables.find((t) => t.subnets.includes(subnetId)) ?? tables.find((t) => t.main);
}

export interface SubnetExposure {
  readonly public: boolean;
  readonly routeTableId?: string;
  /** Why: "route 0.0.0.0/0 → igw-1 in rtb-2 (main)". */
  readonly reason: string;
}

/** Public when the subnet's route table (explicit, else main) routes somewhere through an internet gateway. */
export function subnetExposure(subnetId: string, tables: readonly RouteTableDetails[]): SubnetExposure {
  const table = routeTableOf(subnetId, tables);
  if (!table) return { public: false, reason: 'no route table found' };
  const how = table.subnets.includes(subnetId) ? '' : ' (main)';
  const igw = table.routes.find((r) => r.target.startsWith('igw-') && r.state !== 'blackhole');
  if (igw) {
    return {
      public: true,
      routeTableId: table.id,
      reason: `route ${igw.destination} → ${igw.target} in ${table.id}${how}`,
    };
  }
  const nat = table.routes.find((r) => r.target.startsWith('nat-'));
  return {
    public: false,
    routeTableId: table.id,
    reason: nat
      ? `no internet gateway route in ${table.id}${how}; outbound through ${nat.target}`
      : `no internet gateway route in ${table.id}${how}`,
  };
}

/** "tcp 22", "tcp 8000-8080", "all traffic", "icmp". */
export function portText(rule: Pick<SecurityRule, 'protocol' | 'fromPort' | 'toPort'>): string {
  if (rule.protocol === 'all') return 'all traffic';
  const { fromPort: from, toPort: to } = rule;
  if (from === undefined || (from === 0 && to === 65535) || from === -1) return `${rule.protocol} all ports`;
  return from === to || to === undefined ? `${rule.protocol} ${from}` : `${rule.protocol} ${from}-${to}`;
}

const WORLD = new Set(['0.0.0.0/0', '::/0']);
export const ADMIN_PORTS: Readonly<Record<number, string>> = { 22: 'SSH', 3389: 'RDP' };

export interface RuleWarning {
  readonly rule: SecurityRule;
  readonly message: string;
}

function covers(rule: SecurityRule, port: number): boolean {
  if (rule.protocol === 'all') return true;
  if (rule.protocol !== 'tcp' && rule.protocol !== 'udp') return false;
  if (rule.fromPort === undefined || rule.fromPort === -1) return true;
  return rule.fromPort <= port && port <= (rule.toPort ?? rule.fromPort);
}

function allPorts(rule: SecurityRule): boolean {
  return (
    rule.protocol === 'all' ||
    ((rule.protocol === 'tcp' || rule.protocol === 'udp') &&
      (rule.fromPort === undefined || rule.fromPort === -1 || (rule.fromPort === 0 && rule.toPort === 65535)))
  );
}

/** Ingress rules open to the whole internet on an admin port (22, 3389) or on every port. */
export function lintSecurityGroup(group: Pick<SecurityGroupDetails, 'rules'>): RuleWarning[] {
  const out: RuleWarning[] = [];
  for (const rule of group.rules) {
    if (rule.direction !== 'ingress' || !WORLD.has(rule.source)) continue;
    if (allPorts(rule)) {
      out.push({ rule, message: `${portText(rule)} is open to ${rule.source} (the whole internet)` });
      continue;
    }
    const admin = Object.entries(ADMIN_PORTS).filter(([p]) => covers(rule, Number(p)));
    for (const [port, name] of admin) {
      out.push({ rule, message: `${name} (port ${port}) is open to ${rule.source}: allow only your own address` });
    }
  }
  return out;
}

/** A security group's rules as a fixed-width table: direction, protocol/ports, source, description. */
export function rulesTable(group: Pick<SecurityGroupDetails, 'rules'>): string {
  const rows = group.rules.map((r) => [r.direction, portText(r), r.source, r.description ?? '']);
  const head = ['Direction', 'Ports', 'Source / destination', 'Description'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

// IPv4 CIDR arithmetic for the guided VPC command ---------------------------------------------------------------

export interface Cidr {
  readonly base: number;
  readonly prefix: number;
}

/** Parses `a.b.c.d/n`; undefined when malformed. */
export function parseCidr(text: string): Cidr | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const base = ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
  return { base, prefix };
}

export function formatCidr(c: Cidr): string {
  const b = c.base;
  return `${b >>> 24}.${(b >>> 16) & 255}.${(b >>> 8) & 255}.${b & 255}/${c.prefix}`;
}

/** Undefined when `text` can be a VPC's CIDR block (AWS allows /16 to /28, on a network boundary), else why not. */
export function checkVpcCidr(text: string): string | undefined {
  const c = parseCidr(text);
  if (!c) return 'Write an IPv4 CIDR block, e.g. 10.0.0.0/16.';
  if (c.prefix < 16 || c.prefix > 28) return `A VPC's block must be between /16 and /28 (this is /${c.prefix}).`;
  const mask = c.prefix === 0 ? 0 : (0xffffffff << (32 - c.prefix)) >>> 0;
  if ((c.base & mask) >>> 0 !== c.base) {
    return `${text.trim()} is not on a /${c.prefix} boundary: use ${formatCidr({ base: (c.base & mask) >>> 0, prefix: c.prefix })}.`;
  }
  return undefined;
}

export interface SubnetPlan {
  readonly tier: 'public' | 'private';
  readonly cidr: string;
  /** Index into the chosen availability zones. */
  readonly azIndex: number;
  readonly name: string;
}

export interface VpcPlan {
  readonly cidr: string;
  readonly name: string;
  readonly subnets: readonly SubnetPlan[];
}

/**
 * One public and one private subnet per zone, public ones first. Like the curriculum's diagram (10.0.0.0/16 →
 * public 10.0.1.0/24, 10.0.2.0/24, private 10.0.3.0/24, …) subnets are /24s numbered from 1 when the block has room;
 * a smaller block is split evenly from its start. Throws a readable reason when the block cannot hold them.
 */
export function planVpc(cidrText: string, azCount: number, name = 'lab'): VpcPlan {
  const problem = checkVpcCidr(cidrText);
  if (problem) throw new Error(problem);
  if (!Number.isInteger(azCount) || azCount < 1 || azCount > 6) {
    throw new Error('Choose between 1 and 6 availability zones.');
  }
  const vpc = parseCidr(cidrText)!;
  const count = azCount * 2;
  const roomFor24 = vpc.prefix <= 24 && 2 ** (24 - vpc.prefix) >= count + 1;
  const prefix = roomFor24 ? 24 : vpc.prefix + Math.ceil(Math.log2(count));
  if (prefix > 28) {
    throw new Error(
      `${cidrText.trim()} is too small for ${count} subnets (each would be /${prefix}; the smallest is /28).`,
    );
  }
  const size = 2 ** (32 - prefix);
  const first = roomFor24 ? 1 : 0;
  const subnets: SubnetPlan[] = [];
  for (let i = 0; i < count; i++) {
    const tier = i < azCount ? 'public' : 'private';
    const azIndex = i % azCount;
    subnets.push({
      tier,
      cidr: formatCidr({ base: (vpc.base + (first + i) * size) >>> 0, prefix }),
      azIndex,
      name: `${name}-${tier}-${azIndex + 1}`,
    });
  }
  return { cidr: formatCidr(vpc), name, subnets };
}

/** One step of the guided VPC creation, as reported to the user. */
export interface CreatedResource {
  readonly kind: 'vpc' | 'internet-gateway' | 'subnet' | 'route-table' | 'route' | 'association' | 'attachment';
  readonly id: string;
  readonly detail: string;
}
