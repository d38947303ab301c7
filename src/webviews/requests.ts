// Plumbing the panel hosts share inside a request: a confirmation that reports a "no" back to the view, and the
// bounded maps that hand the view opaque names (page tokens, receipt handles) for values kept on the host.
import type { PanelDeps } from './deps';
import type { HostCommon } from './protocol/common';

export interface Question {
  readonly message: string;
  readonly detail: string;
  readonly action: string;
}

/**
 * Asks `question`; on anything but an explicit yes, tells the view that request was cancelled (`cancelled` names what
 * was left alone) and resolves false.
 */
export async function confirmRequest(
  deps: Pick<PanelDeps, 'confirm'>,
  host: { post(message: HostCommon): void },
  requestId: number,
  question: Question,
  cancelled: string,
): Promise<boolean> {
  const ok = await deps.confirm(question.message, question.detail, question.action);
  if (!ok) host.post({ type: 'error', requestId, message: cancelled });
  return ok;
}

/** Sets `key` in `map`, then forgets the oldest entries beyond `max` (maps keep insertion order). */
export function rememberBounded<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as string);
}
