// Where the extractors put what they find: the policies of one document and the syntax problems of policies
// written as strings. Shared by the CloudFormation/policy-file extractor (extract.ts) and Terraform (terraform.ts).
import type { ParsedDocument } from '../analyzer';
import { alignOffsets, jsonStringOffsets, type OffsetMap, remapResult } from '../syntax/embedded';
import { parseJson } from '../syntax/json';
import type { Node, SyntaxProblem } from '../syntax/tree';
import type { Policy, PolicyKind } from './model';
import { buildPolicy } from './policy';

export interface Extraction {
  readonly policies: readonly Policy[];
  /** Syntax problems of policies embedded as strings (a PolicyDocument written as a JSON string). */
  readonly problems: readonly SyntaxProblem[];
}

/** Collects policies and embedded-syntax problems while walking one document. */
export class PolicySink {
  readonly policies: Policy[] = [];
  readonly problems: SyntaxProblem[] = [];
  constructor(readonly doc: ParsedDocument) {}

  /**
   * Adds the policy document found at `node`: an object, or a string holding JSON (mapped back to the host's
   * characters); computed values (`!Ref`, `var.x`) are skipped, a `Fn::Sub` / template string is read with its
   * `${…}` parts as unknown values.
   */
  addDocument(node: Node | undefined, kind: PolicyKind | undefined, origin: string): void {
    if (!node) return;
    if (node.kind === 'object') {
      this.policies.push(buildPolicy(node, kind ? { kind, origin } : { origin }));
      return;
    }
    const embedded = this.embedded(node);
    if (!embedded) return;
    this.problems.push(...embedded.problems);
    const root = embedded.root;
    if (root && root.kind === 'object') this.policies.push(buildPolicy(root, kind ? { kind, origin } : { origin }));
  }

  /** Parses a string (or `Fn::Sub` / HCL template of a string) holding a JSON policy. */
  private embedded(node: Node): { root?: Node; problems: readonly SyntaxProblem[] } | undefined {
    let str = node;
    let template: string | undefined;
    if (node.kind === 'dynamic' && (node.function === 'Fn::Sub' || node.function === 'hcl-template')) {
      const arg = node.argument?.kind === 'array' ? node.argument.items[0] : node.argument;
      if (!arg) return undefined;
      str = arg;
      template = node.function;
    }
    if (str.kind !== 'string' || !/^\s*\{/.test(str.value)) return undefined;
    const text = this.doc.text;
    const raw = text.slice(str.valueSpan.start, str.valueSpan.end);
    const map: OffsetMap =
      this.doc.format === 'json' && raw.length >= str.value.length
        ? jsonStringOffsets(raw, str.valueSpan.start)
        : alignOffsets(str.value, raw, str.valueSpan.start);
    const parsed = remapResult(parseJson(str.value), map);
    const root = parsed.root && template ? markTemplates(parsed.root, template, text) : parsed.root;
    return root ? { root, problems: parsed.problems } : { problems: parsed.problems };
  }
}

/** Strings containing `${…}` inside a templated policy are computed at deploy time: make them dynamic. */
export function markTemplates(node: Node, fn: string, text: string): Node {
  switch (node.kind) {
    case 'string':
      return node.value.includes('${')
        ? {
            kind: 'dynamic',
            span: node.span,
            function: fn,
            text: text.slice(node.span.start, node.span.end),
            argument: node,
          }
        : node;
    case 'object':
      return { ...node, properties: node.properties.map((p) => ({ ...p, value: markTemplates(p.value, fn, text) })) };
    case 'array':
      return { ...node, items: node.items.map((i) => markTemplates(i, fn, text)) };
    default:
      return node;
  }
}
