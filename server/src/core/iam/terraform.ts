// Placeholder replaced by the Terraform extractor in the HCL commit.
import type { Node } from '../syntax/tree';
import type { PolicySink } from './extract';

export function extractTerraform(_root: Node, _sink: PolicySink): void {}
