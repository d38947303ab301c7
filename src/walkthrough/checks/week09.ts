// Week 9 — IAM: users in groups, least-privilege managed policies, explicit denies, service roles and cross-account
// trust with an external id. Policy documents are read from the emulator and inspected here.
import type { AwsClients } from '../../aws/clients';
import {
  getManagedPolicyDocument,
  groupMembers,
  listAttachedPolicies,
  listGroups,
  listInlinePolicies,
  listPolicies,
  listRoleTrusts,
  type PolicyRecord,
  type PrincipalType,
} from '../../aws/iam';
import { callerAccount } from '../../aws/sts';
import { type Check, type CheckEnv, done, notYet, once, SCAN_LIMIT } from './types';

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

const customerPolicies = (env: CheckEnv): Promise<PolicyRecord[]> =>
  once(env, 'iam.policies', async () => (await listPolicies(env.aws, { pageSize: SCAN_LIMIT })).items);

async function policyStatements(aws: AwsClients, p: PolicyRecord): Promise<Statement[]> {
  return parsePolicy((await getManagedPolicyDocument(aws, p.arn, p.defaultVersionId)).document) ?? [];
}

/** True when the user, group or role has a managed or an inline policy. */
async function hasPolicy(aws: AwsClients, type: PrincipalType, name: string): Promise<boolean> {
  return (await listAttachedPolicies(aws, type, name)).length + (await listInlinePolicies(aws, type, name)).length > 0;
}

const userGroup: Check = async ({ aws }) => {
  for (const g of (await listGroups(aws, { pageSize: SCAN_LIMIT })).items) {
    const members = await groupMembers(aws, g.name);
    if (members.length === 0) continue;
    if (await hasPolicy(aws, 'group', g.name))
      return done(`Group ${g.name} has ${members.length} member(s) and a policy`);
  }
  return notYet('No group with a member and a policy yet');
};

const leastPrivilege: Check = async (env) => {
  let lastProblem = '';
  for (const p of await customerPolicies(env)) {
    const statements = await policyStatements(env.aws, p);
    if (!statements.some((s) => s.Effect === 'Allow')) continue;
    const broad = broadGrant(statements);
    if (!broad) return done(`${p.name} names its actions and resources`);
    lastProblem = `${p.name} still grants ${broad}`;
  }
  return notYet(lastProblem || 'No customer managed policy that allows something yet');
};

const deny: Check = async (env) => {
  for (const p of await customerPolicies(env)) {
    if ((p.attachmentCount ?? 0) === 0) continue;
    const statements = await policyStatements(env.aws, p);
    if (statements.some((s) => s.Effect === 'Deny')) return done(`${p.name} denies explicitly and is attached`);
  }
  return notYet('No attached policy with an explicit Deny yet');
};

const roles = (env: CheckEnv) => once(env, 'iam.roles', () => listRoleTrusts(env.aws, SCAN_LIMIT));

/** Principals a trust statement names for one principal type. */
function principals(s: Statement, type: 'Service' | 'AWS'): string[] {
  return typeof s.Principal === 'object' ? list(s.Principal[type]) : [];
}

const lambdaRole: Check = async (env) => {
  for (const r of await roles(env)) {
    const trust = parsePolicy(r.trustPolicy) ?? [];
    const lambdaTrust = trust.some(
      (s) => s.Effect === 'Allow' && principals(s, 'Service').includes('lambda.amazonaws.com'),
    );
    if (!lambdaTrust) continue;
    if (await hasPolicy(env.aws, 'role', r.name)) {
      return done(`${r.name} can be assumed by Lambda and has permissions`);
    }
  }
  return notYet('No role that Lambda may assume, with a permissions policy, yet');
};

/** The account id inside an AWS principal (an account id or an ARN). */
export function accountOf(principal: string): string | undefined {
  return /^\d{12}$/.test(principal) ? principal : /^arn:aws[\w-]*:iam::(\d{12}):/.exec(principal)?.[1];
}

const crossAccount: Check = async (env) => {
  const me = await callerAccount(env.aws);
  for (const r of await roles(env)) {
    for (const s of parsePolicy(r.trustPolicy) ?? []) {
      const other = principals(s, 'AWS')
        .map(accountOf)
        .find((a) => a !== undefined && a !== me);
      const externalId = Object.values(s.Condition ?? {}).some((c) => 'sts:ExternalId' in c);
      if (s.Effect === 'Allow' && other && externalId) {
        return done(`${r.name} trusts account ${other} when it presents the external id`);
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
