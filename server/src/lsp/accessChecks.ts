// The offline custom checks as diagnostics, with AWS Access Analyzer's names and FAIL wording: CheckNoNewAccess
// against the base text the client sends (the committed version), CheckAccessNotGranted against the actions in the
// settings, CheckNoPublicAccess on resource-based policies. A PASS publishes nothing. Only documents that hold a
// policy are checked; a document with syntax problems is left to the rules' diagnostics.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedDocument } from '../core/analyzer';
import type { IamData } from '../core/iam/data';
import {
  checkAccessNotGranted,
  checkNoNewAccess,
  checkNoPublicAccess,
  type CheckReason,
  type PublicResourceType,
  resourceTypeOf,
} from '../core/iam/evaluate/checks';
import { loadPolicies, policiesOfParsed } from '../core/iam/evaluate/load';

export interface AccessCheckSettings {
  /** CheckNoNewAccess against the committed version (`localCloudLab.analysis.checkNoNewAccess`). */
  readonly noNewAccess: boolean;
  /** CheckAccessNotGranted (`localCloudLab.analysis.checkAccessNotGranted`); no actions: off. */
  readonly accessNotGranted: { readonly actions: readonly string[]; readonly resources: readonly string[] };
  /** CheckNoPublicAccess (`localCloudLab.analysis.checkNoPublicAccess`): 'auto' detects the resource type. */
  readonly noPublicAccess: 'auto' | 'off' | PublicResourceType;
}

export const DEFAULT_ACCESS_CHECKS: AccessCheckSettings = {
  noNewAccess: true,
  accessNotGranted: { actions: [], resources: [] },
  noPublicAccess: 'auto',
};

/** A cheap look before parsing: only text that may hold a policy statement is checked. */
const MAY_HOLD_POLICY = /statement/i;

function diagnostic(doc: TextDocument, check: string, r: CheckReason, message: string): Diagnostic {
  const line = Math.min(Math.max(0, (r.statement?.line ?? 1) - 1), Math.max(0, doc.lineCount - 1));
  const start = doc.offsetAt({ line, character: 0 });
  const end = doc.offsetAt({ line: line + 1, character: 0 });
  const text = doc.getText().slice(start, end);
  const indent = text.length - text.trimStart().length;
  const trimmedEnd = text.replace(/\s+$/, '').length;
  return {
    range: { start: { line, character: indent }, end: { line, character: Math.max(indent, trimmedEnd) } },
    severity: DiagnosticSeverity.Warning,
    code: check,
    source: 'Local Cloud Lab',
    message: `${check} FAIL: ${message}${r.note ? ` (${r.note})` : ''}`,
  };
}

/**
 * The FAIL diagnostics of the three checks for one document, from the analysis' parse of it. `base` is the committed
 * text (undefined: not known or none). `iamData` is called only when CheckNoNewAccess needs the catalogue.
 */
export function accessCheckDiagnostics(
  doc: TextDocument,
  parsed: ParsedDocument,
  base: string | undefined,
  settings: AccessCheckSettings,
  iamData: () => IamData,
): Diagnostic[] {
  if (!MAY_HOLD_POLICY.test(parsed.text)) return [];
  const file = doc.uri.slice(doc.uri.lastIndexOf('/') + 1);
  const next = policiesOfParsed(file, parsed);
  if (next.problems.length || !next.sources.length) return [];
  const out: Diagnostic[] = [];

  if (settings.noNewAccess && base !== undefined) {
    const old = loadPolicies(file, base);
    if (!old.problems.length) {
      for (const r of checkNoNewAccess(iamData(), old.sources, next.sources).reasons) {
        out.push(
          diagnostic(doc, 'CheckNoNewAccess', r, `this edit widens access: now also ${r.action} on ${r.resource}`),
        );
      }
    }
  }

  const { actions, resources } = settings.accessNotGranted;
  if (actions.length) {
    for (const r of checkAccessNotGranted(next.sources, actions, resources).reasons) {
      out.push(
        diagnostic(
          doc,
          'CheckAccessNotGranted',
          r,
          `grants ${r.action} on ${r.resource}, which localCloudLab.analysis.checkAccessNotGranted lists`,
        ),
      );
    }
  }

  if (settings.noPublicAccess !== 'off') {
    for (const source of next.sources) {
      const type = settings.noPublicAccess === 'auto' ? resourceTypeOf(source) : settings.noPublicAccess;
      if (
        !type ||
        source.policy.kind === 'trust' ||
        (settings.noPublicAccess !== 'auto' && source.policy.kind !== 'resource')
      ) {
        continue;
      }
      for (const r of checkNoPublicAccess([source], type).reasons) {
        out.push(
          diagnostic(
            doc,
            'CheckNoPublicAccess',
            r,
            `this ${type} policy grants public access: ${r.action} on ${r.resource} to everyone, ` +
              'with no condition that limits it to known accounts, organizations, networks or sources',
          ),
        );
      }
    }
  }
  return out;
}
