import { runCases } from './_cases';
import { createTable } from '../helpers';

const gsis = (k: number) => Array.from({ length: k }, (_, i) => ({ name: `G${i}`, hash: `attr${i}Id` }));
runCases('DDB_GSI_COUNT', [
  {
    name: 'twenty GSIs',
    doc: { text: createTable({ hash: 'id', billing: 'PAY_PER_REQUEST', gsis: gsis(20) }) },
    count: 0,
  },
  {
    name: 'twenty-one GSIs',
    doc: { text: createTable({ hash: 'id', billing: 'PAY_PER_REQUEST', gsis: gsis(21) }) },
    count: 1,
    severity: 'warning',
    includes: ['21 global secondary indexes'],
  },
]);
