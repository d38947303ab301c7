// Completion inside IAM policies: element names and values, service prefixes, actions (with access level), ARN
// templates for the statement's actions, condition operators and the condition keys those actions support.
// Pure: policies, text and catalogue are parameters.
import {
  type ActionRef,
  ACCESS_LEVELS,
  CONDITION_OPERATORS,
  concreteArnExample,
  conditionKeysForAction,
  expandActionPattern,
  findService,
  parseOperator,
  resourceTypesOfRef,
} from './catalog';
import type { ConditionKeyInfo, IamData } from './data';
import { POLICY_ELEMENTS, type Policy, STATEMENT_ELEMENTS, type Statement } from './model';
import { literals } from './validity';
import type { Node, ObjectNode, Property } from '../syntax/tree';
import type { CompletionEntry, Span } from '../types';

/** Actions whose resource types and keys a statement's completion considers (wildcards can grant hundreds). */
const MAX_ACTIONS = 60;

function inside(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** The characters of a key or string between its quotes (the part a completion replaces); an unterminated string
 * (the user is still typing) runs to its end. */
function innerSpan(text: string, span: Span, offset = span.end): Span {
  const q = text[span.start];
  if (q !== '"' && q !== "'") return span;
  const closed = span.end - span.start >= 2 && text[span.end - 1] === q;
  return { start: span.start + 1, end: closed ? span.end - 1 : Math.max(span.start + 1, Math.min(span.end, offset)) };
}

function rank(i: number): string {
  return String(i).padStart(5, '0');
}

function statementActions(data: IamData, s: Statement): ActionRef[] {
  const out = new Map<string, ActionRef>();
  for (const v of literals(s.action)) {
    for (const r of expandActionPattern(data, v.value)) {
      out.set(r.fullName, r);
      if (out.size >= MAX_ACTIONS) return [...out.values()];
    }
  }
  return [...out.values()];
}

function serviceEntries(data: IamData, replace: Span): CompletionEntry[] {
  return [...data.services.values()].map((svc) => ({
    label: svc.prefix,
    kind: 'service' as const,
    detail: svc.name,
    insertText: `${svc.prefix}:`,
    replace,
  }));
}

function actionEntries(data: IamData, typed: string, replace: Span): CompletionEntry[] {
  const colon = typed.indexOf(':');
  if (colon < 0) return serviceEntries(data, replace);
  const service = findService(data, typed.slice(0, colon));
  if (!service) return serviceEntries(data, replace);
  const entries: CompletionEntry[] = [
    { label: `${service.prefix}:*`, kind: 'action', detail: 'every action of the service', replace, sortText: 'z' },
  ];
  for (const a of service.actions.values()) {
    entries.push({
      label: `${service.prefix}:${a.name}`,
      kind: 'action',
      detail: a.accessLevel,
      documentation: a.description,
      replace,
      sortText: `${ACCESS_LEVELS.indexOf(a.accessLevel)}${a.name}`,
    });
  }
  return entries;
}

function arnEntries(data: IamData, s: Statement, replace: Span): CompletionEntry[] {
  const byTemplate = new Map<string, string[]>();
  for (const r of statementActions(data, s)) {
    for (const t of resourceTypesOfRef(r)) {
      const users = byTemplate.get(t.arn) ?? [];
      users.push(r.fullName);
      byTemplate.set(t.arn, users);
    }
  }
  // Shorter templates first: the plain resource (a bucket's objects) before access-point forms.
  const sorted = [...byTemplate].sort((a, b) => a[0].length - b[0].length);
  const entries: CompletionEntry[] = sorted.map(([template, users], i) => ({
    label: concreteArnExample(template),
    kind: 'arn' as const,
    detail: template,
    documentation: `Resource type of ${users.slice(0, 5).join(', ')}${users.length > 5 ? ` and ${users.length - 5} more` : ''}`,
    replace,
    sortText: rank(i),
  }));
  entries.push({ label: '*', kind: 'arn', detail: 'every resource', replace, sortText: 'z' });
  return entries;
}

function operatorEntries(replace: Span): CompletionEntry[] {
  const entries: CompletionEntry[] = [];
  let i = 0;
  for (const [base, family] of CONDITION_OPERATORS) {
    const forms = base === 'Null' ? [base] : [base, `${base}IfExists`];
    for (const form of forms)
      entries.push({ label: form, kind: 'operator', detail: `${family} operator`, replace, sortText: rank(i++) });
  }
  for (const q of ['ForAnyValue', 'ForAllValues']) {
    for (const base of ['StringEquals', 'StringLike', 'StringNotEquals', 'StringNotLike', 'ArnLike', 'ArnEquals']) {
      entries.push({
        label: `${q}:${base}`,
        kind: 'operator',
        detail: q === 'ForAnyValue' ? 'some value of a multivalued key' : 'every value of a multivalued key',
        replace,
        sortText: rank(i++),
      });
    }
  }
  return entries;
}

function keyEntries(data: IamData, s: Statement, operator: string, replace: Span): CompletionEntry[] {
  const keys = new Map<string, ConditionKeyInfo>();
  for (const r of statementActions(data, s)) {
    for (const k of conditionKeysForAction(data, r, false)) keys.set(k.name.toLowerCase(), k);
  }
  const serviceKeys = [...keys.values()];
  const family = parseOperator(operator).family;
  const all = [...serviceKeys, ...data.globalConditionKeys.values()];
  return all.map((k, i) => {
    const template = /\$\{[^}]+\}/.test(k.name);
    return {
      label: k.name,
      kind: 'conditionKey' as const,
      detail: k.type,
      ...(k.description ? { documentation: k.description } : {}),
      ...(template ? { insertText: k.name.replace(/\$\{([^}]+)\}/, '$${1:$1}'), snippet: true } : {}),
      replace,
      // Keys of the statement's own actions first, then keys whose type suits the operator.
      sortText: `${i < serviceKeys.length ? 0 : 1}${family && !k.type.toLowerCase().includes(family.toLowerCase()) ? 1 : 0}${k.name}`,
    };
  });
}

function elementEntries(names: readonly string[], present: readonly Property[], replace: Span): CompletionEntry[] {
  const have = new Set(present.map((p) => p.key));
  return names
    .filter((n) => !have.has(n))
    .map((n, i) => ({ label: n, kind: 'property' as const, replace, sortText: rank(i) }));
}

function valueEntries(values: readonly string[], replace: Span): CompletionEntry[] {
  return values.map((v, i) => ({ label: v, kind: 'value' as const, replace, sortText: rank(i) }));
}

/** String nodes of a value (a string or an array of strings), to find the one under the cursor. */
function strings(node: Node): Node[] {
  return node.kind === 'array' ? [...node.items] : [node];
}

function completeCondition(data: IamData, text: string, s: Statement, cond: Node, offset: number): CompletionEntry[] {
  const at = { start: offset, end: offset };
  if (cond.kind !== 'object') return operatorEntries(at);
  for (const op of cond.properties) {
    if (inside(op.keySpan, offset)) return operatorEntries(innerSpan(text, op.keySpan));
    if (op.value.kind === 'object' && inside(op.value.span, offset)) {
      for (const k of op.value.properties) {
        if (inside(k.keySpan, offset)) return keyEntries(data, s, op.key, innerSpan(text, k.keySpan));
        if (inside(k.value.span, offset)) return [];
      }
      return keyEntries(data, s, op.key, at);
    }
  }
  return operatorEntries(at);
}

function completeStatement(data: IamData, text: string, s: Statement, offset: number): CompletionEntry[] {
  const node: ObjectNode = s.node;
  for (const p of node.properties) {
    if (inside(p.keySpan, offset))
      return elementEntries(
        STATEMENT_ELEMENTS,
        node.properties.filter((x) => x !== p),
        innerSpan(text, p.keySpan),
      );
    if (!inside(p.value.span, offset)) continue;
    const name = p.key.toLowerCase();
    if (name === 'condition') return completeCondition(data, text, s, p.value, offset);
    const item = strings(p.value).find((n) => (n.kind === 'string' || n.kind === 'null') && inside(n.span, offset));
    if (item?.kind !== 'string' && item?.kind !== 'null') return [];
    // A key with nothing after it yet (`Resource:` in YAML) reads as null: complete at the cursor.
    const replace = item.kind === 'string' ? innerSpan(text, item.span, offset) : { start: offset, end: offset };
    const typed = text.slice(replace.start, Math.max(replace.start, offset));
    if (name === 'action' || name === 'notaction') return actionEntries(data, typed, replace);
    if (name === 'resource' || name === 'notresource') return arnEntries(data, s, replace);
    if (name === 'effect') return valueEntries(['Allow', 'Deny'], replace);
    return [];
  }
  return elementEntries(STATEMENT_ELEMENTS, node.properties, { start: offset, end: offset });
}

/** Completion entries at `offset` inside one of the policies (empty when the offset is elsewhere). */
export function iamComplete(
  policies: readonly Policy[],
  data: IamData,
  text: string,
  offset: number,
): CompletionEntry[] {
  for (const policy of policies) {
    if (!inside(policy.node.span, offset) || policy.node.kind !== 'object') continue;
    const s = policy.statements.find((x) => inside(x.node.span, offset));
    if (s) return completeStatement(data, text, s, offset);
    if (policy.synthetic) return [];
    for (const p of policy.node.properties) {
      if (inside(p.keySpan, offset)) {
        return elementEntries(
          POLICY_ELEMENTS,
          policy.node.properties.filter((x) => x !== p),
          innerSpan(text, p.keySpan),
        );
      }
      if (inside(p.value.span, offset)) {
        if (p.key === 'Version' && p.value.kind === 'string')
          return valueEntries(['2012-10-17'], innerSpan(text, p.value.span));
        return [];
      }
    }
    return elementEntries(POLICY_ELEMENTS, policy.node.properties, { start: offset, end: offset });
  }
  return [];
}
