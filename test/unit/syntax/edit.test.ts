// The edit primitives shared by the IAM and DynamoDB quick fixes, on JSON, block and flow YAML, and HCL: the exact
// text each writes, and that the result still parses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  appendArrayItem,
  hclAppend,
  hclBlock,
  insertProperty,
  removeArrayItem,
  removeProperty,
} from '../../../server/src/core/syntax/edit';
import { parseDocument } from '../../../server/src/core/syntax/parse';
import type { ArrayNode, Node, ObjectNode } from '../../../server/src/core/syntax/tree';
import type { TextEdit } from '../../../server/src/core/types';

function rootOf(uri: string, text: string): Node {
  const { parse } = parseDocument({ uri, text });
  assert.deepEqual(parse.problems, [], `${uri} must parse:\n${text}`);
  return parse.root!;
}

function at(node: Node, ...path: (string | number)[]): Node {
  let n = node;
  for (const step of path) {
    if (typeof step === 'number') n = (n as ArrayNode).items[step]!;
    else n = (n as ObjectNode).properties.find((p) => p.key === step)!.value;
  }
  return n;
}

function apply(text: string, edit: TextEdit | undefined): string {
  assert.ok(edit, 'an edit');
  return text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
}

describe('edit primitives', () => {
  it('insertProperty writes block YAML for mappings and lists of mappings', () => {
    const text = 'Table:\n  Name: t\n';
    const table = at(rootOf('t.yaml', text), 'Table') as ObjectNode;
    const out = apply(
      text,
      insertProperty(text, table, 'Keys', [{ AttributeName: 'id', KeyType: 'HASH' }, { Size: 5 }], 'last'),
    );
    assert.equal(out, "Table:\n  Name: t\n  Keys:\n    - AttributeName: 'id'\n      KeyType: 'HASH'\n    - Size: 5\n");
    rootOf('t.yaml', out);
  });

  it('insertProperty writes spaced JSON in flow objects, first or last', () => {
    const text = '{\n  "A": 1\n}';
    const root = rootOf('t.json', text) as ObjectNode;
    assert.equal(
      apply(text, insertProperty(text, root, 'B', { C: [1, 'x'] }, 'last')),
      '{\n  "A": 1,\n  "B": {"C": [1, "x"]}\n}',
    );
    assert.equal(apply(text, insertProperty(text, root, 'V', '1', 'first')), '{\n  "V": "1",\n  "A": 1\n}');
  });

  it('removeArrayItem takes a block entry whose dash stands on a line of its own, dash included', () => {
    const text = 'List:\n  -\n    Name: a\n  - Name: b\n';
    const list = at(rootOf('t.yaml', text), 'List') as ArrayNode;
    const out = apply(text, removeArrayItem(text, list, 0));
    assert.equal(out, 'List:\n  - Name: b\n');
  });

  it('removeArrayItem and removeProperty keep flow separators right', () => {
    const text = '{"L": [1, 2, 3], "M": {"a": 1, "b": 2}}';
    const root = rootOf('t.json', text);
    const list = at(root, 'L') as ArrayNode;
    assert.equal(apply(text, removeArrayItem(text, list, 1)), '{"L": [1, 3], "M": {"a": 1, "b": 2}}');
    assert.equal(apply(text, removeArrayItem(text, list, 2)), '{"L": [1, 2], "M": {"a": 1, "b": 2}}');
    const m = at(root, 'M') as ObjectNode;
    assert.equal(apply(text, removeProperty(text, m, m.properties[1]!)), '{"L": [1, 2, 3], "M": {"a": 1}}');
  });

  it('appendArrayItem follows a block sequence’s dash column', () => {
    const text = 'Keys:\n  - AttributeName: id\n    KeyType: HASH\n';
    const keys = at(rootOf('t.yaml', text), 'Keys') as ArrayNode;
    const out = apply(text, appendArrayItem(text, keys, { AttributeName: 'sk', KeyType: 'RANGE' }));
    assert.equal(
      out,
      "Keys:\n  - AttributeName: id\n    KeyType: HASH\n  - AttributeName: 'sk'\n    KeyType: 'RANGE'\n",
    );
  });

  it('hclAppend adds lines and blocks at the body’s column', () => {
    const text = 'resource "aws_dynamodb_table" "t" {\n  name = "t"\n}\n';
    const body = at(rootOf('t.tf', text), 'resource', 0, 'aws_dynamodb_table', 't') as ObjectNode;
    const out = apply(text, hclAppend(text, body, hclBlock('attribute', { name: 'id', type: 'S' })));
    assert.equal(
      out,
      'resource "aws_dynamodb_table" "t" {\n  name = "t"\n  attribute {\n    name = "id"\n    type = "S"\n  }\n}\n',
    );
    rootOf('t.tf', out);
  });
});
