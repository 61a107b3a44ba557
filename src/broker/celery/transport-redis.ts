/**
 * Celery over Redis, as kombu's Redis transport does it: `apply_async` is LPUSH onto the queue's
 * list, a worker takes with BRPOP (so the list is FIFO), and every delivered message is also
 * stored in the `unacked` hash (HSET) with its delivery time in `unacked_index`. Ack is HDEL.
 * Nothing notices a dead worker: a message unacked for longer than `visibility_timeout` is put
 * back with RPUSH (so it is the next one BRPOP takes) and flagged redelivered — whether or not
 * its worker is still alive, which is why long ETAs on Redis can run twice. Every Redis command
 * goes through the simulated Redis of src/broker/redis.
 *
 * Simplified: this puts a message back the moment its timeout passes. In kombu (5.2.4, Debian's)
 * a consuming worker does it, in QoS.restore_visible: called when the worker starts polling
 * (MultiChannelPoller.on_poll_init) and every 10 s after (register_with_event_loop), acting on one
 * call in ten (interval=10) — at its start, +100 s, +200 s… So a real restore comes up to 100 s
 * after the timeout (negligible against the default hour), and none while no worker runs.
 */
import { stepRedis, type RedisCommand, type RedisReply, type RedisState } from '../redis/index.ts';
import { initRedis } from '../redis/index.ts';
import type { Delivery, Transport, TransportStep } from './transport.ts';
import type { TaskMessage } from './types.ts';

/** kombu's body in the list: the task message and the `redelivered` header it sets on restore. */
interface Payload {
  readonly message: TaskMessage;
  readonly redelivered: boolean;
}

/** kombu's `unacked_index` sorted set (delivery tag → delivery time), kept beside the server. */
interface Unacked {
  readonly deliveryTag: number;
  readonly consumer: string;
  readonly deliveredAt: number;
  readonly taskId: string;
}

/**
 * The Redis transport's data: the simulated Redis server (src/broker/redis) holding the queue
 * list and kombu's `unacked` hash, plus the index the server would keep as a sorted set (the
 * Redis model has no ZADD, so the scores live here).
 */
export interface RedisTransportState {
  readonly kind: 'redis';
  readonly key: string;
  readonly server: RedisState;
  readonly unacked: readonly Unacked[];
  readonly nextDeliveryTag: number;
  readonly visibilityTimeoutMs: number;
}

/** The connection kombu publishes from. */
const PRODUCER = 'celery-app';
/** kombu's hash of unacked messages (`unacked` by default). */
const UNACKED_KEY = 'unacked';

/** Redis commands kombu sends, as events. */
export type RedisTransportEvent =
  | {
      readonly type: 'LPUSH';
      readonly at: number;
      readonly key: string;
      readonly taskId: string;
      readonly length: number;
      /** A rejected delivery put back (QoS.reject → restore_by_tag(leftmost=True)), not a publish. */
      readonly redelivered?: true;
      readonly deliveryTag?: number;
    }
  | {
      readonly type: 'BRPOP';
      readonly at: number;
      readonly key: string;
      readonly client: string;
      readonly taskId: string;
      readonly deliveryTag: number;
      readonly redelivered: boolean;
    }
  | {
      readonly type: 'HDEL';
      readonly at: number;
      readonly key: 'unacked';
      readonly deliveryTag: number;
      readonly taskId: string;
    }
  | {
      readonly type: 'RPUSH';
      readonly at: number;
      readonly key: string;
      readonly taskId: string;
      readonly deliveryTag: number;
      readonly redelivered: true;
    };

/** A Redis transport for queue `key` with kombu's visibility timeout (default 3600 s). */
export function createRedisTransport(
  key: string,
  visibilityTimeoutMs: number,
): RedisTransportState {
  if (!(visibilityTimeoutMs > 0) || !Number.isFinite(visibilityTimeoutMs)) {
    throw new RangeError(
      `visibility timeout must be a finite number > 0 ms, got ${visibilityTimeoutMs}`,
    );
  }
  return {
    kind: 'redis',
    key,
    server: initRedis(),
    unacked: [],
    nextDeliveryTag: 1,
    visibilityTimeoutMs,
  };
}

type R = RedisTransportState;

/** Sends commands to the simulated Redis at time `now`; returns the server and the last reply. */
function send(
  server: RedisState,
  now: number,
  commands: readonly RedisCommand[],
): { server: RedisState; reply: RedisReply } {
  let s = server;
  // The server keeps its own virtual clock; bring it to Celery's time first.
  if (s.clock.now < now) s = stepRedis(s, { type: 'advance', ms: now - s.clock.now }).state;
  let reply: RedisReply = null;
  for (const command of commands) {
    const result = stepRedis(s, command);
    s = result.state;
    for (const e of result.events) if ('reply' in e && e.type === command.type) reply = e.reply;
  }
  return { server: s, reply };
}

function listLength(t: R): number {
  const value = t.server.keys[t.key];
  return value?.type === 'list' ? value.items.length : 0;
}

/** Kombu's Redis transport semantics behind Celery's transport interface. */
export const redisTransport: Transport<R> = {
  publish(t, message, now) {
    const body = JSON.stringify({ message, redelivered: false } satisfies Payload);
    const { server, reply } = send(t.server, now, [
      { type: 'LPUSH', client: PRODUCER, key: t.key, values: [body] },
    ]);
    return {
      transport: { ...t, server },
      events: [
        {
          type: 'LPUSH',
          at: now,
          key: t.key,
          taskId: message.taskId,
          length: typeof reply === 'number' ? reply : 0,
        },
      ],
    };
  },

  deliver(t, consumer, now) {
    // kombu only issues BRPOP when it can take a message; with data present it returns at once.
    if (listLength(t) === 0) return { transport: t, events: [], delivery: undefined };
    const popped = send(t.server, now, [
      { type: 'BRPOP', client: consumer, keys: [t.key], timeout: 1 },
    ]);
    // BRPOP replies [key, value]: the value is the message body.
    const body = Array.isArray(popped.reply) ? popped.reply[1] : undefined;
    if (typeof body !== 'string')
      throw new Error('celery/redis: BRPOP on a non-empty list returned nothing');
    const payload = JSON.parse(body) as Payload;
    const deliveryTag = t.nextDeliveryTag;
    // kombu's QoS.append: HSET unacked <tag> <body> (and ZADD unacked_index <now> <tag>).
    const stored = send(popped.server, now, [
      { type: 'HSET', client: consumer, key: UNACKED_KEY, fields: [[String(deliveryTag), body]] },
    ]);
    const delivery: Delivery = {
      deliveryTag,
      message: payload.message,
      redelivered: payload.redelivered,
    };
    const transport: R = {
      ...t,
      server: stored.server,
      unacked: [
        ...t.unacked,
        { deliveryTag, consumer, deliveredAt: now, taskId: payload.message.taskId },
      ],
      nextDeliveryTag: deliveryTag + 1,
    };
    const event: RedisTransportEvent = {
      type: 'BRPOP',
      at: now,
      key: t.key,
      client: consumer,
      taskId: payload.message.taskId,
      deliveryTag,
      redelivered: payload.redelivered,
    };
    return { transport, events: [event], delivery };
  },

  ack(t, consumer, deliveryTag, now) {
    const entry = t.unacked.find((u) => u.deliveryTag === deliveryTag);
    // Already restored by the visibility timeout: kombu's HDEL then removes nothing.
    if (!entry) return { transport: t, events: [] };
    const { server } = send(t.server, now, [
      { type: 'HDEL', client: consumer, key: UNACKED_KEY, fields: [String(deliveryTag)] },
    ]);
    return {
      transport: { ...t, server, unacked: t.unacked.filter((u) => u !== entry) },
      events: [{ type: 'HDEL', at: now, key: 'unacked', deliveryTag, taskId: entry.taskId }],
    };
  },

  // kombu's QoS.reject(tag, requeue=True): restore_by_tag(tag, leftmost=True) takes the body out of
  // the unacked hash and LPUSHes it (the end BRPOP takes last), flagged redelivered; then ack.
  requeue(t, consumer, deliveryTag, now) {
    const entry = t.unacked.find((u) => u.deliveryTag === deliveryTag);
    if (!entry) return { transport: t, events: [] };
    const field = String(deliveryTag);
    const hash = t.server.keys[UNACKED_KEY];
    const body = hash?.type === 'hash' ? hash.entries.find(([f]) => f === field)?.[1] : undefined;
    if (body === undefined) throw new Error(`celery/redis: no unacked body for tag ${field}`);
    const payload = JSON.parse(body) as Payload;
    const restored = JSON.stringify({
      message: payload.message,
      redelivered: true,
    } satisfies Payload);
    const { server, reply } = send(t.server, now, [
      { type: 'HDEL', client: consumer, key: UNACKED_KEY, fields: [field] },
      { type: 'LPUSH', client: consumer, key: t.key, values: [restored] },
    ]);
    return {
      transport: { ...t, server, unacked: t.unacked.filter((u) => u !== entry) },
      events: [
        {
          type: 'LPUSH',
          at: now,
          key: t.key,
          taskId: entry.taskId,
          length: typeof reply === 'number' ? reply : 0,
          redelivered: true,
          deliveryTag,
        },
      ],
    };
  },

  // Redis has no idea a client died with work in hand; the visibility timeout is the only way back.
  consumerLost(t) {
    return { transport: t, events: [] };
  },

  nextRestoreAt(t) {
    let first: number | undefined;
    for (const u of t.unacked) {
      const at = u.deliveredAt + t.visibilityTimeoutMs;
      if (first === undefined || at < first) first = at;
    }
    return first;
  },

  restoreDue(t, now): TransportStep<R> {
    const due = t.unacked.filter((u) => u.deliveredAt + t.visibilityTimeoutMs <= now);
    if (due.length === 0) return { transport: t, events: [] };
    // kombu walks unacked_index with ZREVRANGEBYSCORE (newest first) and RPUSHes each to the right
    // end, the end BRPOP pops: so the oldest restored message is taken first.
    const ordered = due
      .slice()
      .sort((a, b) => b.deliveredAt - a.deliveredAt || b.deliveryTag - a.deliveryTag);
    let server = t.server;
    const events: RedisTransportEvent[] = [];
    for (const u of ordered) {
      const field = String(u.deliveryTag);
      const hash = server.keys[UNACKED_KEY];
      const body = hash?.type === 'hash' ? hash.entries.find(([f]) => f === field)?.[1] : undefined;
      if (body === undefined) continue;
      const payload = JSON.parse(body) as Payload;
      const restored = JSON.stringify({
        message: payload.message,
        redelivered: true,
      } satisfies Payload);
      // restore_by_tag: HGET, then in one transaction ZREM + HDEL + RPUSH.
      server = send(server, now, [
        { type: 'HDEL', client: PRODUCER, key: UNACKED_KEY, fields: [field] },
        { type: 'RPUSH', client: PRODUCER, key: t.key, values: [restored] },
      ]).server;
      events.push({
        type: 'RPUSH',
        at: now,
        key: t.key,
        taskId: u.taskId,
        deliveryTag: u.deliveryTag,
        redelivered: true,
      });
    }
    return {
      transport: { ...t, server, unacked: t.unacked.filter((u) => !due.includes(u)) },
      events,
    };
  },

  readyCount(t) {
    return listLength(t);
  },

  restoresFirstOnTie: false,
};
