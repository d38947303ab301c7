// What each explorer node points at. Each service adds its own kinds by augmenting `ResourceRefMap` in its own file:
//
//   declare module '../model/refs' {
//     interface ResourceRefMap { 'sns.topic': { readonly topicArn: string } }
//   }
//
// Commands then receive the node and narrow on `node.ref.kind`.

export interface ResourceRefMap {
  /** The top-level node of a service (S3, SQS…). */
  'explorer.service': { readonly service: string };
  /** "Load more": fetch the next page of `parentId`'s children starting at `cursor`. */
  'explorer.loadMore': { readonly parentId: string; readonly cursor: string };
  /** A failed listing; `operation` is what failed ("List queues"), `reason` why. */
  'explorer.error': { readonly operation: string; readonly reason: string; readonly parentId: string };
  /** A filtered listing still running under `parentId` (clicking it stops the search). */
  'explorer.searching': { readonly parentId: string };
  /** A plain informational row ("No buckets", "Not offered by this emulator"). */
  'explorer.info': { readonly text: string };
  /** The emulator itself (kind, version) with its per-service health and init scripts below. */
  'explorer.backend': { readonly section?: 'services' | 'init' };

  's3.bucket': { readonly bucket: string };
  's3.prefix': { readonly bucket: string; readonly prefix: string };
  's3.object': { readonly bucket: string; readonly key: string; readonly size: number };

  'sqs.queue': { readonly queueUrl: string; readonly queueName: string; readonly fifo: boolean };

  'kinesis.stream': { readonly streamName: string; readonly streamArn: string };
  'kinesis.shard': {
    readonly streamName: string;
    readonly shardId: string;
    readonly startingHashKey: string;
    readonly endingHashKey: string;
    /** False once the shard is closed by a split or merge. */
    readonly open: boolean;
  };

  'dynamodb.table': { readonly tableName: string };
  'dynamodb.index': { readonly tableName: string; readonly indexName: string; readonly type: 'GSI' | 'LSI' };

  'iam.folder': { readonly folder: 'users' | 'groups' | 'roles' | 'policies' };
  'iam.user': { readonly userName: string };
  'iam.group': { readonly groupName: string };
  'iam.role': { readonly roleName: string };
  'iam.policy': { readonly policyArn: string; readonly policyName: string; readonly defaultVersionId?: string };
  'iam.policyVersion': { readonly policyArn: string; readonly versionId: string; readonly isDefault: boolean };
  /** An attached managed policy under a user, group or role. */
  'iam.attachedPolicy': {
    readonly principal: IamPrincipal;
    readonly policyArn: string;
    readonly policyName: string;
  };
  'iam.inlinePolicy': { readonly principal: IamPrincipal; readonly policyName: string };
  /** A role's trust (assume-role) policy. */
  'iam.trustPolicy': { readonly roleName: string };
}

export interface IamPrincipal {
  readonly type: 'user' | 'group' | 'role';
  readonly name: string;
}

export type RefKind = keyof ResourceRefMap;
export type ResourceRef = { [K in RefKind]: { readonly kind: K } & ResourceRefMap[K] }[RefKind];
export type RefOf<K extends RefKind> = Extract<ResourceRef, { kind: K }>;
