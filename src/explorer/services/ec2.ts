// EC2 / VPC in the explorer: VPCs, and under each its subnets (public or private by their route table), route tables
// with their routes, internet and NAT gateways, security groups with their rules (world-open admin ports flagged)
// and instances.
import {
  allRouteTables,
  describeInstances,
  describeInternetGateways,
  describeNatGateways,
  describeRouteTables,
  describeSecurityGroups,
  describeSubnets,
  describeVpcs,
  lintSecurityGroup,
  portText,
  subnetExposure,
  type RouteDetails,
  type SecurityRule,
} from '../../aws/ec2';
import type { ExplorerNode, ListRequest, Page, ServiceExplorer } from '../model';
import { plural } from './format';

export type Ec2Folder = 'subnets' | 'routeTables' | 'internetGateways' | 'natGateways' | 'securityGroups' | 'instances';

declare module '../model/refs' {
  interface ResourceRefMap {
    'ec2.vpc': { readonly vpcId: string; readonly cidr: string };
    'ec2.folder': { readonly vpcId: string; readonly folder: Ec2Folder };
    'ec2.subnet': { readonly subnetId: string; readonly vpcId: string; readonly public: boolean };
    'ec2.routeTable': { readonly routeTableId: string; readonly routes: readonly RouteDetails[] };
    'ec2.route': { readonly routeTableId: string; readonly destination: string; readonly target: string };
    'ec2.gateway': { readonly gatewayId: string; readonly gatewayKind: 'internet' | 'nat' };
    'ec2.securityGroup': {
      readonly groupId: string;
      readonly name: string;
      readonly rules: readonly SecurityRule[];
      readonly warnings: readonly string[];
    };
    'ec2.rule': { readonly groupId: string; readonly rule: SecurityRule; readonly warning?: string };
    'ec2.instance': { readonly instanceId: string };
  }
}

export const SHOW_SECURITY_GROUP = 'localCloudLab.ec2.showSecurityGroup';

const FOLDERS: readonly { folder: Ec2Folder; label: string; icon: string }[] = [
  { folder: 'subnets', label: 'Subnets', icon: 'type-hierarchy' },
  { folder: 'routeTables', label: 'Route tables', icon: 'arrow-swap' },
  { folder: 'internetGateways', label: 'Internet gateways', icon: 'globe' },
  { folder: 'natGateways', label: 'NAT gateways', icon: 'arrow-right' },
  { folder: 'securityGroups', label: 'Security groups', icon: 'shield' },
  { folder: 'instances', label: 'Instances', icon: 'vm' },
];

const named = (name: string | undefined, id: string) => (name ? { label: name, description: id } : { label: id });

function ruleRow(groupId: string, rule: SecurityRule, index: number, warning: string | undefined): ExplorerNode {
  const arrow = rule.direction === 'ingress' ? '←' : '→';
  return {
    id: `ec2:rule:${groupId}/${rule.direction}/${index}`,
    label: `${rule.direction === 'ingress' ? 'in' : 'out'}  ${portText(rule)}  ${arrow} ${rule.source}`,
    description: warning ? `⚠ ${warning}` : rule.description,
    tooltip: warning ?? rule.description,
    icon: warning ? 'warning' : rule.direction === 'ingress' ? 'arrow-left' : 'arrow-right',
    ...(warning ? { iconColor: 'list.warningForeground' } : {}),
    contextValue: warning ? 'lcl.ec2.rule.warning' : 'lcl.ec2.rule',
    collapsible: 'none',
    ref: { kind: 'ec2.rule', groupId, rule, ...(warning ? { warning } : {}) },
  };
}

async function folderChildren(vpcId: string, folder: Ec2Folder, req: ListRequest): Promise<Page> {
  const page = { vpcIds: [vpcId], token: req.cursor, limit: req.pageSize, signal: req.signal };
  switch (folder) {
    case 'subnets': {
      const [out, tables] = await Promise.all([
        describeSubnets(req.clients, page),
        allRouteTables(req.clients, vpcId, { signal: req.signal }),
      ]);
      return {
        nodes: out.subnets.map((s) => {
          const exposure = subnetExposure(s.id, tables);
          return {
            id: `ec2:subnet:${s.id}`,
            ...named(s.name, s.id),
            description: [exposure.public ? 'public' : 'private', s.cidr, s.availabilityZone, s.name ? s.id : undefined]
              .filter(Boolean)
              .join(' · '),
            tooltip: [
              `${s.name ?? s.id}: ${exposure.public ? 'public' : 'private'} (${exposure.reason})`,
              `CIDR ${s.cidr}`,
              s.availabilityZone ? `Zone ${s.availabilityZone}` : undefined,
              s.availableIps !== undefined ? `${s.availableIps} free addresses` : undefined,
              s.mapPublicIpOnLaunch ? 'Instances get a public IP at launch' : undefined,
            ]
              .filter(Boolean)
              .join('\n'),
            icon: exposure.public ? 'globe' : 'lock',
            contextValue: exposure.public ? 'lcl.ec2.subnet.public' : 'lcl.ec2.subnet.private',
            collapsible: 'none',
            ref: { kind: 'ec2.subnet', subnetId: s.id, vpcId, public: exposure.public },
          } satisfies ExplorerNode;
        }),
        next: out.next,
      };
    }
    case 'routeTables': {
      const out = await describeRouteTables(req.clients, { ...page, limit: Math.min(100, req.pageSize) });
      return {
        nodes: out.tables.map((t) => ({
          id: `ec2:rtb:${t.id}`,
          ...named(t.name, t.id),
          description: [t.main ? 'main' : undefined, plural(t.subnets.length, 'subnet'), t.name ? t.id : undefined]
            .filter(Boolean)
            .join(' · '),
          tooltip: [
            `Subnets: ${t.subnets.join(', ') || 'none explicitly'}`,
            ...t.routes.map((r) => `${r.destination} → ${r.target}`),
          ].join('\n'),
          icon: 'arrow-swap',
          contextValue: 'lcl.ec2.routeTable',
          collapsible: 'collapsed',
          ref: { kind: 'ec2.routeTable', routeTableId: t.id, routes: t.routes },
        })),
        next: out.next,
      };
    }
    case 'internetGateways':
    case 'natGateways': {
      const out =
        folder === 'internetGateways'
          ? await describeInternetGateways(req.clients, page)
          : await describeNatGateways(req.clients, page);
      return {
        nodes: out.gateways.map((g) => ({
          id: `ec2:gw:${g.id}`,
          ...named(g.name, g.id),
          description: [g.state, g.subnetId, g.name ? g.id : undefined].filter(Boolean).join(' · '),
          icon: g.kind === 'internet' ? 'globe' : 'arrow-right',
          contextValue: `lcl.ec2.gateway.${g.kind}`,
          collapsible: 'none',
          ref: { kind: 'ec2.gateway', gatewayId: g.id, gatewayKind: g.kind },
        })),
        next: out.next,
      };
    }
    case 'securityGroups': {
      const out = await describeSecurityGroups(req.clients, page);
      return {
        nodes: out.groups.map((g) => {
          const warnings = lintSecurityGroup(g).map((w) => w.message);
          return {
            id: `ec2:sg:${g.id}`,
            label: g.name,
            description: [g.id, warnings.length ? `⚠ ${plural(warnings.length, 'warning')}` : undefined]
              .filter(Boolean)
              .join(' · '),
            tooltip: [g.description, ...warnings.map((w) => `⚠ ${w}`), 'Click to see the rules as a table.']
              .filter(Boolean)
              .join('\n'),
            icon: warnings.length ? 'warning' : 'shield',
            ...(warnings.length ? { iconColor: 'list.warningForeground' } : {}),
            contextValue: 'lcl.ec2.securityGroup',
            collapsible: 'collapsed',
            command: { command: SHOW_SECURITY_GROUP, title: 'Show rules' },
            ref: { kind: 'ec2.securityGroup', groupId: g.id, name: g.name, rules: g.rules, warnings },
          } satisfies ExplorerNode;
        }),
        next: out.next,
      };
    }
    case 'instances': {
      const out = await describeInstances(req.clients, page);
      return {
        nodes: out.instances.map((i) => ({
          id: `ec2:instance:${i.id}`,
          ...named(i.name, i.id),
          description: [i.state, i.type, i.privateIp, i.publicIp, i.name ? i.id : undefined]
            .filter(Boolean)
            .join(' · '),
          tooltip: [`Subnet ${i.subnetId ?? '?'}`, `Security groups: ${i.securityGroups.join(', ') || 'none'}`].join(
            '\n',
          ),
          icon: 'vm',
          contextValue: 'lcl.ec2.instance',
          collapsible: 'none',
          ref: { kind: 'ec2.instance', instanceId: i.id },
        })),
        next: out.next,
      };
    }
  }
}

const ec2: ServiceExplorer = {
  id: 'ec2',
  label: 'EC2 / VPC',
  icon: 'server-environment',
  order: 120,
  healthNames: ['ec2'],
  listOperation: 'List VPCs',

  operationFor(parent) {
    if (parent.ref.kind === 'ec2.folder') {
      return `List ${FOLDERS.find((f) => f.folder === (parent.ref as { folder: Ec2Folder }).folder)!.label.toLowerCase()}`;
    }
    return 'List VPC parts';
  },

  async children(parent: ExplorerNode | undefined, req: ListRequest): Promise<Page> {
    if (!parent) {
      const out = await describeVpcs(req.clients, { token: req.cursor, limit: req.pageSize, signal: req.signal });
      return {
        nodes: out.vpcs.map((v) => ({
          id: `ec2:vpc:${v.id}`,
          ...named(v.name, v.id),
          description: [v.cidr, v.isDefault ? 'default' : undefined, v.name ? v.id : undefined]
            .filter(Boolean)
            .join(' · '),
          icon: 'server-environment',
          contextValue: v.isDefault ? 'lcl.ec2.vpc.default' : 'lcl.ec2.vpc',
          collapsible: 'collapsed',
          ref: { kind: 'ec2.vpc', vpcId: v.id, cidr: v.cidr },
        })),
        next: out.next,
      };
    }
    const ref = parent.ref;
    switch (ref.kind) {
      case 'ec2.vpc':
        return {
          nodes: FOLDERS.map((f) => ({
            id: `ec2:folder:${ref.vpcId}/${f.folder}`,
            label: f.label,
            icon: f.icon,
            contextValue: `lcl.ec2.folder.${f.folder}`,
            collapsible: 'collapsed',
            ref: { kind: 'ec2.folder', vpcId: ref.vpcId, folder: f.folder },
          })),
        };
      case 'ec2.folder':
        return folderChildren(ref.vpcId, ref.folder, req);
      case 'ec2.routeTable':
        return {
          nodes: ref.routes.map((r, i) => ({
            id: `ec2:route:${ref.routeTableId}/${i}`,
            label: `${r.destination} → ${r.target}`,
            description: r.state,
            icon: r.target.startsWith('igw-') ? 'globe' : r.target === 'local' ? 'home' : 'arrow-right',
            contextValue: 'lcl.ec2.route',
            collapsible: 'none',
            ref: { kind: 'ec2.route', routeTableId: ref.routeTableId, destination: r.destination, target: r.target },
          })),
        };
      case 'ec2.securityGroup': {
        const warned = new Map<SecurityRule, string>();
        for (const w of lintSecurityGroup({ rules: ref.rules })) {
          const before = warned.get(w.rule);
          warned.set(w.rule, before ? `${before}; ${w.message}` : w.message);
        }
        return { nodes: ref.rules.map((r, i) => ruleRow(ref.groupId, r, i, warned.get(r))) };
      }
      default:
        return { nodes: [] };
    }
  },
};

export default ec2;
