// The DynamoDB analyzer: extracts the tables of a document, binds evidence from companions, runs the rules,
// and answers hovers (partition arithmetic on key attributes) and lenses (per-table partition needs).
import type { AnalysisContext, Analyzer, ParsedDocument, SourceDocument } from '../analyzer';
import { clampSpan, leveled, runRules } from '../engine';
import type { Finding, HoverResult, Lens, Span } from '../types';
import { capacityLine, distributionLine, partitionsFor } from './arithmetic';
import { completeDynamo } from './complete';
import { baseName, emptyEvidence, gatherEvidence, type TableEvidence } from './evidence/bind';
import { extractTables, looksLikeTables } from './extract';
import { n } from './guidance';
import { type IndexDef, type KeyElement, PARTITION_RCU, PARTITION_WCU, type TableDef } from './model';
import { classifyName } from './names';
import type { DdbRule, DdbRuleContext } from './rule';
import { dynamodbRules } from './rules';
import { cardinality, hashAttributes } from './support';

export interface DynamoAnalysis {
  readonly tables: readonly TableDef[];
  readonly evidence: ReadonlyMap<TableDef, TableEvidence>;
  readonly findings: readonly Finding[];
}

function inside(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/**
 * Runs the given rules over every table of a document with the core's rule engine. Never throws: a rule that throws
 * leaves an INTERNAL_ERROR finding on the table's name.
 */
export function analyzeTables(
  doc: ParsedDocument,
  ctx: Pick<AnalysisContext, 'options' | 'companions'>,
  rules: readonly DdbRule[] = dynamodbRules,
  /** Evidence given directly (the live sample) instead of gathered from companions. */
  evidenceFor?: (table: TableDef) => TableEvidence,
): DynamoAnalysis {
  const tables = extractTables(doc);
  let companions: readonly SourceDocument[] = [];
  try {
    companions = ctx.companions?.(doc.uri) ?? [];
  } catch {
    companions = [];
  }
  const evidence = evidenceFor
    ? new Map(tables.map((t) => [t, evidenceFor(t)] as const))
    : gatherEvidence(doc, tables, companions);
  const findings = runRules<TableDef, DdbRuleContext, DdbRule>({
    rules,
    subjects: tables,
    options: ctx.options,
    textLength: doc.text.length,
    context: (table, report) => ({ table, tables, doc, evidence: evidence.get(table) ?? emptyEvidence(), report }),
    describe: (table) => ({ name: `table ${table.name}`, span: table.nameSpan }),
  });
  // Evidence that could not be read is said once per table, on its name, as the file format's syntax finding.
  for (const table of tables) {
    for (const p of evidence.get(table)?.problems ?? []) {
      const ruleId = /\.ya?ml$/i.test(p.uri) ? 'YAML_SYNTAX_ERROR' : 'JSON_SYNTAX_ERROR';
      const finding = leveled(
        {
          ruleId,
          severity: 'warning',
          span: clampSpan(table.nameSpan, doc.text.length),
          message: `Evidence file ${baseName(p.uri)} for table "${table.name}": ${p.message}`,
        },
        ctx.options,
      );
      if (finding) findings.push(finding);
    }
  }
  return { tables, evidence, findings };
}

function keyAt(t: TableDef, offset: number): { key: KeyElement; index?: IndexDef; span?: Span } | undefined {
  for (const key of t.keys) if (inside(key.nameSpan, offset)) return { key };
  for (const index of [...t.gsis, ...t.lsis]) {
    for (const key of index.keys) if (inside(key.nameSpan, offset)) return { key, index };
  }
  // An attribute definition of a key attribute hovers like the key that uses it (the table's first).
  for (const def of t.attributes ?? []) {
    if (!inside(def.nameSpan, offset)) continue;
    const tableKey = t.keys.find((k) => k.attribute === def.name);
    if (tableKey) return { key: tableKey, span: def.nameSpan };
    for (const index of t.gsis) {
      const key = index.keys.find((k) => k.attribute === def.name && k.keyType === 'HASH');
      if (key) return { key, index, span: def.nameSpan };
    }
  }
  return undefined;
}

function hoverFor(t: TableDef, ev: TableEvidence, key: KeyElement, index: IndexDef | undefined): string {
  const role = key.keyType === 'HASH' ? 'partition key' : key.keyType === 'RANGE' ? 'sort key' : 'key';
  const owner = index ? `${index.kind} \`${index.name}\`` : `table \`${t.name}\``;
  const type = t.attributeTypes.get(key.attribute)?.type;
  const lines = [`**\`${key.attribute}\`** — ${role} of ${owner}${type ? ` (type ${type})` : ''}`, ''];
  if (key.keyType === 'HASH') {
    lines.push(
      `Each value of this key is stored in one partition, which serves at most **${n(PARTITION_WCU)} WCU** and **${n(PARTITION_RCU)} RCU** per second, whatever the table's capacity.`,
    );
    const cap = index?.throughput ?? (index?.kind === 'LSI' ? undefined : t.throughput);
    if (t.effectiveBillingMode === 'PROVISIONED' && cap && (cap.read !== undefined || cap.write !== undefined)) {
      const p = partitionsFor(cap);
      lines.push(
        '',
        `Provisioned ${cap.write !== undefined ? `${n(cap.write)} WCU` : ''}${cap.read !== undefined && cap.write !== undefined ? ' / ' : ''}${
          cap.read !== undefined ? `${n(cap.read)} RCU` : ''
        }: needs at least **${n(p)}** evenly used key values (${cap.write !== undefined ? `${n(cap.write)} ÷ ${n(PARTITION_WCU)}` : ''}${
          cap.read !== undefined && cap.write !== undefined ? ', ' : ''
        }${cap.read !== undefined ? `${n(cap.read)} ÷ ${n(PARTITION_RCU)}` : ''}).`,
      );
    } else if (t.effectiveBillingMode === 'PAY_PER_REQUEST') {
      lines.push('', 'On-demand does not lift the per-partition limits: a hot key value still throttles.');
    }
    const attrs = hashAttributes((index ?? t).keys);
    const card = cardinality(ev, attrs, { allowName: true });
    if (card) {
      lines.push(
        '',
        `Known cardinality: **${n(card.distinct)}** values (${card.origin}) × ${n(PARTITION_WCU)} WCU = **${n(card.distinct * PARTITION_WCU)} WCU** usable, × ${n(PARTITION_RCU)} RCU = **${n(card.distinct * PARTITION_RCU)} RCU**.`,
      );
    }
    const d = ev.distribution(attrs);
    if (d) lines.push('', distributionLine(d) + '.');
    const v = classifyName(key.attribute);
    if (v.kind === 'generic')
      lines.push('', 'Generic single-table name: add sample items or access patterns to check its values.');
  } else {
    lines.push('Sort keys order the items of one partition key value; they do not spread load across partitions.');
  }
  lines.push(
    '',
    '[Partition key design (AWS)](https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html)',
  );
  return lines.join('\n');
}

export function createDynamoAnalyzer(): Analyzer {
  return {
    domain: 'dynamodb',
    applies(doc: ParsedDocument): boolean {
      return looksLikeTables(doc);
    },
    analyze(doc, ctx) {
      return analyzeTables(doc, ctx).findings;
    },
    hover(doc, offset, ctx): HoverResult | undefined {
      const tables = extractTables(doc);
      for (const t of tables) {
        const hit = keyAt(t, offset);
        if (!hit) continue;
        const ev = gatherEvidence(doc, [t], safeCompanions(ctx, doc.uri)).get(t) ?? emptyEvidence();
        return { span: hit.span ?? hit.key.nameSpan, contents: hoverFor(t, ev, hit.key, hit.index) };
      }
      return undefined;
    },
    complete(doc, offset) {
      return completeDynamo(doc, offset);
    },
    lenses(doc, ctx): readonly Lens[] {
      const tables = extractTables(doc);
      const ev = gatherEvidence(doc, tables, safeCompanions(ctx, doc.uri));
      return tables.map((t) => {
        const d = ev.get(t)?.distribution(hashAttributes(t.keys));
        const extra = d ? ` · sample: ${n(d.distinct)} distinct values` : '';
        // Above the definition itself (the resource, the CreateTable document, the Terraform block).
        return { span: { start: t.span.start, end: t.span.start }, title: `${capacityLine(t)}${extra}` };
      });
    },
  };
}

function safeCompanions(ctx: AnalysisContext, uri: string): readonly SourceDocument[] {
  try {
    return ctx.companions?.(uri) ?? [];
  } catch {
    return [];
  }
}

/** The analyzer instance registered in `core/analyze.ts`. */
export const dynamodbAnalyzer: Analyzer = createDynamoAnalyzer();
