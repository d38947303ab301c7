import { runCases } from './_cases';
import { createTable } from '../helpers';

runCases('DDB_GSI_PK_TIME_BUCKET', [
  {
    name: '"recent orders by day" GSI',
    doc: { text: createTable({ hash: 'orderId', gsis: [{ name: 'ByDay', hash: 'orderDay', range: 'createdAt' }] }) },
    count: 1,
    severity: 'warning',
    includes: ['GSI "ByDay"', '#<0..N-1>'],
  },
  {
    name: 'GSI keyed on a timestamp',
    doc: { text: createTable({ hash: 'orderId', gsis: [{ name: 'ByTime', hash: 'createdAt' }] }) },
    count: 0,
  },
  {
    name: 'multi-attribute GSI with a date part',
    doc: { text: createTable({ hash: 'orderId', gsis: [{ name: 'G', hash: ['order_date', 'customerId'] }] }) },
    count: 0,
  },
]);
