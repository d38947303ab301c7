// Lambda in the explorer: functions with runtime, memory and timeout; clicking one opens the invoke panel.
import { listFunctions } from '../../aws/lambda';
import type { ExplorerNode, ListRequest, Page, ServiceExplorer } from '../model';

declare module '../model/refs' {
  interface ResourceRefMap {
    'lambda.function': { readonly functionName: string; readonly functionArn: string };
  }
}

export const INVOKE_FUNCTION = 'localCloudLab.lambda.invoke';

const lambda: ServiceExplorer = {
  id: 'lambda',
  label: 'Lambda',
  icon: 'symbol-function',
  order: 70,
  healthNames: ['lambda'],
  listOperation: 'List functions',

  async children(parent: ExplorerNode | undefined, req: ListRequest): Promise<Page> {
    if (parent) return { nodes: [] };
    const page = await listFunctions(req.clients, {
      marker: req.cursor,
      pageSize: Math.min(50, req.pageSize),
      signal: req.signal,
    });
    return {
      nodes: page.functions.map((f) => ({
        id: `lambda:function:${f.arn || f.name}`,
        label: f.name,
        description: [
          f.runtime ?? f.packageType,
          f.memoryMb ? `${f.memoryMb} MB` : undefined,
          f.timeoutSeconds ? `${f.timeoutSeconds} s` : undefined,
        ]
          .filter(Boolean)
          .join(' · '),
        tooltip: [
          f.arn,
          f.runtime ? `Runtime: ${f.runtime}` : undefined,
          f.handler ? `Handler: ${f.handler}` : undefined,
          f.memoryMb ? `Memory: ${f.memoryMb} MB` : undefined,
          f.timeoutSeconds ? `Timeout: ${f.timeoutSeconds} s` : undefined,
          f.state ? `State: ${f.state}` : undefined,
          f.lastModified ? `Last modified: ${f.lastModified}` : undefined,
          'Click to invoke with a JSON payload.',
        ]
          .filter(Boolean)
          .join('\n'),
        icon: 'symbol-function',
        contextValue: 'lcl.lambda.function',
        collapsible: 'none',
        command: { command: INVOKE_FUNCTION, title: 'Invoke' },
        ref: { kind: 'lambda.function', functionName: f.name, functionArn: f.arn },
      })),
      next: page.next,
    };
  },
};

export default lambda;
