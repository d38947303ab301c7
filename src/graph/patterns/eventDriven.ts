// event-driven-processing: an S3 bucket whose object events reach a Lambda function, directly or through a queue or
// topic.
import type { PatternCheck } from './types';

export const eventDriven: PatternCheck = {
  id: 'event-driven-processing',
  kind: 'pattern',
  title: 'Event-driven processing (S3 → Lambda)',
  lesson:
    'The upload itself is the trigger: nothing polls the bucket, and the function runs once per object event. ' +
    'Putting a queue between them adds retries and a place for failures to wait.',
  run(g) {
    return g.ofType('AWS::S3::Bucket').flatMap((bucket) => {
      const functions = new Set<string>();
      for (const e of g.out(bucket.id, 's3-notification')) {
        if (g.typeOf(e.to) === 'AWS::Lambda::Function') functions.add(e.to);
        for (const hop of [...g.out(e.to, 'event-source'), ...g.out(e.to, 'sns-subscription')]) {
          if (g.typeOf(hop.to) === 'AWS::Lambda::Function') functions.add(hop.to);
        }
      }
      if (!functions.size) return [];
      return [
        {
          check: this.id,
          kind: this.kind,
          nodes: [bucket.id, ...functions],
          message: `Objects in ${bucket.name} trigger ${[...functions].map((f) => g.name(f)).join(', ')}`,
          lesson: this.lesson,
        },
      ];
    });
  },
};
