/**
 * The narrow broker interface Celery needs (what kombu gives it): publish a task message,
 * deliver one to a worker, ack it, and what happens to a lost worker's unacked messages. Two
 * implementations: Redis lists (LPUSH/BRPOP with kombu's unacked hash and visibility timeout)
 * and an AMQP queue (unacked messages are requeued when the connection dies).
 */
import type { TaskMessage } from './types.ts';
import {
  redisTransport,
  type RedisTransportState,
  type RedisTransportEvent,
} from './transport-redis.ts';
import {
  rabbitTransport,
  type RabbitTransportState,
  type RabbitTransportEvent,
} from './transport-rabbitmq.ts';

/** A message handed to a consumer. */
export interface Delivery {
  readonly deliveryTag: number;
  readonly message: TaskMessage;
  readonly redelivered: boolean;
}

/** The result of a transport operation: the next transport state and what the broker did. */
export interface TransportStep<T> {
  readonly transport: T;
  readonly events: readonly TransportEvent[];
}

/** Broker operations over plain-data state `T`; all pure. */
export interface Transport<T> {
  /** Celery's `apply_async`: the message goes into the queue. */
  publish(t: T, message: TaskMessage, now: number): TransportStep<T>;
  /** One message for `consumer`, if any is ready (BRPOP / basic.deliver). */
  deliver(
    t: T,
    consumer: string,
    now: number,
  ): TransportStep<T> & { delivery: Delivery | undefined };
  /** The worker acknowledges a delivery. */
  ack(t: T, consumer: string, deliveryTag: number, now: number): TransportStep<T>;
  /** The worker rejects a delivery with requeue (kombu's `message.reject(requeue=True)`). */
  requeue(t: T, consumer: string, deliveryTag: number, now: number): TransportStep<T>;
  /** The worker's process died without a goodbye (kill -9, OOM, power loss). */
  consumerLost(t: T, consumer: string, now: number): TransportStep<T>;
  /**
   * When the broker next acts on its own clock, if ever: Redis's visibility timeout restores
   * unacked messages; RabbitMQ's consumer_timeout closes a worker's channel.
   */
  nextRestoreAt(t: T): number | undefined;
  /** Does whatever is due at `now`. */
  restoreDue(t: T, now: number): TransportStep<T>;
  /**
   * Whether that comes before a worker's own timer at the same moment. RabbitMQ closes a timed-out
   * channel before any method the worker sends at that moment; Redis restores only what a worker
   * finishing at that moment has not acked.
   */
  readonly restoresFirstOnTie: boolean;
  /** Messages waiting in the queue. */
  readyCount(t: T): number;
}

/** The transport's state inside the Celery state. */
export type TransportState = RedisTransportState | RabbitTransportState;

/** What the broker did, in its own words. */
export type TransportEvent = RedisTransportEvent | RabbitTransportEvent;

/** The implementation for a transport state (state is data; the functions live here). */
export function transportFor(t: TransportState): Transport<TransportState> {
  // The cast is safe: each implementation is only ever called with its own kind of state.
  return (t.kind === 'redis' ? redisTransport : rabbitTransport) as Transport<TransportState>;
}
