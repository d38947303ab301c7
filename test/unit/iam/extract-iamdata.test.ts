// The generated IAM catalogue and its loader: generated to a temporary path, loaded the way the server loads it.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { loadIamData } from '../../../server/src/iamData';

/** The generator is a plain ES module script (no types): imported by URL, typed by the shape we use. */
const GEN = pathToFileURL(join(__dirname, '..', '..', '..', 'scripts', 'gen-iam-data.mjs')).href;

describe('IAM data generation and loading', () => {
  let dir: string;
  let file: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lcl-iam-data-'));
    file = join(dir, 'iam-data.json');
    const gen = (await import(GEN)) as {
      generate: (o: { root: string; out: string }) => string;
    };
    gen.generate({ root: join(__dirname, '..', '..', '..'), out: file });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a compact file with the upstream version and date', () => {
    // Line 1 is the header (version, date, where each service's JSON lies); one line per service follows.
    const [head, ...bodies] = readFileSync(file, 'utf8').trimEnd().split('\n');
    const json = JSON.parse(head!) as { version: string; updatedAt: string; format: number; services: object };
    assert.equal(bodies.length, Object.keys(json.services).length);
    const pkg = JSON.parse(
      readFileSync(
        join(__dirname, '..', '..', '..', 'node_modules', '@cloud-copilot', 'iam-data', 'package.json'),
        'utf8',
      ),
    ) as { version: string; updatedAt: string; license: string };
    assert.equal(pkg.license, 'MIT');
    assert.equal(json.version, pkg.version);
    assert.equal(json.updatedAt, pkg.updatedAt.slice(0, 10));
    assert.match(json.updatedAt, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(statSync(file).size < 8_000_000, 'compact');
  });

  it('skips regeneration when the output is up to date', async () => {
    const before = statSync(file).mtimeMs;
    const gen = (await import(GEN)) as {
      generate: (o: { root: string; out: string }) => string;
    };
    gen.generate({ root: join(__dirname, '..', '..', '..'), out: file });
    assert.equal(statSync(file).mtimeMs, before);
  });

  it('loads services, actions, resource types and condition keys keyed in lower case', () => {
    const data = loadIamData(file);
    assert.ok(data.services.size > 400);
    const s3 = data.services.get('s3')!;
    assert.equal(s3.prefix, 's3');
    const get = s3.actions.get('getobject')!;
    assert.equal(get.name, 'GetObject');
    assert.equal(get.accessLevel, 'Read');
    assert.ok(get.resourceTypes.some((r) => r.name === 'object'));
    assert.equal(s3.resourceTypes.get('bucket')!.arn, 'arn:${Partition}:s3:::${BucketName}');
    assert.equal(s3.conditionKeys.get('s3:prefix')!.type, 'String');
    assert.equal(data.services.get('iam')!.actions.get('passrole')!.accessLevel, 'Write');
    assert.equal(data.services.get('iam')!.actions.get('putrolepolicy')!.accessLevel, 'Permissions management');
    assert.equal(data.services.get('ec2')!.actions.get('runinstances')!.accessLevel, 'Write');
    assert.ok(data.services.get('ec2')!.actions.get('createtags'));
    assert.equal(data.globalConditionKeys.get('aws:sourceip')!.type, 'IPAddress');
    assert.equal(data.globalConditionKeys.get('aws:resourcetag/${tagkey}')!.name, 'aws:ResourceTag/${TagKey}');
  });

  it('fails with a readable message when the file is missing', () => {
    assert.throws(() => loadIamData(join(dir, 'nope.json')), /^Error: Loading IAM data failed: .*nope\.json/);
  });
});
