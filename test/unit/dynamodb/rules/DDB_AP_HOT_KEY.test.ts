import { runCases } from './_cases';
import { createTable, patternsFile } from '../helpers';

const table = createTable({
  name: 'Counters',
  hash: 'counterName',
  billing: 'PAY_PER_REQUEST',
  gsis: [{ name: 'ByStatus', hash: 'status' }],
});
const ap = (body: string) => ({ text: table, companions: [patternsFile('Counters', `patterns:\n${body}`)] });
runCases('DDB_AP_HOT_KEY', [
  {
    name: 'a global counter: 1,500 writes/s on one literal key',
    doc: ap(
      '  - name: bump global counter\n    operation: UpdateItem\n    keyCondition: counterName = "GLOBAL"\n    writesPerSecond: 1500\n',
    ),
    count: 1,
    severity: 'error',
    includes: ['1,500 writes/s', '× 1 WCU = 1,500 WCU/s', "above one partition's 1,000 WCU", 'at least 4 suffixes'],
    fixes: ['Write-shard'],
  },
  {
    name: 'within one partition',
    doc: ap(
      '  - name: bump\n    operation: UpdateItem\n    keyCondition: counterName = "GLOBAL"\n    writesPerSecond: 900\n',
    ),
    count: 0,
  },
  {
    name: 'reads on an index with a declared busiest-key share',
    doc: ap(
      '  - name: open tickets\n    operation: Query\n    index: ByStatus\n    keyCondition: status = :s\n    readsPerSecond: 20000\n    busiestKeyShare: 0.6\n    itemsPerKey: 10\n    itemSizeKB: 2\n',
    ),
    count: 1,
    includes: ['12,000 reads/s', '× 2.5 RCU = 30,000 RCU/s', 'GSI "ByStatus"'],
  },
  {
    name: 'spread traffic (no share, placeholder value) is not judged',
    doc: ap(
      '  - name: bump\n    operation: UpdateItem\n    keyCondition: counterName = :n\n    writesPerSecond: 50000\n',
    ),
    count: 0,
  },
  {
    name: 'items over 1 KB cost more WCU',
    doc: ap(
      '  - name: big writes\n    operation: PutItem\n    keyCondition: counterName = "X"\n    writesPerSecond: 300\n    itemSizeKB: 3.5\n',
    ),
    count: 1,
    includes: ['× 4 WCU = 1,200 WCU/s'],
  },
]);
