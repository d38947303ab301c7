// The field checks of one ARN in a Resource or NotResource value: partition, service case, Region, account and
// resource part, the last three against the ARN templates of the service in the IAM catalogue.
import { findService, parseArn, templateAlternatives } from './catalog';
import type { IamData } from './data';
import type { StringNode } from '../syntax/tree';
import type { Span } from '../types';

export type ArnProblem =
  | 'INVALID_ARN_PREFIX'
  | 'MISSING_ARN_FIELD'
  | 'INVALID_PARTITION'
  | 'INVALID_ARN_SERVICE_CASE'
  | 'INVALID_ARN_REGION'
  | 'MISSING_ARN_REGION'
  | 'ARN_REGION_NOT_ALLOWED'
  | 'INVALID_ARN_ACCOUNT'
  | 'ARN_ACCOUNT_NOT_ALLOWED'
  | 'INVALID_ARN_RESOURCE';

export interface ArnFinding {
  readonly problem: ArnProblem;
  readonly message: string;
  /** Span of the offending field inside the string's characters. */
  readonly span: Span;
  /** The corrected ARN, when the correction is certain (a field to remove or to lower-case). */
  readonly replacement?: string;
}

const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?|-isob)?-[a-z]+-\d{1,2}$/;
const WILD = /[*?]|\$\{/;

function withField(fields: readonly string[], index: number, value: string): string {
  return fields.map((f, i) => (i === index ? value : f)).join(':');
}

function fieldSpan(node: StringNode, fields: readonly string[], index: number): Span {
  let offset = 0;
  for (let i = 0; i < index; i++) offset += (fields[i]?.length ?? 0) + 1;
  const len = index >= 5 ? fields.slice(5).join(':').length : (fields[index]?.length ?? 0);
  // valueSpan maps characters one to one for plain strings; escapes are rare in ARNs, clamp to be safe.
  const start = Math.min(node.valueSpan.start + offset, node.valueSpan.end);
  return { start, end: Math.max(start, Math.min(node.valueSpan.end, start + Math.max(len, 1))) };
}

/** One ARN template of a service, reduced to what the field checks need. */
export interface TemplateShape {
  /** Lower-case literal start of the resource part, up to its first variable ('role/', 'table/', ''). */
  readonly literal: string;
  readonly region: boolean;
  readonly account: boolean;
}

/** The ARN templates of a service (lower-case prefix) as shapes; empty for an unknown service. */
export function serviceTemplateShapes(data: IamData, service: string): TemplateShape[] {
  const info = findService(data, service);
  if (!info) return [];
  const out: TemplateShape[] = [];
  for (const rt of info.resourceTypes.values()) {
    for (const arn of templateAlternatives(rt.arn)) {
      const t = parseArn(arn);
      if (!t) continue;
      const literal = (t.resource.split('${')[0] ?? '').toLowerCase();
      out.push({ literal, region: t.region !== '', account: t.account !== '' });
    }
  }
  return out;
}

/**
 * Regions and accounts the service's ARN templates carry for resources whose resource part looks like this one:
 * the known part of the resource (before its first wildcard or variable) and the template's literal prefix agree.
 */
function fittingShapes(shapes: readonly TemplateShape[], resource: string): TemplateShape[] {
  const wild = resource.search(/[*?]|\$\{/);
  const known = (wild < 0 ? resource : resource.slice(0, wild)).toLowerCase();
  return shapes.filter((t) =>
    known.length >= t.literal.length ? known.startsWith(t.literal) : t.literal.startsWith(known),
  );
}

/**
 * Problems with one Resource/NotResource value, in the order IAM would meet them; an empty list for `*`, for values
 * with unknown parts in the fields checked, and for valid ARNs.
 */
export function arnProblems(
  data: IamData,
  node: StringNode,
  shapesOf: (service: string) => readonly TemplateShape[] = (service) => serviceTemplateShapes(data, service),
): ArnFinding[] {
  const text = node.value;
  if (text === '*' || text === '') return [];
  if (!text.startsWith('arn:')) {
    if (/^\$\{/.test(text)) return [];
    return [
      {
        problem: 'INVALID_ARN_PREFIX',
        message: `Resource ${text} must be an ARN starting with arn: (or "*")`,
        span: node.valueSpan,
      },
    ];
  }
  const fields = text.split(':');
  if (fields.length < 6) {
    if (fields.some((f) => f.includes('*'))) return []; // `arn:aws:s3*` style: any ARN of those fields
    return [
      {
        problem: 'MISSING_ARN_FIELD',
        message: `Resource ${text} has ${fields.length} of the 6 ARN fields arn:partition:service:region:account:resource`,
        span: node.valueSpan,
      },
    ];
  }
  const [, partition = '', service = '', region = '', account = ''] = fields;
  const resource = fields.slice(5).join(':');
  const out: ArnFinding[] = [];
  if (!WILD.test(partition) && !PARTITIONS.includes(partition)) {
    out.push({
      problem: 'INVALID_PARTITION',
      message: `ARN partition ${partition || '(empty)'} is not valid; use ${PARTITIONS.slice(0, 3).join(', ')}, …`,
      span: fieldSpan(node, fields, 1),
      replacement: withField(fields, 1, 'aws'),
    });
  }
  if (!WILD.test(service) && service !== service.toLowerCase()) {
    out.push({
      problem: 'INVALID_ARN_SERVICE_CASE',
      message: `ARN service ${service} must be lower case (${service.toLowerCase()})`,
      span: fieldSpan(node, fields, 2),
      replacement: withField(fields, 2, service.toLowerCase()),
    });
  }
  if (region !== '' && !WILD.test(region) && !REGION.test(region)) {
    out.push({
      problem: 'INVALID_ARN_REGION',
      message: `ARN Region ${region} is not a valid Region`,
      span: fieldSpan(node, fields, 3),
    });
  }
  if (account !== '' && !WILD.test(account) && !/^\d{12}$/.test(account) && account !== 'aws') {
    out.push({
      problem: 'INVALID_ARN_ACCOUNT',
      message: `ARN account ${account} is not a 12-digit account ID`,
      span: fieldSpan(node, fields, 4),
    });
  }
  if (WILD.test(service) || !findService(data, service)) return out;
  const shapes = fittingShapes(shapesOf(service.toLowerCase()), resource);
  if (shapes.length === 0) {
    if (!WILD.test(resource.slice(0, 1)) && resource !== '') {
      const info = findService(data, service);
      if (info && info.resourceTypes.size > 0) {
        out.push({
          problem: 'INVALID_ARN_RESOURCE',
          message: `ARN resource ${resource} matches no ${service.toLowerCase()} resource type`,
          span: fieldSpan(node, fields, 5),
        });
      }
    }
    return out;
  }
  if (region !== '' && !WILD.test(region) && shapes.every((s) => !s.region)) {
    out.push({
      problem: 'ARN_REGION_NOT_ALLOWED',
      message: `${service.toLowerCase()} ARNs of this kind take no Region: remove ${region}`,
      span: fieldSpan(node, fields, 3),
      replacement: withField(fields, 3, ''),
    });
  }
  if (region === '' && shapes.every((s) => s.region)) {
    out.push({
      problem: 'MISSING_ARN_REGION',
      message: `${service.toLowerCase()} ARN ${text} needs a Region (or * for any Region)`,
      span: fieldSpan(node, fields, 3),
    });
  }
  if (account !== '' && !WILD.test(account) && shapes.every((s) => !s.account)) {
    out.push({
      problem: 'ARN_ACCOUNT_NOT_ALLOWED',
      message: `${service.toLowerCase()} ARNs of this kind take no account ID: remove ${account}`,
      span: fieldSpan(node, fields, 4),
      replacement: withField(fields, 4, ''),
    });
  }
  return out;
}
