// Policies of one file's text, for the evaluator and the custom checks: a policy file, a CloudFormation/SAM
// template or Terraform, parsed by the same syntax layer as the rules. Syntax errors come back as problems (the
// callers refuse to answer about a policy they could not read).
import type { ParsedDocument } from '../../analyzer';
import { createLineIndex } from '../../positions';
import { parseDocument } from '../../syntax/parse';
import { extractPolicies } from '../extract';
import type { PolicySource } from './evaluate';

export interface LoadedPolicies {
  readonly sources: readonly PolicySource[];
  /** Syntax problems, as `line:column message` (1-based). */
  readonly problems: readonly string[];
}

export function loadPolicies(file: string, text: string): LoadedPolicies {
  return policiesOfParsed(file, parseDocument({ uri: file, text }));
}

/** The same, for a document already parsed (the language server's analysis), named `file` in statement refs. */
export function policiesOfParsed(file: string, parsed: ParsedDocument): LoadedPolicies {
  const lines = createLineIndex(parsed.text);
  const extraction = extractPolicies(parsed);
  const where = (offset: number): string => {
    const p = lines.positionAt(offset);
    return `${p.line + 1}:${p.character + 1}`;
  };
  const problems = [...parsed.parse.problems, ...extraction.problems].map((p) => `${where(p.span.start)} ${p.message}`);
  return { sources: extraction.policies.map((policy) => ({ file, policy, lines })), problems };
}
