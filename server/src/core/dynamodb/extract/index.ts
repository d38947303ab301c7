// Picks the extractor for each document of a parsed file. Total: anything unrecognised yields no tables.
import type { ParsedDocument } from '../../analyzer';
import { get, type Node, roots } from '../../syntax/tree';
import type { TableDef } from '../model';
import { extractApi, looksLikeApiTable } from './api';
import { extractCloudFormation, looksLikeCloudFormation } from './cloudformation';
import { extractTerraform, looksLikeTerraform } from './terraform';
import { extractWorkbench, looksLikeWorkbench } from './workbench';

type Parsed = Pick<ParsedDocument, 'format' | 'parse'>;

function rootHasTables(format: Parsed['format'], root: Node): boolean {
  if (format === 'hcl') return looksLikeTerraform(root);
  return (
    looksLikeCloudFormation(root) ||
    looksLikeWorkbench(root) ||
    looksLikeApiTable(root) ||
    looksLikeApiTable(get(root, 'Table'))
  );
}

export function looksLikeTables(doc: Parsed): boolean {
  return roots(doc.parse).some((r) => rootHasTables(doc.format, r));
}

export function extractTables(doc: Parsed): TableDef[] {
  const out: TableDef[] = [];
  for (const root of roots(doc.parse)) {
    if (doc.format === 'hcl') out.push(...extractTerraform(root));
    else if (looksLikeCloudFormation(root)) out.push(...extractCloudFormation(root, doc.format));
    else if (looksLikeWorkbench(root)) out.push(...extractWorkbench(root));
    else out.push(...extractApi(root, doc.format));
  }
  return out;
}
