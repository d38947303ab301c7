// Secrets Manager in the explorer: names, descriptions and dates only. Values are never read for the tree; the
// "Reveal value" command reads one on explicit request.
import { listSecrets } from '../../aws/secretsManager';
import type { ExplorerNode, ListRequest, Page, ServiceExplorer } from '../model';

declare module '../model/refs' {
  interface ResourceRefMap {
    'secrets.secret': {
      readonly secretName: string;
      readonly secretArn: string;
      readonly scheduledForDeletion: boolean;
    };
  }
}

const secrets: ServiceExplorer = {
  id: 'secretsmanager',
  label: 'Secrets Manager',
  icon: 'key',
  order: 80,
  healthNames: ['secretsmanager'],
  listOperation: 'List secrets',

  async children(parent: ExplorerNode | undefined, req: ListRequest): Promise<Page> {
    if (parent) return { nodes: [] };
    const page = await listSecrets(req.clients, {
      token: req.cursor,
      pageSize: Math.min(100, req.pageSize),
      signal: req.signal,
    });
    return {
      nodes: page.secrets.map((s) => ({
        id: `secretsmanager:secret:${s.arn || s.name}`,
        label: s.name,
        description: s.deletionDate
          ? `deletion scheduled ${s.deletionDate.slice(0, 10)}`
          : s.lastChanged
            ? `changed ${s.lastChanged.slice(0, 10)}`
            : undefined,
        tooltip: [s.arn, s.description, 'The value is shown only when you choose "Reveal Secret Value".']
          .filter(Boolean)
          .join('\n'),
        icon: s.deletionDate ? 'trash' : 'lock',
        contextValue: s.deletionDate ? 'lcl.secrets.secret.deleted' : 'lcl.secrets.secret',
        collapsible: 'none',
        ref: { kind: 'secrets.secret', secretName: s.name, secretArn: s.arn, scheduledForDeletion: !!s.deletionDate },
      })),
      next: page.next,
    };
  },
};

export default secrets;
