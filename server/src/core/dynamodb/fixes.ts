// The quick fixes of the DynamoDB rules, written once per format on top of the core's edit primitives (syntax/edit.ts).
// Each returns undefined when the document's shape does not allow a safe edit (the finding still shows).
import {
  appendArrayItem,
  hclAppend,
  hclBlock,
  insertProperty,
  type Plain,
  removeArrayItem,
  removeProperty,
  replace,
} from '../syntax/edit';
import { type Format, get, type Node } from '../syntax/tree';
import type { Fix, TextEdit } from '../types';
import type { AttributeDef, IndexDef, KeyElement, TableDef } from './model';
import { partitionKey } from './model';
import { shardName } from './names';

/** The document a fix edits: its text, and its format where the edit differs (HCL bodies take blocks). */
export interface EditDoc {
  readonly text: string;
  readonly format: Format;
}

/** `key: value` as the last property of a mapping (JSON or YAML); undefined when `obj` is no mapping. */
function addProperty(doc: EditDoc, obj: Node, key: string, value: Plain): TextEdit | undefined {
  return obj.kind === 'object' ? insertProperty(doc.text, obj, key, value, 'last') : undefined;
}

/** An element appended to a list (JSON array, YAML sequence); undefined when `list` is no list. */
function addItem(doc: EditDoc, list: Node, value: Plain): TextEdit | undefined {
  return list.kind === 'array' ? appendArrayItem(doc.text, list, value) : undefined;
}

/** The property `key` of a mapping or HCL body removed, with its separator or its lines. */
function dropProperty(doc: EditDoc, obj: Node, key: string): TextEdit | undefined {
  if (obj.kind !== 'object') return undefined;
  const property = obj.properties.find((p) => p.key === key);
  return property ? removeProperty(doc.text, obj, property) : undefined;
}

function fix(title: string, edits: readonly (TextEdit | undefined)[], preferred = false): Fix | undefined {
  if (!edits.length || edits.some((e) => e === undefined)) return undefined;
  const list = edits as TextEdit[];
  // Edits of one fix must not overlap: drop a fix that would (the user still has the other fixes).
  const sorted = [...list].sort((a, b) => a.span.start - b.span.start);
  for (let i = 1; i < sorted.length; i++) {
    if ((sorted[i] as TextEdit).span.start < (sorted[i - 1] as TextEdit).span.end) return undefined;
  }
  return preferred ? { title, edits: list, preferred } : { title, edits: list };
}

/** The edit that declares attribute `name` of `type` (CreateTable/CloudFormation list, Terraform block). */
function addDefinitionEdit(doc: EditDoc, table: TableDef, name: string, type: string): TextEdit | undefined {
  if (table.source === 'sam' || table.source === 'workbench') return undefined;
  if (doc.format === 'hcl') {
    return table.node.kind === 'object'
      ? hclAppend(doc.text, table.node, hclBlock('attribute', { name, type }))
      : undefined;
  }
  const def = { AttributeName: name, AttributeType: type };
  if (table.attributesNode) return addItem(doc, table.attributesNode, def);
  return addProperty(doc, table.node, 'AttributeDefinitions', [def]);
}

export function addAttributeDefinition(doc: EditDoc, table: TableDef, name: string, type = 'S'): Fix | undefined {
  return fix(
    `Declare attribute "${name}" (${type}) in the attribute definitions`,
    [addDefinitionEdit(doc, table, name, type)],
    true,
  );
}

export function removeAttributeDefinition(doc: EditDoc, table: TableDef, def: AttributeDef): Fix | undefined {
  let edit: TextEdit | undefined;
  if (doc.format === 'hcl') edit = removeHclBlock(doc, def.span);
  else if (table.attributesNode?.kind === 'array') {
    const index = table.attributesNode.items.findIndex((i) => i.span.start === def.span.start);
    edit = index >= 0 ? removeArrayItem(doc.text, table.attributesNode, index) : undefined;
  }
  return fix(`Remove the unused definition of "${def.name}"`, [edit], true);
}

/** Removes a Terraform block (`attribute { … }`) whose body spans `body`, with its whole lines. */
function removeHclBlock(doc: EditDoc, body: { start: number; end: number }): TextEdit | undefined {
  const before = doc.text.slice(0, body.start);
  const m = /[A-Za-z_][\w-]*\s*$/.exec(before);
  if (!m) return undefined;
  const start = doc.text.lastIndexOf('\n', m.index - 1) + 1;
  let end = doc.text.indexOf('\n', body.end - 1);
  end = end < 0 ? doc.text.length : end + 1;
  return replace({ start, end }, '');
}

/** Adds provisioned throughput to a table or a GSI. */
export function addThroughput(doc: EditDoc, target: TableDef | IndexDef, read = 5, write = 5): Fix | undefined {
  const node = target.node;
  let edit: TextEdit | undefined;
  if (doc.format === 'hcl') {
    edit =
      node.kind === 'object'
        ? hclAppend(doc.text, node, `read_capacity  = ${read}\nwrite_capacity = ${write}`)
        : undefined;
  } else {
    edit = addProperty(doc, node, 'ProvisionedThroughput', { ReadCapacityUnits: read, WriteCapacityUnits: write });
  }
  return fix(`Add provisioned throughput (${read} RCU, ${write} WCU)`, [edit], true);
}

export function removeThroughput(doc: EditDoc, target: TableDef | IndexDef): Fix | undefined {
  const node = target.node;
  const edits =
    doc.format === 'hcl'
      ? ['read_capacity', 'write_capacity'].filter((k) => get(node, k)).map((k) => dropProperty(doc, node, k))
      : [dropProperty(doc, node, 'ProvisionedThroughput')];
  return fix('Remove the provisioned throughput (on-demand tables take none)', edits, true);
}

export function switchToOnDemand(doc: EditDoc, table: TableDef): Fix | undefined {
  const key = doc.format === 'hcl' ? 'billing_mode' : 'BillingMode';
  if (table.source === 'sam' || table.source === 'workbench') return undefined;
  const existing = get(table.node, key);
  const edit = existing
    ? replace(existing.span, doc.format === 'json' || doc.format === 'hcl' ? '"PAY_PER_REQUEST"' : 'PAY_PER_REQUEST')
    : doc.format === 'hcl' && table.node.kind === 'object'
      ? hclAppend(doc.text, table.node, 'billing_mode = "PAY_PER_REQUEST"')
      : addProperty(doc, table.node, key, 'PAY_PER_REQUEST');
  return fix('Switch the table to on-demand (PAY_PER_REQUEST)', [edit]);
}

/** Adds a sort key to a table that has only a partition key. */
export function addRangeKey(doc: EditDoc, table: TableDef, name: string): Fix | undefined {
  const title = `Add a sort key "${name}" (RANGE) so one partition key value can hold many items`;
  if (table.source === 'sam') return undefined;
  if (doc.format === 'hcl') {
    if (table.node.kind !== 'object') return undefined;
    const lines = `range_key = "${name}"`;
    return fix(title, [hclAppend(doc.text, table.node, `${lines}\n${hclBlock('attribute', { name, type: 'S' })}`)]);
  }
  if (table.source === 'workbench') {
    const ka = table.keysNode;
    return ka ? fix(title, [addProperty(doc, ka, 'SortKey', { AttributeName: name, AttributeType: 'S' })]) : undefined;
  }
  if (!table.keysNode) return undefined;
  return fix(title, [
    addItem(doc, table.keysNode, { AttributeName: name, KeyType: 'RANGE' }),
    addDefinitionEdit(doc, table, name, 'S'),
  ]);
}

/**
 * Sparse index: the GSI is keyed on the table's partition key with the flag as its sort key; writers set
 * the flag only on the items the index should hold (and remove it otherwise).
 */
export function sparseIndex(doc: EditDoc, table: TableDef, gsi: IndexDef, flag: KeyElement): Fix | undefined {
  const pk = partitionKey(table.keys);
  if (!pk || !pk.literal || pk.attribute === flag.attribute || gsi.keys.some((k) => k.keyType === 'RANGE')) {
    return undefined;
  }
  const title = `Make "${gsi.name}" a sparse index: partition key "${pk.attribute}", sort key "${flag.attribute}" (write it only when true)`;
  if (doc.format === 'hcl') {
    const h = get(gsi.node, 'hash_key');
    if (!h || gsi.node.kind !== 'object') return undefined;
    return fix(title, [
      replace(h.span, `"${pk.attribute}"`),
      hclAppend(doc.text, gsi.node, `range_key = "${flag.attribute}"`),
    ]);
  }
  if (!gsi.keysNode) return undefined;
  const keys: Plain =
    table.source === 'workbench'
      ? {
          PartitionKey: {
            AttributeName: pk.attribute,
            AttributeType: table.attributeTypes.get(pk.attribute)?.type ?? 'S',
          },
          SortKey: {
            AttributeName: flag.attribute,
            AttributeType: table.attributeTypes.get(flag.attribute)?.type ?? 'S',
          },
        }
      : [
          { AttributeName: pk.attribute, KeyType: 'HASH' },
          { AttributeName: flag.attribute, KeyType: 'RANGE' },
        ];
  const text = doc.format === 'json' ? JSON.stringify(keys) : flowYaml(keys);
  return fix(title, [replace(gsi.keysNode.span, text)]);
}

function flowYaml(v: Plain): string {
  // A flow collection is valid wherever the block one stood (it keeps the key's indentation context).
  return JSON.stringify(v).replace(/"([A-Za-z_][\w]*)":/g, '$1: ');
}

/**
 * Write sharding: the key attribute becomes `<name>Shard`, a string written as `<value>#<0..N-1>`
 * (random or calculated suffix); readers query every suffix and merge.
 */
export function writeShard(_doc: EditDoc, table: TableDef, attribute: string, shards: number): Fix | undefined {
  const next = shardName(attribute);
  const edits: TextEdit[] = [];
  const all: KeyElement[] = [...table.keys, ...table.gsis.flatMap((g) => g.keys), ...table.lsis.flatMap((l) => l.keys)];
  const seen = new Set<number>();
  for (const k of all) {
    if (k.attribute !== attribute || k.keyType !== 'HASH' || !k.literal || seen.has(k.nameSpan.start)) continue;
    seen.add(k.nameSpan.start);
    edits.push(replace(k.nameSpan, next));
  }
  const def = table.attributes?.find((a) => a.name === attribute) ?? table.attributeTypes.get(attribute);
  if (def && !seen.has(def.nameSpan.start)) {
    edits.push(replace(def.nameSpan, next));
    if (def.type !== 'S' && def.typeSpan.start !== def.nameSpan.start) edits.push(replace(def.typeSpan, 'S'));
  }
  if (!edits.length) return undefined;
  return fix(
    `Write-shard "${attribute}": key on "${next}" = "<${attribute}>#<0..${shards - 1}>" (${shards} shards)`,
    edits,
  );
}

/** Whether a node is the table's own node (helps rules pick a target). */
export function isTable(target: TableDef | IndexDef): target is TableDef {
  return 'source' in target;
}
