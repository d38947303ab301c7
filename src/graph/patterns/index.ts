// The pattern checks over the wiring graph, in the order findings are listed: the four week-12 patterns, then the
// problem badges. Ids are stable (walkthrough steps and docs name them).
import type { WiringGraph } from '../../aws/records/wiring';
import { eventDriven } from './eventDriven';
import { fanOut } from './fanOut';
import { fanOutWithoutFilter } from './fanOutWithoutFilter';
import { loadLevelling } from './loadLevelling';
import { queueWithoutDlq } from './queueWithoutDlq';
import { roleWildcard } from './roleWildcard';
import { streams } from './streams';
import { GraphIndex, type PatternCheck, type PatternFinding } from './types';

export type { PatternCheck, PatternFinding };
export { GraphIndex };

export const PATTERN_CHECKS: readonly PatternCheck[] = [
  fanOut,
  loadLevelling,
  eventDriven,
  streams,
  queueWithoutDlq,
  fanOutWithoutFilter,
  roleWildcard,
];

/** Every check's findings over the graph. */
export function checkPatterns(graph: WiringGraph): PatternFinding[] {
  const index = new GraphIndex(graph);
  return PATTERN_CHECKS.flatMap((c) => c.run(index));
}

/** Problem findings as badges: messages by the node each one is about. */
export function badgesOf(findings: readonly PatternFinding[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of findings) {
    if (f.kind !== 'problem' || !f.nodes[0]) continue;
    const list = out.get(f.nodes[0]) ?? [];
    list.push(f.message);
    out.set(f.nodes[0], list);
  }
  return out;
}
