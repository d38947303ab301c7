import { runCases } from './_cases';
import { createTable } from '../helpers';

runCases('DDB_GSI_WCU_LOW', [
  {
    name: 'GSI WCU equal to the table',
    doc: { text: createTable({ hash: 'id', wcu: 100, gsis: [{ name: 'G', hash: 'email', wcu: 100 }] }) },
    count: 0,
  },
  {
    name: 'GSI WCU below the table',
    doc: { text: createTable({ hash: 'id', wcu: 100, gsis: [{ name: 'G', hash: 'email', wcu: 10 }] }) },
    count: 1,
    severity: 'warning',
    includes: ["10 WCU, below the table's 100 WCU"],
    fixes: ['Raise'],
  },
  {
    name: 'on-demand',
    doc: { text: createTable({ hash: 'id', billing: 'PAY_PER_REQUEST', gsis: [{ name: 'G', hash: 'email' }] }) },
    count: 0,
  },
]);
