// Host side of the DynamoDB items view: scan and query pages, put/edit/delete with validation and confirmation.
import {
  deleteItem,
  describeTableSchema,
  putItem,
  queryItems,
  scanItems,
  type KeyAttr,
  type TableSchema,
  type TypeHint,
} from '../aws/dynamodbItems';
import type { PanelKind } from './panel';
import { requireClients, type PanelDeps } from './deps';
import { confirmRequest, rememberBounded } from './requests';
import {
  ITEMS_VIEW_TYPE,
  checkItemText,
  checkKeyInput,
  describeKey,
  itemsFromView,
  itemsTarget,
  type ItemsFromView,
  type ItemsTarget,
  type ItemsToView,
} from './protocol/items';

/** Page tokens kept per panel (each "Load more" hands out one); the oldest go first. */
const MAX_TOKENS = 64;

export function itemsPanel(deps: PanelDeps): PanelKind<ItemsTarget, ItemsFromView, ItemsToView> {
  return {
    viewType: ITEMS_VIEW_TYPE,
    script: 'items',
    title: (t) => `Items: ${t.table}`,
    key: (t) => t.table,
    target: itemsTarget,
    fromView: itemsFromView,
    create(host, target) {
      const table = target.table;
      let schema: TableSchema | undefined;
      const tokens = new Map<string, string>();
      let tokenCounter = 0;
      const issueToken = (nextKey: string | undefined): string | undefined => {
        if (!nextKey) return undefined;
        const token = `p${++tokenCounter}`;
        rememberBounded(tokens, token, nextKey, MAX_TOKENS);
        return token;
      };
      const startKeyOf = (token: string | undefined): string | undefined => {
        if (token === undefined) return undefined;
        const key = tokens.get(token);
        if (key === undefined) throw new Error('that page is no longer known; run the scan or query again');
        return key;
      };
      const loadSchema = async (signal: AbortSignal): Promise<TableSchema> => {
        schema = await describeTableSchema(await requireClients(deps), table, { signal });
        return schema;
      };

      return {
        async onReady() {
          await host.run(0, `Describe table ${table}`, async (signal) => {
            const s = schema ?? (await loadSchema(signal));
            host.post({ type: 'init', target, schema: s });
          });
        },
        async onMessage(m) {
          switch (m.type) {
            case 'refresh':
              await host.run(0, `Describe table ${table}`, async (signal) => {
                host.post({ type: 'init', target, schema: await loadSchema(signal) });
              });
              return;
            case 'shown':
              return;
            case 'scan':
              await host.run(m.requestId, `Scan ${table}${m.index ? ` (${m.index})` : ''}`, async (signal) => {
                const s = schema ?? (await loadSchema(signal));
                if (m.index && !s.indexes.some((i) => i.name === m.index)) throw new Error(`no index ${m.index}`);
                const page = await scanItems(await requireClients(deps), {
                  table,
                  index: m.index,
                  limit: m.limit,
                  startKey: startKeyOf(m.pageToken),
                  signal,
                });
                host.post({
                  type: 'page',
                  requestId: m.requestId,
                  mode: 'scan',
                  append: m.pageToken !== undefined,
                  items: page.items,
                  scannedCount: page.scannedCount,
                  ...(page.nextKey ? { pageToken: issueToken(page.nextKey) } : {}),
                });
              });
              return;
            case 'query':
              await host.run(m.requestId, `Query ${table}${m.index ? ` (${m.index})` : ''}`, async (signal) => {
                const s = schema ?? (await loadSchema(signal));
                const keys = keysFor(s, m.index);
                const problem = checkQuery(keys, m);
                if (problem) {
                  host.refuse(m.requestId, problem);
                  return;
                }
                const page = await queryItems(await requireClients(deps), {
                  table,
                  index: m.index,
                  limit: m.limit,
                  startKey: startKeyOf(m.pageToken),
                  partitionKey: keys.partitionKey,
                  partitionValue: m.partitionValue,
                  sortKey: keys.sortKey,
                  sort: m.sort,
                  descending: m.descending,
                  signal,
                });
                host.post({
                  type: 'page',
                  requestId: m.requestId,
                  mode: 'query',
                  append: m.pageToken !== undefined,
                  items: page.items,
                  scannedCount: page.scannedCount,
                  ...(page.nextKey ? { pageToken: issueToken(page.nextKey) } : {}),
                });
              });
              return;
            case 'put':
              await host.run(m.requestId, `Save item in ${table}`, async (signal) => {
                const s = schema ?? (await loadSchema(signal));
                const checked = checkItemText(m.json, s);
                if (!checked.ok) {
                  host.refuse(m.requestId, checked.error);
                  return;
                }
                if (m.originalKey !== undefined) {
                  const original = parseKey(m.originalKey, s);
                  if (JSON.stringify(sortKeys(original)) !== JSON.stringify(sortKeys(checked.key))) {
                    host.refuse(
                      m.requestId,
                      `Key attributes cannot change in an edit (was ${describeKey(original)}). ` +
                        'Use "New item" to create an item with another key.',
                    );
                    return;
                  }
                }
                await putItem(await requireClients(deps), {
                  table,
                  item: checked.item,
                  hints: { ...m.hints, ...keyHints(s, checked.key) },
                  ...(m.originalKey === undefined ? { mustNotExist: s.partitionKey.name } : {}),
                  signal,
                });
                host.post({ type: 'saved', requestId: m.requestId, key: checked.key, created: !m.originalKey });
              });
              return;
            case 'delete':
              await host.run(m.requestId, `Delete item from ${table}`, async (signal) => {
                const s = schema ?? (await loadSchema(signal));
                const key = parseKey(m.key, s);
                const question = {
                  message: `Delete the item ${describeKey(key)} from table ${table}?`,
                  detail: 'The item is removed from the emulator. This cannot be undone.',
                  action: 'Delete',
                };
                if (
                  !(await confirmRequest(deps, host, m.requestId, question, 'Delete cancelled: nothing was changed.'))
                )
                  return;
                await deleteItem(await requireClients(deps), { table, key, hints: keyHints(s, key), signal });
                host.post({ type: 'deleted', requestId: m.requestId, key });
              });
              return;
          }
        },
      };
    },
  };
}

function keysFor(schema: TableSchema, index: string | undefined): { partitionKey: KeyAttr; sortKey?: KeyAttr } {
  if (!index) return schema;
  const ix = schema.indexes.find((i) => i.name === index);
  if (!ix) throw new Error(`no index ${index} on ${schema.table}`);
  return ix;
}

function checkQuery(
  keys: { partitionKey: KeyAttr; sortKey?: KeyAttr },
  m: Extract<ItemsFromView, { type: 'query' }>,
): string | undefined {
  const pk = checkKeyInput(keys.partitionKey, m.partitionValue);
  if (pk) return pk;
  if (!m.sort) return undefined;
  if (!keys.sortKey) return 'This table or index has no sort key: leave the sort condition empty.';
  if (m.sort.op === 'between' && m.sort.value2 === undefined) return '"between" needs a second value.';
  if (m.sort.op === 'begins_with' && keys.sortKey.type === 'N')
    return 'begins_with works on string and binary keys only.';
  return (
    checkKeyInput(keys.sortKey, m.sort.value) ??
    (m.sort.value2 ? checkKeyInput(keys.sortKey, m.sort.value2) : undefined)
  );
}

/** Parses a key sent by the view and checks it holds exactly the table's key attributes. */
function parseKey(text: string, schema: TableSchema): Record<string, unknown> {
  let key: unknown;
  try {
    key = JSON.parse(text);
  } catch {
    throw new Error('the key is not JSON');
  }
  if (typeof key !== 'object' || key === null || Array.isArray(key)) throw new Error('the key is not an object');
  const names = [schema.partitionKey.name, ...(schema.sortKey ? [schema.sortKey.name] : [])];
  const record = key as Record<string, unknown>;
  if (Object.keys(record).length !== names.length || !names.every((n) => n in record)) {
    throw new Error(`a key of ${schema.table} has exactly ${names.join(' and ')}`);
  }
  return record;
}

/** Key attributes typed B or N travel as strings in JSON: tell the marshaller what they really are. */
function keyHints(schema: TableSchema, key: Record<string, unknown>): Record<string, TypeHint> {
  const hints: Record<string, TypeHint> = {};
  for (const attr of [schema.partitionKey, schema.sortKey]) {
    if (!attr) continue;
    if (attr.type === 'B') hints[attr.name] = 'B';
    if (attr.type === 'N' && typeof key[attr.name] === 'string') hints[attr.name] = 'N';
  }
  return hints;
}

function sortKeys(o: Record<string, unknown>): [string, unknown][] {
  return Object.entries(o).sort(([a], [b]) => a.localeCompare(b));
}
