import { runCases } from './_cases';
import { createTable, itemsFile, skewedItems } from '../helpers';

const many = Array.from({ length: 300 }, (_, i) => ({ ticketStatus: `s-${i}` }));
runCases('DDB_PK_LOW_CARDINALITY', [
  {
    name: 'camelCase status (ticketStatus)',
    doc: { text: createTable({ name: 'Tickets', hash: 'ticketStatus' }) },
    count: 1,
    severity: 'warning',
    includes: ['heuristic', '"status"'],
    fixes: ['Write-shard'],
  },
  { name: 'snake_case type (order_type)', doc: { text: createTable({ hash: 'order_type' }) }, count: 1 },
  {
    name: 'provisioned capacity is put in partitions',
    doc: { text: createTable({ hash: 'orderStatus', range: 'orderId', wcu: 5000 }) },
    count: 1,
    includes: ['the 5,000 WCU / 5 RCU provisioned need at least 5 evenly used values'],
  },
  {
    name: 'boolean-like prefix (isActive)',
    doc: { text: createTable({ hash: 'isActive' }) },
    count: 1,
    includes: ['yes/no flag', '2 distinct values', '2,000 WCU'],
  },
  { name: 'countryCode', doc: { text: createTable({ hash: 'countryCode' }) }, count: 1 },
  { name: 'high-cardinality id', doc: { text: createTable({ hash: 'customerId' }) }, count: 0 },
  {
    name: 'monotonic id is not flagged',
    doc: { text: createTable({ hash: 'orderNumber', types: { orderNumber: 'N' } }) },
    count: 0,
  },
  { name: 'full timestamp is not flagged', doc: { text: createTable({ hash: 'createdAt' }) }, count: 0 },
  {
    name: 'generic single-table names ask for evidence (info)',
    doc: {
      text: createTable({
        name: 'App',
        hash: 'PK',
        range: 'SK',
        gsis: [{ name: 'GSI1', hash: 'GSI1PK', range: 'GSI1SK' }],
      }),
    },
    count: 1,
    severity: 'info',
    includes: ['PK, GSI1PK', 'App.items.json'],
  },
  {
    name: 'generic names with evidence stay quiet',
    doc: {
      text: createTable({ name: 'App', hash: 'PK' }),
      companions: [itemsFile('App', skewedItems('PK', { a: 1, b: 1 }))],
    },
    count: 0,
  },
  {
    name: 'sample evidence with many values clears the name heuristic',
    doc: { text: createTable({ name: 'Tickets', hash: 'ticketStatus' }), companions: [itemsFile('Tickets', many)] },
    count: 0,
  },
  {
    name: 'rule can be switched off',
    doc: { text: createTable({ hash: 'status' }), rules: { DDB_PK_LOW_CARDINALITY: 'off' } },
    count: 0,
  },
]);
