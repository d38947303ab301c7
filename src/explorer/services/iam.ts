// IAM in the explorer: Users, Groups, Roles and Policies folders; principals → trust policy, attached and inline
// policies; customer-managed policies → versions. Every policy-document row opens the document on click.
import {
  listAttachedPolicies,
  listGroups,
  listInlinePolicies,
  listPolicies,
  listPolicyVersions,
  listRoles,
  listUsers,
  type PrincipalRecord,
  type PrincipalType,
} from '../../aws/iam';
import type { ExplorerNode, IamPrincipal, ListRequest, Page, ResourceRefMap, ServiceExplorer } from '../model';

type Folder = ResourceRefMap['iam.folder']['folder'];

const FOLDERS: readonly { folder: Folder; label: string; icon: string }[] = [
  { folder: 'users', label: 'Users', icon: 'person' },
  { folder: 'groups', label: 'Groups', icon: 'organization' },
  { folder: 'roles', label: 'Roles', icon: 'shield' },
  { folder: 'policies', label: 'Policies', icon: 'law' },
];

const OPEN_DOC = 'localCloudLab.iam.openPolicyDocument';

function folderNode(f: (typeof FOLDERS)[number]): ExplorerNode {
  return {
    id: `iam:folder:${f.folder}`,
    label: f.label,
    icon: f.icon,
    contextValue: `lcl.iam.folder.${f.folder}`,
    collapsible: 'collapsed',
    ref: { kind: 'iam.folder', folder: f.folder },
  };
}

function principalNode(p: PrincipalRecord): ExplorerNode {
  const icon = { user: 'person', group: 'organization', role: 'shield' }[p.type];
  const base = {
    id: `iam:${p.type}:${p.name}`,
    label: p.name,
    description: p.path && p.path !== '/' ? p.path : undefined,
    tooltip: [p.arn, p.description, p.created && `Created ${p.created}`].filter(Boolean).join('\n'),
    icon,
    contextValue: `lcl.iam.${p.type}`,
    collapsible: 'collapsed' as const,
  };
  if (p.type === 'user') return { ...base, ref: { kind: 'iam.user', userName: p.name } };
  if (p.type === 'group') return { ...base, ref: { kind: 'iam.group', groupName: p.name } };
  return { ...base, ref: { kind: 'iam.role', roleName: p.name } };
}

async function principalChildren(principal: IamPrincipal, req: ListRequest): Promise<ExplorerNode[]> {
  const type: PrincipalType = principal.type;
  const [attached, inline] = await Promise.all([
    listAttachedPolicies(req.clients, type, principal.name, req),
    listInlinePolicies(req.clients, type, principal.name, req),
  ]);
  const nodes: ExplorerNode[] = [];
  if (type === 'role') {
    nodes.push({
      id: `iam:trust:${principal.name}`,
      label: 'Trust policy',
      description: 'who may assume this role',
      icon: 'key',
      contextValue: 'lcl.iam.policyDocument',
      collapsible: 'none',
      command: { command: OPEN_DOC, title: 'Open trust policy' },
      ref: { kind: 'iam.trustPolicy', roleName: principal.name },
    });
  }
  for (const a of attached) {
    nodes.push({
      id: `iam:attached:${type}/${principal.name}/${a.arn}`,
      label: a.name,
      description: a.arn.includes(':aws:policy/') ? 'attached · AWS managed' : 'attached · customer managed',
      tooltip: a.arn,
      icon: 'references',
      contextValue: 'lcl.iam.policyDocument',
      collapsible: 'none',
      command: { command: OPEN_DOC, title: 'Open policy' },
      ref: { kind: 'iam.attachedPolicy', principal, policyArn: a.arn, policyName: a.name },
    });
  }
  for (const name of inline) {
    nodes.push({
      id: `iam:inline:${type}/${principal.name}/${name}`,
      label: name,
      description: 'inline',
      icon: 'file-code',
      contextValue: 'lcl.iam.policyDocument',
      collapsible: 'none',
      command: { command: OPEN_DOC, title: 'Open policy' },
      ref: { kind: 'iam.inlinePolicy', principal, policyName: name },
    });
  }
  if (nodes.length === 0) {
    nodes.push({
      id: `iam:none:${type}/${principal.name}`,
      label: 'No policies',
      icon: 'info',
      contextValue: 'lcl.info',
      collapsible: 'none',
      ref: { kind: 'explorer.info', text: 'No policies' },
    });
  }
  return nodes;
}

const iam: ServiceExplorer = {
  id: 'iam',
  label: 'IAM',
  icon: 'shield',
  order: 50,
  healthNames: ['iam'],
  listOperation: 'List IAM',
  operationFor: (parent) => {
    const r = parent.ref;
    if (r.kind === 'iam.folder') return `List ${r.folder}`;
    if (r.kind === 'iam.policy') return 'List policy versions';
    return 'List policies';
  },

  async children(parent: ExplorerNode | undefined, req: ListRequest): Promise<Page> {
    if (!parent) return { nodes: FOLDERS.map(folderNode) };
    const ref = parent.ref;
    switch (ref.kind) {
      case 'iam.folder': {
        if (ref.folder === 'policies') {
          const page = await listPolicies(req.clients, req);
          return {
            nodes: page.items.map((p) => ({
              id: `iam:policy:${p.arn}`,
              label: p.name,
              description: [
                p.defaultVersionId && `default ${p.defaultVersionId}`,
                p.attachmentCount !== undefined && `${p.attachmentCount} attached`,
              ]
                .filter(Boolean)
                .join(' · '),
              tooltip: [p.arn, p.description].filter(Boolean).join('\n'),
              icon: 'law',
              contextValue: 'lcl.iam.policy',
              collapsible: 'collapsed',
              command: { command: OPEN_DOC, title: 'Open default version' },
              ref: { kind: 'iam.policy', policyArn: p.arn, policyName: p.name, defaultVersionId: p.defaultVersionId },
            })),
            next: page.next,
          };
        }
        const list = ref.folder === 'users' ? listUsers : ref.folder === 'groups' ? listGroups : listRoles;
        const page = await list(req.clients, req);
        return { nodes: page.items.map(principalNode), next: page.next };
      }
      case 'iam.user':
        return { nodes: await principalChildren({ type: 'user', name: ref.userName }, req) };
      case 'iam.group':
        return { nodes: await principalChildren({ type: 'group', name: ref.groupName }, req) };
      case 'iam.role':
        return { nodes: await principalChildren({ type: 'role', name: ref.roleName }, req) };
      case 'iam.policy': {
        const versions = await listPolicyVersions(req.clients, ref.policyArn, req);
        return {
          nodes: versions.map((v) => ({
            id: `iam:version:${ref.policyArn}/${v.versionId}`,
            label: v.versionId,
            description: v.isDefault ? 'default' : undefined,
            tooltip: [v.created && `Created ${v.created}`].filter(Boolean).join('\n') || undefined,
            icon: v.isDefault ? 'pass-filled' : 'versions',
            contextValue: 'lcl.iam.policyDocument',
            collapsible: 'none',
            command: { command: OPEN_DOC, title: 'Open version' },
            ref: {
              kind: 'iam.policyVersion',
              policyArn: ref.policyArn,
              versionId: v.versionId,
              isDefault: v.isDefault,
            },
          })),
        };
      }
      default:
        return { nodes: [] };
    }
  },
};

export default iam;
