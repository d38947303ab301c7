// Step Functions and EventBridge commands: Show Definition and Start Execution (the input checked as a JSON object
// before anything is sent) on a state machine; Put Event (source, detail type and a JSON detail, checked) on a bus.
import * as vscode from 'vscode';
import { checkPutEvent, putEvent } from '../aws/eventBridge';
import { checkJsonObject, describeStateMachine, startExecution } from '../aws/stepFunctions';
import { isNodeOf, type ExplorerNode } from '../explorer/model';
import { prettyJson } from '../explorer/services/format';
import { guardedResult, refreshRow, requireClients, withOperation, type CommandContext } from './ui';
import type { ReadOnlyDocuments } from './views';

export interface StartExecutionPreset {
  readonly name?: string;
  readonly input?: string;
}

export interface PutEventPreset {
  readonly source?: string;
  readonly detailType?: string;
  readonly detail?: string;
}

const EXECUTION_NAME = /^[\w-]{0,80}$/;

export function registerWorkflowCommands(ctx: CommandContext, docs: ReadOnlyDocuments): vscode.Disposable[] {
  const showDefinition = async (node?: ExplorerNode) => {
    if (!isNodeOf(node, 'sfn.stateMachine')) return undefined;
    const clients = requireClients(ctx);
    if (!clients) return undefined;
    const arn = node.ref.stateMachineArn;
    const details = await withOperation(`Read ${node.ref.name}`, (signal) =>
      describeStateMachine(clients, arn, { signal }),
    );
    if (!details) return undefined;
    const uri = await docs.show(`${details.name}.asl.json`, prettyJson(details.definition), 'json');
    return { uri: uri.toString() };
  };

  const start = async (node?: ExplorerNode, preset: StartExecutionPreset = {}) => {
    if (!isNodeOf(node, 'sfn.stateMachine')) {
      void vscode.window.showInformationMessage('Start Execution: pick a state machine in the explorer.');
      return undefined;
    }
    const machine = node.ref;
    const name =
      preset.name ??
      (await vscode.window.showInputBox({
        title: `Start ${machine.name} (1/2): execution name`,
        prompt: 'Empty for a generated one.',
        validateInput: (v) => (EXECUTION_NAME.test(v) ? undefined : 'Up to 80 letters, digits, "-" or "_".'),
      }));
    if (name === undefined) return undefined;
    const input =
      preset.input ??
      (await vscode.window.showInputBox({
        title: `Start ${machine.name} (2/2): input`,
        prompt: 'A JSON object; empty means {}.',
        value: '{}',
        ignoreFocusOut: true,
        validateInput: (v) => checkJsonObject(v, 'The input'),
      }));
    if (input === undefined) return undefined;
    const problem =
      (EXECUTION_NAME.test(name) ? undefined : 'Up to 80 letters, digits, "-" or "_".') ??
      checkJsonObject(input, 'The input');
    if (problem) throw new Error(problem);
    const clients = requireClients(ctx);
    if (!clients) return undefined;
    const out = await withOperation(`Start ${machine.name}`, (signal) =>
      startExecution(clients, { stateMachineArn: machine.stateMachineArn, input, name, signal }),
    );
    if (!out) return undefined;
    refreshRow(ctx, node.id);
    void vscode.window.showInformationMessage(`Started ${out.executionArn.split(':').pop()} of ${machine.name}.`);
    return out;
  };

  const put = async (node?: ExplorerNode, preset: PutEventPreset = {}) => {
    const bus = isNodeOf(node, 'eventbridge.bus')
      ? node.ref.bus
      : isNodeOf(node, 'eventbridge.rule')
        ? node.ref.bus
        : 'default';
    const source =
      preset.source ??
      (await vscode.window.showInputBox({
        title: `Put event on ${bus} (1/3): source`,
        placeHolder: 'com.example.orders',
        validateInput: (v) => checkPutEvent({ bus, source: v, detailType: 'x', detail: '{}' }),
      }));
    if (source === undefined) return undefined;
    const detailType =
      preset.detailType ??
      (await vscode.window.showInputBox({
        title: `Put event on ${bus} (2/3): detail type`,
        placeHolder: 'OrderPlaced',
        validateInput: (v) => checkPutEvent({ bus, source, detailType: v, detail: '{}' }),
      }));
    if (detailType === undefined) return undefined;
    const detail =
      preset.detail ??
      (await vscode.window.showInputBox({
        title: `Put event on ${bus} (3/3): detail`,
        prompt: 'A JSON object.',
        value: '{}',
        ignoreFocusOut: true,
        validateInput: (v) => checkPutEvent({ bus, source, detailType, detail: v }),
      }));
    if (detail === undefined) return undefined;
    const input = { bus, source, detailType, detail };
    const problem = checkPutEvent(input);
    if (problem) throw new Error(problem);
    const clients = requireClients(ctx);
    if (!clients) return undefined;
    const out = await withOperation(`Put event on ${bus}`, (signal) => putEvent(clients, input, { signal }));
    if (!out) return undefined;
    if (out.errorCode) {
      void vscode.window.showErrorMessage(`Put event failed: ${out.errorCode}: ${out.errorMessage ?? ''}`);
    } else {
      void vscode.window.showInformationMessage(`Put event ${out.eventId ?? ''} on ${bus}.`);
    }
    return out;
  };

  return [
    vscode.commands.registerCommand(
      'localCloudLab.stepfunctions.showDefinition',
      guardedResult(ctx, 'Show definition', showDefinition),
    ),
    vscode.commands.registerCommand(
      'localCloudLab.stepfunctions.startExecution',
      guardedResult(ctx, 'Start execution', start),
    ),
    vscode.commands.registerCommand('localCloudLab.eventbridge.putEvent', guardedResult(ctx, 'Put event', put)),
  ];
}
