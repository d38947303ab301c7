import { runCases } from './_cases';
import { createTable, patternsFile } from '../helpers';

const table = createTable({
  name: 'Orders',
  hash: 'customerId',
  range: 'orderId',
  billing: 'PAY_PER_REQUEST',
  gsis: [{ name: 'ByEmail', hash: 'email' }],
});
const ap = (body: string) => ({ text: table, companions: [patternsFile('Orders', `patterns:\n${body}`)] });
runCases('DDB_AP_SCAN', [
  {
    name: 'a Query on the partition key',
    doc: ap(
      '  - name: orders of a customer\n    operation: Query\n    keyCondition: customerId = :c AND begins_with(orderId, :p)\n',
    ),
    count: 0,
  },
  {
    name: 'a Scan',
    doc: ap('  - name: find late orders\n    operation: Scan\n'),
    count: 1,
    severity: 'warning',
    includes: ['"find late orders"', 'Scan'],
  },
  {
    name: 'a nightly export Scan is info',
    doc: ap('  - name: nightly export\n    operation: Scan\n'),
    count: 1,
    severity: 'info',
  },
  {
    name: 'a Query without the partition key',
    doc: ap('  - name: by order id\n    operation: Query\n    keyCondition: orderId = :o\n'),
    count: 1,
    includes: ['without its partition key "customerId"'],
  },
  {
    name: 'a Query on an index by its key',
    doc: ap('  - name: by email\n    operation: Query\n    index: ByEmail\n    keyCondition: email = :e\n'),
    count: 0,
  },
  {
    name: 'an unknown index',
    doc: ap('  - name: by phone\n    operation: Query\n    index: ByPhone\n    keyCondition: phone = :p\n'),
    count: 1,
    includes: ['does not define'],
  },
  {
    name: 'JSON pattern file bound by its table field',
    doc: {
      text: table,
      companions: [
        {
          uri: 'file:///work/patterns.json',
          text: JSON.stringify({ table: 'Orders', patterns: [{ name: 'all', operation: 'scan' }] }),
        },
      ],
    },
    count: 1,
  },
]);
