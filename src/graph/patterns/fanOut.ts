// fan-out: an SNS topic delivering to two or more SQS queues, each consumer reading at its own pace.
import type { PatternCheck } from './types';

export const fanOut: PatternCheck = {
  id: 'fan-out',
  kind: 'pattern',
  title: 'Fan-out (SNS → several SQS queues)',
  lesson:
    'One publish reaches every subscribed queue; each consumer scales, fails and retries on its own, ' +
    'and a new consumer is one more subscription, not a change to the producer.',
  run(g) {
    return g.ofType('AWS::SNS::Topic').flatMap((topic) => {
      const queues = g.out(topic.id, 'sns-subscription').filter((e) => g.typeOf(e.to) === 'AWS::SQS::Queue');
      if (queues.length < 2) return [];
      return [
        {
          check: this.id,
          kind: this.kind,
          nodes: [topic.id, ...queues.map((e) => e.to)],
          message: `${topic.name} fans out to ${queues.length} queues: ${queues.map((e) => g.name(e.to)).join(', ')}`,
          lesson: this.lesson,
        },
      ];
    });
  },
};
