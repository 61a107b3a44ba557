/**
 * Delivering and settling: round-robin among a queue's consumers that have prefetch credit, as
 * rabbit_queue_consumers does (a served consumer goes to the back; a consumer that runs out of
 * credit leaves the line and rejoins at the back when an ack frees credit), and ack/nack/reject.
 */
import { own, type Ctx, type Draft } from './draft.ts';
import { deadLetter, enforceMaxLength, expireHead } from './queue-ops.ts';
import { channelError, requeueAll } from './teardown.ts';
import type { Channel, Consumer, Queue, QueuedMessage, Unacked } from './types.ts';

function hasCredit(consumer: Draft<Consumer>): boolean {
  return consumer.noAck || consumer.prefetch === 0 || consumer.unacked < consumer.prefetch;
}

/** Hands a copy to a channel: a basic.deliver (or basic.get-ok) and, without no-ack, an unacked entry. */
export function deliver(
  ctx: Ctx,
  channel: Draft<Channel>,
  queue: Draft<Queue>,
  message: QueuedMessage,
  consumer: Draft<Consumer> | null,
  noAck: boolean,
): void {
  const deliveryTag = channel.nextDeliveryTag++;
  ctx.events.push({
    type: consumer ? 'basic.deliver' : 'basic.get-ok',
    channel: channel.id,
    consumerTag: consumer?.tag ?? null,
    deliveryTag,
    redelivered: message.redelivered,
    queue: queue.name,
    messageId: message.id,
    publishId: message.publishId,
    exchange: message.exchange,
    routingKey: message.routingKey,
    body: message.body,
    headers: message.properties.headers,
    properties: message.properties,
    autoAck: noAck,
  });
  if (noAck) return;
  channel.unacked.push({
    deliveryTag,
    consumerTag: consumer?.tag ?? null,
    queue: queue.name,
    message,
    deliveredAt: ctx.s.clock.now,
  });
  if (consumer) consumer.unacked++;
}

/** Whether the head is a TTL-0 copy that arrived at this very moment (a consumer may still take it). */
function freshHead(ctx: Ctx, queue: Draft<Queue>): boolean {
  const head = queue.messages[0];
  return head !== undefined && ctx.fresh.has(head.id) && head.expiresAt === ctx.s.clock.now;
}

/** Delivers what can be delivered from one queue, after dropping expired heads, then trims to x-max-length. */
function dispatchQueue(ctx: Ctx, queue: Draft<Queue>): void {
  for (;;) {
    if (!(freshHead(ctx, queue) && queue.active.length > 0)) expireHead(ctx, queue);
    const tag = queue.active[0];
    const message = queue.messages[0];
    if (tag === undefined || message === undefined) break;
    // A tag in a queue's line is a live consumer on an open channel (teardown removes both).
    const consumer = own(ctx.s.consumers, tag);
    const channel = consumer && own(ctx.s.channels, consumer.channel);
    if (!consumer || !channel) {
      throw new RangeError(
        `dispatch: queue '${queue.name}' lines up '${tag}', not a live consumer`,
      );
    }
    queue.messages.shift();
    queue.active.shift();
    deliver(ctx, channel, queue, message, consumer, consumer.noAck);
    if (hasCredit(consumer)) queue.active.push(tag);
  }
  enforceMaxLength(ctx, queue);
}

/** Runs dispatch over every queue until nothing moves (dead-lettering can feed queues already visited). */
export function dispatchAll(ctx: Ctx): void {
  let before = -1;
  while (before !== ctx.events.length) {
    before = ctx.events.length;
    for (const name of ctx.s.queueOrder) {
      const queue = own(ctx.s.queues, name);
      if (queue) dispatchQueue(ctx, queue);
    }
  }
}

/** Frees a consumer's credit for one settled delivery; a consumer that had run dry rejoins the line. */
function release(ctx: Ctx, entry: Unacked): void {
  if (entry.consumerTag === null) return;
  const consumer = own(ctx.s.consumers, entry.consumerTag);
  if (!consumer) return;
  const wasBlocked = !hasCredit(consumer);
  consumer.unacked--;
  const queue = own(ctx.s.queues, consumer.queue);
  if (wasBlocked && queue && !queue.active.includes(consumer.tag)) queue.active.push(consumer.tag);
}

/** basic.ack / basic.nack / basic.reject on a channel; an unknown tag is a 406 channel error. */
export function settle(
  ctx: Ctx,
  channelId: string,
  method: 'basic.ack' | 'basic.nack' | 'basic.reject',
  deliveryTag: number,
  multiple: boolean,
  requeueIt: boolean,
): void {
  const channel = own(ctx.s.channels, channelId);
  if (!channel) {
    channelError(
      ctx,
      undefined,
      'CHANNEL_ERROR',
      `expected 'channel.open' (channel ${channelId})`,
      method,
    );
    return;
  }
  // multiple with tag 0 means "everything outstanding" (rabbit_channel:collect_acks), which may
  // be nothing at all: then the method is a no-op, not an error.
  const everything = multiple && deliveryTag === 0;
  const chosen = everything
    ? channel.unacked.slice()
    : multiple
      ? channel.unacked.filter((u) => u.deliveryTag <= deliveryTag)
      : channel.unacked.filter((u) => u.deliveryTag === deliveryTag);
  if (
    !everything &&
    (chosen.length === 0 ||
      (multiple && !channel.unacked.some((u) => u.deliveryTag === deliveryTag)))
  ) {
    channelError(
      ctx,
      channelId,
      'PRECONDITION_FAILED',
      `unknown delivery tag ${deliveryTag}`,
      method,
    );
    return;
  }
  channel.unacked = channel.unacked.filter((u) => !chosen.includes(u));
  ctx.events.push({
    type: method,
    channel: channelId,
    deliveryTag,
    multiple,
    requeue: method !== 'basic.ack' && requeueIt,
    messageIds: chosen.map((u) => u.message.id),
  });
  for (const entry of chosen) release(ctx, entry);
  if (method === 'basic.ack') return;
  if (requeueIt) {
    requeueAll(ctx, chosen);
    return;
  }
  for (const entry of chosen) {
    const queue = own(ctx.s.queues, entry.queue);
    if (queue) deadLetter(ctx, queue, entry.message, 'rejected');
    else
      ctx.events.push({
        type: 'dropped',
        queue: entry.queue,
        messageId: entry.message.id,
        reason: 'rejected',
      });
  }
}
