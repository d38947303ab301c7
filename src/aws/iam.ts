// IAM listings and documents for the explorer: users, groups, roles, customer-managed policies and their versions,
// attached and inline policies, trust policies. Policy documents come back decoded and pretty-printed.
import {
  CreatePolicyCommand,
  CreateRoleCommand,
  GetAccountAuthorizationDetailsCommand,
  GetGroupCommand,
  GetGroupPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsCommand,
  ListPoliciesCommand,
  ListPolicyVersionsCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListUserPoliciesCommand,
  ListUsersCommand,
  type AttachedPolicy,
} from '@aws-sdk/client-iam';
import type { AwsClients } from './clients';
import type { Signal } from './s3';
import { mapLimit } from './concurrency';

export type PrincipalType = 'user' | 'group' | 'role';

export interface PrincipalRecord {
  readonly type: PrincipalType;
  readonly name: string;
  readonly arn: string;
  readonly path?: string;
  readonly created?: string;
  readonly description?: string;
}

export interface PolicyRecord {
  readonly name: string;
  readonly arn: string;
  readonly defaultVersionId?: string;
  readonly attachmentCount?: number;
  readonly description?: string;
}

export interface PolicyVersionRecord {
  readonly versionId: string;
  readonly isDefault: boolean;
  readonly created?: string;
}

export interface AttachedPolicyRecord {
  readonly name: string;
  readonly arn: string;
}

interface Paged<T> {
  readonly items: T[];
  readonly next?: string;
}

const opts = (s?: Signal) => (s?.signal ? { abortSignal: s.signal } : {});
type PageReq = { cursor?: string; pageSize: number } & Signal;

/** IAM returns policy documents URL-encoded; this decodes and pretty-prints (or returns the text as is). */
export function decodePolicyDocument(raw: string | undefined): string {
  if (!raw) return '';
  let text = raw;
  try {
    text = decodeURIComponent(raw);
  } catch {
    // already plain
  }
  try {
    return `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
  } catch {
    return text;
  }
}

export async function listUsers(clients: AwsClients, p: PageReq): Promise<Paged<PrincipalRecord>> {
  const out = await clients.iam().send(new ListUsersCommand({ Marker: p.cursor, MaxItems: p.pageSize }), opts(p));
  return {
    items: (out.Users ?? []).map((u) => ({
      type: 'user',
      name: u.UserName ?? '?',
      arn: u.Arn ?? '',
      path: u.Path,
      created: u.CreateDate?.toISOString(),
    })),
    next: out.IsTruncated ? out.Marker : undefined,
  };
}

export async function listGroups(clients: AwsClients, p: PageReq): Promise<Paged<PrincipalRecord>> {
  const out = await clients.iam().send(new ListGroupsCommand({ Marker: p.cursor, MaxItems: p.pageSize }), opts(p));
  return {
    items: (out.Groups ?? []).map((g) => ({
      type: 'group',
      name: g.GroupName ?? '?',
      arn: g.Arn ?? '',
      path: g.Path,
      created: g.CreateDate?.toISOString(),
    })),
    next: out.IsTruncated ? out.Marker : undefined,
  };
}

export async function listRoles(clients: AwsClients, p: PageReq): Promise<Paged<PrincipalRecord>> {
  const out = await clients.iam().send(new ListRolesCommand({ Marker: p.cursor, MaxItems: p.pageSize }), opts(p));
  return {
    items: (out.Roles ?? []).map((r) => ({
      type: 'role',
      name: r.RoleName ?? '?',
      arn: r.Arn ?? '',
      path: r.Path,
      created: r.CreateDate?.toISOString(),
      description: r.Description,
    })),
    next: out.IsTruncated ? out.Marker : undefined,
  };
}

/** The first `max` roles with their trust policies, decoded, from one listing. */
export async function listRoleTrusts(
  clients: AwsClients,
  max: number,
  s?: Signal,
): Promise<{ name: string; trustPolicy: string }[]> {
  const out = await clients.iam().send(new ListRolesCommand({ MaxItems: max }), opts(s));
  return (out.Roles ?? []).map((r) => ({
    name: r.RoleName ?? '?',
    trustPolicy: decodePolicyDocument(r.AssumeRolePolicyDocument),
  }));
}

/** User names of a group's members (first page). */
export async function groupMembers(clients: AwsClients, groupName: string, s?: Signal): Promise<string[]> {
  const out = await clients.iam().send(new GetGroupCommand({ GroupName: groupName }), opts(s));
  return (out.Users ?? []).map((u) => u.UserName ?? '?');
}

/** Customer-managed policies only (Scope Local). */
export async function listPolicies(clients: AwsClients, p: PageReq): Promise<Paged<PolicyRecord>> {
  const out = await clients
    .iam()
    .send(new ListPoliciesCommand({ Scope: 'Local', Marker: p.cursor, MaxItems: p.pageSize }), opts(p));
  return {
    items: (out.Policies ?? []).map((x) => ({
      name: x.PolicyName ?? '?',
      arn: x.Arn ?? '',
      defaultVersionId: x.DefaultVersionId,
      attachmentCount: x.AttachmentCount,
      description: x.Description,
    })),
    next: out.IsTruncated ? out.Marker : undefined,
  };
}

export async function listPolicyVersions(
  clients: AwsClients,
  policyArn: string,
  s?: Signal,
): Promise<PolicyVersionRecord[]> {
  const versions: PolicyVersionRecord[] = [];
  let marker: string | undefined;
  do {
    const out = await clients
      .iam()
      .send(new ListPolicyVersionsCommand({ PolicyArn: policyArn, Marker: marker }), opts(s));
    for (const v of out.Versions ?? []) {
      versions.push({
        versionId: v.VersionId ?? '?',
        isDefault: !!v.IsDefaultVersion,
        created: v.CreateDate?.toISOString(),
      });
    }
    marker = out.IsTruncated ? out.Marker : undefined;
  } while (marker);
  return versions;
}

const toAttached = (a: AttachedPolicy): AttachedPolicyRecord => ({ name: a.PolicyName ?? '?', arn: a.PolicyArn ?? '' });

/** Managed policies attached to a user, group or role (all pages). */
export async function listAttachedPolicies(
  clients: AwsClients,
  type: PrincipalType,
  name: string,
  s?: Signal,
): Promise<AttachedPolicyRecord[]> {
  const out: AttachedPolicyRecord[] = [];
  let marker: string | undefined;
  do {
    const page =
      type === 'user'
        ? await clients.iam().send(new ListAttachedUserPoliciesCommand({ UserName: name, Marker: marker }), opts(s))
        : type === 'group'
          ? await clients.iam().send(new ListAttachedGroupPoliciesCommand({ GroupName: name, Marker: marker }), opts(s))
          : await clients.iam().send(new ListAttachedRolePoliciesCommand({ RoleName: name, Marker: marker }), opts(s));
    out.push(...(page.AttachedPolicies ?? []).map(toAttached));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return out;
}

/** Names of the inline policies embedded in a user, group or role (all pages). */
export async function listInlinePolicies(
  clients: AwsClients,
  type: PrincipalType,
  name: string,
  s?: Signal,
): Promise<string[]> {
  const out: string[] = [];
  let marker: string | undefined;
  do {
    const page =
      type === 'user'
        ? await clients.iam().send(new ListUserPoliciesCommand({ UserName: name, Marker: marker }), opts(s))
        : type === 'group'
          ? await clients.iam().send(new ListGroupPoliciesCommand({ GroupName: name, Marker: marker }), opts(s))
          : await clients.iam().send(new ListRolePoliciesCommand({ RoleName: name, Marker: marker }), opts(s));
    out.push(...(page.PolicyNames ?? []));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return out;
}

export async function getInlinePolicyDocument(
  clients: AwsClients,
  type: PrincipalType,
  principal: string,
  policyName: string,
  s?: Signal,
): Promise<string> {
  const out =
    type === 'user'
      ? await clients.iam().send(new GetUserPolicyCommand({ UserName: principal, PolicyName: policyName }), opts(s))
      : type === 'group'
        ? await clients.iam().send(new GetGroupPolicyCommand({ GroupName: principal, PolicyName: policyName }), opts(s))
        : await clients.iam().send(new GetRolePolicyCommand({ RoleName: principal, PolicyName: policyName }), opts(s));
  return decodePolicyDocument(out.PolicyDocument);
}

export async function getTrustPolicy(clients: AwsClients, roleName: string, s?: Signal): Promise<string> {
  const out = await clients.iam().send(new GetRoleCommand({ RoleName: roleName }), opts(s));
  return decodePolicyDocument(out.Role?.AssumeRolePolicyDocument);
}

/** A managed policy's document at `versionId` (default: its default version). */
export async function getManagedPolicyDocument(
  clients: AwsClients,
  policyArn: string,
  versionId?: string,
  s?: Signal,
): Promise<{ versionId: string; document: string }> {
  let version = versionId;
  if (!version) {
    const p = await clients.iam().send(new GetPolicyCommand({ PolicyArn: policyArn }), opts(s));
    version = p.Policy?.DefaultVersionId ?? 'v1';
  }
  const out = await clients
    .iam()
    .send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: version }), opts(s));
  return { versionId: version, document: decodePolicyDocument(out.PolicyVersion?.Document) };
}

/** One identity policy of a role: `inline <name>` or the managed policy's name, with its document. */
export interface NamedPolicy {
  readonly name: string;
  readonly document: string;
}

/**
 * The identity policies of the roles that `roleArns` name (inline ones, then attached managed ones), by role ARN; a
 * role the account does not have gets no entry. GetAccountAuthorizationDetails answers a page of roles with their
 * inline policies in one call, where reading each role costs four or more; it is followed only until every role is
 * found. A managed policy's document is read once however many roles attach it.
 */
export async function rolePolicies(
  clients: AwsClients,
  roleArns: readonly string[],
  s?: Signal,
): Promise<Map<string, NamedPolicy[]>> {
  // Matched by name, as GetRole would: the ARN a function carries may spell the path differently.
  const wanted = new Map<string, string[]>();
  for (const arn of roleArns) {
    const name = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:.*\/)?([^/]+)$/.exec(arn)?.[1];
    if (name) wanted.set(name, [...(wanted.get(name) ?? []), arn]);
  }
  const found = new Map<string, { inline: NamedPolicy[]; attached: { name: string; arn: string }[] }>();
  let marker: string | undefined;
  while (wanted.size > found.size) {
    const page = await clients
      .iam()
      .send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Role'], MaxItems: 1000, Marker: marker }), opts(s));
    for (const role of page.RoleDetailList ?? []) {
      if (!role.RoleName || !wanted.has(role.RoleName)) continue;
      found.set(role.RoleName, {
        inline: (role.RolePolicyList ?? []).map((p) => ({
          name: `inline ${p.PolicyName ?? ''}`,
          document: decodePolicyDocument(p.PolicyDocument),
        })),
        attached: (role.AttachedManagedPolicies ?? []).map((p) => ({
          name: p.PolicyName ?? '',
          arn: p.PolicyArn ?? '',
        })),
      });
    }
    marker = page.IsTruncated ? page.Marker : undefined;
    if (!marker) break;
  }
  const managedArns = [...new Set([...found.values()].flatMap((r) => r.attached.map((p) => p.arn)))];
  const documents = new Map(
    await mapLimit(
      managedArns,
      4,
      async (arn) => [arn, (await getManagedPolicyDocument(clients, arn, undefined, s)).document] as const,
    ),
  );
  const out = new Map<string, NamedPolicy[]>();
  for (const [name, role] of found) {
    const policies = [
      ...role.inline,
      ...role.attached.map((p) => ({ name: p.name, document: documents.get(p.arn) ?? '' })),
    ];
    for (const arn of wanted.get(name) ?? []) out.set(arn, policies);
  }
  return out;
}

export function validateIamName(name: string): string | undefined {
  if (!name) return 'Enter a name';
  if (name.length > 128) return 'At most 128 characters';
  if (!/^[\w+=,.@-]+$/.test(name)) return 'Use letters, digits and + = , . @ _ - only';
  return undefined;
}

/** Checks a policy document is JSON with a Statement before sending it; returns the compact text. */
export function checkPolicyText(text: string): { ok: true; compact: string } | { ok: false; reason: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `the document is not valid JSON (${(err as Error).message})` };
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc) || !('Statement' in doc)) {
    return { ok: false, reason: 'a policy document is a JSON object with a "Statement"' };
  }
  return { ok: true, compact: JSON.stringify(doc) };
}

export async function createPolicy(
  clients: AwsClients,
  req: { name: string; document: string; description?: string },
  s?: Signal,
): Promise<string> {
  const out = await clients
    .iam()
    .send(
      new CreatePolicyCommand({ PolicyName: req.name, PolicyDocument: req.document, Description: req.description }),
      opts(s),
    );
  return out.Policy?.Arn ?? '';
}

export async function createRole(
  clients: AwsClients,
  req: { name: string; trustPolicy: string; description?: string },
  s?: Signal,
): Promise<string> {
  const out = await clients.iam().send(
    new CreateRoleCommand({
      RoleName: req.name,
      AssumeRolePolicyDocument: req.trustPolicy,
      Description: req.description,
    }),
    opts(s),
  );
  return out.Role?.Arn ?? '';
}
