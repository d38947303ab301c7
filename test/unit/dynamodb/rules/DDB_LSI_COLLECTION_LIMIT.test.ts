import { runCases } from './_cases';
import { createTable, patternsFile } from '../helpers';

runCases('DDB_LSI_COLLECTION_LIMIT', [
  { name: 'no LSI', doc: { text: createTable({ hash: 'customerId', range: 'orderId' }) }, count: 0 },
  {
    name: 'an LSI (info)',
    doc: {
      text: createTable({ hash: 'customerId', range: 'orderId', lsis: [{ name: 'ByDate', range: 'createdAt' }] }),
    },
    count: 1,
    severity: 'info',
    includes: ['10 GB'],
  },
  {
    name: 'an LSI with a low-cardinality key (warning)',
    doc: { text: createTable({ hash: 'region', range: 'orderId', lsis: [{ name: 'ByDate', range: 'createdAt' }] }) },
    count: 1,
    severity: 'warning',
  },
  {
    name: 'declared collection over 10 GB (error)',
    doc: {
      text: createTable({
        name: 'Orders',
        hash: 'customerId',
        range: 'orderId',
        lsis: [{ name: 'ByDate', range: 'createdAt' }],
      }),
      companions: [
        patternsFile(
          'Orders',
          'patterns:\n  - name: orders of a customer\n    operation: Query\n    keyCondition: customerId = :c\n    itemsPerKey: 3000000\n    itemSizeKB: 4\n',
        ),
      ],
    },
    count: 1,
    severity: 'error',
    includes: ['3,000,000 items × 4 KB'],
  },
]);
