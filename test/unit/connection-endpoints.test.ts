// Per-service endpoints (localCloudLab.endpoints and AWS_ENDPOINT_URL_<SERVICE>), the terminal environment made from
// a connection, and walkthrough commands typed with each service's own endpoint.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  connectionEnvironment,
  endpointFor,
  resolveConnection,
  routedThrough,
  serviceKeyOf,
  serviceKeyOfSigningName,
  type ResolvedConnection,
} from '../../src/aws/connection';
import { renderTerminalCommand } from '../../src/walkthrough/curriculum';

function resolved(settings: Parameters<typeof resolveConnection>[0], env: Record<string, string> = {}) {
  const r = resolveConnection(settings, env);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return (r as { connection: ResolvedConnection }).connection;
}

describe('per-service endpoints', () => {
  it('knows service names however they are spelt', () => {
    assert.equal(serviceKeyOf('dynamodb'), 'dynamodb');
    assert.equal(serviceKeyOf('DYNAMODB'), 'dynamodb');
    assert.equal(serviceKeyOf('SECRETS_MANAGER'), 'secretsmanager');
    assert.equal(serviceKeyOf('secrets-manager'), 'secretsmanager');
    assert.equal(serviceKeyOf('ELASTIC_LOAD_BALANCING_V2'), 'elbv2');
    assert.equal(serviceKeyOf('CLOUDWATCH_LOGS'), 'logs');
    assert.equal(serviceKeyOf('AUTO_SCALING'), 'autoscaling');
    assert.equal(serviceKeyOf('route53'), undefined);
  });

  it('takes AWS_ENDPOINT_URL_<SERVICE>, and the setting over it; other services use the main endpoint', () => {
    const c = resolved(
      { endpoint: 'http://localhost:4566', endpoints: { DynamoDB: 'http://127.0.0.1:8000/' } },
      {
        AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:9999',
        AWS_ENDPOINT_URL_SECRETS_MANAGER: 'http://localhost:7000',
        AWS_ENDPOINT_URL_ROUTE_53: 'http://localhost:1', // not a service we call: ignored
      },
    );
    assert.deepEqual(c.serviceEndpoints, {
      dynamodb: { url: 'http://127.0.0.1:8000', source: 'setting', loopback: true },
      secretsmanager: { url: 'http://localhost:7000', source: 'environment', loopback: true },
    });
    assert.equal(endpointFor(c, 'dynamodb'), 'http://127.0.0.1:8000');
    assert.equal(endpointFor(c, 's3'), 'http://localhost:4566');
    assert.equal(c.loopback, true);
  });

  it('refuses an unknown service name, a bad URL and a remote one unless allowed, naming the setting', () => {
    const unknown = resolveConnection({ endpoints: { dynamo: 'http://localhost:8000' } }, {});
    assert.ok(!unknown.ok && /"dynamo" is not a service .*known: s3, sqs/.test(unknown.reason));
    const bad = resolveConnection({ endpoints: { sqs: 'localhost:9324' } }, {});
    assert.ok(!bad.ok && /localCloudLab\.endpoints\.sqs: .*not a URL|must start with http/.test(bad.reason));
    const remote = resolveConnection({}, { AWS_ENDPOINT_URL_S3: 'https://s3.example.com' });
    assert.ok(
      !remote.ok && /AWS_ENDPOINT_URL_S3: https:\/\/s3\.example\.com is not on this machine/.test(remote.reason),
    );
    const allowed = resolved({ allowRemoteEndpoint: true }, { AWS_ENDPOINT_URL_S3: 'https://s3.example.com' });
    assert.equal(allowed.loopback, false, 'one remote service makes the connection remote');
  });

  it('gives terminals the endpoints, region and credentials the AWS CLI reads', () => {
    const c = resolved({
      endpoint: 'http://localhost:4566',
      region: 'eu-west-1',
      endpoints: { dynamodb: 'http://localhost:8000' },
    });
    assert.deepEqual(connectionEnvironment(c), {
      AWS_ENDPOINT_URL: 'http://localhost:4566',
      AWS_ENDPOINT_URL_DYNAMODB: 'http://localhost:8000',
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
    });
    const profile = connectionEnvironment(resolved({ profile: 'lab' }));
    assert.equal(profile.AWS_PROFILE, 'lab');
    assert.equal(profile.AWS_ACCESS_KEY_ID, undefined);
  });

  it("types each `aws --endpoint-url` command with its service's own endpoint", () => {
    const c = resolved({ endpoint: 'http://localhost:4566', endpoints: { dynamodb: 'http://localhost:8000' } });
    const typed = renderTerminalCommand(
      'aws --endpoint-url {endpoint} dynamodb list-tables && aws --endpoint-url={endpoint} s3api list-buckets ' +
        '--region {region} && aws --endpoint-url {endpoint} sqs list-queues',
      c,
    );
    assert.equal(
      typed,
      'aws --endpoint-url http://localhost:8000 dynamodb list-tables && ' +
        'aws --endpoint-url=http://localhost:4566 s3api list-buckets --region us-east-1 && ' +
        'aws --endpoint-url http://localhost:4566 sqs list-queues',
    );
  });
});

describe('routed through the call recorder', () => {
  it('points every endpoint variable at the proxy; signing names map to our service keys', () => {
    const c = resolved({ endpoints: { dynamodb: 'http://localhost:8000' } });
    const env = connectionEnvironment(routedThrough(c, 'http://127.0.0.1:40000'));
    assert.equal(env.AWS_ENDPOINT_URL, 'http://127.0.0.1:40000');
    assert.equal(env.AWS_ENDPOINT_URL_DYNAMODB, 'http://127.0.0.1:40000');
    assert.equal(env.AWS_REGION, c.region);
    // The proxy forwards by the real connection: DynamoDB to its own endpoint, the rest to the main one.
    assert.equal(endpointFor(c, serviceKeyOfSigningName('dynamodb')!), 'http://localhost:8000');
    assert.equal(endpointFor(c, serviceKeyOfSigningName('elasticloadbalancing')!), c.endpoint);
    assert.equal(serviceKeyOfSigningName('states'), 'sfn');
    assert.equal(serviceKeyOfSigningName('route53'), undefined);
  });
});
