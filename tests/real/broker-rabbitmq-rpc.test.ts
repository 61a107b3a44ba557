/**
 * Request-reply on a real RabbitMQ and on the model (the `patterns` widget's RPC): an exclusive
 * server-named reply queue, two requests with reply_to and correlation_id on two servers with
 * prefetch 1, replies in reverse order. Both sides must route and pair the replies the same way.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import amqp from 'amqplib';
import { rpcView } from '../../src/widgets/patterns/logic-rpc.ts';

let connection: amqp.ChannelModel;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  connection = await amqp.connect(inject('amqpUrl'));
});
afterAll(async () => {
  await connection?.close();
});

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (check()) return;
    await sleep(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('request-reply: real RabbitMQ = model', () => {
  it('carries reply_to and correlation_id, and the client pairs out-of-order replies by id', async () => {
    const rpcQueue = `rpc_queue.${process.pid}`;
    const client = await connection.createChannel();
    await client.assertQueue(rpcQueue, { exclusive: false, autoDelete: true });
    const { queue: replyTo } = await client.assertQueue('', { exclusive: true });
    const replies: { correlationId: string; body: string }[] = [];
    await client.consume(
      replyTo,
      (m) =>
        m &&
        replies.push({
          correlationId: String(m.properties.correlationId),
          body: m.content.toString(),
        }),
      { noAck: true },
    );
    const held: { server: string; msg: amqp.ConsumeMessage; ch: amqp.Channel }[] = [];
    const servers: amqp.Channel[] = [];
    for (const name of ['server-1', 'server-2']) {
      const ch = await connection.createChannel();
      await ch.prefetch(1);
      await ch.consume(rpcQueue, (m) => m && held.push({ server: name, msg: m, ch }));
      servers.push(ch);
    }
    client.sendToQueue(rpcQueue, Buffer.from('fib(25)'), { replyTo, correlationId: 'c-1' });
    await until(() => held.length === 1, 'the first request');
    client.sendToQueue(rpcQueue, Buffer.from('fib(6)'), { replyTo, correlationId: 'c-2' });
    await until(() => held.length === 2, 'the second request');
    const seen = held.map((h) => ({
      server: h.server,
      replyTo: h.msg.properties.replyTo as string,
      correlationId: h.msg.properties.correlationId as string,
    }));
    // Answer the second first, as the widget's script does.
    for (const [id, answer] of [
      ['c-2', '8'],
      ['c-1', '75025'],
    ] as const) {
      const h = held.find((x) => x.msg.properties.correlationId === id);
      if (!h) throw new Error(`no server holds ${id}`);
      h.ch.sendToQueue(h.msg.properties.replyTo as string, Buffer.from(answer), {
        correlationId: id,
      });
      h.ch.ack(h.msg);
      await until(() => replies.some((r) => r.correlationId === id), `the reply to ${id}`);
    }
    for (const ch of servers) await ch.close();
    await client.close();

    expect(seen).toEqual([
      { server: 'server-1', replyTo, correlationId: 'c-1' },
      { server: 'server-2', replyTo, correlationId: 'c-2' },
    ]);
    const model = rpcView(4, []);
    expect(model.requests.map((r) => [r.correlationId, r.server])).toEqual(
      seen.map((s) => [s.correlationId, s.server]),
    );
    const modelReplies = [...model.requests]
      .sort((a, b) => (a.replyOrder ?? 0) - (b.replyOrder ?? 0))
      .map((r) => ({ correlationId: r.correlationId, body: r.reply }));
    expect(modelReplies).toEqual(replies);
  });
});
