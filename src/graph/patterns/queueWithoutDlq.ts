// queue-without-dlq (problem): a queue with a consumer (an event source mapping to a function) and no redrive policy.
// Queues nobody consumes yet, and dead-letter queues themselves, are left alone.
import type { PatternCheck } from './types';

export const queueWithoutDlq: PatternCheck = {
  id: 'queue-without-dlq',
  kind: 'problem',
  title: 'Consumer queue without a dead-letter queue',
  lesson:
    'This consumer has no DLQ: a poison message will be retried until it expires, blocking or slowing the ' +
    'messages behind it. Give the queue a redrive policy (maxReceiveCount 3–5) to a dead-letter queue.',
  run(g) {
    return g.ofType('AWS::SQS::Queue').flatMap((queue) => {
      if (g.out(queue.id, 'dead-letter').length || g.in(queue.id, 'dead-letter').length) return [];
      const consumers = g.out(queue.id, 'event-source');
      if (!consumers.length) return [];
      return [
        {
          check: this.id,
          kind: this.kind,
          nodes: [queue.id, ...consumers.map((e) => e.to)],
          message: `${queue.name} feeds ${consumers.map((e) => g.name(e.to)).join(', ')} without a dead-letter queue`,
          lesson: this.lesson,
        },
      ];
    });
  },
};
