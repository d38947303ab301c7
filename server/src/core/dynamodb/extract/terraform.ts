// Terraform `resource "aws_dynamodb_table" "<name>" { … }`: hash_key / range_key, `attribute` blocks,
// `global_secondary_index` (hash_key/range_key or multi-attribute `key_schema` blocks), `local_secondary_index`.
// The HCL parser gives `resource` → type label → name label → body; repeated blocks may come as a list or as
// repeated keys, and `blocks()` flattens both.
import { get, type Node } from '../../syntax/tree';
import type { Span } from '../../types';
import type { AttributeDef, Capacity, IndexDef, KeyElement, TableDef } from '../model';
import { blocks, isObject, num, props, text, valueSpan } from '../nodes';
import { mapOf, upper } from './awsShape';

export function looksLikeTerraform(root: Node | undefined): boolean {
  return tableBlocks(root).length > 0;
}

function tableBlocks(root: Node | undefined): { name: string; nameSpan: Span; span: Span; body: Node }[] {
  const out: { name: string; nameSpan: Span; span: Span; body: Node }[] = [];
  for (const res of blocks(root, 'resource')) {
    for (const typed of props(res, 'aws_dynamodb_table')) {
      const byName = typed.value.kind === 'array' ? typed.value.items : [typed.value];
      for (const named of byName) {
        if (!isObject(named)) continue;
        for (const p of named.properties) {
          const bodies = p.value.kind === 'array' ? p.value.items : [p.value];
          for (const body of bodies) out.push({ name: p.key, nameSpan: p.keySpan, span: p.span, body });
        }
      }
    }
  }
  return out;
}

export function extractTerraform(root: Node | undefined): TableDef[] {
  return tableBlocks(root).map(({ name, nameSpan, span, body }) => fromBlock(name, nameSpan, span, body));
}

function keyFrom(node: Node | undefined, keyType: 'HASH' | 'RANGE', fallback: Span): KeyElement | undefined {
  if (!node) return undefined;
  const t = text(node);
  return {
    attribute: t ?? (node.kind === 'dynamic' ? node.text : ''),
    keyType,
    span: node.span,
    nameSpan: node ? valueSpan(node) : fallback,
    literal: t !== undefined,
  };
}

function capacity(body: Node): Capacity | undefined {
  const r = get(body, 'read_capacity');
  const w = get(body, 'write_capacity');
  if (!r && !w) return undefined;
  const first = r ?? w;
  return {
    read: num(r),
    write: num(w),
    span: first ? first.span : body.span,
    readSpan: r ? valueSpan(r) : undefined,
    writeSpan: w ? valueSpan(w) : undefined,
  };
}

function fromBlock(label: string, labelSpan: Span, span: Span, body: Node): TableDef {
  const nameNode = get(body, 'name');
  const keys: KeyElement[] = [];
  const h = keyFrom(get(body, 'hash_key'), 'HASH', labelSpan);
  const r = keyFrom(get(body, 'range_key'), 'RANGE', labelSpan);
  if (h) keys.push(h);
  if (r) keys.push(r);
  const attributes: AttributeDef[] = [];
  for (const prop of props(body, 'attribute')) {
    const list = prop.value.kind === 'array' ? prop.value.items : [prop.value];
    for (const a of list) {
      const n = get(a, 'name');
      const t = get(a, 'type');
      const name = text(n);
      if (name === undefined) continue;
      attributes.push({
        name,
        type: text(t) ?? (t ? '?' : ''),
        span: a.span,
        nameSpan: n ? valueSpan(n) : a.span,
        typeSpan: t ? valueSpan(t) : a.span,
      });
    }
  }
  const gsis: IndexDef[] = blocks(body, 'global_secondary_index').map((g) => index(g, 'GSI', h));
  const lsis: IndexDef[] = blocks(body, 'local_secondary_index').map((l) => index(l, 'LSI', h));
  // Terraform's billing_mode defaults to PROVISIONED.
  const billing = upper(get(body, 'billing_mode'));
  const hashNode = get(body, 'hash_key');
  return {
    source: 'terraform',
    format: 'hcl',
    name: text(nameNode) ?? label,
    nameSpan: nameNode?.kind === 'string' ? valueSpan(nameNode) : labelSpan,
    span,
    node: body,
    keys,
    keysSpan: hashNode?.span ?? labelSpan,
    attributes,
    attributesSpan: props(body, 'attribute')[0]?.span,
    attributeTypes: mapOf(attributes),
    billingMode: billing.value,
    billingModeSpan: billing.span,
    billingModeKnown: billing.known,
    effectiveBillingMode: billing.known
      ? billing.value === 'PAY_PER_REQUEST'
        ? 'PAY_PER_REQUEST'
        : 'PROVISIONED'
      : undefined,
    throughput: capacity(body),
    gsis,
    lsis,
    // Terraform `dynamic "global_secondary_index"` blocks generate indexes we cannot see.
    computed: new Set(
      props(body, 'dynamic').length ? ['GlobalSecondaryIndexes', 'LocalSecondaryIndexes', 'AttributeDefinitions'] : [],
    ),
  };
}

function index(node: Node, kind: 'GSI' | 'LSI', tableHash: KeyElement | undefined): IndexDef {
  const nameNode = get(node, 'name');
  const keys: KeyElement[] = [];
  const schema = blocks(node, 'key_schema');
  if (schema.length) {
    for (const k of schema) {
      const n = get(k, 'attribute_name');
      const t = text(get(k, 'key_type'));
      const el = keyFrom(n, 'HASH', k.span);
      if (el) keys.push({ ...el, keyType: (t ?? '?').toUpperCase(), span: k.span });
    }
  } else {
    // An LSI shares the table's partition key; Terraform only names its range key.
    const h = kind === 'LSI' ? tableHash : keyFrom(get(node, 'hash_key'), 'HASH', node.span);
    const r = keyFrom(get(node, 'range_key'), 'RANGE', node.span);
    if (h) keys.push(h);
    if (r) keys.push(r);
  }
  return {
    kind,
    name: text(nameNode) ?? '(unnamed index)',
    span: node.span,
    nameSpan: nameNode ? valueSpan(nameNode) : node.span,
    keys,
    keysSpan: (get(node, 'hash_key') ?? get(node, 'range_key'))?.span ?? node.span,
    node,
    throughput: capacity(node),
    projectionType: text(get(node, 'projection_type')),
  };
}
