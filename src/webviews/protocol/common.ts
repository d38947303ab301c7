// Messages every panel shares, and the shape of the state a view persists with vscode.setState.
// Host → view: HostCommon. View → host: `ready` (sent on every load, including after hide/show and window reload).
import { int, literal, obj, optional, type Validator } from './validate';

/** View → host: the view has loaded (or reloaded) and wants its init message. */
export const ready = obj({ type: literal('ready') });
export type Ready = ReturnType<typeof ready>;

/** View → host: the user cancelled the request in flight. */
export const cancel = obj({ type: literal('cancel'), requestId: optional(int({ min: 0 })) });
export type Cancel = ReturnType<typeof cancel>;

/**
 * Host → view messages every panel understands (webviews/shared/ui.ts RequestStatus takes them): a request's busy
 * state, its failure, and `invalid` when the host refuses a request's input before doing anything.
 */
export type HostCommon =
  | { type: 'error'; requestId?: number; message: string }
  | { type: 'busy'; requestId: number; busy: boolean; label?: string }
  | { type: 'invalid'; requestId: number; message: string };

/**
 * What a view stores with vscode.setState. `target` names what the panel shows (table, stream, queue…) so a
 * serializer can rebuild the host side after a window reload; `view` is the panel's own UI state.
 */
export interface PersistedState<Target> {
  readonly target: Target;
  readonly view?: unknown;
}

/** Reads the target out of persisted state handed to a serializer; undefined when it does not fit. */
export function targetOf<Target>(state: unknown, check: Validator<Target>): Target | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  try {
    return check((state as { target?: unknown }).target, 'state.target');
  } catch {
    return undefined;
  }
}
