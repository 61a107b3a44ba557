/**
 * The stories of the redis-pubsub and redis-list-queue widgets (slides 12, 14) replayed on a real
 * Redis 7 and on the simulated one: every reply (PUBLISH counts, who BRPOP/BLMOVE served, LREM)
 * and every subscriber's inbox must agree — what the widget shows is what Redis does. A crash is
 * a dropped connection; finishing a task LMOVEd to the processing list is LREM from it.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClient } from 'redis';
import { argvOf, type RedisCommand, type RedisReply } from '../../src/broker/redis/index.ts';
import { LIST_QUEUE_SCENARIO, LIST_QUEUE_SETUP } from '../../src/widgets/redis-list-queue/story.ts';
import { actionCommands as queueCommands } from '../../src/widgets/redis-list-queue/logic.ts';
import { PUBSUB_SCENARIO } from '../../src/widgets/redis-pubsub/story.ts';
import { actionCommands as pubsubCommands } from '../../src/widgets/redis-pubsub/logic.ts';
import {
  inboxLine,
  observeModel,
  type Observed,
  type Scenario,
} from '../unit/broker/redis/differential-scenarios.ts';

type Client = ReturnType<typeof createClient>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let control: Client;

beforeAll(async () => {
  control = createClient({ url: inject('redisUrl') });
  await control.connect();
});
afterAll(async () => {
  await control.quit();
});

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await sleep(5);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function normalize(reply: unknown): RedisReply {
  if (reply === null || typeof reply === 'number' || typeof reply === 'string') return reply;
  if (Array.isArray(reply)) return reply.map(normalize);
  return { error: `unexpected reply shape: ${JSON.stringify(reply)}` };
}

async function clientList(): Promise<string> {
  return String(await control.sendCommand(['CLIENT', 'LIST']));
}

/** Replays the widget commands on the real server, one connection per client name. */
async function observeReal(commands: readonly RedisCommand[]): Promise<Observed> {
  await control.flushAll();
  // No connection of an earlier replay may still wait in BRPOP and steal a push.
  await control.sendCommand(['CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes']);
  const url = inject('redisUrl');
  const connections = new Map<string, Client>();
  const replies: Record<string, { settled: boolean; reply: Promise<RedisReply> }[]> = {};
  const inboxes: Record<string, string[]> = {};
  const held = new Map<string, { value: string; processing?: string }>();
  let published = 0;
  const received = () => Object.values(inboxes).reduce((n, l) => n + l.length, 0);
  const connection = async (name: string): Promise<Client> => {
    let client = connections.get(name);
    if (!client) {
      client = createClient({ url, name: `w-${name}`, RESP: 2 });
      client.on('error', () => undefined);
      await client.connect();
      connections.set(name, client);
    }
    return client;
  };
  const listen = (name: string, pattern?: string) => (message: string, channel: string) => {
    (inboxes[name] ??= []).push(inboxLine(pattern, channel, message));
  };
  const send = (name: string, client: Client, argv: string[]): Promise<RedisReply> => {
    const entry = {
      settled: false,
      reply: client.sendCommand(argv).then(normalize, (e: Error) => ({ error: e.message })),
    };
    void entry.reply.then(() => (entry.settled = true));
    (replies[name] ??= []).push(entry);
    return entry.reply;
  };
  for (const command of commands) {
    const name = command.client ?? 'default';
    if (command.type === 'crash') {
      // A dead connection never gets the reply it was blocked for; the model sends none either.
      const kept = (replies[name] ?? []).filter((r) => r.settled);
      replies[name] = kept;
      connections.get(name)?.destroy();
      connections.delete(name);
      held.delete(name);
      await until(async () => !(await clientList()).includes(` name=w-${name} `), 'disconnect');
      continue;
    }
    if (command.type === 'finishTask') {
      const task = held.get(name);
      held.delete(name);
      if (task?.processing) {
        await send(name, await connection(name), ['LREM', task.processing, '1', task.value]);
      }
      continue;
    }
    const client = await connection(name);
    if (command.type === 'SUBSCRIBE') await client.subscribe([...command.channels], listen(name));
    else if (command.type === 'PSUBSCRIBE') {
      for (const p of command.patterns) await client.pSubscribe(p, listen(name, p));
    } else if (command.type === 'UNSUBSCRIBE') {
      await client.unsubscribe(command.channels.length ? [...command.channels] : undefined);
    } else if (command.type === 'PUNSUBSCRIBE') {
      await client.pUnsubscribe(command.patterns.length ? [...command.patterns] : undefined);
    } else {
      const reply = send(name, client, argvOf(command));
      if (command.type === 'BRPOP' || command.type === 'BLMOVE') {
        let settled = false;
        void reply.then((r) => {
          settled = true;
          const value = Array.isArray(r) ? r[1] : r;
          if (typeof value === 'string') {
            held.set(name, {
              value,
              ...(command.type === 'BLMOVE' ? { processing: command.destination } : {}),
            });
          }
        });
        await until(
          async () =>
            settled ||
            (await clientList())
              .split('\n')
              .some((l) => l.includes(` name=w-${name} `) && /flags=\S*b/.test(l)),
          `${name} to block`,
        );
      } else {
        const r = await reply;
        if (command.type === 'PUBLISH' && typeof r === 'number') published += r;
        // A push may serve blocked clients: let their replies arrive before the next command.
        if (command.type === 'LPUSH' || command.type === 'LMOVE') await sleep(20);
      }
    }
  }
  await until(async () => received() >= published, 'pub/sub messages');
  const settledReplies: Record<string, RedisReply[]> = {};
  // Still-blocked workers have no reply yet (the model has none either).
  await sleep(50);
  for (const [name, list] of Object.entries(replies)) {
    if (list.length === 0) continue;
    settledReplies[name] = await Promise.all(list.filter((r) => r.settled).map((r) => r.reply));
  }
  for (const lines of Object.values(inboxes)) lines.sort();
  // A worker still blocked would hold quit() forever: close the sockets.
  for (const c of connections.values()) c.destroy();
  return { replies: settledReplies, inboxes };
}

async function compare(scenario: Scenario): Promise<void> {
  const real = await observeReal(scenario.commands);
  expect(observeModel(scenario)).toEqual(real);
}

describe('widget stories: simulated Redis vs a real Redis 7', () => {
  it('redis-pubsub: the slide-12 story, PUBLISH counts and inboxes', async () => {
    await compare({ name: 'pubsub story', commands: PUBSUB_SCENARIO.flat() });
  });

  it('redis-pubsub: a student’s channel and glob subscribers', async () => {
    const commands = [
      ...PUBSUB_SCENARIO.flat(),
      ...[
        { type: 'join', client: 'S1', pattern: 'orders.[ab]*' },
        { type: 'join', client: 'S2', pattern: 'orders.a1' },
        { type: 'join', client: 'S3', pattern: 'orders.?1' },
        { type: 'publish', channel: 'orders.a1', message: 'x' },
        { type: 'publish', channel: 'orders.c1', message: 'y' },
        { type: 'leave', client: 'S1', pattern: 'orders.[ab]*' },
        { type: 'publish', channel: 'orders.b1', message: 'z' },
      ].flatMap((a) => pubsubCommands(a as Parameters<typeof pubsubCommands>[0])),
    ];
    await compare({ name: 'pubsub student', commands });
  });

  it('redis-list-queue: the slide-14 story, who is served, what is lost and what survives', async () => {
    await compare({
      name: 'list queue story',
      commands: [...LIST_QUEUE_SETUP, ...LIST_QUEUE_SCENARIO.flat()],
    });
  });

  it('redis-list-queue: a student’s pushes, crashes, restarts and requeue', async () => {
    const commands = [
      ...LIST_QUEUE_SETUP,
      ...LIST_QUEUE_SCENARIO.slice(0, 5).flat(),
      ...[
        { type: 'start', worker: 'W2', mode: 'BLMOVE' },
        { type: 'lpush', value: 'a' },
        { type: 'finish', worker: 'W3', mode: 'BRPOP' },
        { type: 'lpush', value: 'b' },
        { type: 'crash', worker: 'W2' },
        { type: 'requeue' },
        { type: 'finish', worker: 'W1', mode: 'BLMOVE' },
      ].flatMap((a) => queueCommands(a as Parameters<typeof queueCommands>[0])),
    ];
    await compare({ name: 'list queue student', commands });
  });
});
