// DynamoDB in the explorer: tables (key schema, billing mode, item count) → their secondary indexes.
import { describeTable, formatKeys, listTables, type TableRecord } from '../../aws/dynamodb';
import type { ExplorerNode, ListRequest, Page, ServiceExplorer } from '../model';
import { humanBytes, plural } from './format';

function tableNode(t: TableRecord): ExplorerNode {
  const billing =
    t.billingMode === 'PAY_PER_REQUEST'
      ? 'on-demand'
      : `provisioned ${t.readCapacity ?? '?'}R/${t.writeCapacity ?? '?'}W`;
  const gsis = t.indexes.filter((i) => i.type === 'GSI').length;
  const lsis = t.indexes.length - gsis;
  const parts = [
    formatKeys(t.keys),
    t.itemCount !== undefined ? plural(t.itemCount, 'item') : undefined,
    billing,
    gsis ? plural(gsis, 'GSI') : undefined,
    lsis ? plural(lsis, 'LSI') : undefined,
    t.status !== 'ACTIVE' ? t.status : undefined,
  ].filter(Boolean);
  return {
    id: `dynamodb:table:${t.name}`,
    label: t.name,
    description: parts.join(' · '),
    tooltip: [
      t.arn ?? t.name,
      `Status: ${t.status}`,
      `Partition key: ${t.keys.find((k) => k.role === 'HASH')?.name ?? '?'}`,
      t.keys.some((k) => k.role === 'RANGE')
        ? `Sort key: ${t.keys.find((k) => k.role === 'RANGE')?.name}`
        : 'No sort key',
      `Billing: ${billing}`,
      t.itemCount !== undefined
        ? `Items: ${t.itemCount} (approximate, refreshed by DynamoDB every few hours)`
        : undefined,
      t.sizeBytes !== undefined ? `Size: ${humanBytes(t.sizeBytes)}` : undefined,
      t.streamViewType ? `Stream: ${t.streamViewType}` : undefined,
      t.describeError ? `Describe failed: ${t.describeError}` : undefined,
    ]
      .filter(Boolean)
      .join('\n'),
    icon: 'table',
    contextValue: 'lcl.dynamodb.table',
    collapsible: t.indexes.length ? 'collapsed' : 'none',
    ref: { kind: 'dynamodb.table', tableName: t.name },
  };
}

function indexNodes(t: TableRecord): ExplorerNode[] {
  return t.indexes.map((ix) => ({
    id: `dynamodb:index:${t.name}/${ix.name}`,
    label: ix.name,
    description: [ix.type, formatKeys(ix.keys), ix.projection && `projects ${ix.projection}`, ix.status]
      .filter(Boolean)
      .join(' · '),
    tooltip: `${ix.type === 'GSI' ? 'Global' : 'Local'} secondary index on ${t.name}\nKeys: ${formatKeys(ix.keys)}`,
    icon: ix.type === 'GSI' ? 'list-tree' : 'list-flat',
    contextValue: 'lcl.dynamodb.index',
    collapsible: 'none',
    ref: { kind: 'dynamodb.index', tableName: t.name, indexName: ix.name, type: ix.type },
  }));
}

const dynamodb: ServiceExplorer = {
  id: 'dynamodb',
  label: 'DynamoDB',
  icon: 'database',
  order: 40,
  healthNames: ['dynamodb'],
  listOperation: 'List tables',
  operationFor: () => 'Describe table',

  async children(parent: ExplorerNode | undefined, req: ListRequest): Promise<Page> {
    if (!parent) {
      const page = await listTables(req.clients, req);
      return { nodes: page.tables.map(tableNode), next: page.next };
    }
    if (parent.ref.kind !== 'dynamodb.table') return { nodes: [] };
    return { nodes: indexNodes(await describeTable(req.clients, parent.ref.tableName, req)) };
  },
};

export default dynamodb;
