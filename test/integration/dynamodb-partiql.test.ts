// PartiQL and export against the run's emulator (DynamoDB is moto on both passes): a keyed SELECT, paging over more
// than one page with Limit/NextToken (moto ignores Limit, so our own token pages), a malformed statement as a readable
// error, and 2,500 items exported to JSON and CSV, parsed back and compared; a cancelled export leaves no file.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as ddb from '../../src/aws/dynamodb';
import { describeTableSchema } from '../../src/aws/dynamodbItems';
import { importItems, jsonRows } from '../../src/aws/dynamodbImport';
import { parseCsv } from '../../src/aws/csv';
import { EXTRA_COLUMN, executeStatement, exportItems, type PlainItem } from '../../src/aws/dynamodbPartiql';
import { OperationError } from '../../src/aws/errors';
import { useLab } from '../support/fixtures';

describe('DynamoDB PartiQL and export', () => {
  const lab = useLab();
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'lcl-partiql-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function table(name: string, items: readonly PlainItem[]): Promise<void> {
    const parsed = ddb.tableInputFromJson(
      JSON.stringify({
        TableName: name,
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    assert.ok(parsed.ok);
    if (parsed.ok) await ddb.createTable(lab.clients, parsed.input);
    const result = await importItems(
      lab.clients,
      await describeTableSchema(lab.clients, name),
      jsonRows(JSON.stringify(items)),
    );
    assert.equal(result.written, items.length);
  }

  const byPk = (a: PlainItem, b: PlainItem) => String(a.pk).localeCompare(String(b.pk));

  it('selects by key with WHERE, and with a ? parameter', async () => {
    await table('people', [
      { pk: 'ada', born: 1815 },
      { pk: 'alan', born: 1912 },
      { pk: 'grace', born: 1906 },
    ]);
    const one = await executeStatement(lab.clients, `SELECT * FROM "people" WHERE pk = 'alan'`);
    assert.deepEqual(one.items, [{ pk: 'alan', born: 1912 }]);
    assert.equal(one.nextToken, undefined);
    const param = await executeStatement(lab.clients, `SELECT * FROM "people" WHERE pk = ?`, { parameters: ['grace'] });
    assert.deepEqual(param.items, [{ pk: 'grace', born: 1906 }]);
  });

  it('pages with Limit and NextToken over more than one page, each item once', async () => {
    await table(
      'pages',
      Array.from({ length: 23 }, (_, i) => ({ pk: `p${String(i).padStart(2, '0')}`, i })),
    );
    const seen: PlainItem[] = [];
    const sizes: number[] = [];
    let token: string | undefined;
    do {
      const page = await executeStatement(lab.clients, `SELECT * FROM "pages"`, { limit: 10, nextToken: token });
      sizes.push(page.items.length);
      seen.push(...page.items);
      token = page.nextToken;
    } while (token);
    assert.deepEqual(sizes, [10, 10, 3]);
    assert.equal(new Set(seen.map((s) => s.pk)).size, 23);
  });

  it('reports a malformed statement as a readable error naming the operation', async () => {
    await assert.rejects(
      executeStatement(lab.clients, 'SELEC * FORM nowhere'),
      (err: unknown) => err instanceof OperationError && /^Run PartiQL failed: \S/.test(err.message),
    );
  });

  it('exports 2,500 items to JSON and CSV, read back equal (nested values as JSON, quoted cells)', async () => {
    const items: PlainItem[] = Array.from({ length: 2500 }, (_, i) => ({
      pk: `k${String(i).padStart(4, '0')}`,
      n: i,
      note: i % 3 ? `plain ${i}` : `has "quotes", commas\nand a line break ${i}`,
      tags: { even: i % 2 === 0 },
    }));
    await table('big', items);
    // An attribute only one item has (a column of its own, or _extra when the first page did not see it)
    await executeStatement(lab.clients, `UPDATE "big" SET late = 'yes' WHERE pk = 'k2499'`);
    const expected = items.map((it) => (it.pk === 'k2499' ? { ...it, late: 'yes' } : it)).sort(byPk);

    const jsonFile = join(dir, 'big.json');
    const progress: number[] = [];
    const nJson = await exportItems(lab.clients, { kind: 'scan', table: 'big' }, jsonFile, {
      format: 'json',
      onProgress: (w) => progress.push(w),
    });
    assert.equal(nJson, 2500);
    assert.equal(progress.at(-1), 2500);
    assert.deepEqual((JSON.parse(readFileSync(jsonFile, 'utf8')) as PlainItem[]).sort(byPk), expected);

    const csvFile = join(dir, 'big.csv');
    const nCsv = await exportItems(lab.clients, { kind: 'partiql', statement: 'SELECT * FROM "big"' }, csvFile, {
      format: 'csv',
    });
    assert.equal(nCsv, 2500);
    const records = [...parseCsv(readFileSync(csvFile, 'utf8'))];
    const [header, ...rows] = records.map((r) => {
      assert.ok('fields' in r, JSON.stringify(r));
      return r.fields;
    });
    assert.equal(header?.at(-1), EXTRA_COLUMN);
    assert.equal(rows.length, 2500);
    const back = rows
      .map((fields) => {
        const o: PlainItem = {};
        header?.forEach((name, i) => {
          const v = fields[i] ?? '';
          if (v === '') return;
          if (name === EXTRA_COLUMN) Object.assign(o, JSON.parse(v));
          else if (name === 'n') o[name] = Number(v);
          else if (name === 'tags') o[name] = JSON.parse(v);
          else o[name] = v;
        });
        return o;
      })
      .sort(byPk);
    assert.deepEqual(back, expected);
  });

  it('a cancelled export leaves no file and rejects as aborted', async () => {
    await table(
      'cancel',
      Array.from({ length: 300 }, (_, i) => ({ pk: `c${i}`, pad: 'x'.repeat(4000) })),
    );
    const file = join(dir, 'cancel.json');
    const abort = new AbortController();
    let pages = 0;
    await assert.rejects(
      exportItems(lab.clients, { kind: 'scan', table: 'cancel' }, file, {
        format: 'json',
        signal: abort.signal,
        onProgress: () => {
          pages++;
          abort.abort();
        },
      }),
      (err: unknown) => err instanceof Error && err.name === 'AbortError',
    );
    assert.equal(pages, 1, 'stopped after the first page');
    assert.equal(existsSync(file), false);
  });
});
