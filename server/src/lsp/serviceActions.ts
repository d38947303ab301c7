// The actions of one service grouped by access level, for the client's "pick the actions" quick fix.
import type { AccessLevel, IamData } from '../core/iam/data';
import type { ServiceActionsResult } from './protocol';

const order: readonly AccessLevel[] = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];

export function actionsByAccessLevel(data: IamData, service: string): ServiceActionsResult['groups'] {
  const info = data.services.get(service.toLowerCase());
  if (!info) return [];
  const groups = new Map<string, string[]>();
  for (const action of info.actions.values()) {
    const list = groups.get(action.accessLevel) ?? [];
    list.push(`${info.prefix}:${action.name}`);
    groups.set(action.accessLevel, list);
  }
  return order
    .filter((level) => groups.has(level))
    .map((level) => ({ accessLevel: level, actions: groups.get(level)!.sort() }));
}
