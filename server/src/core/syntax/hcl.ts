// Placeholder replaced by the HCL parser in the next commit.
import type { ParseResult } from './tree';

export function parseHcl(_text: string): ParseResult {
  return { format: 'hcl', problems: [] };
}
