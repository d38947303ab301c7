// The fuzz harness behind `npm run fuzz` (scripts/fuzz.ts) and its short run in the unit layer: generated and
// mutated documents of every kind the analysis reads, and hostile ones (random bytes, deep nesting, huge strings,
// YAML alias bombs), go through the entry points the CLI and the language server call. It counts exceptions that
// escape, findings the core had to turn into INTERNAL_ERROR (a rule or parser that threw), findings whose span lies
// outside the document, the time per document and the memory used. Deterministic for a given seed.
import fc from 'fast-check';
import { analyzeDocument, completeAt, hoverAt, lensesFor } from '../../server/src/core/analyze';
import type { AnalysisContext, SourceDocument } from '../../server/src/core/analyzer';
import type { IamData } from '../../server/src/core/iam/data';
import { type HostFormat, URI, mutate, mutationArb, policyArb, render } from '../unit/property/iam-gen';

export interface FuzzDoc extends SourceDocument {
  /** What generated it, for the report ('iam-json', 'alias-bomb', …). */
  readonly kind: string;
  /** Where hover and completion are asked, as a fraction of the text length. */
  readonly at: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Generators

const policyDoc: fc.Arbitrary<FuzzDoc> = fc
  .tuple(policyArb, fc.constantFrom<HostFormat>('json', 'yaml', 'hcl'), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([p, format, at]) => ({ kind: `iam-${format}`, uri: URI[format], text: render(p, format), at }));

/** A SAM template: function policies as a list of statements, a managed policy name, or a template policy. */
const samDoc: fc.Arbitrary<FuzzDoc> = fc
  .tuple(policyArb, fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([p, asJson, at]) => {
    const template = {
      AWSTemplateFormatVersion: '2010-09-09',
      Transform: 'AWS::Serverless-2016-10-31',
      Resources: {
        Fn: {
          Type: 'AWS::Serverless::Function',
          Properties: {
            Handler: 'index.handler',
            Runtime: 'nodejs20.x',
            Policies: ['AWSLambdaBasicExecutionRole', { S3ReadPolicy: { BucketName: 'b' } }, ...p.statements],
          },
        },
      },
    };
    return asJson
      ? { kind: 'sam-json', uri: 'template.json', text: JSON.stringify(template, null, 2), at }
      : { kind: 'sam-yaml', uri: 'template.yaml', text: toYaml(template, ''), at };
  });

/** A minimal YAML writer for generated data (block style, every scalar JSON-quoted). */
function toYaml(v: unknown, indent: string): string {
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return v.map((x) => `\n${indent}- ${toYaml(x, `${indent}  `).replace(/^\n\s*/, '')}`).join('');
  }
  if (typeof v === 'object' && v !== null) {
    const entries = Object.entries(v);
    if (entries.length === 0) return '{}';
    return entries.map(([k, x]) => `\n${indent}${JSON.stringify(k)}: ${toYaml(x, `${indent}  `)}`).join('');
  }
  return JSON.stringify(v) ?? 'null';
}

const ATTRIBUTES = ['PK', 'SK', 'id', 'status', 'createdAt', 'customerId', 'isActive', ''];
const keyElement = fc.record({
  AttributeName: fc.constantFrom(...ATTRIBUTES),
  KeyType: fc.constantFrom('HASH', 'RANGE', 'hash', ''),
});
const tableDoc: fc.Arbitrary<FuzzDoc> = fc
  .tuple(
    fc.record(
      {
        TableName: fc.string({ maxLength: 10 }),
        KeySchema: fc.array(keyElement, { maxLength: 3 }),
        AttributeDefinitions: fc.array(
          fc.record({
            AttributeName: fc.constantFrom(...ATTRIBUTES),
            AttributeType: fc.constantFrom('S', 'N', 'B', 'BOOL', ''),
          }),
          { maxLength: 4 },
        ),
        BillingMode: fc.constantFrom('PROVISIONED', 'PAY_PER_REQUEST', 'X'),
        ProvisionedThroughput: fc.record({
          ReadCapacityUnits: fc.oneof(fc.integer({ min: -5, max: 100_000 }), fc.constant('many')),
          WriteCapacityUnits: fc.integer({ min: -5, max: 100_000 }),
        }),
        GlobalSecondaryIndexes: fc.array(
          fc.record({
            IndexName: fc.constantFrom('G1', 'G2', 'G1'),
            KeySchema: fc.array(keyElement, { maxLength: 3 }),
            Projection: fc.record({ ProjectionType: fc.constantFrom('ALL', 'KEYS_ONLY', 'INCLUDE') }),
          }),
          { maxLength: 3 },
        ),
      },
      { requiredKeys: [] },
    ),
    fc.double({ min: 0, max: 1, noNaN: true }),
  )
  .map(([table, at]) => ({ kind: 'create-table', uri: 'table.json', text: JSON.stringify(table, null, 2), at }));

const EXTENSIONS = ['policy.json', 'template.yaml', 'main.tf', 'table.json', 'notes.yml'];

const randomBytes: fc.Arbitrary<FuzzDoc> = fc
  .tuple(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom(...EXTENSIONS), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([bytes, uri, at]) => ({ kind: 'random-bytes', uri, text: Buffer.from(bytes).toString('utf8'), at }));

/** Tens of thousands of nested brackets, maps or blocks: recursive-descent parsers and walkers must not overflow. */
const deepNesting: fc.Arbitrary<FuzzDoc> = fc
  .tuple(
    fc.integer({ min: 100, max: 20_000 }),
    fc.constantFrom('json-array', 'json-object', 'yaml', 'hcl', 'statement'),
  )
  .map(([depth, shape]) => {
    switch (shape) {
      case 'json-array':
        return { kind: 'deep-json', uri: 'policy.json', text: `${'['.repeat(depth)}${']'.repeat(depth)}`, at: 0.5 };
      case 'json-object':
        return {
          kind: 'deep-json',
          uri: 'policy.json',
          text: `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
          at: 0.5,
        };
      case 'yaml':
        return { kind: 'deep-yaml', uri: 'template.yaml', text: '['.repeat(depth) + ']'.repeat(depth), at: 0.5 };
      case 'hcl':
        return { kind: 'deep-hcl', uri: 'main.tf', text: `a = ${'['.repeat(depth)}${']'.repeat(depth)}\n`, at: 0.5 };
      default: {
        // Nesting inside a real policy: a Condition value that is an array of arrays of …
        const inner = `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
        const text = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpc":${inner}}}}]}`;
        return { kind: 'deep-policy', uri: 'policy.json', text, at: 0.99 };
      }
    }
  });

/** One huge value, or thousands of entries, in an otherwise ordinary policy. */
const hugeStrings: fc.Arbitrary<FuzzDoc> = fc
  .tuple(fc.integer({ min: 10_000, max: 100_000 }), fc.constantFrom('action', 'resource', 'key', 'many', 'sid'))
  .map(([size, where]) => {
    const long = 'a'.repeat(size);
    const statement: Record<string, unknown> = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
    if (where === 'action') statement['Action'] = `s3:${long}*`;
    if (where === 'resource') statement['Resource'] = `arn:aws:s3:::${long}*?*`;
    if (where === 'key') statement['Condition'] = { StringLike: { [`aws:PrincipalTag/${long}`]: `${long}*` } };
    if (where === 'sid') statement['Sid'] = long;
    if (where === 'many') {
      // Up to 300 entries: three times what fits in the largest policy IAM stores (10,240 characters).
      statement['Action'] = Array.from(
        { length: Math.floor(size / 1000) },
        (_v, i) => `s3:Get${'*'.repeat(i % 3)}${i}`,
      );
    }
    return {
      kind: `huge-${where}`,
      uri: 'policy.json',
      text: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }),
      at: 0.5,
    };
  });

/** "Billion laughs": each level aliases the previous one ten times; expanded, it would be 10^levels nodes. */
const aliasBomb: fc.Arbitrary<FuzzDoc> = fc
  .tuple(fc.integer({ min: 3, max: 12 }), fc.constantFrom('top', 'policy', 'statement'))
  .map(([levels, where]) => {
    const lines = ['a0: &a0 ["s3:GetObject", "s3:PutObject"]'];
    for (let i = 1; i < levels; i++)
      lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    const last = `*a${levels - 1}`;
    if (where === 'policy') {
      lines.push('Resources:', '  P:', '    Type: AWS::IAM::ManagedPolicy', '    Properties:', '      PolicyDocument:');
      lines.push("        Version: '2012-10-17'", '        Statement:', '          - Effect: Allow');
      lines.push(`            Action: ${last}`, "            Resource: '*'");
    } else if (where === 'statement') {
      lines.push("Version: '2012-10-17'", `Statement: ${last}`);
    } else lines.push(`Resources: ${last}`);
    return { kind: 'alias-bomb', uri: 'template.yaml', text: `${lines.join('\n')}\n`, at: 0.9 };
  });

const baseDoc: fc.Arbitrary<FuzzDoc> = fc.oneof(
  { weight: 6, arbitrary: policyDoc },
  { weight: 2, arbitrary: samDoc },
  { weight: 2, arbitrary: tableDoc },
  { weight: 1, arbitrary: randomBytes },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: hugeStrings },
  { weight: 1, arbitrary: aliasBomb },
);

/** Every kind of document, half of the well-formed ones then mutated (truncated, brackets and quotes spliced in). */
export const fuzzDocArb: fc.Arbitrary<FuzzDoc> = fc
  .tuple(baseDoc, fc.option(mutationArb, { freq: 2 }))
  .map(([doc, edits]) =>
    edits && doc.text.length < 100_000 ? { ...doc, kind: `${doc.kind}+mutated`, text: mutate(doc.text, edits) } : doc,
  );

// ---------------------------------------------------------------------------------------------------------------
// The run

export interface FuzzFailure {
  readonly index: number;
  readonly kind: string;
  readonly uri: string;
  readonly what: string;
  /** The document's first characters, to rebuild it as a regression test. */
  readonly head: string;
}

export interface FuzzReport {
  readonly documents: number;
  readonly seed: number;
  /** Exceptions that escaped analyzeDocument / hoverAt / completeAt / lensesFor. */
  readonly escaped: readonly FuzzFailure[];
  /** INTERNAL_ERROR findings: a parser, analyser or rule threw and the core caught it. */
  readonly internal: readonly FuzzFailure[];
  /** Findings with a span outside the document. */
  readonly outOfRange: readonly FuzzFailure[];
  /** Wall time per document. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** CPU time per document (user + system): what the document costs, whatever else the machine is running. */
  readonly cpuP99Ms: number;
  readonly cpuMaxMs: number;
  readonly slowest: { readonly kind: string; readonly bytes: number };
  /** Documents over the per-document budget, in wall and in CPU time. */
  readonly overBudget: number;
  readonly overBudgetCpu: number;
  readonly peakHeapMb: number;
  readonly peakRssMb: number;
  /** Heap still in use after a full collection, after the first batch and at the end (when gc is exposed). */
  readonly retainedMb?: { readonly first: number; readonly last: number };
  /** Documents and the slowest time (ms) of each kind. */
  readonly byKind: ReadonlyMap<string, { readonly count: number; readonly maxMs: number }>;
}

export interface FuzzOptions {
  readonly count: number;
  readonly seed: number;
  readonly data: IamData;
  /** Per-document budget in ms (default 50). */
  readonly budgetMs?: number;
  /** Called every `batch` documents with the number done so far. */
  readonly progress?: (done: number) => void;
}

const BATCH = 500;

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function runFuzz(options: FuzzOptions): FuzzReport {
  const budget = options.budgetMs ?? 50;
  const ctx: AnalysisContext = { iamData: () => options.data, options: {} };
  const times = new Float64Array(options.count);
  const cpuTimes = new Float64Array(options.count);
  let overBudgetCpu = 0;
  const escaped: FuzzFailure[] = [];
  const internal: FuzzFailure[] = [];
  const outOfRange: FuzzFailure[] = [];
  const byKind = new Map<string, { count: number; maxMs: number }>();
  let slowest = { kind: '', bytes: 0 };
  let maxMs = 0;
  let overBudget = 0;
  let peakHeap = 0;
  let peakRss = 0;
  let retainedFirst: number | undefined;
  let retainedLast: number | undefined;
  // Warm up first (JIT, and the catalogue's services parsed on first use), so the times are the documents' own.
  for (const doc of fc.sample(fuzzDocArb, { seed: options.seed - 1, numRuns: Math.min(200, options.count) })) {
    try {
      analyzeDocument(doc, ctx);
    } catch {
      // counted in the run proper, if it happens again there
    }
  }
  analyzeDocument({ uri: 'warm.json', text: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}' }, ctx);
  let index = 0;
  for (let batch = 0; index < options.count; batch++) {
    const n = Math.min(BATCH, options.count - index);
    // One seed per batch: the same (seed, count) always yields the same documents, without holding them all.
    for (const doc of fc.sample(fuzzDocArb, { seed: options.seed + batch, numRuns: n })) {
      const failure = (what: string): FuzzFailure => ({
        index,
        kind: doc.kind,
        uri: doc.uri,
        what: what.length > 300 ? `${what.slice(0, 300)}…` : what,
        head: doc.text.slice(0, 300),
      });
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      try {
        const { parsed, findings } = analyzeDocument(doc, ctx);
        for (const f of findings) {
          if (f.ruleId === 'INTERNAL_ERROR') internal.push(failure(f.message));
          if (f.span.start < 0 || f.span.end > doc.text.length || f.span.start > f.span.end) {
            outOfRange.push(failure(`${f.ruleId} span ${f.span.start}-${f.span.end} of ${doc.text.length}`));
          }
        }
        const offset = Math.floor(doc.at * doc.text.length);
        hoverAt(parsed, offset, ctx);
        completeAt(parsed, offset, ctx);
        lensesFor(parsed, ctx);
      } catch (e) {
        escaped.push(failure(e instanceof Error ? `${e.name}: ${e.message}` : String(e)));
      }
      const elapsed = performance.now() - started;
      const cpu = process.cpuUsage(cpuStarted);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      cpuTimes[index] = cpuMs;
      if (cpuMs > budget) overBudgetCpu++;
      times[index] = elapsed;
      const kind = byKind.get(doc.kind) ?? { count: 0, maxMs: 0 };
      byKind.set(doc.kind, { count: kind.count + 1, maxMs: Math.max(kind.maxMs, elapsed) });
      if (elapsed > budget) overBudget++;
      if (elapsed > maxMs) {
        maxMs = elapsed;
        slowest = { kind: doc.kind, bytes: doc.text.length };
      }
      index++;
    }
    const mem = process.memoryUsage();
    peakHeap = Math.max(peakHeap, mem.heapUsed);
    peakRss = Math.max(peakRss, mem.rss);
    // What the run keeps alive, as opposed to garbage not yet collected: measured after a full collection.
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc && (batch === 0 || index >= options.count)) {
      gc();
      const retained = process.memoryUsage().heapUsed / 1e6;
      if (batch === 0) retainedFirst = retained;
      retainedLast = retained;
    }
    options.progress?.(index);
  }
  const sorted = times.slice(0, index).sort();
  const cpuSorted = cpuTimes.slice(0, index).sort();
  return {
    documents: index,
    seed: options.seed,
    escaped,
    internal,
    outOfRange,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs,
    cpuP99Ms: percentile(cpuSorted, 99),
    cpuMaxMs: cpuSorted[cpuSorted.length - 1] ?? 0,
    slowest,
    overBudget,
    overBudgetCpu,
    peakHeapMb: peakHeap / 1e6,
    peakRssMb: peakRss / 1e6,
    ...(retainedFirst !== undefined && retainedLast !== undefined
      ? { retainedMb: { first: retainedFirst, last: retainedLast } }
      : {}),
    byKind,
  };
}

/** The one-line summary `npm run fuzz` ends with. */
export function summaryLine(r: FuzzReport, budgetMs = 50): string {
  return (
    `fuzz: ${r.documents} documents (seed ${r.seed}): ${r.escaped.length} exceptions escaped, ` +
    `${r.internal.length} internal errors, ${r.outOfRange.length} spans out of range; ` +
    `per document wall p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, max ${r.maxMs.toFixed(1)} ms ` +
    `(${r.slowest.kind}, ${r.slowest.bytes} chars), ${r.overBudget} over ${budgetMs} ms; ` +
    `CPU p99 ${r.cpuP99Ms.toFixed(2)} ms, max ${r.cpuMaxMs.toFixed(1)} ms, ${r.overBudgetCpu} over ${budgetMs} ms; ` +
    `peak heap ${r.peakHeapMb.toFixed(0)} MB, peak RSS ${r.peakRssMb.toFixed(0)} MB` +
    (r.retainedMb
      ? `, heap after full GC ${r.retainedMb.first.toFixed(0)} MB after the first batch, ${r.retainedMb.last.toFixed(0)} MB at the end`
      : '')
  );
}
