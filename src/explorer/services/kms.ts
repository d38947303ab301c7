// KMS in the explorer: keys by alias (or id) with state and usage.
import { listKeys } from '../../aws/kms';
import type { ExplorerNode, ListRequest, Page, ServiceExplorer } from '../model';

declare module '../model/refs' {
  interface ResourceRefMap {
    'kms.key': { readonly keyId: string; readonly keyArn: string; readonly alias?: string; readonly usage?: string };
  }
}

const kms: ServiceExplorer = {
  id: 'kms',
  label: 'KMS',
  icon: 'shield',
  order: 90,
  healthNames: ['kms'],
  listOperation: 'List keys',

  async children(parent: ExplorerNode | undefined, req: ListRequest): Promise<Page> {
    if (parent) return { nodes: [] };
    const page = await listKeys(req.clients, {
      marker: req.cursor,
      pageSize: Math.min(50, req.pageSize),
      signal: req.signal,
    });
    return {
      nodes: page.keys.map((k) => {
        const alias = k.aliases[0];
        const usable = k.state === 'Enabled' && (k.usage ?? 'ENCRYPT_DECRYPT') === 'ENCRYPT_DECRYPT';
        return {
          id: `kms:key:${k.keyId}`,
          label: alias ?? k.keyId,
          description: [k.state, k.usage, alias ? k.keyId.slice(0, 8) : undefined].filter(Boolean).join(' · '),
          tooltip: [
            k.arn,
            k.aliases.length ? `Aliases: ${k.aliases.join(', ')}` : 'No alias',
            k.description ? `Description: ${k.description}` : undefined,
            k.state ? `State: ${k.state}` : undefined,
            k.usage ? `Usage: ${k.usage}` : undefined,
            k.spec ? `Spec: ${k.spec}` : undefined,
            k.manager ? `Managed by: ${k.manager}` : undefined,
          ]
            .filter(Boolean)
            .join('\n'),
          icon: usable ? 'shield' : 'circle-slash',
          contextValue: usable ? 'lcl.kms.key' : 'lcl.kms.key.unusable',
          collapsible: 'none',
          ref: {
            kind: 'kms.key',
            keyId: k.keyId,
            keyArn: k.arn,
            ...(alias ? { alias } : {}),
            ...(k.usage ? { usage: k.usage } : {}),
          },
        } satisfies ExplorerNode;
      }),
      next: page.next,
    };
  },
};

export default kms;
