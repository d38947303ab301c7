// What each function role's policies allow on the other resources of the graph, decided by the analysis core's policy
// evaluator (server/src/core/iam/evaluate): for every role a function uses and every queue, topic, table, bucket,
// stream, function and state machine drawn, the typical data actions are evaluated as identity-policy requests.
// Resource policies and permission boundaries are not read, so "allowed" means "this role's own policies allow it".
import { compilePolicy, evaluate, makeRequest } from '../../server/src/core/iam/evaluate/evaluate';
import { loadPolicies } from '../../server/src/core/iam/evaluate/load';
import type { NodeType, WiringGraph } from '../aws/records/wiring';

/** The data actions asked about each kind of resource (object actions on `<bucket>/*`). */
const PROBES: Partial<Record<NodeType, readonly string[]>> = {
  'AWS::SQS::Queue': ['sqs:SendMessage', 'sqs:ReceiveMessage'],
  'AWS::SNS::Topic': ['sns:Publish'],
  'AWS::DynamoDB::Table': ['dynamodb:GetItem', 'dynamodb:PutItem'],
  'AWS::S3::Bucket': ['s3:GetObject', 's3:PutObject'],
  'AWS::Kinesis::Stream': ['kinesis:PutRecord', 'kinesis:GetRecords'],
  'AWS::Lambda::Function': ['lambda:InvokeFunction'],
  'AWS::StepFunctions::StateMachine': ['states:StartExecution'],
};

export interface RoleReach {
  readonly role: string;
  /** The functions that use the role. */
  readonly functions: readonly string[];
  /** Allowed actions by resource id, in graph order. */
  readonly grants: readonly { readonly resource: string; readonly actions: readonly string[] }[];
}

export interface RoleAccess {
  readonly roles: readonly RoleReach[];
  /** Set when the evaluation budget ran out: roles after it are left out. */
  readonly truncated: boolean;
}

/** Evaluations per graph: 20 roles × 400 resources × 2 actions. */
export const MAX_EVALUATIONS = 16_000;

export function roleAccess(graph: WiringGraph, budget = MAX_EVALUATIONS): RoleAccess {
  const policies = graph.rolePolicies ?? {};
  const users = new Map<string, string[]>();
  for (const e of graph.edges) if (e.kind === 'uses-role') users.set(e.to, [...(users.get(e.to) ?? []), e.from]);
  const targets = graph.nodes.filter((n) => PROBES[n.type] && !n.missing);
  const roles: RoleReach[] = [];
  let spent = 0;
  for (const [role, functions] of users) {
    const docs = policies[role];
    if (!docs?.length) continue;
    const cost = targets.reduce((sum, t) => sum + PROBES[t.type]!.length, 0);
    if (spent + cost > budget) return { roles, truncated: true };
    spent += cost;
    const identity = docs.flatMap((d) =>
      loadPolicies(d.name, d.document).sources.map((source) => compilePolicy(source, 'identity')),
    );
    const grants = targets.flatMap((t) => {
      const resource = t.type === 'AWS::S3::Bucket' ? `${t.id}/*` : t.id;
      const actions = PROBES[t.type]!.filter((action) => {
        const request = makeRequest(role, action, resource);
        return request !== undefined && evaluate({ identity, resource: [] }, request).decision === 'allow';
      });
      return actions.length ? [{ resource: t.id, actions }] : [];
    });
    roles.push({ role, functions, grants });
  }
  return { roles, truncated: false };
}
