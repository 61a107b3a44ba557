/**
 * The deck's claims about RabbitMQ acknowledgements and publishing (slides 16, 19, 23, 35),
 * checked on the real RabbitMQ 3.10 the test setup starts:
 * - an unacked message stays with its consumer while that consumer's channel is open — a second
 *   consumer gets nothing — and goes to the other one, marked redelivered, once the channel closes;
 * - publishing to the default exchange with a routing key that names no queue creates no queue:
 *   the message is dropped, and with mandatory it comes back to the producer (basic.return);
 * - one queue with one consumer delivers in publish order.
 * Sources: RabbitMQ docs «Consumer Acknowledgements and Publisher Confirms», «Publishers»,
 * «Queues» (Message Ordering).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import amqp from 'amqplib';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
let serial = 0;
const unique = (prefix: string): string => `claims.${prefix}.${process.pid}.${++serial}`;

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await sleep(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}

let connection: amqp.ChannelModel;

beforeAll(async () => {
  connection = await amqp.connect(inject('amqpUrl'));
});

afterAll(async () => {
  await connection?.close();
});

describe('RabbitMQ on a real server: what the slides say about ack, redelivery and publishing', () => {
  it('an unacked message waits with its consumer while the channel is open, then goes to another consumer with redelivered=true', async () => {
    const queue = unique('unacked');
    const setup = await connection.createChannel();
    await setup.assertQueue(queue, { autoDelete: false, durable: false });
    setup.sendToQueue(queue, Buffer.from('task'));

    const first = await connection.createChannel();
    await first.prefetch(1);
    const firstGot: amqp.ConsumeMessage[] = [];
    await first.consume(queue, (m) => m && firstGot.push(m), { noAck: false });
    await until(() => firstGot.length === 1, 'the first delivery');
    expect(firstGot[0]?.fields.redelivered).toBe(false);

    const second = await connection.createChannel();
    const secondGot: amqp.ConsumeMessage[] = [];
    await second.consume(queue, (m) => m && secondGot.push(m), { noAck: false });
    await sleep(300);
    expect(secondGot, 'no ack yet, channel open: nobody else gets it').toHaveLength(0);

    await first.close();
    await until(() => secondGot.length === 1, 'the redelivery');
    expect(secondGot[0]?.content.toString()).toBe('task');
    expect(secondGot[0]?.fields.redelivered).toBe(true);
    second.ack(secondGot[0] as amqp.ConsumeMessage);
    await second.close();
    await setup.deleteQueue(queue);
    await setup.close();
  });

  it('publishing to a queue that was never declared creates none: dropped, or returned with mandatory', async () => {
    const queue = unique('never-declared');
    const channel = await connection.createConfirmChannel();
    const returned: string[] = [];
    channel.on('return', (m: amqp.Message) => returned.push(m.fields.routingKey));
    channel.publish('', queue, Buffer.from('lost'));
    channel.publish('', queue, Buffer.from('back'), { mandatory: true });
    await channel.waitForConfirms();
    await until(() => returned.length === 1, 'basic.return');
    expect(returned).toEqual([queue]);
    await channel.close();

    const probe = await connection.createChannel();
    let closedWith = '';
    probe.on('error', (error: Error) => {
      closedWith = error.message;
    });
    await expect(probe.checkQueue(queue)).rejects.toThrow(/NOT_FOUND/);
    expect(closedWith).toMatch(/404/);
  });

  it('one queue, one consumer, no requeue: messages arrive in publish order', async () => {
    const queue = unique('order');
    const channel = await connection.createChannel();
    await channel.assertQueue(queue, { durable: false });
    const sent = Array.from({ length: 200 }, (_, i) => `m${i}`);
    for (const m of sent) channel.sendToQueue(queue, Buffer.from(m));
    const got: string[] = [];
    await channel.consume(queue, (m) => m && got.push(m.content.toString()), { noAck: true });
    await until(() => got.length === sent.length, 'all 200 messages');
    expect(got).toEqual(sent);
    await channel.deleteQueue(queue);
    await channel.close();
  });
});
