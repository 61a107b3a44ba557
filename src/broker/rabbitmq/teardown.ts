/**
 * Taking things down, which RabbitMQ does in a cascade: a closed channel requeues its unacked
 * messages and cancels its consumers; a queue losing its last consumer may auto-delete; a closed
 * connection closes its channels and deletes its exclusive queues; a channel error closes the channel.
 */
import { drop, own, type Ctx } from './draft.ts';
import { dropMessage, enforceMaxLength, insertMessage } from './queue-ops.ts';
import type { Unacked } from './types.ts';

/** Puts an unacked copy back at its old position, flagged redelivered; gone if its queue is gone. */
export function requeue(ctx: Ctx, entry: Unacked): void {
  const queue = own(ctx.s.queues, entry.queue);
  if (!queue) {
    dropMessage(ctx, entry.queue, entry.message, 'queue-deleted');
    return;
  }
  insertMessage(queue, { ...entry.message, redelivered: true });
  ctx.events.push({ type: 'requeued', queue: entry.queue, messageId: entry.message.id });
}

/**
 * Requeues unacked copies, then trims each queue they went back to to its x-max-length, as
 * rabbit_amqqueue_process:requeue_and_run does before it delivers again: the requeued copies are
 * back at the head, so they are the ones dropped (dead-lettered as maxlen).
 */
export function requeueAll(ctx: Ctx, entries: readonly Unacked[]): void {
  for (const entry of entries) requeue(ctx, entry);
  for (const name of new Set(entries.map((e) => e.queue))) {
    const queue = own(ctx.s.queues, name);
    if (queue) enforceMaxLength(ctx, queue);
  }
}

/** Deletes a queue: ready copies are dropped, its consumers cancelled, its bindings removed. */
export function deleteQueue(ctx: Ctx, name: string, reason: string | null): number {
  const queue = own(ctx.s.queues, name);
  if (!queue) return 0;
  const count = queue.messages.length;
  for (const message of queue.messages) dropMessage(ctx, name, message, 'queue-deleted');
  drop(ctx.s.queues, name);
  ctx.s.queueOrder = ctx.s.queueOrder.filter((q) => q !== name);
  for (const consumer of Object.values(ctx.s.consumers)) {
    if (consumer.queue !== name) continue;
    drop(ctx.s.consumers, consumer.tag);
    const channel = own(ctx.s.channels, consumer.channel);
    if (channel) channel.consumers = channel.consumers.filter((t) => t !== consumer.tag);
    // RabbitMQ tells the client (consumer_cancel_notify); amqplib then calls back with null.
    ctx.events.push({ type: 'basic.cancel', channel: consumer.channel, consumerTag: consumer.tag });
  }
  removeBindings(ctx, (b) => b.queue === name);
  if (reason !== null) ctx.events.push({ type: 'queue.deleted', queue: name, reason });
  return count;
}

/** Removes bindings and auto-deletes exchanges that thereby lost their last binding. */
export function removeBindings(
  ctx: Ctx,
  doomed: (b: Ctx['s']['bindings'][number]) => boolean,
): void {
  const removed = ctx.s.bindings.filter(doomed);
  if (removed.length === 0) return;
  ctx.s.bindings = ctx.s.bindings.filter((b) => !doomed(b));
  for (const name of new Set(removed.map((b) => b.exchange))) {
    const exchange = own(ctx.s.exchanges, name);
    if (exchange?.autoDelete && !ctx.s.bindings.some((b) => b.exchange === name)) {
      drop(ctx.s.exchanges, name);
      ctx.events.push({ type: 'exchange.delete-ok', exchange: name });
    }
  }
}

/** Cancels a consumer; an auto-delete queue whose last consumer this was is deleted. */
export function removeConsumer(ctx: Ctx, tag: string): void {
  const consumer = own(ctx.s.consumers, tag);
  if (!consumer) return;
  drop(ctx.s.consumers, tag);
  const channel = own(ctx.s.channels, consumer.channel);
  if (channel) channel.consumers = channel.consumers.filter((t) => t !== tag);
  const queue = own(ctx.s.queues, consumer.queue);
  if (!queue) return;
  queue.active = queue.active.filter((t) => t !== tag);
  const left = Object.values(ctx.s.consumers).some((c) => c.queue === queue.name);
  if (queue.autoDelete && !left)
    deleteQueue(ctx, queue.name, 'auto-delete: last consumer cancelled');
}

/** Closes a channel: unacked copies are requeued (redelivered), then its consumers are cancelled. */
export function closeChannel(ctx: Ctx, id: string): void {
  const channel = own(ctx.s.channels, id);
  if (!channel) return;
  // Requeue first, as the queue process does on the channel's 'DOWN': an auto-delete queue
  // that then loses its last consumer takes the requeued messages with it.
  const unacked = channel.unacked;
  channel.unacked = [];
  requeueAll(ctx, unacked);
  for (const tag of channel.consumers.slice()) removeConsumer(ctx, tag);
  drop(ctx.s.channels, id);
  const connection = own(ctx.s.connections, channel.connection);
  if (connection) connection.channels = connection.channels.filter((c) => c !== id);
}

/** Closes a connection: its channels close, then its exclusive queues are deleted. */
export function closeConnection(ctx: Ctx, id: string): void {
  const connection = own(ctx.s.connections, id);
  if (!connection) return;
  for (const channel of connection.channels.slice()) closeChannel(ctx, channel);
  drop(ctx.s.connections, id);
  for (const name of ctx.s.queueOrder.slice()) {
    if (own(ctx.s.queues, name)?.exclusiveTo === id)
      deleteQueue(ctx, name, 'exclusive: owner connection closed');
  }
}

/** AMQP reply codes RabbitMQ closes a channel with. */
export const REPLY = {
  ACCESS_REFUSED: 403,
  NOT_FOUND: 404,
  RESOURCE_LOCKED: 405,
  PRECONDITION_FAILED: 406,
  CHANNEL_ERROR: 504,
} as const;

/**
 * A reply text as it goes on the wire: AMQP's shortstr holds 255 bytes, so RabbitMQ keeps the
 * first 252 bytes of UTF-8 and appends "..." (rabbit_binary_generator:amqp_exception_explanation);
 * a character cut in half decodes as U+FFFD on the client.
 */
export function shortstr(text: string): string {
  const size = (c: number): number => (c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4);
  let total = 0;
  for (const ch of text) total += size(ch.codePointAt(0) as number);
  if (total <= 255) return text;
  let kept = '';
  let bytes = 0;
  for (const ch of text) {
    const n = size(ch.codePointAt(0) as number);
    if (bytes + n > 252) return `${kept}${bytes < 252 ? '\uFFFD' : ''}...`;
    kept += ch;
    bytes += n;
  }
  return kept;
}

/** A channel-level error: RabbitMQ replies channel.close and the channel is gone (with all that implies). */
export function channelError(
  ctx: Ctx,
  channel: string | undefined,
  code: keyof typeof REPLY,
  text: string,
  method: string,
): void {
  ctx.events.push({
    type: 'channel.close',
    channel: channel ?? null,
    replyCode: REPLY[code],
    replyText: shortstr(`${code} - ${text}`),
    method,
  });
  if (channel !== undefined) closeChannel(ctx, channel);
}
