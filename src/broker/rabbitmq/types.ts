/**
 * The simulated RabbitMQ's plain-data state, commands (AMQP 0-9-1 methods plus a few broker-level
 * actions) and events, named as RabbitMQ names them. Everything is JSON-serialisable.
 */
import type { ClockState } from '../core/clock.ts';
import type { PrngState } from '../core/prng.ts';

/** The exchange types RabbitMQ ships with. */
export type ExchangeKind = 'direct' | 'fanout' | 'topic' | 'headers';

/** An exchange; the default exchange '' is `direct` and implicitly bound to every queue. */
export interface Exchange {
  readonly name: string;
  readonly kind: ExchangeKind;
  readonly durable: boolean;
  readonly autoDelete: boolean;
}

/** A queue → exchange binding (destination is always a queue here). */
export interface Binding {
  readonly exchange: string;
  readonly queue: string;
  readonly routingKey: string;
  readonly arguments: Readonly<Record<string, unknown>>;
}

/** Message properties a publisher can set (the subset of basic.properties the model acts on). */
export interface MessageProperties {
  /** 2 = persistent, 1 or absent = transient. */
  readonly deliveryMode?: 1 | 2;
  readonly priority?: number;
  /**
   * Per-message TTL in ms, as a decimal string as in AMQP (`'60000'`); anything RabbitMQ cannot
   * read as 0…315360000000 makes basic.publish a 406 channel error (see expiration.ts).
   */
  readonly expiration?: string;
  readonly headers?: Readonly<Record<string, unknown>>;
  readonly messageId?: string;
  /** The queue a reply should go to (request-reply / RPC); the broker only carries it. */
  readonly replyTo?: string;
  /** Set by the client, echoed by the server's reply, so a reply can be matched to its request. */
  readonly correlationId?: string;
}

/** One entry of the x-death header RabbitMQ adds when it dead-letters a message. */
export interface XDeath {
  readonly queue: string;
  readonly reason: DeadLetterReason;
  readonly count: number;
  readonly exchange: string;
  readonly 'routing-keys': readonly string[];
  /** Virtual ms of the (first) death. */
  readonly time: number;
  readonly 'original-expiration'?: string;
}

/** Why RabbitMQ dead-letters a message. */
export type DeadLetterReason = 'rejected' | 'expired' | 'maxlen';

/** A message copy in one queue (each routed queue gets its own copy with its own `id`). */
export interface QueuedMessage {
  /** Unique per copy: the unit of "exactly once" accounting. */
  readonly id: number;
  /** The basic.publish this copy came from (dead-lettered copies keep it). */
  readonly publishId: number;
  readonly exchange: string;
  readonly routingKey: string;
  readonly body: string;
  readonly properties: MessageProperties;
  readonly redelivered: boolean;
  /** Position in the queue; a requeued message goes back to it. */
  readonly seq: number;
  /** Effective priority in this queue (0 in a queue without x-max-priority). */
  readonly priority: number;
  /** Virtual ms at which it expires, or null. */
  readonly expiresAt: number | null;
}

/** Queue arguments the model implements. */
export interface QueueArguments {
  readonly 'x-max-priority'?: number;
  readonly 'x-message-ttl'?: number;
  readonly 'x-dead-letter-exchange'?: string;
  readonly 'x-dead-letter-routing-key'?: string;
  readonly 'x-max-length'?: number;
  /**
   * What a full queue (x-max-length) does with one more message: drop its head (the default),
   * refuse the new copy, or refuse it and dead-letter it as `maxlen`.
   */
  readonly 'x-overflow'?: 'drop-head' | 'reject-publish' | 'reject-publish-dlx';
}

/** A queue; `messages` are the ready ones, sorted by (priority desc, seq asc). */
export interface Queue {
  readonly name: string;
  readonly durable: boolean;
  /** Owning connection id for an exclusive queue. */
  readonly exclusiveTo: string | null;
  readonly autoDelete: boolean;
  readonly arguments: QueueArguments;
  readonly messages: readonly QueuedMessage[];
  readonly nextSeq: number;
  /** Consumer tags with free prefetch credit, in round-robin order (next served first). */
  readonly active: readonly string[];
  /** Whether a consumer ever subscribed (auto-delete only fires after that). */
  readonly hadConsumer: boolean;
}

/** A consumer on a channel. */
export interface Consumer {
  readonly tag: string;
  readonly channel: string;
  readonly queue: string;
  readonly noAck: boolean;
  /** Max unacked deliveries (0 = unlimited), fixed by the channel's basic.qos at consume time. */
  readonly prefetch: number;
  readonly unacked: number;
}

/** A delivered, not yet acknowledged message on a channel. */
export interface Unacked {
  readonly deliveryTag: number;
  readonly consumerTag: string | null;
  readonly queue: string;
  readonly message: QueuedMessage;
  /** Virtual ms of the delivery: consumer_timeout counts from it. */
  readonly deliveredAt: number;
}

/** A channel: delivery tags, unacked deliveries and the prefetch that new consumers get. */
export interface Channel {
  readonly id: string;
  readonly connection: string;
  readonly prefetch: number;
  readonly nextDeliveryTag: number;
  readonly unacked: readonly Unacked[];
  readonly consumers: readonly string[];
  /** consumer_timeout in ms as it was when the channel opened (RabbitMQ reads it then); null = off. */
  readonly consumerTimeout: number | null;
}

/** A client connection. */
export interface Connection {
  readonly id: string;
  readonly channels: readonly string[];
}

/** The whole broker. */
export interface RabbitState {
  readonly clock: ClockState<never>;
  /** Seeded randomness for server-generated names (amq.gen-…, amq.ctag-…). */
  readonly prng: PrngState;
  readonly exchanges: Readonly<Record<string, Exchange>>;
  /** Queue names in declaration order (dispatch and listings follow it). */
  readonly queueOrder: readonly string[];
  readonly queues: Readonly<Record<string, Queue>>;
  readonly bindings: readonly Binding[];
  readonly connections: Readonly<Record<string, Connection>>;
  readonly channels: Readonly<Record<string, Channel>>;
  readonly consumers: Readonly<Record<string, Consumer>>;
  readonly nextPublishId: number;
  readonly nextMessageId: number;
  /**
   * The node's consumer_timeout (rabbitmq.conf) in ms, 30 minutes by default since 3.8.15; null =
   * off. A channel whose oldest unacked delivery is older is closed with 406 and its messages requeued.
   */
  readonly consumerTimeout: number | null;
}
