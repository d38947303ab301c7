// Plain records of Step Functions state machines, executions and their event history. No imports (shared with views).

export interface StateMachineRecord {
  readonly arn: string;
  readonly name: string;
  /** STANDARD or EXPRESS. */
  readonly type: string;
  readonly createdAt?: string;
}

export interface StateMachineDetails extends StateMachineRecord {
  /** The Amazon States Language definition as the emulator stores it. */
  readonly definition: string;
  readonly roleArn?: string;
  readonly status?: string;
}

export interface ExecutionRecord {
  readonly arn: string;
  readonly name: string;
  readonly stateMachineArn: string;
  /** RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED. */
  readonly status: string;
  readonly startedAt?: string;
  readonly stoppedAt?: string;
}

export interface ExecutionDetails extends ExecutionRecord {
  readonly input?: string;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
}

export interface HistoryEventRecord {
  readonly id: number;
  readonly previousId?: number;
  /** ExecutionStarted, TaskStateEntered, … */
  readonly type: string;
  readonly timestamp?: string;
  /** The state an event concerns, when it names one. */
  readonly stateName?: string;
  /** The event's details object (input, output, error…) as compact JSON, when it has one. */
  readonly details?: string;
}

/** The state names of an ASL definition, in the order written (empty when it does not parse). */
export function statesOf(definition: string): string[] {
  try {
    const parsed = JSON.parse(definition) as { States?: Record<string, unknown> };
    return parsed && typeof parsed.States === 'object' && parsed.States ? Object.keys(parsed.States) : [];
  } catch {
    return [];
  }
}
