// Rules raised by the syntax layer and by the analysis driver itself.
import type { Format, SyntaxProblem } from './tree';
import type { Finding, RuleMeta, Span } from '../types';

export const JSON_SYNTAX_ERROR: RuleMeta = {
  id: 'JSON_SYNTAX_ERROR',
  defaultSeverity: 'error',
  title: 'The JSON is malformed; AWS would reject the document.',
  domain: 'syntax',
};
export const YAML_SYNTAX_ERROR: RuleMeta = {
  id: 'YAML_SYNTAX_ERROR',
  defaultSeverity: 'error',
  title: 'The YAML is malformed; CloudFormation would reject the template.',
  domain: 'syntax',
};
export const HCL_SYNTAX_ERROR: RuleMeta = {
  id: 'HCL_SYNTAX_ERROR',
  defaultSeverity: 'error',
  title: 'The Terraform (HCL) is malformed; terraform would refuse to plan it.',
  domain: 'syntax',
};
export const INTERNAL_ERROR: RuleMeta = {
  id: 'INTERNAL_ERROR',
  defaultSeverity: 'info',
  title: 'An analyser failed on this document; the other checks still ran.',
  domain: 'syntax',
};

export const syntaxRules: readonly RuleMeta[] = [
  HCL_SYNTAX_ERROR,
  INTERNAL_ERROR,
  JSON_SYNTAX_ERROR,
  YAML_SYNTAX_ERROR,
];

const BY_FORMAT: Readonly<Record<Format, RuleMeta>> = {
  json: JSON_SYNTAX_ERROR,
  yaml: YAML_SYNTAX_ERROR,
  hcl: HCL_SYNTAX_ERROR,
};

export function syntaxFinding(format: Format, problem: SyntaxProblem): Finding {
  const rule = BY_FORMAT[format];
  return { ruleId: rule.id, severity: rule.defaultSeverity, message: problem.message, span: problem.span };
}

/** What a crashing analyzer or rule leaves behind: one quiet finding instead of an exception. */
export function internalError(what: string, error: unknown, span: Span): Finding {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ruleId: INTERNAL_ERROR.id,
    severity: INTERNAL_ERROR.defaultSeverity,
    message: `${what} failed: ${reason}`,
    span,
  };
}
