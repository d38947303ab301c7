// The AWS managed policies corpus (1,523 documents, GPL-3.0 collection: read in place from ../shared/corpus next to
// the repository, never copied into it) and the "one action added" mutation that CheckNoNewAccess must catch.
import { globMatch } from '../../server/src/core/iam/evaluate/glob';
import type { IamData } from '../../server/src/core/iam/data';
import { corpusDir, corpusPolicies } from './corpus';

/** The corpus folder: LCL_MANAGED_POLICIES, else shared/corpus beside the checkout or one of its parents. */
export function managedPoliciesDir(): string | undefined {
  return process.env.LCL_MANAGED_POLICIES || corpusDir();
}

export interface ManagedPolicy {
  /** The file name, e.g. `AdministratorAccess.json`. */
  readonly name: string;
  readonly text: string;
}

export function readManagedPolicies(dir: string): ManagedPolicy[] {
  return corpusPolicies(dir).map((p) => ({ name: `${p.name}.json`, text: p.text }));
}

type Json = Record<string, unknown>;
const asList = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];

/** Actions tried, in order, as the one added: common ones from several services. */
const CANDIDATES = [
  'iam:CreateAccessKey',
  's3:DeleteBucket',
  'ec2:TerminateInstances',
  'dynamodb:DeleteTable',
  'kms:ScheduleKeyDeletion',
  'lambda:DeleteFunction',
  'organizations:LeaveOrganization',
  'account:CloseAccount',
];

/**
 * The policy with one action added to its first Allow statement that lists actions: an action no statement of the
 * policy mentions (no Action pattern matches it and every NotAction list excludes it), so the new version surely
 * grants more. Undefined when every candidate is already granted (AdministratorAccess).
 */
export function withOneActionAdded(text: string, data: IamData): { text: string; action: string } | undefined {
  const doc = JSON.parse(text) as Json;
  const statements = (Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]) as Json[];
  const mentioned = (action: string): boolean =>
    statements.some((s) => {
      if (asList(s.Action).some((p) => globMatch(p, action, true))) return true;
      const not = asList(s.NotAction);
      return s.NotAction !== undefined && !not.some((p) => globMatch(p, action, true));
    });
  const action = CANDIDATES.find((a) => {
    const [svc, name] = a.split(':');
    return data.services.get(svc!)?.actions.has(name!.toLowerCase()) && !mentioned(a);
  });
  if (!action) return undefined;
  const target = statements.find((s) => s.Effect === 'Allow' && s.Action !== undefined);
  if (target) target.Action = [...asList(target.Action), action];
  else statements.push({ Effect: 'Allow', Action: action, Resource: '*' });
  doc.Statement = statements;
  return { text: JSON.stringify(doc, null, 2), action };
}
