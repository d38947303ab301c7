// DEPENDENT_ACTION: some actions only succeed when the caller also holds another permission (creating a Lambda
// function passes its execution role: iam:PassRole). A hint: the learner's first call would fail with AccessDenied.
import { type ActionRef, type GlobMatcher, concreteArnExample, hasWildcard, resourceTypesOfRef } from '../catalog';
import type { CatalogMemo } from '../catalogMemo';
import { appendArrayItem } from '../fixes';
import type { IamRule } from '../rule';
import type { Statement } from '../model';
import { literals } from '../validity';

/**
 * Dependencies the catalogue's `dependentActions` lacks (the current upstream data has none): actions that hand a
 * role to a service need iam:PassRole on that role. `when` says in which case, for conditional ones.
 */
const KNOWN: Readonly<Record<string, { readonly actions: readonly string[]; readonly when?: string }>> = {
  'lambda:createfunction': { actions: ['iam:PassRole'] },
  'lambda:updatefunctionconfiguration': { actions: ['iam:PassRole'], when: 'when it changes the execution role' },
  'states:createstatemachine': { actions: ['iam:PassRole'] },
  'glue:createjob': { actions: ['iam:PassRole'] },
  'glue:createcrawler': { actions: ['iam:PassRole'] },
  'codebuild:createproject': { actions: ['iam:PassRole'] },
  'sagemaker:createtrainingjob': { actions: ['iam:PassRole'] },
  'sagemaker:createnotebookinstance': { actions: ['iam:PassRole'] },
  'ec2:runinstances': { actions: ['iam:PassRole'], when: 'when it launches with an instance profile' },
  'ecs:registertaskdefinition': {
    actions: ['iam:PassRole'],
    when: 'when the task definition names a task or execution role',
  },
  'ecs:runtask': { actions: ['iam:PassRole'], when: 'when the task uses a task or execution role' },
  'events:puttargets': { actions: ['iam:PassRole'], when: 'when a target needs a role' },
  'cloudformation:createstack': { actions: ['iam:PassRole'], when: 'when the stack is given a service role' },
  'pipes:createpipe': { actions: ['iam:PassRole'] },
  'scheduler:createschedule': { actions: ['iam:PassRole'] },
};

/**
 * Whether the Allow statements grant an action: an exact name is one set lookup, and only the wildcard entries are
 * matched (those naming another service are refused without compiling them).
 */
function grantedBy(allows: readonly Statement[], memo: CatalogMemo): (name: string) => boolean {
  const exact = new Set<string>();
  // Wildcard entries by the service they name ('' when the service part is itself a pattern).
  const byService = new Map<string, GlobMatcher[]>();
  for (const a of allows) {
    for (const g of literals(a.action)) {
      if (!hasWildcard(g.value)) {
        exact.add(g.value.toLowerCase());
        continue;
      }
      const colon = g.value.indexOf(':');
      const service = colon < 0 || hasWildcard(g.value.slice(0, colon)) ? '' : g.value.slice(0, colon).toLowerCase();
      const list = byService.get(service) ?? [];
      list.push(memo.glob(g.value));
      byService.set(service, list);
    }
  }
  return (name) => {
    const lower = name.toLowerCase();
    if (exact.has(lower)) return true;
    const service = lower.slice(0, lower.indexOf(':'));
    return [...(byService.get(service) ?? []), ...(byService.get('') ?? [])].some((m) => m.test(name));
  };
}

/** The services KNOWN names (lower case): an action of another service depends on nothing the catalogue omits. */
const KNOWN_SERVICES: ReadonlySet<string> = new Set(Object.keys(KNOWN).map((name) => name.slice(0, name.indexOf(':'))));

/** Whether the action may have dependencies at all: most do not, and need no lookup by name. */
function mayDepend(r: ActionRef): boolean {
  return (
    r.action.dependentActions.length > 0 ||
    r.action.resourceTypes.some(hasDependencies) ||
    KNOWN_SERVICES.has(r.service.prefix.toLowerCase())
  );
}

function hasDependencies(t: object): boolean {
  return ((t as { dependentActions?: readonly string[] }).dependentActions?.length ?? 0) > 0;
}

/** What an action depends on: the catalogue's dependent actions and the known ones, with `when` for the latter. */
interface Dependencies {
  readonly deps: readonly string[];
  /** Said after the message when the dependency is a known, conditional one the catalogue does not list. */
  readonly when: string;
}

/** The dependencies of one action (by its canonical name), worked out once per action (CatalogMemo.answer). */
function dependenciesOf(fullName: string, memo: CatalogMemo): Dependencies | undefined {
  const r = memo.action(fullName);
  if (!r) return undefined;
  const known = KNOWN[fullName.toLowerCase()];
  // Most actions depend on nothing: find out before building any list.
  if (!known && r.action.dependentActions.length === 0 && !r.action.resourceTypes.some(hasDependencies)) {
    return undefined;
  }
  const fromData = [
    ...r.action.dependentActions,
    ...r.action.resourceTypes.flatMap((t) => (t as { dependentActions?: readonly string[] }).dependentActions ?? []),
  ];
  if (fromData.length === 0 && !known) return undefined;
  const deps = [...new Set([...fromData, ...(known?.actions ?? [])])];
  return { deps, when: known?.when && fromData.length === 0 ? ` ${known.when}` : '' };
}

export const DEPENDENT_ACTION: IamRule = {
  id: 'DEPENDENT_ACTION',
  domain: 'iam',
  defaultSeverity: 'info',
  title: 'An allowed action depends on another permission that the policy does not grant.',
  appliesTo: ['identity'],
  check(ctx) {
    const { facts, text, policy } = ctx;
    const allows = policy.statements.filter((s) => s.effect?.kind === 'string' && s.effect.value === 'Allow');
    // NotAction grants almost everything: do not guess.
    if (
      allows.some((s) => s.notAction) ||
      allows.some((s) => s.action && s.action.values.some((v) => v.kind !== 'string'))
    ) {
      return;
    }
    // Each granted pattern compiled once, and only when some action has a dependency to test against them.
    let granted: ((name: string) => boolean) | undefined;
    const reported = new Set<string>();
    for (const s of allows) {
      for (const entry of facts.entries(s)) {
        const r = entry.ref;
        if (!r || !mayDepend(r)) continue;
        const dependencies = facts.memo.answer(r.fullName, dependenciesOf);
        if (!dependencies) continue;
        const { deps, when } = dependencies;
        granted ??= grantedBy(allows, facts.memo);
        const all = granted;
        const missing = deps.filter((d) => !all(d));
        if (missing.length === 0 || reported.has(r.fullName)) continue;
        reported.add(r.fullName);
        const st =
          policy.node.kind === 'object' ? policy.node.properties.find((p) => p.key === 'Statement')?.value : undefined;
        const dep = facts.action(missing[0] ?? '');
        const type = dep ? resourceTypesOfRef(dep)[0] : undefined;
        const statement = {
          Effect: 'Allow',
          Action: missing.length === 1 ? missing[0] : missing,
          Resource: type ? concreteArnExample(type.arn) : '*',
        };
        const fixes =
          st?.kind === 'array' && !policy.synthetic
            ? [
                {
                  title: `Add a statement allowing ${missing.join(', ')}`,
                  edits: [appendArrayItem(text, st, statement)],
                },
              ]
            : [];
        ctx.report({
          message: `${r.fullName} also needs ${missing.join(', ')}${when}, which this policy does not grant`,
          span: entry.span,
          fixes,
        });
      }
    }
  },
};
