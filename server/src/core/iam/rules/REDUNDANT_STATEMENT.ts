// REDUNDANT_STATEMENT: two statements that say exactly the same thing (whatever the order of their values).
import { removeArrayItem } from '../fixes';
import type { Statement } from '../model';
import type { IamFacts } from '../facts';
import type { IamRule } from '../rule';
import { statementAnchor, statementSlot } from '../validity';
import type { Node } from '../../syntax/tree';

/** A canonical text of a node: arrays as sorted sets, objects with sorted keys, dynamic values by source text. */
function canon(node: Node | undefined, caseless = false): string {
  if (!node) return '-';
  switch (node.kind) {
    case 'string':
      return JSON.stringify(caseless ? node.value.toLowerCase() : node.value);
    case 'array':
      return `[${[...new Set(node.items.map((i) => canon(i, caseless)))].sort().join(',')}]`;
    case 'object':
      return `{${node.properties
        .map((p) => `${JSON.stringify(p.key)}:${canon(p.value, caseless)}`)
        .sort()
        .join(',')}}`;
    case 'dynamic':
      return `!${node.text}`;
    case 'number':
    case 'boolean':
      return JSON.stringify(String(node.value));
    case 'null':
      return 'null';
  }
}

/** A single value and a one-item array mean the same. */
function list(node: Node | undefined, caseless = false): string {
  if (node && node.kind !== 'array') return `[${canon(node, caseless)}]`;
  return canon(node, caseless);
}

function signature(s: Statement): string {
  return [
    canon(s.effect),
    list(s.action?.node, true),
    list(s.notAction?.node, true),
    list(s.resource?.node),
    list(s.notResource?.node),
    canon(s.principal?.node),
    canon(s.notPrincipal?.node),
    canon(s.condition?.node),
  ].join('|');
}

/** The least literal text of a list (lower-cased for actions), '' when it has none: the same for equal lists. */
function least(node: Node | undefined, caseless: boolean): string {
  let min = '';
  let found = false;
  const items = node?.kind === 'array' ? node.items : node ? [node] : [];
  for (const n of items) {
    if (n.kind !== 'string') continue;
    const v = caseless ? n.value.toLowerCase() : n.value;
    if (!found || v < min) min = v;
    found = true;
  }
  return min;
}

/**
 * A key two statements with the same signature always share (most statements of a policy differ in it): the effect
 * and the least action and resource texts. Action texts come lower-cased from the statement's entries (IamFacts).
 */
function quickKey(s: Statement, facts: IamFacts): string {
  let action = '';
  let found = false;
  for (const e of facts.entries(s)) {
    if (!found || e.lower < action) action = e.lower;
    found = true;
  }
  const effect = s.effect?.kind === 'string' ? s.effect.value : s.effect?.kind;
  const rest =
    s.notAction || s.notResource ? `|${least(s.notAction?.node, true)}|${least(s.notResource?.node, false)}` : '';
  return `${effect}|${action}|${least(s.resource?.node, false)}${rest}`;
}

export const REDUNDANT_STATEMENT: IamRule = {
  id: 'REDUNDANT_STATEMENT',
  domain: 'iam',
  defaultSeverity: 'hint',
  title: 'A statement repeats another statement of the policy.',
  check(ctx) {
    // A repeat needs two statements with actions: most policies are done here, before any signature is built.
    let withActions = 0;
    for (const s of ctx.policy.statements) if (s.action || s.notAction) withActions++;
    if (withActions < 2) return;
    // Statements are first told apart by a cheap key that equal signatures share (their effect and the least of
    // their action and resource texts, whatever the order of the values): full signatures are built only for
    // statements that share it with another.
    const byKey = new Map<string, number>();
    const keys = ctx.policy.statements.map((s) => (s.action || s.notAction ? quickKey(s, ctx.facts) : undefined));
    for (const k of keys) if (k !== undefined) byKey.set(k, (byKey.get(k) ?? 0) + 1);
    const seen = new Map<string, Statement>();
    ctx.policy.statements.forEach((s, i) => {
      const key = keys[i];
      if (key === undefined || byKey.get(key)! < 2) return;
      const sig = signature(s);
      const first = seen.get(sig);
      if (!first) {
        seen.set(sig, s);
        return;
      }
      const slot = statementSlot(ctx.policy, s);
      const edit = slot?.array.kind === 'array' ? removeArrayItem(ctx.text, slot.array, slot.index) : undefined;
      ctx.report({
        message: `Statement ${s.index + 1} repeats statement ${first.index + 1}: remove it`,
        span: statementAnchor(s),
        related: [{ span: statementAnchor(first), message: `statement ${first.index + 1}` }],
        ...(edit ? { fixes: [{ title: `Remove statement ${s.index + 1}`, edits: [edit], preferred: true }] } : {}),
      });
    });
  },
};
