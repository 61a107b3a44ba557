/**
 * The deck's claims about Redis Pub/Sub (slides 12 and 35, the comparison chart), checked on the
 * real Redis 7 the test setup starts: a subscriber gets a channel's messages in publish order —
 * even from two publishers taking turns — and a message published with no subscriber is gone
 * (PUBLISH answers 0, a later subscriber never sees it). Source: Redis docs «Redis Pub/Sub».
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClient } from 'redis';

const newClient = () => createClient({ url: inject('redisUrl') });
type Client = ReturnType<typeof newClient>;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const clients: Client[] = [];

async function client(): Promise<Client> {
  const c = newClient();
  await c.connect();
  clients.push(c);
  return c;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await sleep(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}

let publisherA: Client;
let publisherB: Client;

beforeAll(async () => {
  publisherA = await client();
  publisherB = await client();
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.quit()));
});

describe('Redis Pub/Sub on a real server: order is kept, a message with no subscriber is lost', () => {
  it('a subscriber receives 400 messages from two alternating publishers in publish order', async () => {
    const channel = `claims.order.${process.pid}`;
    const subscriber = await client();
    const received: string[] = [];
    await subscriber.subscribe(channel, (message) => received.push(message));
    const sent: string[] = [];
    for (let i = 0; i < 400; i++) {
      const message = `m${i}`;
      sent.push(message);
      // Each PUBLISH is awaited, so the server's publish order is the order of `sent`.
      expect(await (i % 2 === 0 ? publisherA : publisherB).publish(channel, message)).toBe(1);
    }
    await until(() => received.length === sent.length, 'all 400 messages');
    expect(received).toEqual(sent);
  });

  it('PUBLISH with no subscriber answers 0 and a subscriber that joins later never gets it', async () => {
    const channel = `claims.lost.${process.pid}`;
    expect(await publisherA.publish(channel, 'before anyone listens')).toBe(0);
    const subscriber = await client();
    const received: string[] = [];
    await subscriber.subscribe(channel, (message) => received.push(message));
    expect(await publisherA.publish(channel, 'after subscribe')).toBe(1);
    await until(() => received.length === 1, 'the second message');
    await sleep(50);
    expect(received).toEqual(['after subscribe']);
  });
});
