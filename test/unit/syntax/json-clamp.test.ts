// Regression: jsonc-parser reports an object that ends in an unclosed comment as reaching past the end of the text
// (found by the syntax property test with the input `${&afalse/*`); every span must stay inside the document.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from '../../../server/src/core/syntax/parse';

test('an unclosed comment at the end keeps the object span inside the text', () => {
  const text = '${&afalse/*';
  const { parse } = parseDocument({ uri: 'doc.json', text });
  assert.ok(parse.root, 'the recovered object is kept');
  assert.ok(parse.root.span.end <= text.length, `span ${JSON.stringify(parse.root.span)} ends past ${text.length}`);
  assert.ok(parse.problems.length > 0);
});
