import { runCases } from './_cases';
import { createTable } from '../helpers';

runCases('DDB_KEY_TYPE', [
  {
    name: 'S, N and B keys',
    doc: { text: createTable({ hash: 'a', range: 'b', types: { a: 'N', b: 'B' } }) },
    count: 0,
  },
  {
    name: 'BOOL partition key',
    doc: { text: createTable({ hash: 'isActive', types: { isActive: 'BOOL' } }) },
    count: 1,
    severity: 'error',
    includes: ['"BOOL"', 'sparse index'],
    fixes: ['to S'],
  },
  {
    name: 'M sort key',
    doc: { text: createTable({ hash: 'id', range: 'meta', types: { meta: 'M' } }) },
    count: 1,
    includes: ['"M"'],
  },
  {
    name: 'SAM PrimaryKey type Boolean',
    doc: {
      uri: 'file:///work/template.yaml',
      text: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  T:\n    Type: AWS::Serverless::SimpleTable\n    Properties:\n      PrimaryKey:\n        Name: id\n        Type: Boolean\n',
    },
    count: 1,
    fixes: ['to String'],
  },
]);
