// S3 in the explorer: buckets → prefixes ("folders") → objects, each level paged.
import { describeObjectFilter, listBuckets, listObjects, parseObjectFilter, searchObjects } from '../../aws/s3';
import type { ExplorerNode, ListRequest, Page, SearchStep, ServiceExplorer } from '../model';
import { humanBytes, lastSegment } from './format';

function bucketNode(name: string, created?: string): ExplorerNode {
  return {
    id: `s3:bucket:${name}`,
    label: name,
    tooltip: `s3://${name}${created ? `\nCreated ${created}` : ''}`,
    icon: 'archive',
    contextValue: 'lcl.s3.bucket',
    collapsible: 'collapsed',
    ref: { kind: 's3.bucket', bucket: name },
  };
}

function prefixNode(bucket: string, prefix: string, parentPrefix: string): ExplorerNode {
  return {
    id: `s3:prefix:${bucket}/${prefix}`,
    label: lastSegment(prefix, parentPrefix),
    tooltip: `s3://${bucket}/${prefix}`,
    icon: 'folder',
    contextValue: 'lcl.s3.prefix',
    collapsible: 'collapsed',
    ref: { kind: 's3.prefix', bucket, prefix },
  };
}

function objectNode(
  bucket: string,
  o: { key: string; size: number; lastModified?: string; storageClass?: string },
  parentPrefix: string,
): ExplorerNode {
  return {
    id: `s3:object:${bucket}/${o.key}`,
    label: lastSegment(o.key, parentPrefix),
    description: humanBytes(o.size),
    tooltip: [
      `s3://${bucket}/${o.key}`,
      `${o.size} bytes`,
      o.lastModified && `Modified ${o.lastModified}`,
      o.storageClass,
    ]
      .filter(Boolean)
      .join('\n'),
    icon: 'file',
    contextValue: 'lcl.s3.object',
    collapsible: 'none',
    command: { command: 'localCloudLab.s3.openObject', title: 'Open', arguments: [] },
    ref: { kind: 's3.object', bucket, key: o.key, size: o.size },
  };
}

const s3: ServiceExplorer = {
  id: 's3',
  label: 'S3',
  icon: 'archive',
  order: 10,
  healthNames: ['s3'],
  listOperation: 'List buckets',
  operationFor: () => 'List objects',

  async children(parent: ExplorerNode | undefined, req: ListRequest): Promise<Page> {
    if (!parent) {
      const page = await listBuckets(req.clients, req);
      return { nodes: page.buckets.map((b) => bucketNode(b.name, b.created)), next: page.next };
    }
    const ref = parent.ref;
    if (ref.kind !== 's3.bucket' && ref.kind !== 's3.prefix') return { nodes: [] };
    const prefix = ref.kind === 's3.prefix' ? ref.prefix : '';
    const page = await listObjects(req.clients, {
      bucket: ref.bucket,
      prefix,
      cursor: req.cursor,
      pageSize: req.pageSize,
      signal: req.signal,
    });
    const nodes: ExplorerNode[] = [
      ...page.prefixes.map((p) => prefixNode(ref.bucket, p, prefix)),
      // The zero-byte "folder marker" for this prefix itself is not a file the learner made.
      ...page.objects.filter((o) => o.key !== prefix).map((o) => objectNode(ref.bucket, o, prefix)),
    ];
    return { nodes, next: page.next };
  },

  // A bucket's filter: the prefix goes to S3, the name substring is matched as each listing page arrives. Matches
  // show as full keys (they come from any depth); each run stops after a page-sized number of matches or 100 pages.
  async *search(parent: ExplorerNode, filter: string, req: ListRequest): AsyncIterable<SearchStep> {
    if (parent.ref.kind !== 's3.bucket') return;
    const bucket = parent.ref.bucket;
    for await (const batch of searchObjects(req.clients, {
      bucket,
      filter: parseObjectFilter(filter),
      startAfter: req.cursor || undefined,
      maxMatches: req.pageSize,
      maxScanned: 100_000,
      signal: req.signal,
    })) {
      yield { nodes: batch.matches.map((o) => objectNode(bucket, o, '')), scanned: batch.scanned, next: batch.next };
    }
  },

  describeFilter: (filter) => describeObjectFilter(parseObjectFilter(filter)),
};

export default s3;
