import { runCases } from './_cases';
import { createTable, itemsFile, patternsFile, skewedItems } from '../helpers';

const threeStatuses = skewedItems('status', { OPEN: 400, CLOSED: 400, PENDING: 400 });
runCases('DDB_CAPACITY_UNREACHABLE', [
  {
    name: 'declared 3 values × 1,000 WCU of 10,000 provisioned',
    doc: {
      text: createTable({ name: 'Tickets', hash: 'status', wcu: 10000, rcu: 100 }),
      companions: [patternsFile('Tickets', 'attributes:\n  status: { distinctValues: 3 }\npatterns: []\n')],
    },
    count: 1,
    severity: 'error',
    includes: ['3 distinct values × 1,000 WCU = 3,000 WCU usable of 10,000 provisioned', 'at least 10'],
    fixes: ['Write-shard'],
  },
  {
    name: 'saturated sample with 3 values',
    doc: {
      text: createTable({ name: 'Tickets', hash: 'status', wcu: 5000 }),
      companions: [itemsFile('Tickets', threeStatuses)],
    },
    count: 1,
    severity: 'error',
    includes: ['1,200 sample items'],
  },
  {
    name: 'boolean name (heuristic, warning)',
    doc: { text: createTable({ hash: 'isActive', rcu: 9000 }) },
    count: 1,
    severity: 'warning',
    includes: ['2 × 3,000 RCU = 6,000 RCU usable of 9,000'],
  },
  { name: 'capacity within reach', doc: { text: createTable({ hash: 'isActive', wcu: 1500 }) }, count: 0 },
  { name: 'unknown cardinality', doc: { text: createTable({ hash: 'customerId', wcu: 40000 }) }, count: 0 },
  {
    name: 'on-demand has nothing to check',
    doc: { text: createTable({ hash: 'isActive', billing: 'PAY_PER_REQUEST' }) },
    count: 0,
  },
  {
    name: 'a GSI with its own capacity',
    doc: { text: createTable({ hash: 'id', wcu: 10, gsis: [{ name: 'Flag', hash: 'is_deleted', wcu: 5000 }] }) },
    count: 1,
    includes: ['GSI "Flag"'],
  },
]);
