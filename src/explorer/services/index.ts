// Builds the registry from `all.ts`.
import { ServiceRegistry } from '../model/registry';
import * as all from './all';

export function createServiceRegistry(): ServiceRegistry {
  return new ServiceRegistry(Object.values(all));
}
