// SQS messages panel, AWS side: send (attributes, delay, FIFO group and deduplication ids), peek through LocalStack's
// /_aws/sqs/messages (against a local fixture server answering its documented JSON shape, since LocalStack cannot run
// here; and against moto, which has no such endpoint), and the warned receive that gives messages straight back.
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import { deleteMessage, receiveMessages } from '../../src/aws/sqs';
import { parsePeekResponse, peekMessages, sendMessage } from '../../src/aws/sqsMessages';
import { checkSend } from '../../src/webviews/protocol/sqs';
import { endpointFor } from '../../src/aws/connection';
import { getQueue } from '../../src/aws/sqs';
import { onLocalStack } from '../support/emulator';
import { useLab } from '../support/fixtures';

/** LocalStack's documented JSON answer for two messages (shape from its OpenAPI spec and SQS docs). */
const TWO_MESSAGES = {
  ReceiveMessageResponse: {
    ReceiveMessageResult: {
      Message: [
        {
          MessageId: '5a8b7c1e-0000-4000-8000-000000000001',
          MD5OfBody: '5d41402abc4b2a76b9719d911017c592',
          Body: 'hello',
          Attribute: [
            { Name: 'SenderId', Value: '000000000000' },
            { Name: 'ApproximateReceiveCount', Value: '0' },
          ],
          MessageAttribute: [{ Name: 'kind', Value: { StringValue: 'greeting', DataType: 'String' } }],
          ReceiptHandle: 'SQS/BACKDOOR/ACCESS',
        },
        {
          MessageId: '5a8b7c1e-0000-4000-8000-000000000002',
          MD5OfBody: '7d793037a0760186574b0282f2f435e7',
          Body: 'world',
          Attribute: [{ Name: 'SenderId', Value: '000000000000' }],
          ReceiptHandle: 'SQS/BACKDOOR/ACCESS',
        },
      ],
    },
    ResponseMetadata: { RequestId: 'r1' },
  },
};

describe('SQS peek against a LocalStack-shaped fixture', () => {
  let server: Server;
  let endpoint = '';
  const seen: { url: string; accept?: string }[] = [];
  before(async () => {
    server = createServer((req: IncomingMessage, res) => {
      seen.push({ url: req.url ?? '', accept: req.headers.accept });
      const url = new URL(req.url ?? '/', 'http://x');
      const queue = url.searchParams.get('QueueUrl') ?? '';
      res.setHeader('x-localstack', 'true');
      if (url.pathname !== '/_aws/sqs/messages') {
        res.writeHead(404).end();
      } else if (queue.endsWith('/missing')) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ErrorResponse: { Error: { Code: 'AWS.SimpleQueueService.NonExistentQueue' } } }));
      } else if (queue.endsWith('/one')) {
        const single = structuredClone(TWO_MESSAGES) as {
          ReceiveMessageResponse: { ReceiveMessageResult: { Message: unknown } };
        };
        single.ReceiveMessageResponse.ReceiveMessageResult.Message =
          TWO_MESSAGES.ReceiveMessageResponse.ReceiveMessageResult.Message[1];
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(single));
      } else if (queue.endsWith('/empty')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            ReceiveMessageResponse: { ReceiveMessageResult: null, ResponseMetadata: { RequestId: 'r' } },
          }),
        );
      } else {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(TWO_MESSAGES));
      }
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const addr = server.address();
    endpoint = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });
  after(() => new Promise<void>((ok) => server.close(() => ok())));

  it('asks for JSON with the queue URL and reads every message without a receipt handle', async () => {
    const result = await peekMessages(endpoint, 'http://localhost:4566/000000000000/orders', { showInvisible: true });
    assert.ok(result.supported);
    assert.equal(result.messages.length, 2);
    assert.deepEqual(result.messages[0], {
      messageId: '5a8b7c1e-0000-4000-8000-000000000001',
      body: 'hello',
      attributes: { SenderId: '000000000000', ApproximateReceiveCount: '0' },
      messageAttributes: { kind: { dataType: 'String', value: 'greeting' } },
      deletable: false,
    });
    const last = seen.at(-1)!;
    assert.equal(last.accept, 'application/json');
    const url = new URL(last.url, 'http://x');
    assert.equal(url.searchParams.get('QueueUrl'), 'http://localhost:4566/000000000000/orders');
    assert.equal(url.searchParams.get('ShowInvisible'), 'true');
  });

  it('accepts a single message given as an object, and an empty result', async () => {
    const one = await peekMessages(endpoint, 'http://localhost:4566/000000000000/one');
    assert.ok(one.supported);
    assert.deepEqual(
      one.messages.map((m) => m.body),
      ['world'],
    );
    const none = await peekMessages(endpoint, 'http://localhost:4566/000000000000/empty');
    assert.deepEqual(none, { supported: true, messages: [] });
  });

  it('reports a missing queue as an error, and an unknown shape as unsupported', async () => {
    await assert.rejects(peekMessages(endpoint, 'http://localhost:4566/000000000000/missing'), /does not exist/);
    assert.equal(parsePeekResponse({ Messages: [] }), undefined);
  });
});

describe('SQS send and receive (emulator)', () => {
  const lab = useLab();
  let standard = '';
  let fifo = '';
  beforeEach(async () => {
    standard = (await lab.clients.sqs().send(new CreateQueueCommand({ QueueName: 'orders' }))).QueueUrl!;
    fifo = (
      await lab.clients
        .sqs()
        .send(new CreateQueueCommand({ QueueName: 'orders.fifo', Attributes: { FifoQueue: 'true' } }))
    ).QueueUrl!;
  });

  it('sends with message attributes of every type and reads them back', async () => {
    const sent = await sendMessage(lab.clients, standard, {
      body: '{"order":1}',
      attributes: [
        { name: 'kind', type: 'String', value: 'order' },
        { name: 'total', type: 'Number', value: '42.5' },
        { name: 'sig', type: 'Binary', value: 'AAEC' },
      ],
    });
    assert.ok(sent.messageId);
    const got = await lab.clients
      .sqs()
      .send(new ReceiveMessageCommand({ QueueUrl: standard, MessageAttributeNames: ['All'], VisibilityTimeout: 0 }));
    const m = got.Messages?.[0];
    assert.equal(m?.Body, '{"order":1}');
    assert.equal(m?.MessageAttributes?.kind?.StringValue, 'order');
    assert.equal(m?.MessageAttributes?.total?.DataType, 'Number');
    assert.deepEqual([...(m?.MessageAttributes?.sig?.BinaryValue ?? [])], [0, 1, 2]);
  });

  it('delays a message on a standard queue', async () => {
    await sendMessage(lab.clients, standard, { body: 'later', delaySeconds: 60, attributes: [] });
    const attrs = await lab.clients
      .sqs()
      .send(
        new GetQueueAttributesCommand({ QueueUrl: standard, AttributeNames: ['ApproximateNumberOfMessagesDelayed'] }),
      );
    assert.equal(attrs.Attributes?.ApproximateNumberOfMessagesDelayed, '1');
  });

  it('sends to a FIFO queue with group and deduplication ids (a duplicate is dropped)', async () => {
    const a = await sendMessage(lab.clients, fifo, { body: 'x', groupId: 'g1', deduplicationId: 'd1', attributes: [] });
    assert.ok(a.sequenceNumber);
    await sendMessage(lab.clients, fifo, { body: 'x again', groupId: 'g1', deduplicationId: 'd1', attributes: [] });
    const got = await lab.clients
      .sqs()
      .send(new ReceiveMessageCommand({ QueueUrl: fifo, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }));
    assert.deepEqual(
      got.Messages?.map((m) => m.Body),
      ['x'],
    );
  });

  it('a FIFO send without a group id fails with the service reason', async () => {
    await assert.rejects(sendMessage(lab.clients, fifo, { body: 'x', attributes: [] }), /MessageGroupId|group/i);
  });

  if (onLocalStack) {
    it('peeks through the /_aws/sqs/messages: bodies and attributes, nothing consumed', async () => {
      await sendMessage(lab.clients, standard, {
        body: 'first',
        attributes: [{ name: 'kind', type: 'String', value: 'order' }],
      });
      await sendMessage(lab.clients, standard, { body: 'second', attributes: [] });
      const sqsEndpoint = endpointFor(lab.clients.connection, 'sqs');
      for (let round = 0; round < 2; round++) {
        const result = await peekMessages(sqsEndpoint, standard);
        assert.ok(result.supported, 'LocalStack offers the peek endpoint');
        if (!result.supported) return;
        assert.deepEqual(
          result.messages.map((m) => m.body),
          ['first', 'second'],
        );
        assert.deepEqual(result.messages[0]?.messageAttributes.kind, { dataType: 'String', value: 'order' });
        assert.ok(result.messages.every((m) => !m.deletable && m.attributes.ApproximateReceiveCount === '0'));
      }
      const q = await getQueue(lab.clients, standard);
      assert.equal(q.visible, 2);
      assert.equal(q.inFlight ?? 0, 0);
    });
  } else {
    it('has no peek endpoint on moto, so the panel falls back to receive', async () => {
      const result = await peekMessages(lab.emulator.endpoint, standard);
      assert.equal(result.supported, false);
      assert.match(!result.supported ? result.reason : '', /no \/_aws\/sqs\/messages endpoint/);
    });
  }

  it('a receive with VisibilityTimeout 0 gives the message back at once but raises its receive count', async () => {
    await sendMessage(lab.clients, standard, { body: 'peekaboo', attributes: [] });
    const first = await receiveMessages(lab.clients, standard, { max: 10, visibilityTimeout: 0 });
    assert.equal(first[0]?.body, 'peekaboo');
    assert.equal(first[0]?.attributes.ApproximateReceiveCount, '1');
    const second = await receiveMessages(lab.clients, standard, { max: 10, visibilityTimeout: 0 });
    assert.equal(second[0]?.attributes.ApproximateReceiveCount, '2');
    await deleteMessage(lab.clients, standard, second[0]!.receiptHandle);
    assert.deepEqual(await receiveMessages(lab.clients, standard, { max: 10, visibilityTimeout: 0 }), []);
  });

  it('validates sends before anything goes out', () => {
    const std = { fifo: false };
    const fq = { fifo: true, contentBasedDeduplication: false };
    assert.match(checkSend({ body: '', attributes: [] }, std) ?? '', /empty/);
    assert.match(checkSend({ body: 'x', groupId: 'g', attributes: [] }, std) ?? '', /FIFO queues only/);
    assert.match(checkSend({ body: 'x', attributes: [] }, fq) ?? '', /group id/);
    assert.match(checkSend({ body: 'x', groupId: 'g', attributes: [] }, fq) ?? '', /deduplication id/);
    assert.equal(
      checkSend({ body: 'x', groupId: 'g', attributes: [] }, { fifo: true, contentBasedDeduplication: true }),
      undefined,
    );
    assert.match(
      checkSend({ body: 'x', groupId: 'g', deduplicationId: 'd', delaySeconds: 5, attributes: [] }, fq) ?? '',
      /no per-message delay/,
    );
    assert.match(
      checkSend({ body: 'x', attributes: [{ name: 'n', type: 'Number', value: 'abc' }] }, std) ?? '',
      /not a number/,
    );
    assert.match(
      checkSend({ body: 'x', attributes: [{ name: 'aws.x', type: 'String', value: 'v' }] }, std) ?? '',
      /reserved/,
    );
    assert.match(
      checkSend(
        {
          body: 'x',
          attributes: [
            { name: 'a', type: 'String', value: '1' },
            { name: 'a', type: 'String', value: '2' },
          ],
        },
        std,
      ) ?? '',
      /twice/,
    );
    assert.equal(
      checkSend({ body: 'x', delaySeconds: 10, attributes: [{ name: 'a.b', type: 'Binary', value: 'AAEC' }] }, std),
      undefined,
    );
  });
});
