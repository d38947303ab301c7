// Lambda, AWS side: list and read function configuration, invoke with a JSON payload and the log tail requested.
// moto runs with use_docker:false, so it accepts the invoke without running the code: this tests the plumbing.
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { CreateFunctionCommand } from '@aws-sdk/client-lambda';
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import { checkPayload, getFunction, invokeFunction, listFunctions } from '../../src/aws/lambda';
import lambdaExplorer from '../../src/explorer/services/lambda';
import { useMotoLab } from '../support/fixtures';

/** A one-file zip archive (stored with deflate), enough for CreateFunction. */
function zipOf(name: string, text: string): Uint8Array {
  const data = Buffer.from(text);
  const packed = deflateRawSync(data);
  const crc = crc32(data);
  const nameBuf = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBuf.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBuf.length, 28);
  const localSize = local.length + nameBuf.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBuf.length, 12);
  end.writeUInt32LE(localSize, 16);
  return Buffer.concat([local, nameBuf, packed, central, nameBuf, end]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

describe('Lambda (moto, use_docker:false)', () => {
  // moto's /moto-api/data.json answers 500 while a function exists; leave a reusable server clean.
  const lab = useMotoLab({ resetAfter: true });
  beforeEach(async () => {
    const role = await lab.clients.iam().send(
      new CreateRoleCommand({
        RoleName: 'lambda-exec',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        }),
      }),
    );
    await lab.clients.lambda().send(
      new CreateFunctionCommand({
        FunctionName: 'resize-image',
        Runtime: 'nodejs20.x',
        Handler: 'index.handler',
        Role: role.Role!.Arn!,
        MemorySize: 256,
        Timeout: 15,
        Code: { ZipFile: zipOf('index.js', 'exports.handler = async (e) => ({ ok: true, e });') },
      }),
    );
  });

  it('lists functions with runtime, handler, memory and timeout', async () => {
    const { functions } = await listFunctions(lab.clients);
    assert.equal(functions.length, 1);
    const f = functions[0]!;
    assert.equal(f.name, 'resize-image');
    assert.equal(f.runtime, 'nodejs20.x');
    assert.equal(f.handler, 'index.handler');
    assert.equal(f.memoryMb, 256);
    assert.equal(f.timeoutSeconds, 15);
    assert.equal((await getFunction(lab.clients, 'resize-image')).arn, f.arn);
  });

  it('invokes with a JSON payload and returns status and payload', async () => {
    const result = await invokeFunction(lab.clients, { name: 'resize-image', payload: '{"width": 64}' });
    assert.equal(result.statusCode, 200);
    assert.equal(result.functionError, undefined);
    assert.equal(typeof result.payload, 'string');
    assert.ok(result.durationMs >= 0);
  });

  it('refuses a payload that is not JSON before calling', async () => {
    assert.deepEqual(checkPayload('  '), { ok: true, json: '{}' });
    assert.match((checkPayload('{width: 1}') as { error: string }).error, /not valid JSON/);
    await assert.rejects(invokeFunction(lab.clients, { name: 'resize-image', payload: '{' }), /not valid JSON/);
    // moto (use_docker:false) answers 200 even for a function it does not have, so the missing-function path is
    // not testable here; the panel shows whatever reason a real backend gives.
  });

  it('shows functions in the explorer with runtime, memory and timeout', async () => {
    const page = await lambdaExplorer.children(undefined, {
      clients: lab.clients,
      signal: new AbortController().signal,
      pageSize: 50,
    });
    assert.equal(page.nodes.length, 1);
    assert.equal(page.nodes[0]!.label, 'resize-image');
    assert.equal(page.nodes[0]!.description, 'nodejs20.x · 256 MB · 15 s');
    assert.match(page.nodes[0]!.tooltip ?? '', /Handler: index\.handler/);
    assert.equal(page.nodes[0]!.command?.command, 'localCloudLab.lambda.invoke');
  });
});
