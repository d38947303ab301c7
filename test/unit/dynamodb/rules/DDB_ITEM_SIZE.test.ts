import { runCases } from './_cases';
import { createTable, itemsFile } from '../helpers';

const big = 'x'.repeat(410 * 1024);
const medium = 'y'.repeat(150 * 1024);
runCases('DDB_ITEM_SIZE', [
  {
    name: 'small items',
    doc: { text: createTable({ hash: 'id' }), companions: [itemsFile('Orders', [{ id: 'a', body: 'hello' }])] },
    count: 0,
  },
  {
    name: 'an item over 400 KB',
    doc: {
      text: createTable({ hash: 'id' }),
      companions: [itemsFile('Orders', [{ id: 'a' }, { id: 'b', body: big }])],
    },
    count: 1,
    severity: 'error',
    includes: ['exceed the 400 KB', 'item 2 of Orders.items.json'],
  },
  {
    name: 'an item over 100 KB',
    doc: { text: createTable({ hash: 'id' }), companions: [itemsFile('Orders', [{ id: 'a', body: medium }])] },
    count: 1,
    severity: 'warning',
    includes: ['over 100 KB'],
  },
  {
    name: 'DynamoDB JSON sizes',
    doc: {
      text: createTable({ hash: 'id' }),
      companions: [itemsFile('Orders', [{ id: { S: 'a' }, body: { S: big } }])],
    },
    count: 1,
    severity: 'error',
  },
]);
