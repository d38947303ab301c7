// INVALID_SERVICE_PRINCIPAL_FORMAT (IAM Access Analyzer's code): a service principal that does not have the form
// AWS defines, `<service>.amazonaws.com` in lower case (`<service>.<region>.amazonaws.com` for kms:ViaService), in a
// Principal's Service entry or as the value of a key that holds service principals. IAM matches the value literally,
// so a misspelt form never matches the service.
import { parseOperator } from '../catalog';
import { replaceString } from '../fixes';
import type { IamRule } from '../rule';
import { isLiteral } from '../validity';
import type { Node, StringNode } from '../../syntax/tree';
import type { Fix } from '../../types';

/** Keys whose values are service principals, and whether the Region is part of the name. */
const PRINCIPAL_KEYS: ReadonlyMap<string, { readonly regional: boolean }> = new Map([
  ['aws:principalservicename', { regional: false }],
  ['aws:principalservicenameslist', { regional: false }],
  ['iam:passedtoservice', { regional: false }],
  ['iam:awsservicename', { regional: false }],
  ['kms:viaservice', { regional: true }],
]);

/** The DNS suffixes of service principals in each partition. */
const SUFFIX = /\.(amazonaws\.com(\.cn)?|c2s\.ic\.gov|sc2s\.sgov\.gov|amazonaws\.eu)$/;
const LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/** Why a value is not a service principal, and the corrected value when there is an obvious one. */
function problem(value: string, regional: boolean): { reason: string; fixed?: string } | undefined {
  const lower = value.toLowerCase();
  const suffix = SUFFIX.exec(lower);
  const fixed = (v: string): string | undefined => (problem(v, regional) === undefined ? v : undefined);
  if (!suffix) {
    // A bare service name ("lambda") or a name with a typo in the domain.
    const bare = /^[a-z0-9-]+$/.test(lower) ? `${lower}.amazonaws.com` : undefined;
    return { reason: 'it does not end in .amazonaws.com', ...(bare && fixed(bare) ? { fixed: bare } : {}) };
  }
  const labels = lower.slice(0, suffix.index).split('.');
  if (labels.some((l) => !LABEL.test(l))) return { reason: 'its service name has characters a service name cannot' };
  if (regional && (labels.length < 2 || !REGION.test(labels.at(-1)!))) {
    return { reason: 'kms:ViaService names the Region too, as SERVICE.REGION.amazonaws.com' };
  }
  if (value !== lower)
    return { reason: 'service principals are lower case', ...(fixed(lower) ? { fixed: lower } : {}) };
  return undefined;
}

export const INVALID_SERVICE_PRINCIPAL_FORMAT: IamRule = {
  id: 'INVALID_SERVICE_PRINCIPAL_FORMAT',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'A service principal is not written as <service>.amazonaws.com.',
  check(ctx) {
    const check = (v: StringNode, regional: boolean, where: string): void => {
      if (v.value.includes('${')) return;
      const p = problem(v.value, regional);
      if (!p) return;
      const expected = regional ? 'SERVICE.REGION.amazonaws.com' : 'SERVICE.amazonaws.com';
      const fixes: Fix[] = p.fixed
        ? [{ title: `Change to ${p.fixed}`, edits: [replaceString(ctx.text, v, p.fixed)], preferred: true }]
        : [];
      ctx.report({
        message: `Service principal "${v.value}" in ${where} is not valid: ${p.reason} (use ${expected})`,
        span: v.span,
        fixes,
      });
    };
    for (const s of ctx.policy.statements) {
      for (const principal of [s.principal, s.notPrincipal]) {
        for (const entry of principal?.entries ?? []) {
          if (entry.type !== 'Service') continue;
          for (const v of entry.values) if (isLiteral(v)) check(v, false, 'Principal.Service');
        }
      }
      for (const e of s.condition?.entries ?? []) {
        const key = PRINCIPAL_KEYS.get(e.key.toLowerCase());
        if (!key) continue;
        const op = parseOperator(e.operator);
        if (op.family !== 'String') continue; // Null, or an operator TYPE_MISMATCH reports
        const like = op.base === 'StringLike' || op.base === 'StringNotLike';
        for (const v of stringValues(e.valueNode)) {
          if (like && /[*?]/.test(v.value)) continue; // a pattern, not a name
          check(v, key.regional, e.key);
        }
      }
    }
  },
};

function stringValues(node: Node): StringNode[] {
  if (node.kind === 'string') return [node];
  if (node.kind === 'array') return node.items.filter((i): i is StringNode => i.kind === 'string');
  return [];
}
