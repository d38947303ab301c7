// CreateTable input (`aws dynamodb create-table --cli-input-json`) and describe-table output (`{"Table": {…}}`).
import { get, type Node } from '../../syntax/tree';
import type { TableDef, TableSource } from '../model';
import { num, text, valueSpan } from '../nodes';
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

export function looksLikeApiTable(node: Node | undefined): boolean {
  return node?.kind === 'object' && get(node, 'KeySchema') !== undefined && get(node, 'Resources') === undefined;
}

/** Extracts from a CreateTable document, or the `Table` of a describe-table output. */
export function extractApi(root: Node | undefined, format: TableDef['format']): TableDef[] {
  const described = get(root, 'Table');
  if (described && looksLikeApiTable(described)) return [fromApiObject(described, 'describe-table', format)];
  if (looksLikeApiTable(root) && root) return [fromApiObject(root, 'create-table', format)];
  return [];
}

function fromApiObject(node: Node, source: TableSource, format: TableDef['format']): TableDef {
  const nameNode = get(node, 'TableName');
  const keysNode = get(node, 'KeySchema');
  const attrsNode = get(node, 'AttributeDefinitions');
  const attributes = attrsNode?.kind === 'array' ? readAttributeDefinitions(attrsNode) : undefined;
  // describe-table reports the mode in BillingModeSummary and zero throughput for on-demand tables.
  const billing = upper(get(node, 'BillingMode') ?? get(get(node, 'BillingModeSummary'), 'BillingMode'));
  let throughput = readThroughput(get(node, 'ProvisionedThroughput'));
  if (source === 'describe-table' && throughput && !throughput.read && !throughput.write) throughput = undefined;
  const describedIndexThroughput = (index: Node) => {
    const t = readThroughput(get(index, 'ProvisionedThroughput'));
    return source === 'describe-table' && t && !t.read && !t.write ? undefined : t;
  };
  const gsisNode = get(node, 'GlobalSecondaryIndexes');
  const lsisNode = get(node, 'LocalSecondaryIndexes');
  const mode = billing.value ?? (source === 'describe-table' && !throughput ? 'PAY_PER_REQUEST' : 'PROVISIONED');
  return {
    source,
    format,
    name: text(nameNode) ?? '(unnamed table)',
    nameSpan: nameNode ? valueSpan(nameNode) : node.span,
    span: node.span,
    node,
    keys: readKeySchema(keysNode),
    keysSpan: keysNode?.span ?? node.span,
    keysNode,
    attributes,
    attributesSpan: attrsNode?.span,
    attributesNode: attrsNode,
    attributeTypes: mapOf(attributes ?? []),
    billingMode: billing.value,
    billingModeSpan: billing.span,
    billingModeKnown: billing.known,
    effectiveBillingMode: billing.known ? (mode === 'PAY_PER_REQUEST' ? 'PAY_PER_REQUEST' : 'PROVISIONED') : undefined,
    throughput,
    gsis: readIndexes(gsisNode, 'GSI', describedIndexThroughput),
    lsis: readIndexes(lsisNode, 'LSI', () => undefined),
    gsisSpan: gsisNode?.span,
    lsisSpan: lsisNode?.span,
    computed: computedParts(node, LIST_PARTS),
    itemCount: num(get(node, 'ItemCount')),
    tableSizeBytes: num(get(node, 'TableSizeBytes')),
  };
}
