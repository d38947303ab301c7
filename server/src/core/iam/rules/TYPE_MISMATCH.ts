// TYPE_MISMATCH: the operator's type does not suit the key (NumericEquals on a string key, Bool on an IP key) or a
// value is not of the operator's type ("yes" for Bool, "ten" for NumericLessThan). Such conditions never match as
// intended.
import { type OperatorFamily, familyForKeyType, parseOperator } from '../catalog';
import { replaceKey } from '../fixes';
import type { IamRule } from '../rule';
import type { Node } from '../../syntax/tree';

const OPERATOR_FOR: Readonly<Record<string, string>> = {
  'String>Numeric:Equals': 'NumericEquals',
  'String>Numeric:NotEquals': 'NumericNotEquals',
  'String>Date:Equals': 'DateEquals',
  'String>Date:NotEquals': 'DateNotEquals',
  'Numeric>String:Equals': 'StringEquals',
  'Numeric>String:NotEquals': 'StringNotEquals',
  'Date>String:Equals': 'StringEquals',
  'Date>String:NotEquals': 'StringNotEquals',
  'String>Bool:Equals': 'Bool',
  'Bool>String:': 'StringEquals',
  'String>IpAddress:Equals': 'IpAddress',
  'String>IpAddress:NotEquals': 'NotIpAddress',
};

function compatible(op: OperatorFamily, key: OperatorFamily): boolean {
  if (op === key) return true;
  if (op === 'Arn' && key === 'String') return true; // ARN operators on string keys holding ARNs work
  if (op === 'String' && key === 'Arn') return true; // STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS says more
  if (op === 'Numeric' && key === 'Date') return true; // epoch seconds
  if (op === 'Binary' && key === 'String') return true;
  return false;
}

/** Scalar value nodes of a condition value (a scalar or an array of them). */
function scalars(node: Node): Node[] {
  return node.kind === 'array' ? [...node.items] : [node];
}

const IPV4 = /^(\d{1,3})(\.\d{1,3}){3}(\/\d{1,2})?$/;
const IPV6 = /^[0-9a-f:]+(\/\d{1,3})?$/i;
const DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function valueProblem(family: OperatorFamily, node: Node): string | undefined {
  if (node.kind === 'dynamic') return undefined;
  const text =
    node.kind === 'string'
      ? node.value
      : node.kind === 'number' || node.kind === 'boolean'
        ? String(node.value)
        : undefined;
  if (text === undefined) return node.kind === 'null' ? 'null is not a condition value' : undefined;
  if (text.includes('${')) return undefined;
  switch (family) {
    case 'Bool':
    case 'Null':
      return /^(true|false)$/i.test(text) ? undefined : `${text} is not true or false`;
    case 'Numeric':
      return /^-?\d+(\.\d+)?$/.test(text) ? undefined : `${text} is not a number`;
    case 'Date':
      return DATE.test(text) || /^\d+$/.test(text) ? undefined : `${text} is not an ISO 8601 date or epoch time`;
    case 'IpAddress':
      return IPV4.test(text) || (text.includes(':') && IPV6.test(text))
        ? undefined
        : `${text} is not an IP address or CIDR range`;
    default:
      return undefined;
  }
}

export const TYPE_MISMATCH: IamRule = {
  id: 'TYPE_MISMATCH',
  domain: 'iam',
  defaultSeverity: 'warning',
  title: 'A condition operator does not suit the type of its key or of its values.',
  check(ctx) {
    const { text } = ctx;
    for (const s of ctx.policy.statements) {
      for (const e of s.condition?.entries ?? []) {
        const op = parseOperator(e.operator);
        if (!op.base || !op.family) continue;
        for (const v of scalars(e.valueNode)) {
          const problem = valueProblem(op.family, v);
          if (problem) ctx.report({ message: `${problem} (operator ${e.operator}, key ${e.key})`, span: v.span });
        }
        if (op.family === 'Null') continue;
        const info = ctx.facts.conditionKey(e.key);
        const keyFamily = info ? familyForKeyType(info.type) : undefined;
        if (!info || !keyFamily || compatible(op.family, keyFamily)) continue;
        const suffix = op.base.replace(/^(String|Numeric|Date|Arn)/, '');
        const target = OPERATOR_FOR[`${op.family}>${keyFamily}:${suffix}`];
        const sameBlock =
          s.condition?.entries.filter((x) => x.operatorSpan.start === e.operatorSpan.start).length === 1;
        const renamed = target
          ? `${op.qualifier ? `${op.qualifier}:` : ''}${target}${op.ifExists && target !== 'Bool' ? 'IfExists' : ''}`
          : undefined;
        ctx.report({
          message: `Operator ${e.operator} does not suit ${e.key}, whose type is ${info.type}${renamed ? `: use ${renamed}` : ''}`,
          span: e.operatorSpan,
          fixes:
            renamed && sameBlock
              ? [
                  {
                    title: `Change operator to ${renamed}`,
                    edits: [replaceKey(text, e.operatorSpan, renamed)],
                    preferred: true,
                  },
                ]
              : [],
        });
      }
    }
  },
};
