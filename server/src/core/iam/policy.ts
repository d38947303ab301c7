// Builds the IAM policy model (model.ts) from a policy document node of the format-neutral tree. Shared by every
// host format: standalone policy files, CloudFormation/SAM templates and Terraform.
import type { Node, ObjectNode, Property } from '../syntax/tree';
import type {
  ConditionEntry,
  ConditionModel,
  Policy,
  PolicyKind,
  PrincipalEntry,
  PrincipalModel,
  Statement,
  Value,
  ValueList,
} from './model';

/** A property by exact name, else by name ignoring case (rules report the spelling separately). */
export function member(node: ObjectNode, name: string): Property | undefined {
  const exact = node.properties.find((p) => p.key === name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  return node.properties.find((p) => p.key.toLowerCase() === lower);
}

export function asValue(node: Node | undefined): Value | undefined {
  return node && (node.kind === 'string' || node.kind === 'dynamic') ? node : undefined;
}

/** A string, a dynamic value, or an array of them (other items are skipped: rules look at `node` for types). */
export function valueList(node: Node | undefined): ValueList | undefined {
  if (!node) return undefined;
  if (node.kind === 'array') {
    return { node, values: node.items.filter((i): i is Value => i.kind === 'string' || i.kind === 'dynamic') };
  }
  const v = asValue(node);
  return { node, values: v ? [v] : [] };
}

export function principalModel(node: Node | undefined): PrincipalModel | undefined {
  if (!node) return undefined;
  if (node.kind === 'string') return { node, entries: [{ type: '*', typeSpan: node.span, values: [node] }] };
  if (node.kind !== 'object') return { node, entries: [] };
  const entries: PrincipalEntry[] = node.properties.map((p) => ({
    type: p.key,
    typeSpan: p.keySpan,
    values: valueList(p.value)?.values ?? [],
  }));
  return { node, entries };
}

export function conditionModel(node: Node | undefined): ConditionModel | undefined {
  if (!node) return undefined;
  const entries: ConditionEntry[] = [];
  if (node.kind === 'object') {
    for (const op of node.properties) {
      if (op.value.kind !== 'object') continue;
      for (const k of op.value.properties) {
        entries.push({
          operator: op.key,
          operatorSpan: op.keySpan,
          key: k.key,
          keySpan: k.keySpan,
          valueNode: k.value,
        });
      }
    }
  }
  return { node, entries };
}

/** `Fn::If` picks one of two branches at deploy time: analyze both (an `AWS::NoValue` branch drops out). */
export function branches(node: Node): Node[] {
  if (node.kind === 'dynamic' && node.function === 'Fn::If' && node.argument?.kind === 'array') {
    return node.argument.items.slice(1, 3).flatMap((b) => branches(b));
  }
  return [node];
}

export function statementOf(node: ObjectNode, index: number): Statement {
  const get = (name: string): Node | undefined => member(node, name)?.value;
  const s: {
    -readonly [K in keyof Statement]: Statement[K];
  } = { node, index };
  const sid = asValue(get('Sid'));
  if (sid) s.sid = sid;
  const effect = asValue(get('Effect'));
  if (effect) s.effect = effect;
  const action = valueList(get('Action'));
  if (action) s.action = action;
  const notAction = valueList(get('NotAction'));
  if (notAction) s.notAction = notAction;
  const resource = valueList(get('Resource'));
  if (resource) s.resource = resource;
  const notResource = valueList(get('NotResource'));
  if (notResource) s.notResource = notResource;
  const principal = principalModel(get('Principal'));
  if (principal) s.principal = principal;
  const notPrincipal = principalModel(get('NotPrincipal'));
  if (notPrincipal) s.notPrincipal = notPrincipal;
  const condition = conditionModel(get('Condition'));
  if (condition) s.condition = condition;
  return s;
}

/** Statement objects of a policy document (a single statement object or an array; `Fn::If` branches expanded). */
export function statementNodes(doc: Node): ObjectNode[] {
  if (doc.kind !== 'object') return [];
  const st = member(doc, 'Statement')?.value;
  if (!st) return [];
  const list = st.kind === 'array' ? st.items : [st];
  return list.flatMap((n) => branches(n)).filter((n): n is ObjectNode => n.kind === 'object');
}

/** Whether a node looks like a policy document: an object with a Statement element. */
export function isPolicyDocument(node: Node | undefined): boolean {
  return node?.kind === 'object' && node.properties.some((p) => p.key === 'Statement' || p.key === 'statement');
}

const ASSUME_ROLE =
  /^sts:(assumerole|assumerolewithsaml|assumerolewithwebidentity|assumeroot|tagsession|setsourceidentity|setcontext)$/i;

/**
 * Kind of a policy found on its own (a file): trust when a statement with a Principal allows an sts:AssumeRole*
 * action, resource when any statement names a Principal, identity otherwise.
 */
export function classify(statements: readonly Statement[]): PolicyKind {
  const withPrincipal = statements.filter((s) => s.principal || s.notPrincipal);
  if (withPrincipal.length === 0) return 'identity';
  const assumes = withPrincipal.some((s) =>
    s.action?.values.some(
      (v) => v.kind === 'string' && (ASSUME_ROLE.test(v.value) || /^sts:assumerole\*?$/i.test(v.value)),
    ),
  );
  return assumes ? 'trust' : 'resource';
}

/** Characters JSON.stringify escapes (quote, backslash, control characters, lone surrogates). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** The length of JSON.stringify(text), without building the string when nothing in it needs escaping. */
function jsonLength(text: string): number {
  return ESCAPED.test(text) ? JSON.stringify(text).length : text.length + 2;
}

/** Characters AWS counts for the size quotas: the policy as compact JSON, dynamic values as their source text. */
export function compactSize(node: Node): number {
  let size = 0;
  const visit = (n: Node, depth: number): void => {
    if (depth > 200) return;
    switch (n.kind) {
      case 'object':
        size += 2 + Math.max(0, n.properties.length - 1);
        for (const p of n.properties) {
          size += jsonLength(p.key) + 1;
          visit(p.value, depth + 1);
        }
        return;
      case 'array':
        size += 2 + Math.max(0, n.items.length - 1);
        for (const i of n.items) visit(i, depth + 1);
        return;
      case 'string':
        size += jsonLength(n.value);
        return;
      case 'number':
        size += String(n.value).length;
        return;
      case 'boolean':
        size += n.value ? 4 : 5;
        return;
      case 'null':
        size += 4;
        return;
      case 'dynamic':
        size += n.text.replace(/\s+/g, '').length;
        return;
    }
  };
  visit(node, 0);
  return size;
}

export interface PolicyOptions {
  /** Decided by the host (a role's AssumeRolePolicyDocument is a trust policy); classified from content otherwise. */
  readonly kind?: PolicyKind;
  readonly origin: string;
}

/** The policy model of a JSON-shaped policy document node. */
export function buildPolicy(doc: Node, options: PolicyOptions): Policy {
  const statements = statementNodes(doc).map((n, i) => statementOf(n, i));
  const version = doc.kind === 'object' ? asValue(member(doc, 'Version')?.value) : undefined;
  const kind = options.kind ?? classify(statements);
  const base: Policy = { kind, node: doc, statements, origin: options.origin, size: compactSize(doc) };
  return version ? { ...base, version } : base;
}
