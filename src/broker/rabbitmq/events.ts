/**
 * What the simulated RabbitMQ reports, in RabbitMQ's words: protocol replies (`queue.declare-ok`,
 * `basic.deliver`, `basic.return`, `channel.close` with a reply code) and the fate of every
 * message copy (`basic.ack`, dead-lettering, expiry, loss at a restart).
 */
import type { DeadLetterReason, MessageProperties } from './types.ts';

/** Why a message copy left the broker without being acked or dead-lettered. */
export type DropReason =
  | 'expired'
  | 'maxlen'
  | 'rejected'
  | 'purged'
  | 'queue-deleted'
  | 'transient-lost-on-restart'
  /** A full queue with x-overflow reject-publish refused the copy (a publisher in confirm mode gets basic.nack). */
  | 'reject-publish';

/** Every event the model emits. */
export type RabbitEvent =
  | { readonly type: 'connection.open-ok'; readonly connection: string }
  | { readonly type: 'connection.close-ok'; readonly connection: string; readonly abrupt: boolean }
  | { readonly type: 'channel.open-ok'; readonly channel: string }
  | { readonly type: 'channel.close-ok'; readonly channel: string }
  /** A channel error: RabbitMQ closes the channel with this reply (404 NOT_FOUND, 406, 403, 405). */
  | {
      readonly type: 'channel.close';
      readonly channel: string | null;
      readonly replyCode: number;
      readonly replyText: string;
      readonly method: string;
    }
  | { readonly type: 'exchange.declare-ok'; readonly exchange: string }
  | { readonly type: 'exchange.delete-ok'; readonly exchange: string }
  | {
      readonly type: 'queue.declare-ok';
      readonly queue: string;
      readonly messageCount: number;
      readonly consumerCount: number;
    }
  | {
      readonly type: 'queue.bind-ok';
      readonly queue: string;
      readonly exchange: string;
      readonly routingKey: string;
    }
  | {
      readonly type: 'queue.unbind-ok';
      readonly queue: string;
      readonly exchange: string;
      readonly routingKey: string;
    }
  | { readonly type: 'queue.purge-ok'; readonly queue: string; readonly messageCount: number }
  | { readonly type: 'queue.delete-ok'; readonly queue: string; readonly messageCount: number }
  /** A queue the broker deleted by itself (auto-delete, exclusive owner gone, transient at restart). */
  | { readonly type: 'queue.deleted'; readonly queue: string; readonly reason: string }
  /** A publish and the copies it made (`messageIds[i]` went to `queues[i]`). */
  | {
      readonly type: 'basic.publish';
      readonly publishId: number;
      readonly exchange: string;
      readonly routingKey: string;
      readonly queues: readonly string[];
      readonly messageIds: readonly number[];
    }
  | {
      readonly type: 'basic.return';
      readonly publishId: number;
      readonly replyCode: 312;
      readonly replyText: 'NO_ROUTE';
      readonly exchange: string;
      readonly routingKey: string;
    }
  | { readonly type: 'basic.qos-ok'; readonly channel: string; readonly prefetchCount: number }
  | { readonly type: 'basic.consume-ok'; readonly channel: string; readonly consumerTag: string }
  | { readonly type: 'basic.cancel-ok'; readonly channel: string; readonly consumerTag: string }
  /** The server cancelled a consumer (its queue was deleted). */
  | { readonly type: 'basic.cancel'; readonly channel: string; readonly consumerTag: string }
  | {
      readonly type: 'basic.deliver' | 'basic.get-ok';
      readonly channel: string;
      readonly consumerTag: string | null;
      readonly deliveryTag: number;
      readonly redelivered: boolean;
      readonly queue: string;
      readonly messageId: number;
      readonly publishId: number;
      readonly exchange: string;
      readonly routingKey: string;
      readonly body: string;
      readonly headers: Readonly<Record<string, unknown>> | undefined;
      /** The basic.properties the publisher set (reply_to, correlation_id, …), as a client sees them. */
      readonly properties: MessageProperties;
      /** With no-ack the delivery is also its acknowledgement. */
      readonly autoAck: boolean;
    }
  | { readonly type: 'basic.get-empty'; readonly channel: string; readonly queue: string }
  /** Settlements: which message copies the client acked, nacked or rejected. */
  | {
      readonly type: 'basic.ack' | 'basic.nack' | 'basic.reject';
      readonly channel: string;
      readonly deliveryTag: number;
      readonly multiple: boolean;
      readonly requeue: boolean;
      readonly messageIds: readonly number[];
    }
  /** An unacked copy went back to its queue (nack/reject requeue, channel closed, restart). */
  | { readonly type: 'requeued'; readonly queue: string; readonly messageId: number }
  | {
      readonly type: 'dead-lettered';
      readonly queue: string;
      readonly messageId: number;
      readonly reason: DeadLetterReason;
      readonly deadLetterExchange: string;
      readonly routingKeys: readonly string[];
      /** The new copies the DLX routed it to (empty: dropped, as RabbitMQ does, silently). */
      readonly newMessageIds: readonly number[];
      readonly queues: readonly string[];
    }
  /** A copy left the broker with no acknowledgement and no dead-lettering. */
  | {
      readonly type: 'dropped';
      readonly queue: string;
      readonly messageId: number;
      readonly reason: DropReason;
    }
  | { readonly type: 'broker.restart'; readonly now: number }
  | { readonly type: 'advance'; readonly now: number };
