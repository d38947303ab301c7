// Week 9 — IAM: users in groups, least-privilege managed policies, explicit denies, service roles and cross-account
// trust with an external id. Policy documents are read from the emulator and inspected here.
import {
  GetGroupCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsCommand,
  ListPoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { type Check, done, notYet, once, SCAN_LIMIT } from './types';

export interface Statement {
  readonly Effect?: string;
  readonly Action?: string | string[];
  readonly NotAction?: string | string[];
  readonly Resource?: string | string[];
  readonly Principal?: string | Record<string, string | string[]>;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

/** IAM returns documents URL-encoded; some emulators return them plain. Undefined when it is not a policy. */
export function parsePolicy(raw: string | undefined): Statement[] | undefined {
  if (!raw) return undefined;
  for (const text of [raw, safeDecode(raw)]) {
    try {
      const doc = JSON.parse(text) as { Statement?: Statement | Statement[] };
      if (doc.Statement === undefined) return undefined;
      return Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
    } catch {
      // try the next reading
    }
  }
  return undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The first way an Allow statement grants more than it names, or undefined when none does. */
export function broadGrant(statements: readonly Statement[]): string | undefined {
  for (const s of statements) {
    if (s.Effect !== 'Allow') continue;
    if (s.NotAction !== undefined) return 'an Allow with NotAction';
    const wild = list(s.Action).find((a) => a === '*' || a.endsWith(':*'));
    if (wild) return `action ${wild}`;
    if (list(s.Resource).includes('*')) return 'Resource "*"';
  }
  return undefined;
}

async function customerPolicies(iam: IAMClient) {
  const out = await iam.send(new ListPoliciesCommand({ Scope: 'Local', MaxItems: SCAN_LIMIT }));
  return out.Policies ?? [];
}

async function policyStatements(iam: IAMClient, arn: string, version: string | undefined): Promise<Statement[]> {
  const v = version ?? (await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.DefaultVersionId;
  const doc = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: v }));
  return parsePolicy(doc.PolicyVersion?.Document) ?? [];
}

const userGroup: Check = async (env) => {
  const { aws } = env;
  const iam = aws.iam();
  const groups = (await iam.send(new ListGroupsCommand({ MaxItems: SCAN_LIMIT }))).Groups ?? [];
  for (const g of groups) {
    const members = (await iam.send(new GetGroupCommand({ GroupName: g.GroupName }))).Users ?? [];
    if (members.length === 0) continue;
    const attached = (await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: g.GroupName })))
      .AttachedPolicies;
    const inline = (await iam.send(new ListGroupPoliciesCommand({ GroupName: g.GroupName }))).PolicyNames;
    if ((attached?.length ?? 0) + (inline?.length ?? 0) > 0) {
      return done(`Group ${g.GroupName} has ${members.length} member(s) and a policy`);
    }
  }
  return notYet('No group with a member and a policy yet');
};

const leastPrivilege: Check = async (env) => {
  const { aws } = env;
  const iam = aws.iam();
  const policies = await once(env, 'iam.policies', () => customerPolicies(iam));
  let lastProblem = '';
  for (const p of policies) {
    const statements = await policyStatements(iam, p.Arn!, p.DefaultVersionId);
    if (!statements.some((s) => s.Effect === 'Allow')) continue;
    const broad = broadGrant(statements);
    if (!broad) return done(`${p.PolicyName} names its actions and resources`);
    lastProblem = `${p.PolicyName} still grants ${broad}`;
  }
  return notYet(lastProblem || 'No customer managed policy that allows something yet');
};

const deny: Check = async (env) => {
  const { aws } = env;
  const iam = aws.iam();
  for (const p of await once(env, 'iam.policies', () => customerPolicies(iam))) {
    if ((p.AttachmentCount ?? 0) === 0) continue;
    const statements = await policyStatements(iam, p.Arn!, p.DefaultVersionId);
    if (statements.some((s) => s.Effect === 'Deny')) return done(`${p.PolicyName} denies explicitly and is attached`);
  }
  return notYet('No attached policy with an explicit Deny yet');
};

async function roles(iam: IAMClient) {
  return (await iam.send(new ListRolesCommand({ MaxItems: SCAN_LIMIT }))).Roles ?? [];
}

/** Principals a trust statement names for one principal type. */
function principals(s: Statement, type: 'Service' | 'AWS'): string[] {
  return typeof s.Principal === 'object' ? list(s.Principal[type]) : [];
}

const lambdaRole: Check = async (env) => {
  const { aws } = env;
  const iam = aws.iam();
  for (const r of await once(env, 'iam.roles', () => roles(env.aws.iam()))) {
    const trust = parsePolicy(r.AssumeRolePolicyDocument) ?? [];
    const lambdaTrust = trust.some(
      (s) => s.Effect === 'Allow' && principals(s, 'Service').includes('lambda.amazonaws.com'),
    );
    if (!lambdaTrust) continue;
    const attached = (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: r.RoleName }))).AttachedPolicies;
    const inline = (await iam.send(new ListRolePoliciesCommand({ RoleName: r.RoleName }))).PolicyNames;
    if ((attached?.length ?? 0) + (inline?.length ?? 0) > 0) {
      return done(`${r.RoleName} can be assumed by Lambda and has permissions`);
    }
  }
  return notYet('No role that Lambda may assume, with a permissions policy, yet');
};

/** The account id inside an AWS principal (an account id or an ARN). */
export function accountOf(principal: string): string | undefined {
  return /^\d{12}$/.test(principal) ? principal : /^arn:aws[\w-]*:iam::(\d{12}):/.exec(principal)?.[1];
}

const crossAccount: Check = async (env) => {
  const { aws } = env;
  const me = (await aws.sts().send(new GetCallerIdentityCommand({}))).Account;
  for (const r of await once(env, 'iam.roles', () => roles(env.aws.iam()))) {
    for (const s of parsePolicy(r.AssumeRolePolicyDocument) ?? []) {
      const other = principals(s, 'AWS')
        .map(accountOf)
        .find((a) => a !== undefined && a !== me);
      const externalId = Object.values(s.Condition ?? {}).some((c) => 'sts:ExternalId' in c);
      if (s.Effect === 'Allow' && other && externalId) {
        return done(`${r.RoleName} trusts account ${other} when it presents the external id`);
      }
    }
  }
  return notYet('No role trusts another account with an sts:ExternalId condition yet');
};

export const week09 = {
  'user-group': userGroup,
  'least-privilege': leastPrivilege,
  deny,
  'lambda-role': lambdaRole,
  'cross-account': crossAccount,
};
