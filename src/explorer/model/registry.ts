// The explorer's services, looked up by id. The list itself lives in `../services/all.ts`, one export line per service.
import type { ServiceExplorer } from './service';

export class ServiceRegistry {
  private readonly byId: ReadonlyMap<string, ServiceExplorer>;

  constructor(services: Iterable<ServiceExplorer>) {
    const map = new Map<string, ServiceExplorer>();
    for (const s of services) {
      if (map.has(s.id)) throw new Error(`Two explorer services share the id "${s.id}"`);
      map.set(s.id, s);
    }
    this.byId = map;
  }

  /** All services, in display order. */
  all(): readonly ServiceExplorer[] {
    return [...this.byId.values()].sort((a, b) => a.order - b.order || a.label.localeCompare(b.label));
  }

  get(id: string): ServiceExplorer | undefined {
    return this.byId.get(id);
  }

  /** The service a node belongs to: node ids start with `<serviceId>:`. */
  ownerOf(nodeId: string): ServiceExplorer | undefined {
    const colon = nodeId.indexOf(':');
    return colon > 0 ? this.byId.get(nodeId.slice(0, colon)) : undefined;
  }
}
