// Analysis of a live sample (the "Analyse key distribution" command): the table's describe-table output plus
// items sampled from the emulator, through the same extractor, evidence and rules as the editor and the CLI.
import { parseDocument } from '../syntax/parse';
import type { Finding } from '../types';
import { analyzeTables } from './analyzer';
import { capacityLine } from './arithmetic';
import { makeEvidence } from './evidence/bind';
import type { Item } from './evidence/items';
import type { TableDef } from './model';
import type { DdbRule } from './rule';
import { DDB_CAPACITY_UNREACHABLE } from './rules/DDB_CAPACITY_UNREACHABLE';
import { DDB_GSI_PK_TIME_BUCKET } from './rules/DDB_GSI_PK_TIME_BUCKET';
import { DDB_ITEM_SIZE } from './rules/DDB_ITEM_SIZE';
import { DDB_LSI_COLLECTION_LIMIT } from './rules/DDB_LSI_COLLECTION_LIMIT';
import { DDB_PK_TIME_BUCKET } from './rules/DDB_PK_TIME_BUCKET';
import { DDB_SAMPLE_SKEW } from './rules/DDB_SAMPLE_SKEW';
import { hashAttributes } from './support';

/** The rules that judge a sample: skew, capacity, item size, time buckets, LSI collections. */
export const LIVE_RULES: readonly DdbRule[] = [
  DDB_CAPACITY_UNREACHABLE,
  DDB_GSI_PK_TIME_BUCKET,
  DDB_ITEM_SIZE,
  DDB_LSI_COLLECTION_LIMIT,
  DDB_PK_TIME_BUCKET,
  DDB_SAMPLE_SKEW,
];

export interface KeyHistogram {
  /** 'table' or the index name. */
  readonly scope: string;
  readonly attributes: readonly string[];
  readonly keyed: number;
  readonly missing: number;
  readonly distinct: number;
  readonly topShare: number;
  readonly gini: number;
  /** Busiest values first, at most `topN`; `other` counts the rest. */
  readonly bars: readonly { readonly value: string; readonly count: number }[];
  readonly other: number;
}

export interface LiveAnalysis {
  readonly table: string;
  readonly sampled: number;
  readonly histograms: readonly KeyHistogram[];
  readonly findings: readonly {
    readonly ruleId: string;
    readonly severity: Finding['severity'];
    readonly message: string;
  }[];
  /** Partition arithmetic of the table's capacity (same text as the code lens). */
  readonly capacity: string;
}

/** Analyzes a sample. `describeJson` is describe-table output; items are DynamoDB JSON or plain. Never throws. */
export function analyzeLiveSample(
  describeJson: string,
  items: readonly Item[],
  opts: { source?: string; topN?: number } = {},
): LiveAnalysis {
  const uri = 'emulator:describe-table.json';
  const doc = parseDocument({ uri, text: describeJson });
  const source = opts.source ?? 'emulator sample';
  const dynamoJson =
    items.length > 0 && Object.values(items[0] ?? {}).every((v) => typeof v === 'object' && v !== null);
  const evidence = makeEvidence([{ uri: source, items, dynamoJson }], [], new Map(), []);
  // The describe output holds exactly one table; the sample is bound to it directly.
  const result = analyzeTables(doc, { options: {} }, LIVE_RULES, () => evidence);
  const table: TableDef | undefined = result.tables[0];
  const topN = opts.topN ?? 20;
  const histograms: KeyHistogram[] = [];
  if (table) {
    const scopes: { scope: string; attrs: string[] }[] = [
      { scope: 'table', attrs: hashAttributes(table.keys) },
      ...table.gsis.map((g) => ({ scope: g.name, attrs: hashAttributes(g.keys) })),
    ];
    for (const s of scopes) {
      const d = s.attrs.length ? evidence.distribution(s.attrs) : undefined;
      if (!d) continue;
      const bars = d.top.slice(0, topN);
      histograms.push({
        scope: s.scope,
        attributes: s.attrs,
        keyed: d.keyed,
        missing: d.missing,
        distinct: d.distinct,
        topShare: d.topShare,
        gini: d.gini,
        bars,
        other: d.keyed - bars.reduce((n, b) => n + b.count, 0),
      });
    }
  }
  return {
    table: table?.name ?? '(unknown table)',
    sampled: items.length,
    histograms,
    findings: result.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message })),
    capacity: table ? capacityLine(table) : '',
  };
}
