// The three output formats of `check`: text for people, JSON (fixed shape) and SARIF 2.1.0 for CI.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Range } from '../core/positions';
import type { RuleMeta, Severity } from '../core/types';

export interface FileFinding {
  /** Path as given on the command line (or found under a given folder). */
  readonly file: string;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** 0-based, as in LSP. */
  readonly range: Range;
}

export function toJson(findings: readonly FileFinding[]): string {
  const out = findings.map((f) => ({
    file: f.file,
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    range: {
      start: { line: f.range.start.line, character: f.range.start.character },
      end: { line: f.range.end.line, character: f.range.end.character },
    },
  }));
  return `${JSON.stringify({ findings: out }, null, 2)}\n`;
}

export function toText(findings: readonly FileFinding[], fileCount: number): string {
  const lines = findings.map(
    (f) =>
      `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.ruleId}: ${f.message}`,
  );
  const count = (s: Severity): number => findings.filter((f) => f.severity === s).length;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ` +
      `${count('info') + count('hint')} info in ${plural(fileCount, 'file')}`,
  );
  return `${lines.join('\n')}\n`;
}

const SARIF_LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

/** A path relative to the working directory as a URI reference (forward slashes, escaped), or a file: URI. */
export function artifactUri(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const abs = resolve(cwd, file);
  const rel = relative(cwd, abs);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export interface SarifTool {
  readonly version: string;
  readonly informationUri: string;
  /** Base URL of the rule docs; `<base><RULE_ID>.md` is each rule's help page. */
  readonly docsBase: string;
}

export function toSarif(
  findings: readonly FileFinding[],
  rules: readonly RuleMeta[],
  tool: SarifTool,
  cwd: string,
): string {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const sarifRules = rules.map((r) => ({
    id: r.id,
    name: r.id,
    shortDescription: { text: r.title },
    helpUri: `${tool.docsBase}${r.id}.md`,
    help: { text: `${r.title} See ${tool.docsBase}${r.id}.md` },
    defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
    properties: { tags: [r.domain] },
  }));
  const results = findings.map((f) => {
    const location = artifactUri(f.file, cwd);
    const result: Record<string, unknown> = {
      ruleId: f.ruleId,
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: location,
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
        },
      ],
    };
    const i = index.get(f.ruleId);
    if (i !== undefined) result.ruleIndex = i;
    return result;
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'local-cloud-lab',
            version: tool.version,
            informationUri: tool.informationUri,
            rules: sarifRules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
