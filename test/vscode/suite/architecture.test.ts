// The architecture view in a real VS Code against the run's emulator (issue 13): it opens under the CSP, draws the
// graph the host read (every node and its problem badges, reported back by the view), reveals a queue in the
// explorer when the view asks, exports Mermaid into an editor, and redraws when the explorer refreshes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import type { PanelHost } from '../../../src/webviews/panel';
import { EXTENSION_ID, emulator, skipOnLocalStack, useEmulatorSettings, waitFor } from './helpers';

interface Msg {
  type: string;
  [k: string]: unknown;
}

suite('architecture view against the emulator', function () {
  this.timeout(180_000);
  const config = emulator.config();
  const sqs = new SQSClient(config);
  const sns = new SNSClient(config);
  const queues: Record<string, { url: string; arn: string }> = {};

  suiteSetup(async () => {
    await emulator.reset();
    const queue = async (name: string, attributes: Record<string, string> = {}) => {
      const url = (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl!;
      const a = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
      queues[name] = { url, arn: a.Attributes!.QueueArn! };
    };
    await queue('arch-dlq');
    await queue('arch-billing', {
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: queues['arch-dlq']!.arn, maxReceiveCount: '3' }),
    });
    await queue('arch-shipping');
    const topic = (await sns.send(new CreateTopicCommand({ Name: 'arch-orders' }))).TopicArn!;
    for (const q of ['arch-billing', 'arch-shipping']) {
      await sns.send(new SubscribeCommand({ TopicArn: topic, Protocol: 'sqs', Endpoint: queues[q]!.arn }));
    }
    await useEmulatorSettings();
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await vscode.commands.executeCommand('workbench.view.extension.localCloudLab');
    await waitFor('the extension to activate', () => ext.isActive);
    await vscode.commands.executeCommand('localCloudLab.reconnect');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    sqs.destroy();
    sns.destroy();
  });

  test('draws the wiring, reveals a queue in the explorer, exports Mermaid, redraws on explorer refresh', async function () {
    // The view draws the whole account; its counts are exact only on an emulator that can be emptied.
    skipOnLocalStack(
      this,
      '4.14 on the host has no container runtime: functions earlier tests made stay Pending and cannot be deleted, so the account graph holds nodes this suite did not make',
    );
    const host = (await vscode.commands.executeCommand<PanelHost<unknown>>('localCloudLab.architecture.open'))!;
    assert.ok(host, 'the command returns the panel host');
    const posted: Msg[] = [];
    const received: Msg[] = [];
    host.onDidPost((m) => posted.push(m as Msg));
    host.onDidReceive((m) => received.push(m as Msg));
    await waitFor('the view to load under the CSP and say ready', () => host.ready);
    const graphMsg = await waitFor('the graph', () => posted.find((m) => m.type === 'graph'));
    const graph = graphMsg!.graph as { nodes: number; edges: number; svg: string; findings: { check: string }[] };
    // The topic, three queues; two subscriptions and one redrive.
    assert.equal(graph.nodes, 4, [...graph.svg.matchAll(/data-id="([^"]*)"/g)].map((m) => m[1]).join(' '));
    assert.equal(graph.edges, 3);
    assert.deepEqual(graph.findings.map((f) => f.check).sort(), ['fan-out', 'fan-out-without-filter']);
    // The view parsed the SVG and reports what it drew: every node, one badge per problem node.
    const shown = await waitFor('the view to report the drawing', () => received.find((m) => m.type === 'shown'));
    assert.deepEqual(
      { nodes: shown!.nodes, edges: shown!.edges, badges: shown!.badges },
      { nodes: 4, edges: 3, badges: 1 },
    );

    await host.deliverFromView({ type: 'reveal', requestId: 7, id: queues['arch-shipping']!.arn });
    const revealed = await waitFor('the reveal answer', () => posted.find((m) => m.type === 'revealed'));
    assert.equal(revealed!.found, true, String(revealed!.message));
    const selection = await waitFor('the queue selected in the explorer', async () => {
      const ids = (await vscode.commands.executeCommand<string[]>('localCloudLab.test.explorerSelection')) ?? [];
      return ids.includes(`sqs:queue:${queues['arch-shipping']!.url}`) ? ids : undefined;
    });
    assert.equal(selection!.length, 1);

    await host.deliverFromView({ type: 'export', requestId: 8, format: 'mermaid' });
    await waitFor('the export answer', () => posted.find((m) => m.type === 'exported'));
    const text = await waitFor('the Mermaid editor', () =>
      vscode.window.activeTextEditor?.document.getText().startsWith('flowchart LR')
        ? vscode.window.activeTextEditor.document.getText()
        : undefined,
    );
    assert.equal(text!.trim().split('\n').length, 1 + 4 + 3);

    // Back to the view (the export editor closed unsaved, the panel shown again and reloaded).
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('localCloudLab.architecture.open');
    await waitFor('the view to be visible and loaded again', () => host.visible && host.ready);
    // A new queue, then a refresh of the whole explorer: the view redraws by itself with five nodes.
    await sqs.send(new CreateQueueCommand({ QueueName: 'arch-new' }));
    const before = posted.filter((m) => m.type === 'graph').length;
    await vscode.commands.executeCommand('localCloudLab.explorer.refresh');
    const redrawn = await waitFor('a redraw after the explorer refreshed', () =>
      posted.filter((m) => m.type === 'graph').length > before
        ? posted.filter((m) => m.type === 'graph').at(-1)
        : undefined,
    );
    assert.equal((redrawn!.graph as { nodes: number }).nodes, 5);
  });
});
