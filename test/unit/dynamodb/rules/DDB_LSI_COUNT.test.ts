import { runCases } from './_cases';
import { createTable } from '../helpers';

const lsis = (k: number) => Array.from({ length: k }, (_, i) => ({ name: `L${i}`, range: `s${i}` }));
runCases('DDB_LSI_COUNT', [
  { name: 'five LSIs', doc: { text: createTable({ hash: 'id', range: 'sk', lsis: lsis(5) }) }, count: 0 },
  {
    name: 'six LSIs',
    doc: { text: createTable({ hash: 'id', range: 'sk', lsis: lsis(6) }) },
    count: 1,
    severity: 'error',
    includes: ['6 local secondary indexes', 'limit is 5'],
  },
]);
