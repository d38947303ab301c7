// EventBridge: event buses, their rules and each rule's targets, paged; and putting one event on a bus after
// checking it. Plain records out (./records/eventBridge.ts).
import {
  ListEventBusesCommand,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import type { AwsClients } from './clients';
import {
  checkPutEvent,
  type EventBusRecord,
  type PutEventInput,
  type PutEventResult,
  type RuleRecord,
  type TargetRecord,
} from './records/eventBridge';

export * from './records/eventBridge';

interface Signal {
  readonly signal?: AbortSignal;
}
const opts = (s?: Signal) => (s?.signal ? { abortSignal: s.signal } : {});

export async function listEventBuses(
  clients: AwsClients,
  req: { token?: string; limit?: number } & Signal = {},
): Promise<{ buses: EventBusRecord[]; next?: string }> {
  const out = await clients
    .eventBridge()
    .send(new ListEventBusesCommand({ NextToken: req.token, Limit: req.limit ?? 100 }), opts(req));
  const buses = (out.EventBuses ?? []).map((b) => ({ name: b.Name ?? '', arn: b.Arn ?? '' }));
  return { buses, ...(out.NextToken ? { next: out.NextToken } : {}) };
}

export async function listRules(
  clients: AwsClients,
  req: { bus: string; token?: string; limit?: number } & Signal,
): Promise<{ rules: RuleRecord[]; next?: string }> {
  const out = await clients
    .eventBridge()
    .send(new ListRulesCommand({ EventBusName: req.bus, NextToken: req.token, Limit: req.limit ?? 100 }), opts(req));
  const rules = (out.Rules ?? []).map((r): RuleRecord => ({
    bus: r.EventBusName ?? req.bus,
    name: r.Name ?? '',
    arn: r.Arn ?? '',
    ...(r.State ? { state: r.State } : {}),
    ...(r.EventPattern ? { eventPattern: r.EventPattern } : {}),
    ...(r.ScheduleExpression ? { scheduleExpression: r.ScheduleExpression } : {}),
    ...(r.Description ? { description: r.Description } : {}),
  }));
  return { rules, ...(out.NextToken ? { next: out.NextToken } : {}) };
}

export async function listTargets(
  clients: AwsClients,
  req: { bus: string; rule: string; token?: string; limit?: number } & Signal,
): Promise<{ targets: TargetRecord[]; next?: string }> {
  const out = await clients.eventBridge().send(
    new ListTargetsByRuleCommand({
      EventBusName: req.bus,
      Rule: req.rule,
      NextToken: req.token,
      Limit: req.limit ?? 100,
    }),
    opts(req),
  );
  const targets = (out.Targets ?? []).map((t): TargetRecord => ({
    id: t.Id ?? '',
    arn: t.Arn ?? '',
    ...(t.Input ? { input: t.Input } : {}),
    ...(t.InputPath ? { inputPath: t.InputPath } : {}),
    ...(t.RoleArn ? { roleArn: t.RoleArn } : {}),
  }));
  return { targets, ...(out.NextToken ? { next: out.NextToken } : {}) };
}

/** Puts one event on a bus; throws the check's message for bad input, returns the entry's id or its error. */
export async function putEvent(clients: AwsClients, input: PutEventInput, s?: Signal): Promise<PutEventResult> {
  const problem = checkPutEvent(input);
  if (problem) throw new Error(problem);
  const out = await clients.eventBridge().send(
    new PutEventsCommand({
      Entries: [
        {
          EventBusName: input.bus,
          Source: input.source.trim(),
          DetailType: input.detailType.trim(),
          Detail: input.detail,
        },
      ],
    }),
    opts(s),
  );
  const entry = out.Entries?.[0] ?? {};
  return {
    ...(entry.EventId ? { eventId: entry.EventId } : {}),
    ...(entry.ErrorCode ? { errorCode: entry.ErrorCode } : {}),
    ...(entry.ErrorMessage ? { errorMessage: entry.ErrorMessage } : {}),
  };
}

/** Creates (or updates) a rule with an event pattern and points it at targets; returns the rule ARN. */
export async function putRule(
  clients: AwsClients,
  req: {
    bus: string;
    name: string;
    eventPattern: string;
    targets: readonly { id: string; arn: string; input?: string }[];
  } & Signal,
): Promise<string> {
  const out = await clients
    .eventBridge()
    .send(new PutRuleCommand({ EventBusName: req.bus, Name: req.name, EventPattern: req.eventPattern }), opts(req));
  if (req.targets.length) {
    await clients.eventBridge().send(
      new PutTargetsCommand({
        EventBusName: req.bus,
        Rule: req.name,
        Targets: req.targets.map((t) => ({ Id: t.id, Arn: t.arn, ...(t.input ? { Input: t.input } : {}) })),
      }),
      opts(req),
    );
  }
  return out.RuleArn ?? '';
}
