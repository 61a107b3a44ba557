/**
 * Celery over RabbitMQ (AMQP 0-9-1 via kombu/py-amqp): `apply_async` is basic.publish to the
 * default exchange with the queue's name as routing key (persistent), the worker receives within
 * its prefetch window and sends basic.ack. When a consumer's connection dies, RabbitMQ requeues
 * every message it had not acked, at once, with redelivered=true, at their original positions.
 *
 * Every AMQP method goes through the simulated RabbitMQ of src/broker/rabbitmq. The worker's
 * prefetch window (Celery's, including the extra credit for ETA tasks) is decided by the Celery
 * model, which then pulls exactly one message per delivery with basic.get: the same deliveries,
 * in the same round-robin order, that a push consumer with that credit would get, so the events
 * report them as basic.deliver, as Celery's consumer sees them.
 */
import {
  consumerTimeoutAt,
  rabbitModel,
  type RabbitCommand,
  type RabbitEvent,
  type RabbitState,
} from '../rabbitmq/index.ts';
import type { Delivery, Transport } from './transport.ts';
import type { TaskMessage } from './types.ts';

/** The simulated broker plus which connection each worker currently has. */
export interface RabbitTransportState {
  readonly kind: 'rabbitmq';
  readonly queue: string;
  readonly broker: RabbitState;
  /** Worker id → its live connection (and channel) id; a crashed worker reconnects under a new one. */
  readonly connections: Readonly<Record<string, string>>;
  readonly nextConnection: number;
}

const PRODUCER = 'celery-app';
const PRODUCER_CHANNEL = 'celery-app/1';

/** Runs AMQP methods through the broker at time `now`; returns the broker and all its events. */
function amqp(
  broker: RabbitState,
  now: number,
  commands: readonly RabbitCommand[],
): { broker: RabbitState; events: RabbitEvent[] } {
  let b = broker;
  const events: RabbitEvent[] = [];
  const all: RabbitCommand[] =
    b.clock.now < now ? [{ type: 'advance', ms: now - b.clock.now }, ...commands] : [...commands];
  for (const command of all) {
    const r = rabbitModel.step(b, command);
    b = r.state;
    events.push(...r.events);
    const error = r.events.find((e) => e.type === 'channel.close');
    // The worker never sends a method the broker would refuse; if it does, the model is wrong.
    if (error)
      throw new Error(`celery/rabbitmq: broker refused ${command.type}: ${JSON.stringify(error)}`);
  }
  return { broker: b, events };
}

/** AMQP methods and broker actions, as events. */
export type RabbitTransportEvent =
  | {
      readonly type: 'basic.publish';
      readonly at: number;
      readonly exchange: '';
      readonly routingKey: string;
      readonly taskId: string;
    }
  | {
      readonly type: 'basic.deliver';
      readonly at: number;
      readonly consumerTag: string;
      readonly deliveryTag: number;
      readonly redelivered: boolean;
      readonly taskId: string;
    }
  | {
      readonly type: 'basic.ack';
      readonly at: number;
      readonly deliveryTag: number;
      readonly taskId: string;
    }
  | {
      /** The worker rejected a delivery with requeue=true: the broker puts it back in the queue. */
      readonly type: 'basic.reject';
      readonly at: number;
      readonly deliveryTag: number;
      readonly requeue: true;
      readonly taskId: string;
    }
  | {
      /**
       * consumer_timeout: the broker closed the worker's channel (406 PRECONDITION_FAILED) and
       * requeued its unacked messages; the worker then stops (see the Celery model).
       */
      readonly type: 'channel.close';
      readonly at: number;
      readonly consumerTag: string;
      readonly replyCode: number;
      readonly replyText: string;
      readonly taskIds: readonly string[];
    }
  | {
      /** The connection closed without acks: the broker requeues the consumer's unacked messages. */
      readonly type: 'requeue';
      readonly at: number;
      readonly consumerTag: string;
      readonly deliveryTags: readonly number[];
      readonly taskIds: readonly string[];
    };

/**
 * A broker with a durable queue named `queue` (Celery's default is `celery`) and a publisher
 * channel, whose node closes a channel holding a delivery unacked for `consumerTimeoutMs`
 * (RabbitMQ's consumer_timeout; null = off).
 */
export function createRabbitTransport(
  queue: string,
  consumerTimeoutMs: number | null,
): RabbitTransportState {
  const { broker } = amqp(rabbitModel.init(0), 0, [
    { type: 'broker.configure', consumerTimeout: consumerTimeoutMs },
    { type: 'connection.open', connection: PRODUCER },
    { type: 'channel.open', connection: PRODUCER, channel: PRODUCER_CHANNEL },
    { type: 'queue.declare', channel: PRODUCER_CHANNEL, queue, durable: true },
  ]);
  return { kind: 'rabbitmq', queue, broker, connections: {}, nextConnection: 1 };
}

type Q = RabbitTransportState;

const channelOf = (connection: string): string => `${connection}/1`;

const taskIdOf = (body: string): string => (JSON.parse(body) as TaskMessage).taskId;

/** The channel and task id of a delivery `consumer` holds unacked; throws, naming `method`, if none. */
function heldDelivery(
  t: Q,
  consumer: string,
  deliveryTag: number,
  method: string,
): { channel: string; taskId: string } {
  const connection = t.connections[consumer];
  if (!connection) throw new RangeError(`${method}: ${consumer} has no connection`);
  const channel = channelOf(connection);
  const entry = t.broker.channels[channel]?.unacked.find((u) => u.deliveryTag === deliveryTag);
  if (!entry)
    throw new RangeError(`${method}: unknown delivery tag ${deliveryTag} for ${consumer}`);
  return { channel, taskId: taskIdOf(entry.message.body) };
}

/** The worker's connection, opened (with one channel) on first use after start or a crash. */
function connectionFor(t: Q, consumer: string, now: number): { t: Q; connection: string } {
  const existing = t.connections[consumer];
  if (existing) return { t, connection: existing };
  const connection = `${consumer}#${t.nextConnection}`;
  const { broker } = amqp(t.broker, now, [
    { type: 'connection.open', connection },
    { type: 'channel.open', connection, channel: channelOf(connection) },
  ]);
  return {
    t: {
      ...t,
      broker,
      connections: { ...t.connections, [consumer]: connection },
      nextConnection: t.nextConnection + 1,
    },
    connection,
  };
}

/** RabbitMQ's queue semantics behind Celery's transport interface. */
export const rabbitTransport: Transport<Q> = {
  publish(t, message, now) {
    const { broker } = amqp(t.broker, now, [
      {
        type: 'basic.publish',
        channel: PRODUCER_CHANNEL,
        exchange: '',
        routingKey: t.queue,
        body: JSON.stringify(message),
        properties: { deliveryMode: 2 },
      },
    ]);
    return {
      transport: { ...t, broker },
      events: [
        {
          type: 'basic.publish',
          at: now,
          exchange: '',
          routingKey: t.queue,
          taskId: message.taskId,
        },
      ],
    };
  },

  deliver(t0, consumer, now) {
    if (rabbitTransport.readyCount(t0) === 0)
      return { transport: t0, events: [], delivery: undefined };
    const { t, connection } = connectionFor(t0, consumer, now);
    const { broker, events } = amqp(t.broker, now, [
      { type: 'basic.get', channel: channelOf(connection), queue: t.queue },
    ]);
    const got = events.find((e) => e.type === 'basic.get-ok');
    if (!got || got.type !== 'basic.get-ok')
      return { transport: { ...t, broker }, events: [], delivery: undefined };
    const message = JSON.parse(got.body) as TaskMessage;
    const delivery: Delivery = {
      deliveryTag: got.deliveryTag,
      message,
      redelivered: got.redelivered,
    };
    return {
      transport: { ...t, broker },
      events: [
        {
          type: 'basic.deliver',
          at: now,
          consumerTag: consumer,
          deliveryTag: got.deliveryTag,
          redelivered: got.redelivered,
          taskId: message.taskId,
        },
      ],
      delivery,
    };
  },

  ack(t, consumer, deliveryTag, now) {
    const { channel, taskId } = heldDelivery(t, consumer, deliveryTag, 'basic.ack');
    const { broker } = amqp(t.broker, now, [{ type: 'basic.ack', channel, deliveryTag }]);
    return {
      transport: { ...t, broker },
      events: [{ type: 'basic.ack', at: now, deliveryTag, taskId }],
    };
  },

  requeue(t, consumer, deliveryTag, now) {
    const { channel, taskId } = heldDelivery(t, consumer, deliveryTag, 'basic.reject');
    const { broker } = amqp(t.broker, now, [
      { type: 'basic.reject', channel, deliveryTag, requeue: true },
    ]);
    return {
      transport: { ...t, broker },
      events: [{ type: 'basic.reject', at: now, deliveryTag, requeue: true, taskId }],
    };
  },

  consumerLost(t, consumer, now) {
    const connection = t.connections[consumer];
    if (!connection) return { transport: t, events: [] };
    const unacked = t.broker.channels[channelOf(connection)]?.unacked ?? [];
    const { broker } = amqp(t.broker, now, [{ type: 'consumer.crash', connection }]);
    const connections = Object.fromEntries(
      Object.entries(t.connections).filter(([id]) => id !== consumer),
    );
    const transport: Q = { ...t, broker, connections };
    if (unacked.length === 0) return { transport, events: [] };
    return {
      transport,
      events: [
        {
          type: 'requeue',
          at: now,
          consumerTag: consumer,
          deliveryTags: unacked.map((u) => u.deliveryTag),
          taskIds: unacked.map((u) => taskIdOf(u.message.body)),
        },
      ],
    };
  },

  // RabbitMQ has no visibility timeout; its consumer_timeout (rabbit_channel's
  // evaluate_consumer_timeout, on the oldest unacked delivery) closes a worker's channel.
  nextRestoreAt(t) {
    let first: number | undefined;
    for (const connection of Object.values(t.connections)) {
      const channel = t.broker.channels[channelOf(connection)];
      const at = channel && consumerTimeoutAt(channel);
      if (at !== undefined && (first === undefined || at < first)) first = at;
    }
    return first;
  },

  restoreDue(t, now) {
    if (t.broker.clock.now >= now) return { transport: t, events: [] };
    const held = new Map(
      Object.entries(t.connections).map(([consumer, connection]) => [
        channelOf(connection),
        {
          consumer,
          connection,
          taskIds: (t.broker.channels[channelOf(connection)]?.unacked ?? []).map((u) =>
            taskIdOf(u.message.body),
          ),
        },
      ]),
    );
    const r = rabbitModel.step(t.broker, { type: 'advance', ms: now - t.broker.clock.now });
    let broker = r.state;
    const connections = { ...t.connections };
    const events: RabbitTransportEvent[] = [];
    for (const e of r.events) {
      if (e.type !== 'channel.close') continue;
      const worker = e.channel === null ? undefined : held.get(e.channel);
      if (!worker) throw new Error(`celery/rabbitmq: unexpected close ${JSON.stringify(e)}`);
      // The worker process exits (Celery: «Unrecoverable error»), closing its connection.
      broker = amqp(broker, now, [
        { type: 'connection.close', connection: worker.connection },
      ]).broker;
      delete connections[worker.consumer];
      events.push({
        type: 'channel.close',
        at: now,
        consumerTag: worker.consumer,
        replyCode: e.replyCode,
        replyText: e.replyText,
        taskIds: worker.taskIds,
      });
    }
    return { transport: { ...t, broker, connections }, events };
  },

  restoresFirstOnTie: true,

  readyCount(t) {
    return t.broker.queues[t.queue]?.messages.length ?? 0;
  },
};
