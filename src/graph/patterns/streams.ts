// event-sourcing-streams: a DynamoDB table's stream or a Kinesis stream read by a Lambda function (CQRS: the write
// model's changes feed a read model or other services).
import type { PatternCheck } from './types';

export const streams: PatternCheck = {
  id: 'event-sourcing-streams',
  kind: 'pattern',
  title: 'CQRS / event sourcing via streams',
  lesson:
    'Every change is an ordered record on the stream; the function builds read models or notifies other ' +
    'services from it, so the write path stays small and the views can be rebuilt by replaying the stream.',
  run(g) {
    const sources = [...g.ofType('AWS::DynamoDB::Table'), ...g.ofType('AWS::Kinesis::Stream')];
    return sources.flatMap((source) => {
      const readers = g.out(source.id, 'event-source').filter((e) => g.typeOf(e.to) === 'AWS::Lambda::Function');
      if (!readers.length) return [];
      const what = source.type === 'AWS::DynamoDB::Table' ? `${source.name}'s stream` : source.name;
      return [
        {
          check: this.id,
          kind: this.kind,
          nodes: [source.id, ...readers.map((e) => e.to)],
          message: `${what} feeds ${readers.map((e) => g.name(e.to)).join(', ')}`,
          lesson: this.lesson,
        },
      ];
    });
  },
};
