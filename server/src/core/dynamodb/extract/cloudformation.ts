// CloudFormation and SAM templates (YAML or JSON): `AWS::DynamoDB::Table`, `AWS::DynamoDB::GlobalTable`,
// `AWS::Serverless::SimpleTable`. Intrinsics arrive as dynamic nodes and are treated as unknown.
import { get, type Node } from '../../syntax/tree';
import type { AttributeDef, Capacity, KeyElement, TableDef } from '../model';
import { isObject, num, text, valueSpan } from '../nodes';
import {
  computedParts,
  LIST_PARTS,
  mapOf,
  readAttributeDefinitions,
  readIndexes,
  readKeySchema,
  readThroughput,
  upper,
} from './awsShape';

export const TABLE_TYPES = ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::Serverless::SimpleTable'];

export function looksLikeCloudFormation(root: Node | undefined): boolean {
  const resources = get(root, 'Resources');
  return (
    isObject(resources) && resources.properties.some((r) => TABLE_TYPES.includes(text(get(r.value, 'Type')) ?? ''))
  );
}

export function extractCloudFormation(root: Node | undefined, format: TableDef['format']): TableDef[] {
  const resources = get(root, 'Resources');
  if (!isObject(resources)) return [];
  const out: TableDef[] = [];
  for (const r of resources.properties) {
    const type = text(get(r.value, 'Type'));
    const propsNode = get(r.value, 'Properties');
    // A resource without Properties still gets a model (SAM defaults); an empty object stands in.
    const holder: Node = propsNode ?? r.value;
    if (type === 'AWS::DynamoDB::Table' || type === 'AWS::DynamoDB::GlobalTable') {
      out.push(fromTable(r.key, r.keySpan, r.span, holder, type === 'AWS::DynamoDB::GlobalTable', format));
    } else if (type === 'AWS::Serverless::SimpleTable') {
      out.push(fromSimpleTable(r.key, r.keySpan, r.span, holder, propsNode !== undefined, format));
    }
  }
  return out;
}

function fromTable(
  logicalId: string,
  idSpan: TableDef['span'],
  span: TableDef['span'],
  node: Node,
  global: boolean,
  format: TableDef['format'],
): TableDef {
  const nameNode = get(node, 'TableName');
  const keysNode = get(node, 'KeySchema');
  const attrsNode = get(node, 'AttributeDefinitions');
  const attributes = attrsNode && attrsNode.kind === 'array' ? readAttributeDefinitions(attrsNode) : undefined;
  const billing = upper(get(node, 'BillingMode'));
  const throughput = global ? globalThroughput(node) : readThroughput(get(node, 'ProvisionedThroughput'));
  const gsisNode = get(node, 'GlobalSecondaryIndexes');
  const lsisNode = get(node, 'LocalSecondaryIndexes');
  return {
    source: global ? 'cloudformation-global' : 'cloudformation',
    format,
    name: text(nameNode) ?? logicalId,
    nameSpan: nameNode?.kind === 'string' ? valueSpan(nameNode) : idSpan,
    span,
    node,
    keys: readKeySchema(keysNode),
    keysSpan: keysNode?.span ?? idSpan,
    keysNode,
    attributes,
    attributesSpan: attrsNode?.span,
    attributesNode: attrsNode,
    attributeTypes: mapOf(attributes ?? []),
    billingMode: billing.value,
    billingModeSpan: billing.span,
    billingModeKnown: billing.known,
    effectiveBillingMode: billing.known
      ? billing.value === 'PAY_PER_REQUEST'
        ? 'PAY_PER_REQUEST'
        : 'PROVISIONED'
      : undefined,
    throughput,
    gsis: readIndexes(gsisNode, 'GSI', (i) =>
      global ? globalThroughput(i) : readThroughput(get(i, 'ProvisionedThroughput')),
    ),
    lsis: readIndexes(lsisNode, 'LSI', () => undefined),
    gsisSpan: gsisNode?.span,
    lsisSpan: lsisNode?.span,
    computed: computedParts(node, LIST_PARTS),
  };
}

/** GlobalTable: write capacity comes from auto scaling settings (the ceiling counts), read from the first replica. */
function globalThroughput(node: Node): Capacity | undefined {
  const wNode = get(node, 'WriteProvisionedThroughputSettings');
  if (!wNode) return undefined;
  const scaling = get(wNode, 'WriteCapacityAutoScalingSettings');
  const wMax = get(scaling, 'MaxCapacity');
  let read: number | undefined;
  const replicas = get(node, 'Replicas');
  if (replicas?.kind === 'array') {
    const r = get(replicas.items[0], 'ReadProvisionedThroughputSettings');
    read = num(get(r, 'ReadCapacityUnits')) ?? num(get(get(r, 'ReadCapacityAutoScalingSettings'), 'MaxCapacity'));
  }
  return { write: num(wMax), read, span: wNode.span, writeSpan: wMax ? valueSpan(wMax) : undefined };
}

const SAM_TYPES: Record<string, string> = { String: 'S', Number: 'N', Binary: 'B' };

/** SAM SimpleTable: one HASH key from `PrimaryKey` (default `id` String); on-demand unless throughput is given. */
function fromSimpleTable(
  logicalId: string,
  idSpan: TableDef['span'],
  span: TableDef['span'],
  node: Node,
  hasProperties: boolean,
  format: TableDef['format'],
): TableDef {
  const nameNode = get(node, 'TableName');
  const pk = hasProperties ? get(node, 'PrimaryKey') : undefined;
  const pkName = get(pk, 'Name');
  const pkType = get(pk, 'Type');
  const name = pk ? (text(pkName) ?? '') : 'id';
  const written = pk ? text(pkType) : 'String';
  const keySpan = pk?.span ?? idSpan;
  const key: KeyElement = {
    attribute: name,
    keyType: 'HASH',
    span: keySpan,
    nameSpan: pkName ? valueSpan(pkName) : keySpan,
    literal: !pk || text(pkName) !== undefined,
  };
  const def: AttributeDef = {
    name,
    // Keep unknown SAM types as written so DDB_KEY_TYPE can name them.
    type: written === undefined ? '' : (SAM_TYPES[written] ?? written),
    span: keySpan,
    nameSpan: key.nameSpan,
    typeSpan: pkType ? valueSpan(pkType) : keySpan,
  };
  const throughput = readThroughput(get(node, 'ProvisionedThroughput'));
  return {
    source: 'sam',
    format,
    name: text(nameNode) ?? logicalId,
    nameSpan: nameNode?.kind === 'string' ? valueSpan(nameNode) : idSpan,
    span,
    node,
    keys: [key],
    keysSpan: keySpan,
    attributeTypes: mapOf(name ? [def] : []),
    billingModeKnown: true,
    effectiveBillingMode: throughput ? 'PROVISIONED' : 'PAY_PER_REQUEST',
    throughput,
    gsis: [],
    lsis: [],
    computed: new Set(pk?.kind === 'dynamic' ? ['KeySchema'] : []),
  };
}
