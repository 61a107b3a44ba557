import { describe, expect, inject, it } from 'vitest';
import { createClient } from 'redis';
import amqp from 'amqplib';

describe('real servers started by the test setup', () => {
  it('Redis answers PING on 127.0.0.1', async () => {
    const client = createClient({ url: inject('redisUrl') });
    await client.connect();
    expect(await client.ping()).toBe('PONG');
    await client.quit();
  });

  it('RabbitMQ accepts a connection and round-trips a message', async () => {
    const connection = await amqp.connect(inject('amqpUrl'));
    const channel = await connection.createChannel();
    const { queue } = await channel.assertQueue('', { exclusive: true });
    channel.sendToQueue(queue, Buffer.from('привет'));
    let message: amqp.GetMessage | false = false;
    for (let i = 0; i < 50 && !message; i++) {
      message = await channel.get(queue, { noAck: true });
      if (!message) await new Promise((r) => setTimeout(r, 20));
    }
    expect(message && message.content.toString()).toBe('привет');
    await connection.close();
  });
});
