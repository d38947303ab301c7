// Hovers over IAM policies: what an action or a wildcard grants, which actions a resource serves, what a condition
// operator or key means. Pure: the policies (already extracted) and the catalogue come in as parameters.
import {
  type ActionRef,
  actionSupportsKey,
  conditionKeysForAction,
  expandActionPattern,
  findAction,
  findConditionKey,
  groupByAccessLevel,
  hasWildcard,
  matchingResourceTypes,
  parseOperator,
  resourceTypesOfRef,
} from './catalog';
import type { IamData } from './data';
import type { Policy, Statement } from './model';
import { literals, variablesAsWildcards } from './validity';
import type { StringNode } from '../syntax/tree';
import type { HoverResult, Span } from '../types';

/** Longest list of action names a wildcard hover shows per access level. */
const MAX_PER_LEVEL = 12;
/** Most actions whose resource fit a resource hover evaluates (a wildcard can grant hundreds). */
const MAX_RESOURCE_ACTIONS = 40;

function inside(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

function footer(data: IamData): string {
  return `\n\n---\n_IAM data ${data.version}, collected ${data.updatedAt}_`;
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** Markdown for one exact action. */
export function actionMarkdown(data: IamData, r: ActionRef): string {
  const lines = [`**${r.fullName}** — ${r.action.accessLevel}`, '', r.action.description || '(no description)'];
  const types = resourceTypesOfRef(r);
  lines.push('');
  if (types.length === 0) lines.push('**Resource:** only `"*"` (the action cannot be scoped to a resource)');
  else {
    lines.push('**Resource types:**');
    for (const t of types) {
      const required = r.action.resourceTypes.find((x) => x.name.toLowerCase() === t.name.toLowerCase())?.required;
      lines.push(`- ${t.name}${required ? ' (required)' : ''}: ${code(t.arn)}`);
    }
  }
  const keys = conditionKeysForAction(data, r, false).map((k) => k.name);
  if (keys.length > 0) {
    lines.push(
      '',
      `**Condition keys:** ${keys.slice(0, 20).map(code).join(', ')}${keys.length > 20 ? ` and ${keys.length - 20} more` : ''}`,
    );
  }
  if (r.action.dependentActions.length > 0) {
    lines.push('', `**Dependent actions:** ${r.action.dependentActions.map(code).join(', ')}`);
  }
  return lines.join('\n');
}

/** Markdown for a wildcard action: how many actions it grants, grouped by access level (lists capped). */
export function wildcardMarkdown(pattern: string, refs: readonly ActionRef[]): string {
  if (refs.length === 0) return `**${code(pattern)}** matches no action.`;
  const lines = [`**${code(pattern)}** grants ${refs.length} action${refs.length === 1 ? '' : 's'}:`];
  for (const [level, list] of groupByAccessLevel(refs)) {
    const shown = list.slice(0, MAX_PER_LEVEL).map((r) => code(r.fullName));
    const more = list.length > MAX_PER_LEVEL ? ` … and ${list.length - MAX_PER_LEVEL} more` : '';
    lines.push('', `**${level}** (${list.length}): ${shown.join(', ')}${more}`);
  }
  return lines.join('\n');
}

function statementActions(data: IamData, s: Statement): ActionRef[] {
  const out = new Map<string, ActionRef>();
  for (const v of literals(s.action)) {
    for (const r of expandActionPattern(data, v.value).slice(0, MAX_RESOURCE_ACTIONS)) out.set(r.fullName, r);
    if (out.size >= MAX_RESOURCE_ACTIONS) break;
  }
  return [...out.values()];
}

function resourceMarkdown(data: IamData, s: Statement, v: StringNode): string {
  const pattern = variablesAsWildcards(v.value);
  const actions = statementActions(data, s);
  const lines = [`**Resource** ${code(v.value)}`];
  if (actions.length === 0) {
    lines.push('', 'The statement names no known action to check this resource against.');
    return lines.join('\n');
  }
  const serves: string[] = [];
  const misses: string[] = [];
  for (const r of actions) {
    const types = resourceTypesOfRef(r);
    if (types.length === 0) {
      (pattern === '*' ? serves : misses).push(`${code(r.fullName)} (only "*")`);
      continue;
    }
    const fit = matchingResourceTypes(r, pattern);
    if (fit.length > 0) serves.push(`${code(r.fullName)} (${fit.map((t) => t.name).join(', ')})`);
    else misses.push(`${code(r.fullName)} (needs ${types.map((t) => t.name).join(' or ')})`);
  }
  lines.push('', `**Serves:** ${serves.length > 0 ? serves.join(', ') : 'none of the statement’s actions'}`);
  if (misses.length > 0) lines.push('', `**Does not serve:** ${misses.join(', ')}`);
  return lines.join('\n');
}

const FAMILY_MEANING: Readonly<Record<string, string>> = {
  String: 'compares strings (Like forms take `*` and `?` wildcards)',
  Numeric: 'compares numbers',
  Date: 'compares dates (ISO 8601 or epoch seconds)',
  Bool: 'compares with true or false',
  Binary: 'compares base64-encoded bytes',
  IpAddress: 'compares an IP address with CIDR ranges',
  Arn: 'compares ARNs field by field (wildcards allowed in each field)',
  Null: 'tests whether the key is absent (true) or present (false)',
};

function operatorMarkdown(text: string): string {
  const op = parseOperator(text);
  if (!op.base || !op.family) return `**${text}** is not a condition operator.`;
  const lines = [`**${text}** — ${op.base} ${FAMILY_MEANING[op.family] ?? ''}`];
  if (op.ifExists) lines.push('', '**IfExists:** also true when the key is absent from the request.');
  if (op.qualifier === 'ForAnyValue') {
    lines.push('', '**ForAnyValue:** true when at least one value of the (multivalued) key matches.');
  }
  if (op.qualifier === 'ForAllValues') {
    lines.push('', '**ForAllValues:** true when every value of the key matches — and when the key is absent.');
  }
  return lines.join('\n');
}

function keyMarkdown(data: IamData, s: Statement, key: string): string {
  const info = findConditionKey(data, key);
  if (!info) return `**${key}** is not a known condition key.`;
  const lines = [`**${info.name}** — ${info.type}`];
  if (info.description) lines.push('', info.description);
  const exact = literals(s.action)
    .filter((v) => !hasWildcard(v.value))
    .map((v) => findAction(data, v.value))
    .filter((r): r is ActionRef => r !== undefined);
  const unsupported = exact.filter((r) => !actionSupportsKey(data, r, key)).map((r) => code(r.fullName));
  if (unsupported.length > 0) lines.push('', `**Not supported by:** ${unsupported.join(', ')}`);
  return lines.join('\n');
}

/** The hover at `offset`, if it lies on an action, resource, condition operator or key of one of the policies. */
export function iamHover(policies: readonly Policy[], data: IamData, offset: number): HoverResult | undefined {
  for (const policy of policies) {
    if (!inside(policy.node.span, offset)) continue;
    for (const s of policy.statements) {
      if (!inside(s.node.span, offset)) continue;
      for (const v of [...literals(s.action), ...literals(s.notAction)]) {
        if (!inside(v.span, offset)) continue;
        if (hasWildcard(v.value)) {
          return {
            span: v.span,
            contents: wildcardMarkdown(v.value, expandActionPattern(data, v.value)) + footer(data),
          };
        }
        const r = findAction(data, v.value);
        const contents = r ? actionMarkdown(data, r) : `**${v.value}** is not a known action.`;
        return { span: v.span, contents: contents + footer(data) };
      }
      for (const v of [...literals(s.resource), ...literals(s.notResource)]) {
        if (inside(v.span, offset)) return { span: v.span, contents: resourceMarkdown(data, s, v) + footer(data) };
      }
      for (const e of s.condition?.entries ?? []) {
        if (inside(e.operatorSpan, offset)) return { span: e.operatorSpan, contents: operatorMarkdown(e.operator) };
        if (inside(e.keySpan, offset)) return { span: e.keySpan, contents: keyMarkdown(data, s, e.key) + footer(data) };
      }
    }
  }
  return undefined;
}
