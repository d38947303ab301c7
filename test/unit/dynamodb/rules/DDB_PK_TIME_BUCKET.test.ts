import { runCases } from './_cases';
import { createTable, itemsFile } from '../helpers';

const dayItems = Array.from({ length: 60 }, (_, i) => ({ bucket: `DAY#2026-11-${String((i % 3) + 10)}`, id: `e${i}` }));
const tsItems = Array.from({ length: 60 }, (_, i) => ({
  bucket: `2026-11-21T10:${String(i).padStart(2, '0')}:07.123Z`,
}));
runCases('DDB_PK_TIME_BUCKET', [
  {
    name: 'snake_case created_day',
    doc: { text: createTable({ name: 'Events', hash: 'created_day' }) },
    count: 1,
    severity: 'warning',
    includes: ['time bucket', 'heuristic'],
    fixes: ['Write-shard'],
  },
  { name: 'camelCase eventDate', doc: { text: createTable({ hash: 'eventDate' }) }, count: 1 },
  { name: 'hour', doc: { text: createTable({ hash: 'hour' }) }, count: 1 },
  { name: 'createdAt (full timestamp) is not flagged', doc: { text: createTable({ hash: 'createdAt' }) }, count: 0 },
  { name: 'updatedAt is not flagged', doc: { text: createTable({ hash: 'updatedAt' }) }, count: 0 },
  {
    name: 'sample values that are day buckets',
    doc: { text: createTable({ name: 'Events', hash: 'bucket' }), companions: [itemsFile('Events', dayItems)] },
    count: 1,
    includes: ['DAY#2026-11-'],
  },
  {
    name: 'sample values that are full timestamps are not buckets',
    doc: { text: createTable({ name: 'Events', hash: 'bucket' }), companions: [itemsFile('Events', tsItems)] },
    count: 0,
  },
]);
