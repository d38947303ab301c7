// INVALID_VERSION: IAM accepts only the two grammar dates as Version.
import { replaceString } from '../fixes';
import type { IamRule } from '../rule';

const VERSIONS = ['2012-10-17', '2008-10-17'];

export const INVALID_VERSION: IamRule = {
  id: 'INVALID_VERSION',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'The Version element is not 2012-10-17 or 2008-10-17.',
  check(ctx) {
    const { policy, text } = ctx;
    if (policy.synthetic || policy.node.kind !== 'object') return;
    const prop = policy.node.properties.find((p) => p.key.toLowerCase() === 'version');
    const node = prop?.value;
    if (!node || node.kind === 'dynamic') return;
    if (node.kind === 'string' && VERSIONS.includes(node.value)) return;
    const shown = node.kind === 'string' ? node.value : text.slice(node.span.start, node.span.end);
    const edit =
      node.kind === 'string' ? replaceString(text, node, '2012-10-17') : { span: node.span, newText: '"2012-10-17"' }; // double quotes are a string in JSON, YAML and HCL
    ctx.report({
      message: `Version ${shown} is not valid: use 2012-10-17`,
      span: node.span,
      fixes: [{ title: 'Change Version to 2012-10-17', edits: [edit], preferred: true }],
    });
  },
};
