/**
 * Celery over Redis, as kombu's Redis transport does it: `apply_async` is LPUSH onto the queue's
 * list, a worker takes with BRPOP (so the list is FIFO), and every delivered message is also
 * stored in the `unacked` hash (HSET) with its delivery time in `unacked_index`. Ack is HDEL.
 * Nothing notices a dead worker: a message unacked for longer than `visibility_timeout` is put
 * back with RPUSH (so it is the next one BRPOP takes) and flagged redelivered — whether or not
 * its worker is still alive, which is why long ETAs on Redis can run twice.
 */
import type { Delivery, Transport, TransportStep } from './transport.ts';
import type { TaskMessage } from './types.ts';

interface QueuedMessage {
  readonly message: TaskMessage;
  readonly redelivered: boolean;
}

interface Unacked {
  readonly deliveryTag: number;
  readonly consumer: string;
  readonly deliveredAt: number;
  readonly message: TaskMessage;
}

/** The Redis transport's data: the list (index 0 is the left end) and the unacked hash. */
export interface RedisTransportState {
  readonly kind: 'redis';
  readonly key: string;
  readonly list: readonly QueuedMessage[];
  readonly unacked: readonly Unacked[];
  readonly nextDeliveryTag: number;
  readonly visibilityTimeoutMs: number;
}

/** Redis commands kombu sends, as events. */
export type RedisTransportEvent =
  | {
      readonly type: 'LPUSH';
      readonly at: number;
      readonly key: string;
      readonly taskId: string;
      readonly length: number;
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
  return { kind: 'redis', key, list: [], unacked: [], nextDeliveryTag: 1, visibilityTimeoutMs };
}

type R = RedisTransportState;

/** Kombu's Redis transport semantics behind Celery's transport interface. */
export const redisTransport: Transport<R> = {
  publish(t, message, now) {
    const list = [{ message, redelivered: false }, ...t.list];
    return {
      transport: { ...t, list },
      events: [{ type: 'LPUSH', at: now, key: t.key, taskId: message.taskId, length: list.length }],
    };
  },

  deliver(t, consumer, now) {
    const last = t.list[t.list.length - 1];
    if (!last) return { transport: t, events: [], delivery: undefined };
    const deliveryTag = t.nextDeliveryTag;
    const delivery: Delivery = {
      deliveryTag,
      message: last.message,
      redelivered: last.redelivered,
    };
    const transport: R = {
      ...t,
      list: t.list.slice(0, -1),
      unacked: [...t.unacked, { deliveryTag, consumer, deliveredAt: now, message: last.message }],
      nextDeliveryTag: deliveryTag + 1,
    };
    const event: RedisTransportEvent = {
      type: 'BRPOP',
      at: now,
      key: t.key,
      client: consumer,
      taskId: last.message.taskId,
      deliveryTag,
      redelivered: last.redelivered,
    };
    return { transport, events: [event], delivery };
  },

  ack(t, _consumer, deliveryTag, now) {
    const entry = t.unacked.find((u) => u.deliveryTag === deliveryTag);
    // Already restored by the visibility timeout: kombu's HDEL then removes nothing.
    if (!entry) return { transport: t, events: [] };
    return {
      transport: { ...t, unacked: t.unacked.filter((u) => u !== entry) },
      events: [
        { type: 'HDEL', at: now, key: 'unacked', deliveryTag, taskId: entry.message.taskId },
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
    const list = [...t.list, ...ordered.map((u) => ({ message: u.message, redelivered: true }))];
    const events: RedisTransportEvent[] = ordered.map((u) => ({
      type: 'RPUSH',
      at: now,
      key: t.key,
      taskId: u.message.taskId,
      deliveryTag: u.deliveryTag,
      redelivered: true,
    }));
    return {
      transport: { ...t, list, unacked: t.unacked.filter((u) => !due.includes(u)) },
      events,
    };
  },

  readyCount(t) {
    return t.list.length;
  },
};
