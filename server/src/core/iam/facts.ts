// What one analysis learns once and every rule reuses: the ARN checks of each resource value, the actions an action
// pattern expands to, and which resource patterns fit or cover which ARN templates. Built by runIamRules for one
// document (all of its policies) and dropped with it, so nothing outlives the analysis and nothing is shared between
// documents; every answer is computed lazily, on the first rule that asks.
import {
  type ActionRef,
  type TemplateToken,
  arnCoversTokens,
  arnMatchesTokens,
  expandActionPattern,
  findAction,
  tokenizeTemplate,
} from './catalog';
import type { IamData } from './data';
import { type ArnFinding, type TemplateShape, arnProblems, serviceTemplateShapes } from './validity';
import type { StringNode } from '../syntax/tree';

export class IamFacts {
  private readonly arnFindings = new Map<StringNode, readonly ArnFinding[]>();
  private readonly shapes = new Map<string, readonly TemplateShape[]>();
  private readonly expansions = new Map<string, readonly ActionRef[]>();
  private readonly actions = new Map<string, ActionRef | undefined>();
  private readonly tokens = new Map<string, readonly TemplateToken[]>();
  private readonly fits = new Map<string, boolean>();
  private readonly covered = new Map<string, boolean>();

  constructor(readonly data: IamData) {}

  /** Problems of one Resource/NotResource value (validity.ts arnProblems), computed once per value. */
  arnProblems(node: StringNode): readonly ArnFinding[] {
    let found = this.arnFindings.get(node);
    if (found === undefined) {
      found = arnProblems(this.data, node, (service) => this.templateShapes(service));
      this.arnFindings.set(node, found);
    }
    return found;
  }

  /** The parsed ARN templates of a service (lower-case prefix). */
  templateShapes(service: string): readonly TemplateShape[] {
    let shapes = this.shapes.get(service);
    if (shapes === undefined) {
      shapes = serviceTemplateShapes(this.data, service);
      this.shapes.set(service, shapes);
    }
    return shapes;
  }

  /** expandActionPattern, once per pattern. Callers must not modify the array. */
  expand(pattern: string): readonly ActionRef[] {
    let refs = this.expansions.get(pattern);
    if (refs === undefined) {
      refs = expandActionPattern(this.data, pattern);
      this.expansions.set(pattern, refs);
    }
    return refs;
  }

  /** findAction, once per name. */
  action(fullName: string): ActionRef | undefined {
    if (this.actions.has(fullName)) return this.actions.get(fullName);
    const r = findAction(this.data, fullName);
    this.actions.set(fullName, r);
    return r;
  }

  private templateTokens(template: string): readonly TemplateToken[] {
    let t = this.tokens.get(template);
    if (t === undefined) {
      t = tokenizeTemplate(template);
      this.tokens.set(template, t);
    }
    return t;
  }

  /** arnMatchesTemplate: can some ARN match both the resource pattern and the template? */
  matches(pattern: string, template: string): boolean {
    if (pattern === '*') return true;
    const key = `${pattern}\u0000${template}`;
    let known = this.fits.get(key);
    if (known === undefined) {
      known = arnMatchesTokens(pattern, this.templateTokens(template));
      this.fits.set(key, known);
    }
    return known;
  }

  /** arnCoversResourceType: does the pattern match every resource of the template? */
  coversType(pattern: string, template: string): boolean {
    if (pattern === '*') return true;
    const key = `${pattern}\u0000${template}`;
    let known = this.covered.get(key);
    if (known === undefined) {
      known = arnCoversTokens(pattern, this.templateTokens(template));
      this.covered.set(key, known);
    }
    return known;
  }
}
