// Readers for the shape shared by the DynamoDB API (CreateTable, describe-table) and CloudFormation:
// `KeySchema`, `AttributeDefinitions`, `ProvisionedThroughput`, `GlobalSecondaryIndexes`, `LocalSecondaryIndexes`.
import { get, type Node } from '../../syntax/tree';
import type { Span } from '../../types';
import type { AttributeDef, Capacity, IndexDef, KeyElement } from '../model';
import { listItems, num, text, valueSpan } from '../nodes';

export function readKeySchema(node: Node | undefined): KeyElement[] {
  const out: KeyElement[] = [];
  for (const el of listItems(node)) {
    const nameNode = get(el, 'AttributeName');
    const typeNode = get(el, 'KeyType');
    const name = text(nameNode);
    out.push({
      attribute: name ?? (nameNode?.kind === 'dynamic' ? nameNode.text : ''),
      keyType: (text(typeNode) ?? (typeNode ? '?' : '')).toUpperCase(),
      span: el.span,
      nameSpan: nameNode ? valueSpan(nameNode) : el.span,
      literal: name !== undefined,
    });
  }
  return out;
}

export function readAttributeDefinitions(node: Node | undefined): AttributeDef[] {
  const out: AttributeDef[] = [];
  for (const el of listItems(node)) {
    const nameNode = get(el, 'AttributeName');
    const typeNode = get(el, 'AttributeType');
    const name = text(nameNode);
    if (name === undefined) continue;
    out.push({
      name,
      type: text(typeNode) ?? (typeNode ? '?' : ''),
      span: el.span,
      nameSpan: nameNode ? valueSpan(nameNode) : el.span,
      typeSpan: typeNode ? valueSpan(typeNode) : el.span,
    });
  }
  return out;
}

export function readThroughput(node: Node | undefined): Capacity | undefined {
  if (!node) return undefined;
  const r = get(node, 'ReadCapacityUnits');
  const w = get(node, 'WriteCapacityUnits');
  return {
    read: num(r),
    write: num(w),
    span: node.span,
    readSpan: r ? valueSpan(r) : undefined,
    writeSpan: w ? valueSpan(w) : undefined,
  };
}

/** Which of the list-valued parts of a table object are computed (dynamic, or holding dynamic entries). */
export function computedParts(node: Node | undefined, names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const name of names) {
    const v = get(node, name);
    if (!v) continue;
    if (v.kind === 'dynamic' || (v.kind === 'array' && v.items.some((i) => i.kind === 'dynamic'))) out.add(name);
  }
  return out;
}

export const LIST_PARTS = ['KeySchema', 'AttributeDefinitions', 'GlobalSecondaryIndexes', 'LocalSecondaryIndexes'];

export function readIndexes(
  list: Node | undefined,
  kind: 'GSI' | 'LSI',
  throughputOf: (index: Node) => Capacity | undefined = (index) => readThroughput(get(index, 'ProvisionedThroughput')),
): IndexDef[] {
  const out: IndexDef[] = [];
  for (const el of listItems(list)) {
    // A computed entry (`!If [Cond, {...}, !Ref AWS::NoValue]`) is unknown, not an index without a name.
    if (el.kind === 'dynamic') continue;
    const nameNode = get(el, 'IndexName');
    const keysNode = get(el, 'KeySchema');
    out.push({
      kind,
      name: text(nameNode) ?? (nameNode?.kind === 'dynamic' ? nameNode.text : '(unnamed index)'),
      span: el.span,
      nameSpan: nameNode ? valueSpan(nameNode) : el.span,
      keys: readKeySchema(keysNode),
      keysSpan: keysNode?.span ?? el.span,
      keysNode,
      node: el,
      throughput: throughputOf(el),
      projectionType: text(get(get(el, 'Projection'), 'ProjectionType')),
    });
  }
  return out;
}

export function mapOf(attrs: readonly AttributeDef[]): Map<string, AttributeDef> {
  return new Map(attrs.map((a) => [a.name, a]));
}

export function upper(node: Node | undefined): { value?: string; span?: Span; known: boolean } {
  if (!node) return { known: true };
  const t = text(node);
  if (t === undefined) return { span: node.span, known: false };
  return { value: t.toUpperCase(), span: valueSpan(node), known: true };
}
