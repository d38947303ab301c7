// AWS's policy evaluation for a request within one account, as documented in the IAM User Guide ("Policy evaluation
// logic"): an explicit Deny in any policy decides; otherwise an Allow from a resource-based policy or from the
// identity-based policies (limited by the permissions boundary and the session policy, when there are any);
// otherwise the request is implicitly denied. Policies are compiled once and then evaluated against many requests.
// Pure and total: malformed statements simply never match.
import type { Policy, Statement, Value } from '../model';
import type { LineIndex } from '../../positions';
import { type CompiledCondition, compileCondition } from './conditions';
import { compileGlob, type GlobToken, STAR, tokensOf } from './glob';
import { matchPrincipal, parsePrincipal, principalArn, type PrincipalMatch, type RequestPrincipal } from './principal';
import { type ContextValues, parseTemplate, resolveTemplate, type Template } from './variables';

/** Where a statement is: the file as the user named it, its Sid (or `Statement[i]`), its 1-based line. */
export interface StatementRef {
  readonly file: string;
  readonly sid: string;
  readonly line: number;
}

export type PolicyRole = 'identity' | 'resource' | 'boundary' | 'session';

export interface PolicySource {
  readonly file: string;
  readonly policy: Policy;
  /** Line table of the file, for statement lines. */
  readonly lines: LineIndex;
}

interface CompiledStatement {
  readonly ref: StatementRef;
  readonly effect: 'Allow' | 'Deny' | undefined;
  readonly action: (action: string) => boolean;
  readonly resource: (resource: string, context: ContextValues) => boolean;
  readonly principal?: { readonly not: boolean; readonly model: NonNullable<Statement['principal']> };
  readonly conditions: readonly CompiledCondition[];
}

export interface CompiledPolicy {
  readonly file: string;
  readonly statements: readonly CompiledStatement[];
}

export function statementRef(s: Statement, file: string, lines: LineIndex): StatementRef {
  const sid = s.sid?.kind === 'string' && s.sid.value ? s.sid.value : `Statement[${s.index}]`;
  return { file, sid, line: lines.positionAt(s.node.span.start).line + 1 };
}

function literals(values: readonly Value[]): string[] | undefined {
  const out: string[] = [];
  for (const v of values) {
    if (v.kind !== 'string') return undefined;
    out.push(v.value);
  }
  return out;
}

const NEVER = (): boolean => false;

/**
 * Action and NotAction: case-insensitive wildcards; a computed value makes the element match nothing. Patterns are
 * grouped by service prefix, so a request only meets the patterns of its own service (ReadOnlyAccess lists
 * thousands).
 */
function compileActions(s: Statement): (action: string) => boolean {
  const list = s.action ?? s.notAction;
  if (!list) return NEVER;
  const texts = literals(list.values);
  if (!texts || (s.action && s.notAction)) return NEVER;
  const exact = new Set<string>();
  const byService = new Map<string, ((a: string) => boolean)[]>();
  const anyService: ((a: string) => boolean)[] = [];
  let all = false;
  for (const t of texts) {
    if (t === '*') all = true;
    else if (!t.includes('*') && !t.includes('?')) exact.add(t.toLowerCase());
    else {
      const m = compileGlob(tokensOf(t), { ignoreCase: true });
      const colon = t.indexOf(':');
      const service = colon > 0 ? t.slice(0, colon).toLowerCase() : undefined;
      if (service === undefined || service.includes('*') || service.includes('?')) anyService.push(m);
      else {
        const group = byService.get(service);
        if (group) group.push(m);
        else byService.set(service, [m]);
      }
    }
  }
  const positive = (a: string): boolean => {
    if (all) return true;
    const lower = a.toLowerCase();
    if (exact.has(lower)) return true;
    const group = byService.get(lower.slice(0, lower.indexOf(':')));
    if (group) for (const g of group) if (g(a)) return true;
    for (const g of anyService) if (g(a)) return true;
    return false;
  };
  return s.notAction ? (a) => !positive(a) : positive;
}

/** Resource and NotResource: case-sensitive, ARN part by part, with policy variables in Version 2012-10-17. */
function compileResources(s: Statement, withVariables: boolean, resourcePolicy: boolean) {
  const list = s.resource ?? s.notResource;
  if (!list) return resourcePolicy ? () => true : NEVER; // a trust or resource policy may leave Resource out
  const texts = literals(list.values);
  if (!texts || (s.resource && s.notResource)) return NEVER;
  const templates: Template[] = texts.map((t) => parseTemplate(t, withVariables));
  const fixed = templates.map((t) => (t.fixed ? compileGlob(t.tokens, { arnSegments: true }) : undefined));
  // Patterns with variables compile per distinct substitution; a few hundred are kept (one per user, team, …).
  const cache = new Map<string, (r: string) => boolean>();
  const resolved = (tokens: GlobToken[]): ((r: string) => boolean) => {
    const key = tokens.map((t) => (typeof t === 'string' ? `L${t}` : t === STAR ? 'S' : 'Q')).join('\u0000');
    let m = cache.get(key);
    if (!m) {
      if (cache.size >= 256) cache.clear();
      m = compileGlob(tokens, { arnSegments: true });
      cache.set(key, m);
    }
    return m;
  };
  const positive = (r: string, ctx: ContextValues): boolean => {
    for (let i = 0; i < templates.length; i++) {
      const f = fixed[i];
      if (f) {
        if (f(r)) return true;
        continue;
      }
      const tokens = resolveTemplate(templates[i]!, ctx);
      // A variable without a value: this entry matches nothing (in NotResource too, so the statement then applies).
      if (tokens && resolved(tokens)(r)) return true;
    }
    return false;
  };
  if (!s.notResource) return positive;
  // A NotResource entry whose variable has no value cannot exclude anything; the statement as a whole then does
  // not match, as AWS documents for a missing variable.
  return (r: string, ctx: ContextValues): boolean => {
    for (const t of templates) if (!t.fixed && resolveTemplate(t, ctx) === undefined) return false;
    return !positive(r, ctx);
  };
}

/** A Condition that is not an object of operator objects: AWS would reject it; here it never holds. */
export function malformedCondition(s: Statement): boolean {
  const node = s.condition?.node;
  if (!node) return false;
  return node.kind !== 'object' || node.properties.some((p) => p.value.kind !== 'object');
}

export function compilePolicy(source: PolicySource, role: PolicyRole): CompiledPolicy {
  const { policy } = source;
  const version = policy.version?.kind === 'string' ? policy.version.value : undefined;
  const withVariables = version === '2012-10-17';
  const resourcePolicy = role === 'resource';
  const statements = policy.statements.map((s): CompiledStatement => {
    const effectText = s.effect?.kind === 'string' ? s.effect.value : undefined;
    const effect = effectText === 'Allow' || effectText === 'Deny' ? effectText : undefined;
    const pm = s.principal ?? s.notPrincipal;
    return {
      ref: statementRef(s, source.file, source.lines),
      effect,
      action: compileActions(s),
      resource: compileResources(s, withVariables, resourcePolicy),
      ...(resourcePolicy && pm ? { principal: { not: !s.principal, model: pm } } : {}),
      conditions: malformedCondition(s)
        ? [{ operator: '', key: '', test: NEVER }]
        : (s.condition?.entries ?? []).map((e) => compileCondition(e, withVariables)),
    };
  });
  return { file: source.file, statements };
}

export interface AccessRequest {
  readonly principal: RequestPrincipal;
  readonly action: string;
  readonly resource: string;
  readonly context: ContextValues;
}

/**
 * A request from its parts. `context` keys are condition keys (any case; a key with several values is
 * multi-valued). AWS's own keys for the caller (aws:PrincipalArn, aws:PrincipalAccount, aws:username,
 * aws:PrincipalType) are added when not given. Undefined when the principal is not one we can read.
 */
export function makeRequest(
  principal: string,
  action: string,
  resource: string,
  context: readonly (readonly [string, string])[] = [],
): AccessRequest | undefined {
  const p = parsePrincipal(principal);
  if (!p) return undefined;
  const ctx = new Map<string, string[]>();
  for (const [k, v] of context) {
    const key = k.toLowerCase();
    const list = ctx.get(key);
    if (list) list.push(v);
    else ctx.set(key, [v]);
  }
  const derived: [string, string | undefined][] = [
    ['aws:principalarn', principalArn(p)],
    ['aws:principalaccount', p.account],
    ['aws:username', p.kind === 'user' ? p.name : undefined],
    [
      'aws:principaltype',
      {
        user: 'User',
        'role-session': 'AssumedRole',
        role: 'AssumedRole',
        root: 'Account',
        'federated-user': 'FederatedUser',
        service: undefined,
        anonymous: 'Anonymous',
      }[p.kind],
    ],
  ];
  for (const [k, v] of derived) if (v !== undefined && !ctx.has(k)) ctx.set(k, [v]);
  return { principal: p, action, resource, context: ctx };
}

export type DecisionKind = 'allow' | 'explicit-deny' | 'implicit-deny';

export interface EvaluationStep {
  /** 'Explicit deny', 'Resource-based policies', 'Identity-based policies', 'Permissions boundary', 'Session policy'. */
  readonly step: string;
  /** One sentence: what this step found. */
  readonly outcome: string;
  readonly statements: readonly StatementRef[];
}

export interface Decision {
  readonly decision: DecisionKind;
  /** The statements that decided: the matching Deny statements, or the Allow statements that granted. */
  readonly deciding: readonly StatementRef[];
  /** The evaluation order, step by step (for explanations). */
  readonly steps: readonly EvaluationStep[];
}

export interface PolicySet {
  readonly identity: readonly CompiledPolicy[];
  readonly resource: readonly CompiledPolicy[];
  /** Absent: the principal has no permissions boundary. */
  readonly boundary?: readonly CompiledPolicy[];
  /** Absent: not a session with a session policy. */
  readonly session?: readonly CompiledPolicy[];
}

interface Hit {
  readonly statement: CompiledStatement;
  readonly via: PrincipalMatch;
}

function matches(s: CompiledStatement, req: AccessRequest): PrincipalMatch {
  if (!s.effect || !s.action(req.action) || !s.resource(req.resource, req.context)) return 'none';
  let via: PrincipalMatch = 'exact';
  if (s.principal) {
    const m = matchPrincipal(s.principal.model, req.principal);
    // NotPrincipal applies to everyone it does not name (by any of the caller's identities).
    via = s.principal.not ? (m === 'none' ? 'everyone' : 'none') : m;
    if (via === 'none') return 'none';
  }
  for (const c of s.conditions) if (!c.test(req.context)) return 'none';
  return via;
}

function collect(policies: readonly CompiledPolicy[], req: AccessRequest, allow: Hit[], deny: Hit[]): void {
  for (const p of policies) {
    for (const s of p.statements) {
      const via = matches(s, req);
      if (via === 'none') continue;
      (s.effect === 'Deny' ? deny : allow).push({ statement: s, via });
    }
  }
}

const refs = (hits: readonly Hit[]): StatementRef[] => hits.map((h) => h.statement.ref);

/** Evaluates one request against compiled policies. */
export function evaluate(set: PolicySet, req: AccessRequest): Decision {
  const identityAllow: Hit[] = [];
  const resourceAllow: Hit[] = [];
  const boundaryAllow: Hit[] = [];
  const sessionAllow: Hit[] = [];
  const deny: Hit[] = [];
  collect(set.identity, req, identityAllow, deny);
  collect(set.resource, req, resourceAllow, deny);
  if (set.boundary) collect(set.boundary, req, boundaryAllow, deny);
  if (set.session) collect(set.session, req, sessionAllow, deny);

  const steps: EvaluationStep[] = [];
  if (deny.length) {
    steps.push({ step: 'Explicit deny', outcome: 'a Deny statement matches the request', statements: refs(deny) });
    return { decision: 'explicit-deny', deciding: refs(deny), steps };
  }
  steps.push({ step: 'Explicit deny', outcome: 'no Deny statement matches', statements: [] });

  const boundaryOk = !set.boundary || boundaryAllow.length > 0;
  const sessionOk = !set.session || sessionAllow.length > 0;
  const limits = [...(set.boundary ? boundaryAllow : []), ...(set.session ? sessionAllow : [])];
  const kind = req.principal.kind;

  // Resource-based policies: a grant naming the user or the role session decides on its own; one naming the role
  // (or everyone, for a role) is still limited by the boundary and session policy; one naming only the account
  // delegates to identity-based policies.
  const direct = resourceAllow.filter(
    (h) =>
      h.via === 'session' ||
      h.via === 'user' ||
      h.via === 'exact' ||
      (h.via === 'everyone' && kind !== 'role' && kind !== 'role-session'),
  );
  const limited = resourceAllow.filter((h) => h.via === 'role' || (h.via === 'everyone' && !direct.includes(h)));
  const delegated = resourceAllow.filter((h) => h.via === 'account');
  if (resourceAllow.length === 0) {
    steps.push({
      step: 'Resource-based policies',
      outcome: set.resource.length ? 'no statement allows it' : 'none given',
      statements: [],
    });
  } else if (direct.length) {
    steps.push({
      step: 'Resource-based policies',
      outcome: 'allowed for this principal by name, which no boundary or session policy limits',
      statements: refs(direct),
    });
    return { decision: 'allow', deciding: refs(direct), steps };
  } else if (limited.length && boundaryOk && sessionOk) {
    steps.push({
      step: 'Resource-based policies',
      outcome: 'allowed for the role; the permissions boundary and session policy (if any) allow it too',
      statements: refs(limited),
    });
    return { decision: 'allow', deciding: [...refs(limited), ...refs(limits)], steps };
  } else {
    steps.push({
      step: 'Resource-based policies',
      outcome: limited.length
        ? 'allowed for the role, but the permissions boundary or session policy does not allow it'
        : 'allowed for the account only, which leaves the decision to identity-based policies',
      statements: refs([...limited, ...delegated]),
    });
  }

  if (identityAllow.length === 0) {
    steps.push({
      step: 'Identity-based policies',
      outcome: set.identity.length ? 'no statement allows it' : 'none given',
      statements: [],
    });
    return { decision: 'implicit-deny', deciding: [], steps };
  }
  steps.push({ step: 'Identity-based policies', outcome: 'allowed', statements: refs(identityAllow) });
  if (set.boundary) {
    steps.push({
      step: 'Permissions boundary',
      outcome: boundaryOk ? 'allows it' : 'does not allow it (an implicit deny)',
      statements: refs(boundaryAllow),
    });
  }
  if (set.session) {
    steps.push({
      step: 'Session policy',
      outcome: sessionOk ? 'allows it' : 'does not allow it (an implicit deny)',
      statements: refs(sessionAllow),
    });
  }
  if (!boundaryOk || !sessionOk) return { decision: 'implicit-deny', deciding: [], steps };
  return { decision: 'allow', deciding: [...refs(identityAllow), ...refs(limits)], steps };
}
