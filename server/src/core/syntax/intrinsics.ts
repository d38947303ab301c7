// CloudFormation intrinsic functions, written as YAML short tags (`!Sub`) or as one-key objects (`{"Fn::Sub": …}`).
// Both become a DynamicNode with the long function name, so extractors see one shape whatever the host format.
import type { DynamicNode, Node, Property } from './tree';

/** Short tag (without `!`) → function name in the long form. */
export const SHORT_TAGS: ReadonlyMap<string, string> = new Map([
  ['Ref', 'Ref'],
  ['Condition', 'Condition'],
  ['Sub', 'Fn::Sub'],
  ['GetAtt', 'Fn::GetAtt'],
  ['Join', 'Fn::Join'],
  ['Select', 'Fn::Select'],
  ['Split', 'Fn::Split'],
  ['If', 'Fn::If'],
  ['Equals', 'Fn::Equals'],
  ['Not', 'Fn::Not'],
  ['And', 'Fn::And'],
  ['Or', 'Fn::Or'],
  ['FindInMap', 'Fn::FindInMap'],
  ['ImportValue', 'Fn::ImportValue'],
  ['Base64', 'Fn::Base64'],
  ['Cidr', 'Fn::Cidr'],
  ['GetAZs', 'Fn::GetAZs'],
  ['Transform', 'Fn::Transform'],
  ['Length', 'Fn::Length'],
  ['ToJsonString', 'Fn::ToJsonString'],
  ['ForEach', 'Fn::ForEach'],
]);

const LONG_NAMES = new Set(SHORT_TAGS.values());

/** Whether a one-key object key names an intrinsic (`Ref`, `Condition`, `Fn::*`). */
export function isIntrinsicName(key: string): boolean {
  return LONG_NAMES.has(key) || key.startsWith('Fn::');
}

/**
 * The intrinsic a node stands for: the node itself when it is dynamic, or a one-key `{"Fn::X": …}` / `{"Ref": …}`
 * object seen as one. Undefined for literals.
 */
export function asIntrinsic(node: Node | undefined, text?: string): DynamicNode | undefined {
  if (!node) return undefined;
  if (node.kind === 'dynamic') return node;
  if (node.kind !== 'object' || node.properties.length !== 1) return undefined;
  const only = node.properties[0]!;
  if (!isIntrinsicName(only.key)) return undefined;
  return {
    kind: 'dynamic',
    span: node.span,
    function: only.key,
    text: text ? text.slice(node.span.start, node.span.end) : only.key,
    argument: only.value,
  };
}

/**
 * Rewrites every long-form intrinsic object in a CloudFormation tree into a DynamicNode (a `Condition` key inside
 * a resource is a plain property, so `Condition` is only read as an intrinsic inside `Fn::And`/`Or`/`Not`/`If`).
 */
export function normaliseIntrinsics(node: Node, text: string, depth = 0): Node {
  if (depth > 200) return node;
  switch (node.kind) {
    case 'object': {
      const only = node.properties.length === 1 ? node.properties[0]! : undefined;
      if (only && only.key !== 'Condition' && isIntrinsicName(only.key)) {
        return {
          kind: 'dynamic',
          span: node.span,
          function: only.key,
          text: text.slice(node.span.start, node.span.end),
          argument: normaliseIntrinsics(only.value, text, depth + 1),
        };
      }
      return {
        kind: 'object',
        span: node.span,
        properties: node.properties.map((p): Property => ({
          ...p,
          value: normaliseIntrinsics(p.value, text, depth + 1),
        })),
      };
    }
    case 'array':
      return { ...node, items: node.items.map((i) => normaliseIntrinsics(i, text, depth + 1)) };
    case 'dynamic':
      return node.argument ? { ...node, argument: normaliseIntrinsics(node.argument, text, depth + 1) } : node;
    default:
      return node;
  }
}
