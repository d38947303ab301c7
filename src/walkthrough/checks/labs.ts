// The labs' walkthroughs (issue 13): one generic check per step, "the live architecture graph shows every edge the
// lab's expected.json gives this step, and none of the problems it removes". A lab adds no check code: its expected
// wiring is the whole specification.
import multiTenantSaas from '../../../labs/multi-tenant-saas/expected.json';
import realtimeChat from '../../../labs/realtime-chat/expected.json';
import serverlessEcommerce from '../../../labs/serverless-ecommerce/expected.json';
import videoPipeline from '../../../labs/video-pipeline/expected.json';
import { readWiring } from '../../aws/wiring';
import {
  describeEdge,
  type ExpectedWiring,
  expectedSteps,
  missingEdges,
  parseExpectedWiring,
  presentProblems,
} from '../../graph/expected';
import { checkPatterns } from '../../graph/patterns';
import { type Check, type CheckEnv, done, notYet, once } from './types';

/** Resources read into the graph per round: a learner's account, bounded for a busy emulator. */
const WIRING_LIMIT = 500;

/** The live graph, read once per check round (the memo key is the one week 12's pattern step uses). */
function liveWiring(env: CheckEnv) {
  return once(env, 'wiring', () => readWiring(env.aws, { maxNodes: WIRING_LIMIT }));
}

/**
 * One check per step of the lab: ticks when every expected edge of the step is in the live graph and the pattern
 * checks no longer report the problems the step removes.
 */
export function labChecks(expected: ExpectedWiring): Record<string, Check> {
  const check =
    (step: string): Check =>
    async (env) => {
      const graph = await liveWiring(env);
      const wanted = expected.edges.filter((e) => e.step === step);
      const missing = missingEdges(graph, expected, step);
      const removes = (expected.without ?? []).filter((w) => w.step === step);
      // A problem is gone only if everything was read: a role whose policies failed to load shows no finding.
      const findings = () => once(env, 'wiring-patterns', () => Promise.resolve(checkPatterns(graph)));
      const problems = !removes.length
        ? []
        : graph.failures.length
          ? [`not read: ${graph.failures.map((f) => f.service).join(', ')}`]
          : presentProblems(graph, await findings(), expected, step);
      const shown = [...wanted.map(describeEdge), ...removes.map((w) => `no ${w.check} on ${w.node}`)];
      if (missing.length === 0 && problems.length === 0) return done(`The graph shows ${shown.join('; ')}`);
      if (missing.length === 0) return notYet(`Still reported: ${problems.join('; ')}`);
      const notes = [
        ...(graph.failures.length ? [`not read: ${graph.failures.map((f) => f.service).join(', ')}`] : []),
        ...(graph.unsupported?.length ? [`not offered by this emulator: ${graph.unsupported.join(', ')}`] : []),
      ];
      const unread = notes.length ? ` (${notes.join('; ')})` : '';
      return notYet(
        `${wanted.length - missing.length} of ${wanted.length} connections in the graph; missing ${missing.map(describeEdge).join('; ')}${unread}`,
      );
    };
  return Object.fromEntries(expectedSteps(expected).map((step) => [step, check(step)]));
}

/** Walkthrough id → the lab's expected wiring (the file is shipped in the bundle; a unit test proves each parses). */
export const LAB_WIRING = {
  'lab-serverless-ecommerce': parseExpectedWiring(serverlessEcommerce, 'labs/serverless-ecommerce/expected.json'),
  'lab-realtime-chat': parseExpectedWiring(realtimeChat, 'labs/realtime-chat/expected.json'),
  'lab-video-pipeline': parseExpectedWiring(videoPipeline, 'labs/video-pipeline/expected.json'),
  'lab-multi-tenant-saas': parseExpectedWiring(multiTenantSaas, 'labs/multi-tenant-saas/expected.json'),
} as const;
export type LabId = keyof typeof LAB_WIRING;
export const LAB_IDS = Object.keys(LAB_WIRING) as LabId[];
