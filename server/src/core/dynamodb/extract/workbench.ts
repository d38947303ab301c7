// NoSQL Workbench data model JSON: `DataModel[]` of tables with `KeyAttributes.{PartitionKey,SortKey}`,
// `GlobalSecondaryIndexes[].KeyAttributes`, `TableData` (sample items in DynamoDB JSON) and billing settings.
import { get, type Node } from '../../syntax/tree';
import type { AttributeDef, IndexDef, KeyElement, TableDef } from '../model';
import { listItems, plain, text, valueSpan } from '../nodes';
import { mapOf, readThroughput, upper } from './awsShape';

export function looksLikeWorkbench(root: Node | undefined): boolean {
  return get(root, 'DataModel')?.kind === 'array';
}

function keyAttributes(ka: Node | undefined): { keys: KeyElement[]; defs: AttributeDef[] } {
  const keys: KeyElement[] = [];
  const defs: AttributeDef[] = [];
  for (const [prop, keyType] of [
    ['PartitionKey', 'HASH'],
    ['SortKey', 'RANGE'],
  ] as const) {
    const k = get(ka, prop);
    if (!k) continue;
    const n = get(k, 'AttributeName');
    const t = get(k, 'AttributeType');
    const name = text(n) ?? '';
    const nameSpan = n ? valueSpan(n) : k.span;
    keys.push({ attribute: name, keyType, span: k.span, nameSpan, literal: n?.kind === 'string' });
    if (name) defs.push({ name, type: text(t) ?? '', span: k.span, nameSpan, typeSpan: t ? valueSpan(t) : k.span });
  }
  return { keys, defs };
}

export function extractWorkbench(root: Node | undefined): TableDef[] {
  const out: TableDef[] = [];
  for (const t of listItems(get(root, 'DataModel'))) {
    const nameNode = get(t, 'TableName');
    const ka = get(t, 'KeyAttributes');
    const { keys, defs } = keyAttributes(ka);
    const gsiNode = get(t, 'GlobalSecondaryIndexes');
    const gsis: IndexDef[] = listItems(gsiNode).map((g) => {
      const gka = get(g, 'KeyAttributes');
      const { keys: gk, defs: gd } = keyAttributes(gka);
      defs.push(...gd.filter((d) => !defs.some((x) => x.name === d.name)));
      const n = get(g, 'IndexName');
      return {
        kind: 'GSI',
        name: text(n) ?? '(unnamed index)',
        span: g.span,
        nameSpan: n ? valueSpan(n) : g.span,
        keys: gk,
        keysSpan: gka?.span ?? g.span,
        keysNode: gka,
        node: g,
        projectionType: text(get(get(g, 'Projection'), 'ProjectionType')),
      };
    });
    const billing = upper(get(t, 'BillingMode'));
    const items = listItems(get(t, 'TableData'))
      .map((i) => plain(i))
      .filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null && !Array.isArray(i));
    out.push({
      source: 'workbench',
      format: 'json',
      name: text(nameNode) ?? '(unnamed table)',
      nameSpan: nameNode ? valueSpan(nameNode) : t.span,
      span: t.span,
      node: t,
      keys,
      keysSpan: ka?.span ?? t.span,
      keysNode: ka,
      attributeTypes: mapOf(defs),
      billingMode: billing.value,
      billingModeSpan: billing.span,
      billingModeKnown: billing.known,
      // Workbench models default to on-demand when no mode is written.
      effectiveBillingMode: billing.known
        ? billing.value === 'PROVISIONED'
          ? 'PROVISIONED'
          : 'PAY_PER_REQUEST'
        : undefined,
      throughput: readThroughput(get(get(t, 'ProvisionedCapacitySettings'), 'ProvisionedThroughput')),
      gsis,
      lsis: [],
      gsisSpan: gsiNode?.span,
      embeddedItems: items,
      computed: new Set<string>(),
    });
  }
  return out;
}
