// The RFC 4180 reader behind DynamoDB's CSV import: quoting, escaped quotes, line breaks inside fields, CRLF, empty
// fields, and malformed records reported with their line instead of thrown.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvField, csvLine, parseCsv, type CsvRecord } from '../../src/aws/csv';

const all = (text: string): CsvRecord[] => [...parseCsv(text)];

describe('parseCsv (RFC 4180)', () => {
  const cases: { name: string; text: string; want: CsvRecord[] }[] = [
    {
      name: 'plain fields, LF',
      text: 'a,b\n1,2\n',
      want: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1', '2'] },
      ],
    },
    {
      name: 'CRLF and no final line break',
      text: 'a,b\r\n1,2',
      want: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1', '2'] },
      ],
    },
    { name: 'empty fields', text: ',x,\n', want: [{ line: 1, fields: ['', 'x', ''] }] },
    { name: 'quoted comma', text: '"a,b",c\n', want: [{ line: 1, fields: ['a,b', 'c'] }] },
    { name: 'escaped quote', text: '"say ""hi""",x\n', want: [{ line: 1, fields: ['say "hi"', 'x'] }] },
    {
      name: 'line break inside quotes keeps the record and counts the line',
      text: 'id,note\n1,"two\nlines"\n2,x\n',
      want: [
        { line: 1, fields: ['id', 'note'] },
        { line: 2, fields: ['1', 'two\nlines'] },
        { line: 4, fields: ['2', 'x'] },
      ],
    },
    { name: 'empty quoted field', text: '"",a\n', want: [{ line: 1, fields: ['', 'a'] }] },
    { name: 'byte-order mark', text: '\ufeffa\n', want: [{ line: 1, fields: ['a'] }] },
    { name: 'unclosed quote', text: 'a,"b\n', want: [{ line: 1, error: 'a quoted field is not closed' }] },
    {
      name: 'text after closing quote',
      text: '"a"b,c\nd\n',
      want: [
        { line: 1, error: 'text after a closing quote' },
        { line: 2, fields: ['d'] },
      ],
    },
    {
      name: 'quote inside an unquoted field',
      text: 'a"b\n',
      want: [{ line: 1, error: 'a quote inside an unquoted field' }],
    },
    { name: 'empty text', text: '', want: [] },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(all(c.text), c.want));

  it('is total on arbitrary text (never throws, always terminates)', () => {
    const alphabet = ['a', ',', '"', '\n', '\r', ' '];
    let seed = 7;
    for (let n = 0; n < 2000; n++) {
      let text = '';
      for (let k = 0; k < 12; k++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        text += alphabet[seed % alphabet.length];
      }
      assert.doesNotThrow(() => all(text));
    }
  });
});

describe('CSV writer (RFC 4180 quoting)', () => {
  const cases: [string, string][] = [
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    [' spaced ', ' spaced '],
  ];
  for (const [value, quoted] of cases) {
    it(`quotes ${JSON.stringify(value)} as ${JSON.stringify(quoted)}`, () => assert.equal(csvField(value), quoted));
  }

  it('ends a record with CRLF and reads back field for field through the reader', () => {
    const rows = [
      ['id', 'note', 'json'],
      ['1', 'a, b', '{"k":"v, w"}'],
      ['2', 'line\nbreak', ''],
      ['3', '"quoted"', 'x'],
    ];
    const text = rows.map(csvLine).join('');
    assert.ok(text.endsWith('\r\n'));
    assert.equal(csvLine(['a', 'b']), 'a,b\r\n');
    assert.deepEqual(
      [...parseCsv(text)].map((r) => ('fields' in r ? r.fields : r.error)),
      rows,
    );
  });
});
