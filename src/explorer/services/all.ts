// Every service in the explorer: adding one is its own file plus one line here, e.g.
//   export { default as sns } from './sns';
// Each file default-exports a `ServiceExplorer` (see ../model/service.ts); its node ids must start with `<id>:`,
// and it declares its ref kinds by augmenting `ResourceRefMap` (see ../model/refs.ts).
export { default as s3 } from './s3';
export { default as sqs } from './sqs';
export { default as kinesis } from './kinesis';
export { default as dynamodb } from './dynamodb';
export { default as iam } from './iam';
export { default as sns } from './sns';
export { default as lambda } from './lambda';
export { default as secretsmanager } from './secrets';
export { default as kms } from './kms';
export { default as apigateway } from './apigateway';
export { default as logs } from './logs';
export { default as ec2 } from './ec2';
export { default as stepfunctions } from './stepfunctions';
export { default as eventbridge } from './eventbridge';
