// queue-without-dlq (problem): a queue that is wired to something (a producer or a consumer) and has no redrive
// policy. Dead-letter queues themselves are left alone.
import type { PatternCheck } from './types';

export const queueWithoutDlq: PatternCheck = {
  id: 'queue-without-dlq',
  kind: 'problem',
  title: 'Queue without a dead-letter queue',
  lesson:
    'This consumer has no DLQ: a poison message will be retried until it expires, blocking or slowing the ' +
    'messages behind it. Give the queue a redrive policy (maxReceiveCount 3–5) to a dead-letter queue.',
  run(g) {
    return g.ofType('AWS::SQS::Queue').flatMap((queue) => {
      if (queue.missing || g.out(queue.id, 'dead-letter').length || g.in(queue.id, 'dead-letter').length) return [];
      const wired = g.out(queue.id).length > 0 || g.in(queue.id).length > 0;
      if (!wired) return [];
      return [
        {
          check: this.id,
          kind: this.kind,
          nodes: [queue.id],
          message: `${queue.name} has no dead-letter queue`,
          lesson: this.lesson,
        },
      ];
    });
  },
};
