// The ready-made quick fixes the IAM rules share, built on the core's edit primitives (syntax/edit.ts), which this
// module also re-exports for the rule files.
import type { ActionRef } from './catalog';
import {
  ACCESS_LEVELS,
  concreteArnExample,
  expandActionPattern,
  groupByAccessLevel,
  isWildcardOnly,
  preferredResourceType,
} from './catalog';
import type { AccessLevel, IamData } from './data';
import type { Statement } from './model';
import { insertProperty, replaceString, replaceWithMany } from '../syntax/edit';
import type { Node, StringNode } from '../syntax/tree';
import type { Fix, TextEdit } from '../types';

export {
  appendArrayItem,
  indentAt,
  insertProperty,
  isFlow,
  quote,
  removeArrayItem,
  removeProperty,
  replaceKey,
  replaceString,
  replaceWithMany,
} from '../syntax/edit';

// ---------------------------------------------------------------------------------------------------------------
// Ready-made fixes shared by several rules (and by the risk rules of another engineer).

/** A fix replacing a misspelt string by each suggestion, best first and preferred. */
export function didYouMeanFixes(text: string, node: StringNode, suggestions: readonly string[], what: string): Fix[] {
  return suggestions.map((s, i) => ({
    title: `Change ${what} to ${s}`,
    edits: [replaceString(text, node, s)],
    ...(i === 0 ? { preferred: true } : {}),
  }));
}

const SERVICE_FOR_PREFIX: Readonly<Record<string, string>> = {
  lambda: 'lambda.amazonaws.com',
  ec2: 'ec2.amazonaws.com',
  ecs: 'ecs-tasks.amazonaws.com',
  glue: 'glue.amazonaws.com',
  cloudformation: 'cloudformation.amazonaws.com',
  sagemaker: 'sagemaker.amazonaws.com',
  codebuild: 'codebuild.amazonaws.com',
  states: 'states.amazonaws.com',
  apprunner: 'build.apprunner.amazonaws.com',
  datapipeline: 'datapipeline.amazonaws.com',
};

/**
 * Fixes adding `iam:PassedToService` to a statement that grants iam:PassRole. One fix per service the policy's other
 * actions suggest (lambda:CreateFunction → lambda.amazonaws.com), or a placeholder to edit. For the risk rules
 * (PASS_ROLE_WITH_STAR_IN_RESOURCE and friends) to attach.
 */
export function passedToServiceFixes(text: string, statement: Statement, otherActions: readonly string[]): Fix[] {
  return passedToServiceFixesFor(text, statement, passedToServiceTargets(otherActions));
}

/** The services to offer for iam:PassedToService, from the policy's actions (worked out once per policy). */
export function passedToServiceTargets(otherActions: readonly string[]): readonly string[] {
  const services = new Set<string>();
  for (const a of otherActions) {
    const colon = a.indexOf(':');
    const svc = SERVICE_FOR_PREFIX[(colon < 0 ? a : a.slice(0, colon)).toLowerCase()];
    if (svc) services.add(svc);
  }
  return services.size > 0 ? [...services].slice(0, 3) : ['SERVICE.amazonaws.com'];
}

/** passedToServiceFixes with the services already worked out (passedToServiceTargets). */
export function passedToServiceFixesFor(text: string, statement: Statement, targets: readonly string[]): Fix[] {
  if (statement.condition?.entries.some((e) => e.key.toLowerCase() === 'iam:passedtoservice')) return [];
  return targets.map((svc, i) => ({
    title: `Add condition iam:PassedToService = ${svc}`,
    edits: [addConditionEdit(text, statement, 'StringEquals', 'iam:PassedToService', svc)],
    ...(i === 0 ? { preferred: true } : {}),
  }));
}

/** Adds `operator: { key: value }` to the statement's Condition (creating the element when needed). */
export function addConditionEdit(
  text: string,
  statement: Statement,
  operator: string,
  key: string,
  value: string,
): TextEdit {
  const condition = statement.condition?.node;
  if (condition?.kind === 'object') {
    const existing = condition.properties.find((p) => p.key === operator);
    if (existing?.value.kind === 'object') return insertProperty(text, existing.value, key, value, 'last');
    return insertProperty(text, condition, operator, { [key]: value }, 'last');
  }
  return insertProperty(text, statement.node, 'Condition', { [operator]: { [key]: value } }, 'last');
}

/** One cumulative choice of access levels for replacing `service:*`. */
const LEVEL_CHOICES: readonly (readonly AccessLevel[])[] = [
  ['List'],
  ['List', 'Read'],
  ['List', 'Read', 'Write'],
  ['List', 'Read', 'Tagging', 'Write'],
  ACCESS_LEVELS,
];

const SHORT: Readonly<Record<AccessLevel, string>> = {
  List: 'List',
  Read: 'Read',
  Write: 'Write',
  Tagging: 'Tagging',
  'Permissions management': 'Permissions management',
};

/**
 * Fixes replacing a wildcard action (`s3:*`, `s3:Get*`) by the explicit actions it grants, one per sensible
 * choice of access levels: "List+Read actions (n)", "List+Read+Write actions (n)", … For SERVICE_WILDCARD (risk
 * rules) to attach to its finding. `listNode` is the Action value (string or array), `target` the wildcard item.
 */
export function explicitActionFixes(data: IamData, text: string, listNode: Node, target: StringNode): Fix[] {
  const refs = expandActionPattern(data, target.value);
  if (refs.length === 0 || target.value === '*') return [];
  const groups = groupByAccessLevel(refs);
  const fixes: Fix[] = [];
  let previous = 0;
  for (const choice of LEVEL_CHOICES) {
    const chosen: ActionRef[] = choice.flatMap((level) => groups.get(level) ?? []);
    if (chosen.length === 0 || chosen.length === previous) continue;
    previous = chosen.length;
    fixes.push({
      title: `Replace ${target.value} with its ${choice.map((l) => SHORT[l]).join('+')} actions (${chosen.length})`,
      edits: [
        replaceWithMany(
          text,
          listNode,
          target,
          chosen.map((r) => r.fullName),
        ),
      ],
    });
  }
  return fixes;
}

/** Most actions a Resource-scoping fix expands a statement's wildcards into. */
const MAX_SCOPED_ACTIONS = 200;

/**
 * A fix replacing `"*"` in a statement's Resource by example ARNs of its actions' resource types, as text to edit
 * (`arn:aws:s3:::BUCKET_NAME/*`). Offered only when every action of the statement can be scoped: replacing `*` would
 * otherwise silently drop the '*'-only ones. For RESOURCE_STAR (risk rules) to attach.
 */
export function scopeResourceFixes(data: IamData, text: string, statement: Statement, star: StringNode): Fix[] {
  const list = statement.resource;
  if (!list || statement.notAction) return [];
  const refs: ActionRef[] = [];
  for (const v of statement.action?.values ?? []) {
    if (v.kind !== 'string' || v.value === '*') return [];
    const expanded = expandActionPattern(data, v.value);
    if (expanded.length === 0) return [];
    refs.push(...expanded);
    if (refs.length > MAX_SCOPED_ACTIONS) return [];
  }
  if (refs.length === 0 || refs.some(isWildcardOnly)) return [];
  const examples = [...new Set(refs.map((r) => preferredResourceType(r)?.arn).filter((a): a is string => !!a))].map(
    concreteArnExample,
  );
  if (examples.length === 0) return [];
  const others = (list.values ?? []).filter((v) => v !== star);
  const shown = examples.length === 1 ? examples[0] : `${examples.length} ARN templates`;
  return [
    {
      title: `Scope Resource to ${shown}`,
      edits: [
        replaceWithMany(
          text,
          list.node,
          star,
          examples.filter((e) => !others.some((o) => o.kind === 'string' && o.value === e)),
        ),
      ],
    },
  ];
}
