/**
 * Commands for the simulated RabbitMQ: AMQP 0-9-1 methods a client sends (named as in the spec)
 * plus broker-level actions (time passing, a restart, a consumer process crashing).
 */
import type { ExchangeKind, MessageProperties, QueueArguments } from './types.ts';

/** Every command the model accepts; `channel` is optional where a management action would do. */
export type RabbitCommand =
  | { readonly type: 'connection.open'; readonly connection: string }
  | { readonly type: 'connection.close'; readonly connection: string }
  /** The client process dies: its TCP connection drops, as a close without the handshake. */
  | { readonly type: 'consumer.crash'; readonly connection: string }
  | { readonly type: 'channel.open'; readonly connection: string; readonly channel: string }
  | { readonly type: 'channel.close'; readonly channel: string }
  | {
      readonly type: 'exchange.declare';
      readonly channel?: string;
      readonly exchange: string;
      readonly kind: ExchangeKind;
      readonly durable?: boolean;
      readonly autoDelete?: boolean;
      readonly passive?: boolean;
    }
  | {
      readonly type: 'exchange.delete';
      readonly channel?: string;
      readonly exchange: string;
      readonly ifUnused?: boolean;
    }
  | {
      readonly type: 'queue.declare';
      readonly channel?: string;
      /** '' asks the server for a name (amq.gen-…). */
      readonly queue: string;
      readonly durable?: boolean;
      readonly exclusive?: boolean;
      readonly autoDelete?: boolean;
      readonly passive?: boolean;
      readonly arguments?: QueueArguments;
    }
  | {
      readonly type: 'queue.bind' | 'queue.unbind';
      readonly channel?: string;
      readonly queue: string;
      readonly exchange: string;
      readonly routingKey?: string;
      readonly arguments?: Readonly<Record<string, unknown>>;
    }
  | { readonly type: 'queue.purge'; readonly channel?: string; readonly queue: string }
  | {
      readonly type: 'queue.delete';
      readonly channel?: string;
      readonly queue: string;
      readonly ifUnused?: boolean;
      readonly ifEmpty?: boolean;
    }
  | {
      readonly type: 'basic.publish';
      readonly channel?: string;
      readonly exchange: string;
      readonly routingKey: string;
      readonly body?: string;
      readonly mandatory?: boolean;
      readonly properties?: MessageProperties;
    }
  | { readonly type: 'basic.qos'; readonly channel: string; readonly prefetchCount: number }
  | {
      readonly type: 'basic.consume';
      readonly channel: string;
      readonly queue: string;
      /** Omitted: the server generates amq.ctag-…. */
      readonly consumerTag?: string;
      readonly noAck?: boolean;
    }
  | { readonly type: 'basic.cancel'; readonly channel: string; readonly consumerTag: string }
  | {
      readonly type: 'basic.get';
      readonly channel: string;
      readonly queue: string;
      readonly noAck?: boolean;
    }
  | {
      readonly type: 'basic.ack';
      readonly channel: string;
      readonly deliveryTag: number;
      readonly multiple?: boolean;
    }
  | {
      readonly type: 'basic.nack';
      readonly channel: string;
      readonly deliveryTag: number;
      readonly multiple?: boolean;
      /** Default true, as in AMQP. */
      readonly requeue?: boolean;
    }
  | {
      readonly type: 'basic.reject';
      readonly channel: string;
      readonly deliveryTag: number;
      /** Default true, as in AMQP. */
      readonly requeue?: boolean;
    }
  /** Virtual time passes: TTLs fire. */
  | { readonly type: 'advance'; readonly ms: number }
  /**
   * Sets the node's consumer_timeout in ms (null: off), as rabbitmq.conf or
   * `rabbitmqctl eval 'application:set_env(rabbit, consumer_timeout, N).'` would; channels opened
   * afterwards use it.
   */
  | { readonly type: 'broker.configure'; readonly consumerTimeout: number | null }
  /** The node stops and starts again: only durable things and persistent messages survive. */
  | { readonly type: 'broker.restart' };
