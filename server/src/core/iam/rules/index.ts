// The IAM rule registry: one entry per rule file, sorted by id (the manifest test checks order, docs and tests).
import type { IamRule } from '../rule';

export const iamRules: readonly IamRule[] = [];
