// queue-load-levelling: a queue in front of a function (an event source mapping), with a dead-letter queue.
import type { PatternCheck } from './types';

export const loadLevelling: PatternCheck = {
  id: 'queue-load-levelling',
  kind: 'pattern',
  title: 'Queue-based load levelling with a DLQ',
  lesson:
    'The queue absorbs bursts so the function works at its own pace; the redrive policy moves a message that ' +
    'keeps failing to the dead-letter queue instead of retrying it forever.',
  run(g) {
    return g.ofType('AWS::SQS::Queue').flatMap((queue) => {
      const consumers = g.out(queue.id, 'event-source').filter((e) => g.typeOf(e.to) === 'AWS::Lambda::Function');
      const dlq = g.out(queue.id, 'dead-letter')[0];
      if (!consumers.length || !dlq) return [];
      return [
        {
          check: this.id,
          kind: this.kind,
          nodes: [queue.id, ...consumers.map((e) => e.to), dlq.to],
          message:
            `${queue.name} levels the load for ${consumers.map((e) => g.name(e.to)).join(', ')}; ` +
            `failed messages go to ${g.name(dlq.to)}`,
          lesson: this.lesson,
        },
      ];
    });
  },
};
