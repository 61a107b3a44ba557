/**
 * Celery over RabbitMQ (AMQP 0-9-1 via kombu/py-amqp): `apply_async` is basic.publish to the
 * default exchange with the queue's name as routing key, the broker pushes basic.deliver to
 * consumers within their basic.qos prefetch, and the worker sends basic.ack. When a consumer's
 * connection dies, RabbitMQ requeues every message it had not acked, at once, with
 * redelivered=true, back near the head of the queue (their original positions when possible).
 */
import type { Delivery, Transport } from './transport.ts';
import type { TaskMessage } from './types.ts';

interface QueuedMessage {
  readonly message: TaskMessage;
  readonly redelivered: boolean;
}

interface Unacked {
  readonly deliveryTag: number;
  readonly consumer: string;
  readonly message: TaskMessage;
}

/** The queue's ready messages (head first) and the unacked ones, per consumer. */
export interface RabbitTransportState {
  readonly kind: 'rabbitmq';
  readonly queue: string;
  readonly ready: readonly QueuedMessage[];
  readonly unacked: readonly Unacked[];
  /** One counter for the whole run (real tags are per channel) so tags stay unique in a trace. */
  readonly nextDeliveryTag: number;
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
      /** The connection closed without acks: the broker requeues the consumer's unacked messages. */
      readonly type: 'requeue';
      readonly at: number;
      readonly consumerTag: string;
      readonly deliveryTags: readonly number[];
      readonly taskIds: readonly string[];
    };

/** An empty durable queue named `queue` (Celery's default is `celery`). */
export function createRabbitTransport(queue: string): RabbitTransportState {
  return { kind: 'rabbitmq', queue, ready: [], unacked: [], nextDeliveryTag: 1 };
}

type Q = RabbitTransportState;

/** RabbitMQ's queue semantics behind Celery's transport interface. */
export const rabbitTransport: Transport<Q> = {
  publish(t, message, now) {
    return {
      transport: { ...t, ready: [...t.ready, { message, redelivered: false }] },
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

  deliver(t, consumer, now) {
    const head = t.ready[0];
    if (!head) return { transport: t, events: [], delivery: undefined };
    const deliveryTag = t.nextDeliveryTag;
    const delivery: Delivery = {
      deliveryTag,
      message: head.message,
      redelivered: head.redelivered,
    };
    return {
      transport: {
        ...t,
        ready: t.ready.slice(1),
        unacked: [...t.unacked, { deliveryTag, consumer, message: head.message }],
        nextDeliveryTag: deliveryTag + 1,
      },
      events: [
        {
          type: 'basic.deliver',
          at: now,
          consumerTag: consumer,
          deliveryTag,
          redelivered: head.redelivered,
          taskId: head.message.taskId,
        },
      ],
      delivery,
    };
  },

  ack(t, consumer, deliveryTag, now) {
    const entry = t.unacked.find((u) => u.deliveryTag === deliveryTag && u.consumer === consumer);
    if (!entry) {
      // A real broker closes the channel with PRECONDITION_FAILED 406; the worker never does this.
      throw new RangeError(`basic.ack: unknown delivery tag ${deliveryTag} for ${consumer}`);
    }
    return {
      transport: { ...t, unacked: t.unacked.filter((u) => u !== entry) },
      events: [{ type: 'basic.ack', at: now, deliveryTag, taskId: entry.message.taskId }],
    };
  },

  consumerLost(t, consumer, now) {
    const lost = t.unacked
      .filter((u) => u.consumer === consumer)
      .sort((a, b) => a.deliveryTag - b.deliveryTag);
    if (lost.length === 0) return { transport: t, events: [] };
    const back = lost.map((u) => ({ message: u.message, redelivered: true }));
    return {
      transport: {
        ...t,
        ready: [...back, ...t.ready],
        unacked: t.unacked.filter((u) => u.consumer !== consumer),
      },
      events: [
        {
          type: 'requeue',
          at: now,
          consumerTag: consumer,
          deliveryTags: lost.map((u) => u.deliveryTag),
          taskIds: lost.map((u) => u.message.taskId),
        },
      ],
    };
  },

  // RabbitMQ has no visibility timeout: only a closed connection brings messages back.
  nextRestoreAt() {
    return undefined;
  },

  restoreDue(t) {
    return { transport: t, events: [] };
  },

  readyCount(t) {
    return t.ready.length;
  },
};
