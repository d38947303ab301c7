// Who makes a request, and whether a Principal / NotPrincipal element names them. The kind of match matters to the
// evaluation: within one account a resource policy that names a user or a role session grants on its own, one that
// names the role is still limited by the permissions boundary and session policy, one that names the account only
// delegates to the account's identity policies.
import type { PrincipalModel } from '../model';

export type PrincipalKind = 'user' | 'role-session' | 'role' | 'root' | 'federated-user' | 'service' | 'anonymous';

export interface RequestPrincipal {
  readonly kind: PrincipalKind;
  /** As given: an ARN, a service principal (`lambda.amazonaws.com`) or `*` for an anonymous caller. */
  readonly text: string;
  readonly account?: string;
  /** IAM user name (users), role name (roles and role sessions). */
  readonly name?: string;
  readonly sessionName?: string;
}

/** How a Principal element named the caller; `none` when it did not. */
export type PrincipalMatch = 'none' | 'everyone' | 'account' | 'user' | 'role' | 'session' | 'exact';

/** Reads a principal ARN; undefined when the text is neither an ARN we know, a service principal nor `*`. */
export function parsePrincipal(text: string): RequestPrincipal | undefined {
  if (text === '*' || text === 'anonymous') return { kind: 'anonymous', text };
  if (/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/i.test(text)) return { kind: 'service', text };
  const m = /^arn:aws[a-z-]*:(iam|sts)::(\d{12}):(.+)$/.exec(text);
  if (!m) return undefined;
  const [, service, account, rest] = m as unknown as [string, string, string, string];
  if (service === 'iam') {
    if (rest === 'root') return { kind: 'root', text, account };
    const user = /^user\/(?:.*\/)?([^/]+)$/.exec(rest);
    if (user) return { kind: 'user', text, account, name: user[1]! };
    const role = /^role\/(?:.*\/)?([^/]+)$/.exec(rest);
    if (role) return { kind: 'role', text, account, name: role[1]! };
    return undefined;
  }
  const session = /^assumed-role\/([^/]+)\/(.+)$/.exec(rest);
  if (session) return { kind: 'role-session', text, account, name: session[1]!, sessionName: session[2]! };
  const federated = /^federated-user\/(.+)$/.exec(rest);
  if (federated) return { kind: 'federated-user', text, account, name: federated[1]! };
  return undefined;
}

/** The ARN AWS puts in aws:PrincipalArn: a role session's role, otherwise the principal itself. */
export function principalArn(p: RequestPrincipal): string | undefined {
  if (p.kind === 'role-session') return p.text.replace(/:sts::(\d{12}):assumed-role\/([^/]+)\/.*$/, ':iam::$1:role/$2');
  return p.kind === 'service' || p.kind === 'anonymous' ? undefined : p.text;
}

/** How one `"AWS"` value names the caller. Wildcards other than a lone `*` are not allowed in Principal. */
function matchAwsValue(value: string, p: RequestPrincipal): PrincipalMatch {
  if (value === '*') return 'everyone';
  if (!p.account) return value === p.text ? 'exact' : 'none';
  if (value === p.account || value === `arn:aws:iam::${p.account}:root`) return p.kind === 'root' ? 'exact' : 'account';
  if (value === p.text) {
    if (p.kind === 'role-session') return 'session';
    if (p.kind === 'user') return 'user';
    if (p.kind === 'role') return 'role';
    return 'exact';
  }
  const role = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(value);
  if (role && role[1] === p.account && role[2] === p.name && (p.kind === 'role' || p.kind === 'role-session')) {
    return 'role';
  }
  return 'none';
}

const STRENGTH: Readonly<Record<PrincipalMatch, number>> = {
  none: 0,
  account: 1,
  role: 2,
  everyone: 3,
  user: 4,
  session: 4,
  exact: 4,
};

/** The strongest way any entry of the element names the caller. Computed values (`!Ref`) name nobody. */
export function matchPrincipal(model: PrincipalModel, p: RequestPrincipal): PrincipalMatch {
  let best: PrincipalMatch = 'none';
  const consider = (m: PrincipalMatch): void => {
    if (STRENGTH[m] > STRENGTH[best]) best = m;
  };
  for (const entry of model.entries) {
    for (const v of entry.values) {
      if (v.kind !== 'string') continue;
      if (entry.type === '*') consider(v.value === '*' ? 'everyone' : 'none');
      else if (entry.type === 'AWS') consider(matchAwsValue(v.value, p));
      else if (v.value === p.text) consider('exact');
    }
  }
  return best;
}
