// IAM policies in Terraform: `jsonencode({...})` and heredoc/string JSON in the policy attributes of the IAM and
// resource-policy resources, and `data "aws_iam_policy_document"` blocks (HCL element names mapped to the model).
import { walk } from '../syntax/walk';
import type { Node, ObjectNode } from '../syntax/tree';
import type { PolicySink } from './sink';
import type { ConditionEntry, Policy, PolicyKind, PrincipalEntry, Statement } from './model';
import { asValue, classify, isPolicyDocument, valueList } from './policy';

/** Resource type → [attribute, policy kind]. */
const POLICY_ATTRIBUTES: Readonly<Record<string, readonly (readonly [string, PolicyKind])[]>> = {
  aws_iam_policy: [['policy', 'identity']],
  aws_iam_role_policy: [['policy', 'identity']],
  aws_iam_user_policy: [['policy', 'identity']],
  aws_iam_group_policy: [['policy', 'identity']],
  aws_iam_role: [['assume_role_policy', 'trust']],
  aws_s3_bucket_policy: [['policy', 'resource']],
  aws_sqs_queue_policy: [['policy', 'resource']],
  aws_sns_topic_policy: [['policy', 'resource']],
  aws_s3_bucket: [['policy', 'resource']],
  aws_sqs_queue: [['policy', 'resource']],
  aws_sns_topic: [['policy', 'resource']],
  aws_kms_key: [['policy', 'resource']],
  aws_ecr_repository_policy: [['policy', 'resource']],
  aws_secretsmanager_secret_policy: [['policy', 'resource']],
  aws_lambda_layer_version_permission: [],
};

/** Blocks of one kind at the top level, as (type label, name label, body). */
function blocks(root: Node, kind: string): { type: string; name: string; body: ObjectNode }[] {
  const out: { type: string; name: string; body: ObjectNode }[] = [];
  const list = root.kind === 'object' ? root.properties.filter((p) => p.key === kind) : [];
  for (const p of list) {
    if (p.value.kind !== 'array') continue;
    for (const item of p.value.items) {
      if (item.kind !== 'object') continue;
      for (const t of item.properties) {
        if (t.value.kind !== 'object') continue;
        for (const n of t.value.properties) {
          if (n.value.kind === 'object') out.push({ type: t.key, name: n.key, body: n.value });
        }
      }
    }
  }
  return out;
}

function attr(body: ObjectNode, name: string): Node | undefined {
  return body.properties.find((p) => p.key === name)?.value;
}

/** Nested blocks of a type (each an object), e.g. the `statement` blocks of a policy document. */
function nested(body: ObjectNode, name: string): ObjectNode[] {
  const v = attr(body, name);
  if (!v) return [];
  const items = v.kind === 'array' ? v.items : [v];
  return items.filter((i): i is ObjectNode => i.kind === 'object');
}

const DATA_REF = /\bdata\.aws_iam_policy_document\.([A-Za-z0-9_-]+)\b/g;

export function extractTerraform(root: Node, sink: PolicySink): void {
  const handled = new Set<number>();
  /** Kinds implied by where a policy document data source is used. */
  const usedAs = new Map<string, PolicyKind>();
  const add = (value: Node | undefined, kind: PolicyKind, origin: string): void => {
    if (!value) return;
    if (value.kind === 'dynamic' && value.function === 'jsonencode') {
      handled.add(value.span.start);
      sink.addDocument(value.argument, kind, origin);
    } else if (value.kind === 'dynamic' && value.function === 'hcl-expression') {
      for (const m of value.text.matchAll(DATA_REF)) if (!usedAs.has(m[1]!)) usedAs.set(m[1]!, kind);
    } else {
      sink.addDocument(value, kind, origin);
    }
  };
  for (const r of blocks(root, 'resource')) {
    const origin = `${r.type}.${r.name}`;
    for (const [name, kind] of POLICY_ATTRIBUTES[r.type] ?? []) add(attr(r.body, name), kind, `${origin} ${name}`);
    if (r.type === 'aws_iam_role') {
      for (const inline of nested(r.body, 'inline_policy'))
        add(attr(inline, 'policy'), 'identity', `${origin} inline_policy`);
    }
  }
  for (const d of blocks(root, 'data')) {
    if (d.type !== 'aws_iam_policy_document') continue;
    sink.policies.push(policyDocument(d.body, `data.aws_iam_policy_document.${d.name}`, usedAs.get(d.name)));
  }
  // Anywhere else (locals, module arguments, outputs): a jsonencode of something shaped like a policy.
  walk(root, (n) => {
    if (
      n.kind === 'dynamic' &&
      n.function === 'jsonencode' &&
      !handled.has(n.span.start) &&
      isPolicyDocument(n.argument)
    ) {
      handled.add(n.span.start);
      sink.addDocument(n.argument, undefined, 'jsonencode policy');
      return false;
    }
    return true;
  });
}

function principals(blocksOf: readonly ObjectNode[]): PrincipalEntry[] {
  return blocksOf.map((b) => {
    const type = attr(b, 'type');
    return {
      type: type?.kind === 'string' ? type.value : '',
      typeSpan: (type ?? b).span,
      values: valueList(attr(b, 'identifiers'))?.values ?? [],
    };
  });
}

function conditions(blocksOf: readonly ObjectNode[]): ConditionEntry[] {
  const out: ConditionEntry[] = [];
  for (const b of blocksOf) {
    const test = attr(b, 'test');
    const variable = attr(b, 'variable');
    const values = attr(b, 'values');
    out.push({
      operator: test?.kind === 'string' ? test.value : '',
      operatorSpan: (test ?? b).span,
      key: variable?.kind === 'string' ? variable.value : '',
      keySpan: (variable ?? b).span,
      valueNode: values ?? b,
    });
  }
  return out;
}

/** `data "aws_iam_policy_document"`: statements from `statement` blocks, element names mapped to the JSON model. */
function policyDocument(body: ObjectNode, origin: string, usedAs: PolicyKind | undefined): Policy {
  const statements: Statement[] = nested(body, 'statement').map((s, index) => {
    const st: { -readonly [K in keyof Statement]: Statement[K] } = { node: s, index };
    const sid = asValue(attr(s, 'sid'));
    if (sid) st.sid = sid;
    const effect = asValue(attr(s, 'effect'));
    if (effect) st.effect = effect;
    const lists = [
      ['actions', 'action'],
      ['not_actions', 'notAction'],
      ['resources', 'resource'],
      ['not_resources', 'notResource'],
    ] as const;
    for (const [hcl, key] of lists) {
      const v = valueList(attr(s, hcl));
      if (v) st[key] = v;
    }
    const p = attr(s, 'principals');
    if (p) st.principal = { node: p, entries: principals(nested(s, 'principals')) };
    const np = attr(s, 'not_principals');
    if (np) st.notPrincipal = { node: np, entries: principals(nested(s, 'not_principals')) };
    const c = attr(s, 'condition');
    if (c) st.condition = { node: c, entries: conditions(nested(s, 'condition')) };
    return st;
  });
  const version = asValue(attr(body, 'version'));
  const base: Policy = { kind: usedAs ?? classify(statements), node: body, statements, origin, synthetic: true };
  return version ? { ...base, version } : base;
}
