// The view's side of the host connection: a typed wrapper over acquireVsCodeApi (callable once per page), state that
// survives hide/show and window reload, and request ids for the messages that expect an answer.
import type { PersistedState } from '../../src/webviews/protocol/common';
import type { Busy } from './ui';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface HostConnection<FromHost, ToHost, Target, ViewState> {
  /** Sends a message to the extension host. */
  post(message: ToHost | { type: 'ready' } | { type: 'cancel'; requestId?: number }): void;
  /** Registers the message handler (one per view) and tells the host the view is ready. */
  start(handler: (message: FromHost) => void): void;
  /** The target and view state saved last time, if any. */
  restore(): PersistedState<Target> | undefined;
  /** Saves the target and view state (kept across hide/show and window reload). */
  save(target: Target, view: ViewState): void;
  /** A fresh id for a request. */
  nextRequestId(): number;
  /** Sends a request under a fresh id; gives the busy state its spinner shows until the host ends that request. */
  request(label: string, message: (requestId: number) => ToHost): Busy;
}

export function connect<FromHost, ToHost, Target, ViewState>(): HostConnection<FromHost, ToHost, Target, ViewState> {
  const api = acquireVsCodeApi();
  let requestId = Math.floor(Math.random() * 1000) * 1000;
  return {
    post: (message) => api.postMessage(message),
    start(handler) {
      window.addEventListener('message', (event: MessageEvent<unknown>) => {
        // Messages come only from the host frame; anything without a string type is not ours.
        const data = event.data as { type?: unknown } | null;
        if (data && typeof data.type === 'string') handler(data as FromHost);
      });
      api.postMessage({ type: 'ready' });
    },
    restore() {
      const state = api.getState() as PersistedState<Target> | undefined | null;
      return state && typeof state === 'object' && 'target' in state ? state : undefined;
    },
    save(target, view) {
      api.setState({ target, view } satisfies PersistedState<Target>);
    },
    nextRequestId: () => ++requestId,
    request(label, message) {
      const id = ++requestId;
      api.postMessage(message(id));
      return { id, label };
    },
  };
}

/** Keeps only the newest `max` entries (views hold bounded lists). */
export function keepLast<T>(list: readonly T[], max: number): T[] {
  return list.length > max ? list.slice(list.length - max) : [...list];
}
