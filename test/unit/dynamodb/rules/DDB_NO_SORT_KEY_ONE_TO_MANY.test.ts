import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCases } from './_cases';
import { applyFix, createTable, findingsOf, patternsFile } from '../helpers';

runCases('DDB_NO_SORT_KEY_ONE_TO_MANY', [
  {
    name: 'Orders keyed on customerId only (heuristic)',
    doc: { text: createTable({ name: 'Orders', hash: 'customerId' }) },
    count: 1,
    severity: 'warning',
    includes: ['parent reference', '"orderId"'],
    fixes: ['Add a sort key "orderId"'],
  },
  {
    name: 'Users keyed on userId is the entity id',
    doc: { text: createTable({ name: 'Users', hash: 'userId' }) },
    count: 0,
  },
  {
    name: 'a composite key',
    doc: { text: createTable({ name: 'Orders', hash: 'customerId', range: 'orderId' }) },
    count: 0,
  },
  {
    name: 'an access pattern expecting many items per key (error)',
    doc: {
      text: createTable({ name: 'Sessions', hash: 'sessionId' }),
      companions: [
        patternsFile(
          'Sessions',
          'patterns:\n  - name: events of a session\n    operation: Query\n    keyCondition: sessionId = :s\n    itemsPerKey: 40\n',
        ),
      ],
    },
    count: 1,
    severity: 'error',
    includes: ['expects 40 items per "sessionId" value'],
  },
]);

test('DDB_NO_SORT_KEY_ONE_TO_MANY: the fix adds a RANGE key and its definition', () => {
  const text = createTable({ name: 'Orders', hash: 'customer_id', billing: 'PAY_PER_REQUEST' });
  const [f] = findingsOf({ text }, 'DDB_NO_SORT_KEY_ONE_TO_MANY');
  const fixed = applyFix(text, f!.fixes![0]!);
  const doc = JSON.parse(fixed);
  assert.deepEqual(doc.KeySchema[1], { AttributeName: 'order_id', KeyType: 'RANGE' });
  assert.deepEqual(doc.AttributeDefinitions[1], { AttributeName: 'order_id', AttributeType: 'S' });
  assert.equal(findingsOf({ text: fixed }, 'DDB_NO_SORT_KEY_ONE_TO_MANY').length, 0);
  assert.equal(findingsOf({ text: fixed }, 'DDB_ATTRIBUTE_DEFINITION_MISMATCH').length, 0);
});
