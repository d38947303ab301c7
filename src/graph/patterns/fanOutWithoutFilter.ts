// fan-out-without-filter (problem): a topic with two or more subscribers where some subscription has no filter
// policy, so every subscriber receives every message.
import type { PatternCheck } from './types';

export const fanOutWithoutFilter: PatternCheck = {
  id: 'fan-out-without-filter',
  kind: 'problem',
  title: 'Fan-out subscription without a filter policy',
  lesson:
    'Without a filter policy each subscriber gets every message and must discard what it does not handle; ' +
    'a filter policy on the subscription lets SNS deliver only the events each consumer needs.',
  run(g) {
    return g.ofType('AWS::SNS::Topic').flatMap((topic) => {
      const subs = g.out(topic.id, 'sns-subscription');
      const unfiltered = subs.filter((e) => !e.filterPolicy);
      if (subs.length < 2 || !unfiltered.length) return [];
      return [
        {
          check: this.id,
          kind: this.kind,
          nodes: [topic.id, ...unfiltered.map((e) => e.to)],
          message: `${topic.name}: ${unfiltered.map((e) => g.name(e.to)).join(', ')} subscribed without a filter policy`,
          lesson: this.lesson,
        },
      ];
    });
  },
};
