// Lambda, AWS side: list and read function configuration, invoke with a JSON payload and the log tail requested.
// moto runs with use_docker:false, so it accepts the invoke without running the code: this tests the plumbing.
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { CreateFunctionCommand } from '@aws-sdk/client-lambda';
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { checkPayload, getFunction, invokeFunction, listFunctions } from '../../src/aws/lambda';
import lambdaExplorer from '../../src/explorer/services/lambda';
import { skipOnLocalStack } from '../support/emulator';
import { useLab } from '../support/fixtures';
import { zipOf } from '../support/zip';

describe(
  'Lambda (moto, use_docker:false)',
  skipOnLocalStack(
    '4.14 on the host has no container runtime: a new function stays Pending, cannot be invoked or deleted',
  ),
  () => {
    // moto's /moto-api/data.json answers 500 while a function exists; leave a reusable server clean.
    const lab = useLab();
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
  },
);
