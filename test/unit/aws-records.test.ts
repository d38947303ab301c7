// The pure decisions of the new services' records, table by table: VPC CIDR checks and the subnet plan, public or
// private by route table, the world-open admin port lint and the rule table, invoke URLs per emulator, the bounded
// log buffer and tail view, and the JSON checks of Start Execution and Put Event.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fillPathParameters, invokeUrls } from '../../src/aws/records/apiGateway';
import {
  checkVpcCidr,
  lintSecurityGroup,
  planVpc,
  portText,
  rulesTable,
  subnetExposure,
  type RouteTableDetails,
  type SecurityRule,
} from '../../src/aws/records/ec2';
import { checkPutEvent } from '../../src/aws/records/eventBridge';
import { checkJsonObject } from '../../src/aws/records/json';
import { LogBuffer, type LogEventRecord } from '../../src/aws/records/logs';
import { statesOf } from '../../src/aws/records/stepFunctions';
import { TailView } from '../../src/logs/tailView';

describe('VPC CIDR checks and plan', () => {
  const cases: [string, RegExp | undefined][] = [
    ['10.0.0.0/16', undefined],
    [' 172.31.0.0/20 ', undefined],
    ['10.0.0.0/8', /between \/16 and \/28/],
    ['10.0.0.0/29', /between \/16 and \/28/],
    ['10.0.1.0/16', /not on a \/16 boundary: use 10\.0\.0\.0\/16/],
    ['10.0.0.256/16', /IPv4 CIDR block/],
    ['10.0.0.0', /IPv4 CIDR block/],
    ['fd00::/56', /IPv4 CIDR block/],
  ];
  for (const [cidr, problem] of cases) {
    it(`${JSON.stringify(cidr)} → ${problem ?? 'ok'}`, () => {
      const got = checkVpcCidr(cidr);
      if (problem) assert.match(got ?? '', problem);
      else assert.equal(got, undefined);
    });
  }

  it('plans /24s numbered from 1 like the curriculum, public ones first', () => {
    const plan = planVpc('10.0.0.0/16', 2, 'lab');
    assert.deepEqual(
      plan.subnets.map((s) => [s.name, s.cidr, s.azIndex]),
      [
        ['lab-public-1', '10.0.1.0/24', 0],
        ['lab-public-2', '10.0.2.0/24', 1],
        ['lab-private-1', '10.0.3.0/24', 0],
        ['lab-private-2', '10.0.4.0/24', 1],
      ],
    );
  });

  it('splits a small block evenly, and refuses one too small', () => {
    assert.deepEqual(
      planVpc('10.0.0.0/24', 2).subnets.map((s) => s.cidr),
      ['10.0.0.0/26', '10.0.0.64/26', '10.0.0.128/26', '10.0.0.192/26'],
    );
    assert.deepEqual(
      planVpc('10.0.0.0/22', 1).subnets.map((s) => s.cidr),
      ['10.0.1.0/24', '10.0.2.0/24'],
    );
    assert.throws(() => planVpc('10.0.0.0/27', 2), /too small for 4 subnets/);
    assert.throws(() => planVpc('10.0.0.0/16', 0), /between 1 and 6/);
  });
});

describe('public or private by route table', () => {
  const t = (id: string, main: boolean, subnets: string[], targets: string[]): RouteTableDetails => ({
    id,
    vpcId: 'vpc-1',
    main,
    subnets,
    routes: [
      { destination: '10.0.0.0/16', target: 'local' },
      ...targets.map((target) => ({ destination: '0.0.0.0/0', target })),
    ],
  });
  const tables = [
    t('rtb-main', true, [], []),
    t('rtb-pub', false, ['subnet-a'], ['igw-1']),
    t('rtb-priv', false, ['subnet-b'], ['nat-1']),
  ];
  it('explicit association with an internet gateway route: public', () => {
    assert.deepEqual(subnetExposure('subnet-a', tables), {
      public: true,
      routeTableId: 'rtb-pub',
      reason: 'route 0.0.0.0/0 → igw-1 in rtb-pub',
    });
  });
  it('a NAT route only: private, saying where it goes out', () => {
    assert.match(subnetExposure('subnet-b', tables).reason, /outbound through nat-1/);
    assert.equal(subnetExposure('subnet-b', tables).public, false);
  });
  it('no association: the main table decides', () => {
    assert.deepEqual(subnetExposure('subnet-c', tables), {
      public: false,
      routeTableId: 'rtb-main',
      reason: 'no internet gateway route in rtb-main (main)',
    });
    const mainPublic = [t('rtb-main', true, [], ['igw-9'])];
    assert.equal(subnetExposure('subnet-c', mainPublic).public, true);
  });
});

describe('security group lint and table', () => {
  const r = (p: Partial<SecurityRule>): SecurityRule => ({
    direction: 'ingress',
    protocol: 'tcp',
    source: '0.0.0.0/0',
    ...p,
  });
  const cases: [string, SecurityRule, string[]][] = [
    [
      'SSH to the world',
      r({ fromPort: 22, toPort: 22 }),
      ['SSH (port 22) is open to 0.0.0.0/0: allow only your own address'],
    ],
    [
      'RDP to IPv6 world',
      r({ fromPort: 3389, toPort: 3389, source: '::/0' }),
      ['RDP (port 3389) is open to ::/0: allow only your own address'],
    ],
    [
      'a range over both',
      r({ fromPort: 20, toPort: 4000 }),
      [
        'SSH (port 22) is open to 0.0.0.0/0: allow only your own address',
        'RDP (port 3389) is open to 0.0.0.0/0: allow only your own address',
      ],
    ],
    ['all traffic', r({ protocol: 'all' }), ['all traffic is open to 0.0.0.0/0 (the whole internet)']],
    ['all tcp ports', r({ fromPort: 0, toPort: 65535 }), ['tcp all ports is open to 0.0.0.0/0 (the whole internet)']],
    ['HTTPS to the world is fine', r({ fromPort: 443, toPort: 443 }), []],
    ['SSH from the VPC is fine', r({ fromPort: 22, toPort: 22, source: '10.0.0.0/16' }), []],
    ['egress to the world is fine', r({ direction: 'egress', protocol: 'all' }), []],
    ['icmp is not an admin port', r({ protocol: 'icmp', fromPort: -1, toPort: -1 }), []],
  ];
  for (const [name, rule, messages] of cases) {
    it(name, () =>
      assert.deepEqual(
        lintSecurityGroup({ rules: [rule] }).map((w) => w.message),
        messages,
      ),
    );
  }
  it('port text and the rule table', () => {
    assert.equal(portText({ protocol: 'tcp', fromPort: 8000, toPort: 8080 }), 'tcp 8000-8080');
    assert.equal(portText({ protocol: 'all' }), 'all traffic');
    assert.equal(
      rulesTable({
        rules: [r({ fromPort: 22, toPort: 22, description: 'ssh' }), r({ direction: 'egress', protocol: 'all' })],
      }),
      [
        'Direction  Ports        Source / destination  Description',
        '---------  -----------  --------------------  -----------',
        'ingress    tcp 22       0.0.0.0/0             ssh',
        'egress     all traffic  0.0.0.0/0',
      ].join('\n'),
    );
  });
});

describe('invoke URLs', () => {
  const base = {
    endpoint: 'http://localhost:4566/',
    region: 'eu-west-1',
    apiKind: 'rest' as const,
    apiId: 'a1',
    stage: 'dev',
    path: 'orders/7',
  };
  it('LocalStack: _aws/execute-api first, then _user_request_', () => {
    assert.deepEqual(invokeUrls({ ...base, backend: 'localstack' }), [
      {
        url: 'http://localhost:4566/_aws/execute-api/a1/dev/orders/7',
        label: 'LocalStack _aws/execute-api',
        served: true,
      },
      {
        url: 'http://localhost:4566/restapis/a1/dev/_user_request_/orders/7',
        label: 'LocalStack restapis/…/_user_request_',
        served: true,
      },
    ]);
  });
  it('LocalStack HTTP API $default stage: no stage segment, no _user_request_ form', () => {
    assert.deepEqual(
      invokeUrls({ ...base, backend: 'localstack', apiKind: 'http', stage: '$default' }).map((u) => u.url),
      ['http://localhost:4566/_aws/execute-api/a1/orders/7'],
    );
  });
  it("moto: AWS's form, marked as not served", () => {
    assert.deepEqual(invokeUrls({ ...base, backend: 'moto' }), [
      {
        url: 'https://a1.execute-api.eu-west-1.amazonaws.com/dev/orders/7',
        label: 'moto (AWS form; moto server does not serve API requests)',
        served: false,
      },
    ]);
  });
  it('fills path parameters, leaving unknown ones', () => {
    assert.equal(fillPathParameters('/orders/{id}/items/{item}', { id: 'a/b' }), '/orders/a%2Fb/items/{item}');
  });
});

describe('log buffer and tail view', () => {
  const ev = (i: number): LogEventRecord => ({
    id: `e${i}`,
    stream: 's',
    timestamp: Date.UTC(2026, 0, 1) + i,
    message: `m${i}\n`,
  });
  it('keeps the newest events up to its capacity, oldest first', () => {
    const b = new LogBuffer(3);
    b.push([ev(1), ev(2)]);
    b.push([ev(3), ev(4), ev(5)]);
    assert.deepEqual(
      b.toArray().map((e) => e.id),
      ['e3', 'e4', 'e5'],
    );
    assert.equal(b.dropped, 2);
    assert.throws(() => new LogBuffer(0), /at least one/);
  });
  it('renders a header with the counts and one line per event', () => {
    const v = new TailView('/aws/lambda/f', 2);
    v.add([ev(0), ev(1), ev(2)]);
    v.setStatus({ kind: 'live' });
    assert.equal(
      v.render(),
      [
        '# Tail of /aws/lambda/f: following',
        '# 3 events received, last 2 shown, the oldest 1 dropped. Close this tab to stop.',
        '',
        '2026-01-01T00:00:00.001Z  s  m1',
        '2026-01-01T00:00:00.002Z  s  m2',
      ].join('\n'),
    );
  });
});

describe('JSON checks', () => {
  it('execution input: a JSON object or empty', () => {
    assert.equal(checkJsonObject('', 'The input'), undefined);
    assert.equal(checkJsonObject('{"a": 1}', 'The input'), undefined);
    assert.match(checkJsonObject('[1]', 'The input') ?? '', /must be a JSON object/);
    assert.match(checkJsonObject('{', 'The input') ?? '', /not valid JSON/);
  });
  it('put event: source, detail type and a JSON object detail', () => {
    const ok = { bus: 'default', source: 'lab.orders', detailType: 'Placed', detail: '{}' };
    assert.equal(checkPutEvent(ok), undefined);
    assert.match(checkPutEvent({ ...ok, source: ' ' }) ?? '', /source is required/);
    assert.match(checkPutEvent({ ...ok, source: 'aws.s3' }) ?? '', /reserved/);
    assert.match(checkPutEvent({ ...ok, detailType: '' }) ?? '', /detail type is required/);
    assert.match(checkPutEvent({ ...ok, detail: '' }) ?? '', /detail is required/);
    assert.match(checkPutEvent({ ...ok, detail: '"x"' }) ?? '', /must be a JSON object/);
  });
  it('state names of a definition', () => {
    assert.deepEqual(statesOf('{"StartAt":"A","States":{"A":{},"B":{}}}'), ['A', 'B']);
    assert.deepEqual(statesOf('nope'), []);
  });
});
