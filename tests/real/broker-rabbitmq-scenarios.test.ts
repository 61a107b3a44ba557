/**
 * Differential scenarios (tests/fixtures/broker/rabbitmq/scenarios.ts) recorded from a real
 * RabbitMQ 3.10 through amqplib: each must equal the committed scenarios.json (set
 * UPDATE_RABBIT_FIXTURES=1 to rewrite it) and the model's replay. Scenarios that need a short
 * consumer_timeout run on their own server started with it and a 200 ms channel tick (the tick
 * that checks the timeout is 60 s by default; RabbitMQ's own consumer_timeout suite shortens it
 * the same way through channel_tick_interval).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import amqp from 'amqplib';
import type { RabbitCommand } from '../../src/broker/rabbitmq/index.ts';
import {
  SCENARIOS,
  canonical,
  deliverySeen,
  type Observation,
  type Scenario,
  type ScenarioRecord,
} from '../fixtures/broker/rabbitmq/scenarios.ts';
import { playScenario } from '../fixtures/broker/rabbitmq/play-scenario.ts';
import { startRabbit, type RunningServer } from '../setup/servers.ts';

const FIXTURE = new URL('../fixtures/broker/rabbitmq/scenarios.json', import.meta.url);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Plays a scenario's commands on a real broker and returns what the client observed. */
async function record(url: string, scenario: Scenario): Promise<Observation[]> {
  const connections = new Map<string, amqp.ChannelModel>();
  const channels = new Map<string, amqp.Channel>();
  const observed: Observation[] = [];
  let at = 0;
  const channel = (id: string): amqp.Channel => {
    const ch = channels.get(id);
    if (!ch) throw new Error(`scenario uses channel ${id} before opening it`);
    return ch;
  };
  // Waits for the method's reply; a refused one also closes the channel, which the 'error'
  // event below records once.
  const quietly = async (p: Promise<unknown>): Promise<void> => {
    await p.catch(() => undefined);
  };
  const deliveredTo = (id: string, m: amqp.Message, consumerTag: string | null): void => {
    observed.push(
      deliverySeen(at, id, {
        consumerTag,
        deliveryTag: m.fields.deliveryTag,
        body: m.content.toString(),
        redelivered: m.fields.redelivered,
        expiration: m.properties.expiration as string | undefined,
        headers: m.properties.headers,
      }),
    );
  };
  const run = async (c: RabbitCommand): Promise<void> => {
    switch (c.type) {
      case 'connection.open':
        connections.set(c.connection, await amqp.connect(url));
        return;
      case 'connection.close':
        await connections.get(c.connection)?.close();
        return;
      case 'channel.open': {
        const model = connections.get(c.connection);
        if (!model) throw new Error(`no connection ${c.connection}`);
        const ch = await model.createChannel();
        const id = c.channel;
        // amqplib's Channel keeps its number in `ch` (not in its typings).
        const number = (ch as unknown as { ch: number }).ch;
        ch.on('error', (e: Error & { code?: number }) => {
          const text = /with message "([\s\S]*)"$/.exec(e.message)?.[1] ?? e.message;
          observed.push({
            at,
            kind: 'close',
            channel: id,
            code: e.code ?? 0,
            text: text.replace(`on channel ${number} `, `on channel ${id} `),
          });
        });
        channels.set(id, ch);
        return;
      }
      case 'channel.close':
        await channel(c.channel).close();
        return;
      case 'exchange.declare': {
        const ch = channel(c.channel as string);
        await quietly(
          c.passive
            ? ch.checkExchange(c.exchange)
            : ch.assertExchange(c.exchange, c.kind, {
                durable: c.durable ?? false,
                autoDelete: c.autoDelete ?? false,
              }),
        );
        return;
      }
      case 'exchange.delete':
        await quietly(
          channel(c.channel as string).deleteExchange(c.exchange, { ifUnused: c.ifUnused }),
        );
        return;
      case 'queue.declare': {
        const ch = channel(c.channel as string);
        const reply = c.passive
          ? ch.checkQueue(c.queue)
          : ch.assertQueue(c.queue, {
              durable: c.durable ?? false,
              exclusive: c.exclusive ?? false,
              autoDelete: c.autoDelete ?? false,
              arguments: c.arguments,
            });
        const step = at;
        await quietly(
          reply.then((ok) =>
            observed.push({
              at: step,
              kind: 'declare-ok',
              queue: ok.queue,
              messageCount: ok.messageCount,
              consumerCount: ok.consumerCount,
            }),
          ),
        );
        return;
      }
      case 'queue.bind':
      case 'queue.unbind': {
        const ch = channel(c.channel as string);
        const method = c.type === 'queue.bind' ? ch.bindQueue : ch.unbindQueue;
        await quietly(method.call(ch, c.queue, c.exchange, c.routingKey ?? '', c.arguments));
        return;
      }
      case 'queue.purge':
        await quietly(channel(c.channel as string).purgeQueue(c.queue));
        return;
      case 'queue.delete':
        await quietly(
          channel(c.channel as string).deleteQueue(c.queue, {
            ifUnused: c.ifUnused,
            ifEmpty: c.ifEmpty,
          }),
        );
        return;
      case 'basic.publish': {
        const p = c.properties ?? {};
        channel(c.channel as string).publish(c.exchange, c.routingKey, Buffer.from(c.body ?? ''), {
          mandatory: c.mandatory,
          deliveryMode: p.deliveryMode,
          priority: p.priority,
          expiration: p.expiration,
          headers: p.headers,
          messageId: p.messageId,
          replyTo: p.replyTo,
          correlationId: p.correlationId,
        });
        return;
      }
      case 'basic.qos':
        await quietly(channel(c.channel).prefetch(c.prefetchCount));
        return;
      case 'basic.consume': {
        const id = c.channel;
        await quietly(
          channel(id).consume(
            c.queue,
            (m) => {
              if (m) deliveredTo(id, m, m.fields.consumerTag);
              else if (c.consumerTag)
                observed.push({ at, kind: 'cancel', channel: id, consumerTag: c.consumerTag });
            },
            { consumerTag: c.consumerTag, noAck: c.noAck ?? false },
          ),
        );
        return;
      }
      case 'basic.cancel':
        await quietly(channel(c.channel).cancel(c.consumerTag));
        return;
      case 'basic.get': {
        const id = c.channel;
        const step = at;
        await quietly(
          channel(id)
            .get(c.queue, { noAck: c.noAck ?? false })
            .then((m) => {
              if (m) deliveredTo(id, m, null);
              else observed.push({ at: step, kind: 'get-empty', channel: id });
            }),
        );
        return;
      }
      case 'basic.ack':
      case 'basic.nack':
      case 'basic.reject': {
        const ch = channel(c.channel);
        const msg = { fields: { deliveryTag: c.deliveryTag } } as amqp.Message;
        if (c.type === 'basic.ack') ch.ack(msg, c.multiple ?? false);
        else if (c.type === 'basic.nack') ch.nack(msg, c.multiple ?? false, c.requeue ?? true);
        else ch.reject(msg, c.requeue ?? true);
        return;
      }
      case 'advance':
        await sleep(c.ms);
        return;
      default:
        throw new Error(`the real recorder cannot play ${c.type}`);
    }
  };
  try {
    for (const command of scenario.commands) {
      await run(command);
      // Let the broker's replies and deliveries for this command arrive before the next one.
      for (let seen = -1; seen !== observed.length;) {
        seen = observed.length;
        await sleep(60);
      }
      at++;
    }
  } finally {
    for (const model of connections.values()) await model.close().catch(() => undefined);
  }
  return canonical(observed);
}

const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as ScenarioRecord;
const recorded: ScenarioRecord = {};

afterAll(() => {
  if (!process.env['UPDATE_RABBIT_FIXTURES']) return;
  // Scenarios not run this time (-t) keep their recording; removed scenarios lose theirs.
  const merged: ScenarioRecord = {};
  for (const { name } of SCENARIOS) {
    const observations = recorded[name] ?? fixture[name];
    if (observations) merged[name] = observations;
  }
  writeFileSync(FIXTURE, JSON.stringify(merged, null, 1) + '\n');
});

function check(scenario: Scenario, real: Observation[]): void {
  recorded[scenario.name] = real;
  expect(playScenario(scenario)).toEqual(real);
  if (!process.env['UPDATE_RABBIT_FIXTURES']) expect(fixture[scenario.name]).toEqual(real);
}

describe('scenarios: real RabbitMQ 3.10 = model = committed fixture', () => {
  for (const scenario of SCENARIOS.filter((s) => s.consumerTimeout === undefined)) {
    it(scenario.name, async () => {
      check(scenario, await record(inject('amqpUrl'), scenario));
    });
  }
});

describe('scenarios on a server with a short consumer_timeout', () => {
  let server: RunningServer | undefined;
  const timed = SCENARIOS.filter((s) => s.consumerTimeout !== undefined);
  const timeouts = new Set(timed.map((s) => s.consumerTimeout));
  beforeAll(async () => {
    if (timeouts.size !== 1) throw new Error('one server serves one consumer_timeout');
    server = await startRabbit({
      rabbitEnv: { consumer_timeout: [...timeouts][0] as number, channel_tick_interval: 200 },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });
  for (const scenario of timed) {
    it(scenario.name, async () => {
      check(scenario, await record((server as RunningServer).url, scenario));
    });
  }
});
