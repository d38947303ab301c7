import { runCases } from './_cases';
import { createTable, itemsFile, skewedItems } from '../helpers';

const uniform = Array.from({ length: 500 }, (_, i) => ({ customerId: `c${i}` }));
const hot = [
  ...skewedItems('customerId', { whale: 300 }),
  ...Array.from({ length: 300 }, (_, i) => ({ customerId: `c${i}` })),
];
const mild = [
  ...skewedItems('customerId', { big: 40 }),
  ...Array.from({ length: 120 }, (_, i) => ({ customerId: `c${i}` })),
];
const ddbJson = hot.map((i) => ({ customerId: { S: i.customerId } }));
runCases('DDB_SAMPLE_SKEW', [
  {
    name: 'uniform sample',
    doc: { text: createTable({ hash: 'customerId' }), companions: [itemsFile('Orders', uniform)] },
    count: 0,
  },
  {
    name: 'one whale holds half the items (error)',
    doc: { text: createTable({ hash: 'customerId' }), companions: [itemsFile('Orders', hot)] },
    count: 1,
    severity: 'error',
    includes: ['"whale" holds 50%', 'Orders.items.json'],
    fixes: ['Write-shard'],
  },
  {
    name: 'DynamoDB JSON Lines sample',
    doc: { text: createTable({ hash: 'customerId' }), companions: [itemsFile('Orders', ddbJson, true)] },
    count: 1,
    includes: ['"whale"'],
  },
  {
    name: 'a top key over 20% (warning)',
    doc: { text: createTable({ hash: 'customerId' }), companions: [itemsFile('Orders', mild)] },
    count: 1,
    severity: 'warning',
    includes: ['"big" holds 25%'],
  },
  {
    name: 'too few items to judge',
    doc: { text: createTable({ hash: 'customerId' }), companions: [itemsFile('Orders', hot.slice(0, 10))] },
    count: 0,
  },
  {
    name: 'evidence for another table is ignored',
    doc: { text: createTable({ hash: 'customerId' }), companions: [itemsFile('Customers', hot)] },
    count: 0,
  },
  {
    name: 'GSI key skew',
    doc: {
      text: createTable({
        hash: 'orderId',
        billing: 'PAY_PER_REQUEST',
        gsis: [{ name: 'ByCustomer', hash: 'customerId' }],
      }),
      companions: [
        itemsFile(
          'Orders',
          hot.map((h, i) => ({ ...h, orderId: `o${i}` })),
        ),
      ],
    },
    count: 1,
    includes: ['GSI "ByCustomer"'],
  },
]);
