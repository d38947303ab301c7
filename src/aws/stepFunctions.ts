// Step Functions: state machines with their definitions, executions and each execution's event history, all paged;
// and starting an execution with a checked JSON input. Plain records out (./records/stepFunctions.ts).
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  StartExecutionCommand,
  type ExecutionStatus,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import type { AwsClients } from './clients';
import { checkJsonObject } from './records/json';
import type {
  ExecutionDetails,
  ExecutionRecord,
  HistoryEventRecord,
  StateMachineDetails,
  StateMachineRecord,
} from './records/stepFunctions';

export * from './records/stepFunctions';
export { checkJsonObject };

interface Signal {
  readonly signal?: AbortSignal;
}
const opts = (s?: Signal) => (s?.signal ? { abortSignal: s.signal } : {});
const when = (key: string, d: Date | undefined) => (d ? { [key]: d.toISOString() } : {});

export async function listStateMachines(
  clients: AwsClients,
  req: { token?: string; limit?: number } & Signal = {},
): Promise<{ machines: StateMachineRecord[]; next?: string }> {
  const out = await clients
    .sfn()
    .send(new ListStateMachinesCommand({ nextToken: req.token, maxResults: req.limit ?? 100 }), opts(req));
  const machines = (out.stateMachines ?? []).map((m): StateMachineRecord => ({
    arn: m.stateMachineArn ?? '',
    name: m.name ?? '',
    type: m.type ?? 'STANDARD',
    ...when('createdAt', m.creationDate),
  }));
  return { machines, ...(out.nextToken ? { next: out.nextToken } : {}) };
}

export async function describeStateMachine(clients: AwsClients, arn: string, s?: Signal): Promise<StateMachineDetails> {
  const m = await clients.sfn().send(new DescribeStateMachineCommand({ stateMachineArn: arn }), opts(s));
  return {
    arn: m.stateMachineArn ?? arn,
    name: m.name ?? '',
    type: m.type ?? 'STANDARD',
    definition: m.definition ?? '',
    ...(m.roleArn ? { roleArn: m.roleArn } : {}),
    ...(m.status ? { status: m.status } : {}),
    ...when('createdAt', m.creationDate),
  };
}

export async function listExecutions(
  clients: AwsClients,
  req: { stateMachineArn: string; status?: ExecutionStatus; token?: string; limit?: number } & Signal,
): Promise<{ executions: ExecutionRecord[]; next?: string }> {
  const out = await clients.sfn().send(
    new ListExecutionsCommand({
      stateMachineArn: req.stateMachineArn,
      statusFilter: req.status,
      nextToken: req.token,
      maxResults: req.limit ?? 100,
    }),
    opts(req),
  );
  const executions = (out.executions ?? []).map((e): ExecutionRecord => ({
    arn: e.executionArn ?? '',
    name: e.name ?? '',
    stateMachineArn: e.stateMachineArn ?? req.stateMachineArn,
    status: e.status ?? 'UNKNOWN',
    ...when('startedAt', e.startDate),
    ...when('stoppedAt', e.stopDate),
  }));
  return { executions, ...(out.nextToken ? { next: out.nextToken } : {}) };
}

export async function describeExecution(clients: AwsClients, arn: string, s?: Signal): Promise<ExecutionDetails> {
  const e = await clients.sfn().send(new DescribeExecutionCommand({ executionArn: arn }), opts(s));
  return {
    arn: e.executionArn ?? arn,
    name: e.name ?? '',
    stateMachineArn: e.stateMachineArn ?? '',
    status: e.status ?? 'UNKNOWN',
    ...when('startedAt', e.startDate),
    ...when('stoppedAt', e.stopDate),
    ...(e.input !== undefined ? { input: e.input } : {}),
    ...(e.output !== undefined ? { output: e.output } : {}),
    ...(e.error ? { error: e.error } : {}),
    ...(e.cause ? { cause: e.cause } : {}),
  };
}

/** The `<type>EventDetails` member of a history event, whichever it is. */
function detailsOf(e: HistoryEvent): { stateName?: string; details?: string } {
  for (const [k, v] of Object.entries(e)) {
    if (!k.endsWith('EventDetails') || !v || typeof v !== 'object') continue;
    const d = v as Record<string, unknown>;
    const stateName = typeof d.name === 'string' ? d.name : undefined;
    return { ...(stateName ? { stateName } : {}), details: JSON.stringify(d) };
  }
  return {};
}

export async function getExecutionHistory(
  clients: AwsClients,
  req: { executionArn: string; token?: string; limit?: number; newestFirst?: boolean } & Signal,
): Promise<{ events: HistoryEventRecord[]; next?: string }> {
  const out = await clients.sfn().send(
    new GetExecutionHistoryCommand({
      executionArn: req.executionArn,
      nextToken: req.token,
      maxResults: req.limit ?? 100,
      reverseOrder: req.newestFirst ?? false,
    }),
    opts(req),
  );
  const events = (out.events ?? []).map((e): HistoryEventRecord => ({
    id: e.id ?? 0,
    ...(e.previousEventId !== undefined ? { previousId: e.previousEventId } : {}),
    type: e.type ?? 'Unknown',
    ...when('timestamp', e.timestamp),
    ...detailsOf(e),
  }));
  return { events, ...(out.nextToken ? { next: out.nextToken } : {}) };
}

/** Starts an execution; the input must be a JSON object (empty means `{}`). Throws the check's message otherwise. */
export async function startExecution(
  clients: AwsClients,
  req: { stateMachineArn: string; input: string; name?: string } & Signal,
): Promise<{ executionArn: string; startedAt?: string }> {
  const problem = checkJsonObject(req.input, 'The execution input');
  if (problem) throw new Error(problem);
  const out = await clients.sfn().send(
    new StartExecutionCommand({
      stateMachineArn: req.stateMachineArn,
      input: req.input.trim() === '' ? '{}' : req.input,
      name: req.name?.trim() || undefined,
    }),
    opts(req),
  );
  if (!out.executionArn) throw new Error('the emulator returned no execution ARN');
  return { executionArn: out.executionArn, ...when('startedAt', out.startDate) };
}

export async function createStateMachine(
  clients: AwsClients,
  req: { name: string; definition: string; roleArn: string; type?: 'STANDARD' | 'EXPRESS' } & Signal,
): Promise<string> {
  const out = await clients.sfn().send(
    new CreateStateMachineCommand({
      name: req.name,
      definition: req.definition,
      roleArn: req.roleArn,
      type: req.type,
    }),
    opts(req),
  );
  if (!out.stateMachineArn) throw new Error('the emulator returned no state machine ARN');
  return out.stateMachineArn;
}
