// EC2 networking, AWS side: the guided "VPC with public and private subnets" creation step by step; the VPC's subnets
// decided public or private by their route tables (explicit association, else the main table); gateways; security
// group rules with the world-open admin port lint; instances; and a failed creation that says what it made.
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeImagesCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  allRouteTables,
  createVpcWithSubnets,
  describeInstances,
  describeInternetGateways,
  describeNatGateways,
  describeSecurityGroups,
  describeSubnets,
  describeVpcs,
  lintSecurityGroup,
  planVpc,
  routeTables,
  subnetExposure,
  VpcCreationError,
  type CreatedResource,
} from '../../src/aws/ec2';
import { useLab } from '../support/fixtures';

describe('EC2 networking (emulator)', () => {
  const lab = useLab();

  it('creates a VPC with public and private subnets, and reads which subnet is which from the route tables', async () => {
    const steps: CreatedResource[] = [];
    const created = await createVpcWithSubnets(lab.clients, planVpc('10.0.0.0/16', 2, 'week2'), {
      onStep: (r) => steps.push(r),
    });
    assert.deepEqual(steps, created);
    assert.deepEqual(
      created.map((c) => c.kind),
      [
        'vpc',
        'internet-gateway',
        'attachment',
        'subnet',
        'subnet',
        'subnet',
        'subnet',
        'route-table',
        'route',
        'association',
        'association',
        'route-table',
        'association',
        'association',
      ],
    );
    const vpcId = created[0]!.id;
    const { vpcs } = await describeVpcs(lab.clients);
    const vpc = vpcs.find((v) => v.id === vpcId)!;
    assert.equal(vpc.cidr, '10.0.0.0/16');
    assert.equal(vpc.name, 'week2');
    assert.equal(vpc.isDefault, false);

    const { subnets } = await describeSubnets(lab.clients, { vpcIds: [vpcId] });
    const tables = await allRouteTables(lab.clients, vpcId);
    const byName = Object.fromEntries(subnets.map((s) => [s.name, { ...s, exposure: subnetExposure(s.id, tables) }]));
    assert.deepEqual(Object.keys(byName).sort(), [
      'week2-private-1',
      'week2-private-2',
      'week2-public-1',
      'week2-public-2',
    ]);
    assert.equal(byName['week2-public-1']!.cidr, '10.0.1.0/24');
    assert.equal(byName['week2-private-1']!.cidr, '10.0.3.0/24');
    assert.equal(byName['week2-public-1']!.exposure.public, true);
    assert.match(byName['week2-public-1']!.exposure.reason, /0\.0\.0\.0\/0 → igw-/);
    assert.equal(byName['week2-public-1']!.mapPublicIpOnLaunch, true);
    assert.equal(byName['week2-private-2']!.exposure.public, false);
    assert.notEqual(byName['week2-public-1']!.availabilityZone, byName['week2-public-2']!.availabilityZone);
    assert.ok(tables.some((t) => t.main));

    const igws = await describeInternetGateways(lab.clients, { vpcIds: [vpcId] });
    assert.deepEqual(
      igws.gateways.map((g) => [g.id, g.vpcId]),
      [[created[1]!.id, vpcId]],
    );
    assert.deepEqual((await describeNatGateways(lab.clients, { vpcIds: [vpcId] })).gateways, []);
    // The walkthrough's reader sees the same tables.
    const simple = await routeTables(lab.clients, [vpcId]);
    assert.ok(simple.some((t) => t.defaultRoute?.gatewayId === created[1]!.id && t.subnets.length === 2));
  });

  it('falls back to the main route table for a subnet with no association', async () => {
    const created = await createVpcWithSubnets(lab.clients, {
      cidr: '10.1.0.0/16',
      name: 'bare',
      subnets: [{ tier: 'public', cidr: '10.1.1.0/24', azIndex: 0, name: 'bare-public-1' }],
    });
    const vpcId = created[0]!.id;
    const tables = await allRouteTables(lab.clients, vpcId);
    const main = tables.find((t) => t.main)!;
    const loose = { ...main, subnets: [] };
    assert.equal(subnetExposure('subnet-unassociated', [loose]).public, false);
    assert.match(subnetExposure('subnet-unassociated', [loose]).reason, /\(main\)/);
    const withIgw = { ...loose, routes: [...loose.routes, { destination: '0.0.0.0/0', target: 'igw-123' }] };
    assert.equal(subnetExposure('subnet-unassociated', [withIgw]).public, true);
  });

  it('reads security group rules and warns about admin ports open to the world', async () => {
    const [vpc] = await createVpcWithSubnets(lab.clients, planVpc('10.2.0.0/16', 1, 'sg'));
    const { GroupId } = await lab.clients
      .ec2()
      .send(new CreateSecurityGroupCommand({ GroupName: 'bastion', Description: 'bastion host', VpcId: vpc!.id }));
    await lab.clients.ec2().send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId,
        IpPermissions: [
          { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'ssh' }] },
          { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
          { IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, IpRanges: [{ CidrIp: '10.2.0.0/16' }] },
        ],
      }),
    );
    const { groups } = await describeSecurityGroups(lab.clients, { vpcIds: [vpc!.id] });
    const bastion = groups.find((g) => g.id === GroupId)!;
    assert.equal(bastion.name, 'bastion');
    const ingress = bastion.rules.filter((r) => r.direction === 'ingress');
    assert.deepEqual(ingress.map((r) => [r.protocol, r.fromPort, r.source]).sort(), [
      ['tcp', 22, '0.0.0.0/0'],
      ['tcp', 3389, '10.2.0.0/16'],
      ['tcp', 443, '0.0.0.0/0'],
    ]);
    assert.ok(bastion.rules.some((r) => r.direction === 'egress' && r.protocol === 'all'));
    assert.deepEqual(
      lintSecurityGroup(bastion).map((w) => w.message),
      ['SSH (port 22) is open to 0.0.0.0/0: allow only your own address'],
    );
  });

  it('lists the instances of a VPC', async () => {
    const created = await createVpcWithSubnets(lab.clients, planVpc('10.3.0.0/16', 1, 'app'));
    const subnet = created.find((c) => c.kind === 'subnet')!;
    const images = await lab.clients.ec2().send(new DescribeImagesCommand({ MaxResults: 5 }));
    const imageId = images.Images?.[0]?.ImageId ?? 'ami-03cf127a';
    await lab.clients.ec2().send(
      new RunInstancesCommand({
        ImageId: imageId,
        MinCount: 1,
        MaxCount: 1,
        InstanceType: 't3.micro',
        SubnetId: subnet.id,
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web-1' }] }],
      }),
    );
    const { instances } = await describeInstances(lab.clients, { vpcIds: [created[0]!.id] });
    assert.deepEqual(
      instances.map((i) => [i.name, i.subnetId, i.type]),
      [['web-1', subnet.id, 't3.micro']],
    );
  });

  it('stops at a failing step and says what it had created', async () => {
    const plan = {
      cidr: '10.4.0.0/16',
      name: 'broken',
      subnets: [{ tier: 'public' as const, cidr: '10.9.0.0/24', azIndex: 0, name: 'outside' }],
    };
    const err = await createVpcWithSubnets(lab.clients, plan).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof VpcCreationError, String(err));
    assert.equal(err.step, 'Create subnet outside');
    assert.deepEqual(
      err.created.map((c) => c.kind),
      ['vpc', 'internet-gateway', 'attachment'],
    );
  });
});
