// REDUNDANT_STATEMENT: two statements that say exactly the same thing (whatever the order of their values).
import { removeArrayItem } from '../fixes';
import type { Statement } from '../model';
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
    const seen = new Map<string, Statement>();
    for (const s of ctx.policy.statements) {
      if (!s.action && !s.notAction) continue;
      const sig = signature(s);
      const first = seen.get(sig);
      if (!first) {
        seen.set(sig, s);
        continue;
      }
      const slot = statementSlot(ctx.policy, s);
      const edit = slot?.array.kind === 'array' ? removeArrayItem(ctx.text, slot.array, slot.index) : undefined;
      ctx.report({
        message: `Statement ${s.index + 1} repeats statement ${first.index + 1}: remove it`,
        span: statementAnchor(s),
        related: [{ span: statementAnchor(first), message: `statement ${first.index + 1}` }],
        ...(edit ? { fixes: [{ title: `Remove statement ${s.index + 1}`, edits: [edit], preferred: true }] } : {}),
      });
    }
  },
};
