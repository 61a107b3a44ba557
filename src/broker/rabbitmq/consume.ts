/**
 * basic.qos, basic.consume, basic.cancel and basic.get. Prefetch is per consumer (basic.qos with
 * global=false, RabbitMQ's default): a consumer keeps the channel's prefetch from when it subscribed.
 */
import type { RabbitCommand } from './commands.ts';
import { generateName, own, put, type Ctx } from './draft.ts';
import { deliver } from './dispatch.ts';
import { expireHead } from './queue-ops.ts';
import { channelError, removeConsumer } from './teardown.ts';
import { mayUseQueue } from './topology.ts';

type Cmd<T extends RabbitCommand['type']> = Extract<RabbitCommand, { type: T }>;

function openChannel(
  ctx: Ctx,
  id: string,
  method: string,
): NonNullable<Ctx['s']['channels'][string]> | undefined {
  const channel = own(ctx.s.channels, id);
  if (!channel)
    channelError(
      ctx,
      undefined,
      'CHANNEL_ERROR',
      `expected 'channel.open' (channel ${id})`,
      method,
    );
  return channel;
}

/** basic.qos (prefetch_count, global=false). */
export function qos(ctx: Ctx, cmd: Cmd<'basic.qos'>): void {
  const channel = openChannel(ctx, cmd.channel, cmd.type);
  if (!channel) return;
  if (!Number.isInteger(cmd.prefetchCount) || cmd.prefetchCount < 0 || cmd.prefetchCount > 65535) {
    throw new RangeError(
      `basic.qos: prefetchCount must be an integer 0..65535, got ${cmd.prefetchCount}`,
    );
  }
  channel.prefetch = cmd.prefetchCount;
  ctx.events.push({ type: 'basic.qos-ok', channel: cmd.channel, prefetchCount: cmd.prefetchCount });
}

/**
 * The open channel and the queue a method names, or undefined after reporting what RabbitMQ
 * would: a closed channel, 404 NOT_FOUND for a missing queue, 405 for another connection's
 * exclusive queue.
 */
function channelAndQueue(ctx: Ctx, channelId: string, queueName: string, method: string) {
  const channel = openChannel(ctx, channelId, method);
  if (!channel) return undefined;
  const queue = own(ctx.s.queues, queueName);
  if (!queue) {
    channelError(ctx, channelId, 'NOT_FOUND', `no queue '${queueName}' in vhost '/'`, method);
    return undefined;
  }
  if (!mayUseQueue(ctx, channelId, queueName, method)) return undefined;
  return { channel, queue };
}

/** basic.consume: the new consumer joins the back of the queue's round-robin line. */
export function consume(ctx: Ctx, cmd: Cmd<'basic.consume'>): void {
  const target = channelAndQueue(ctx, cmd.channel, cmd.queue, cmd.type);
  if (!target) return;
  const { channel, queue } = target;
  const tag = cmd.consumerTag ?? generateName(ctx, 'amq.ctag-');
  if (channel.consumers.includes(tag)) {
    // The AMQP spec calls a reused tag on one channel a connection error 530 NOT_ALLOWED.
    throw new RangeError(
      `basic.consume: consumer tag '${tag}' is already used on channel ${cmd.channel}`,
    );
  }
  if (own(ctx.s.consumers, tag))
    throw new RangeError(`basic.consume: consumer tag '${tag}' must be unique in the model`);
  put(ctx.s.consumers, tag, {
    tag,
    channel: cmd.channel,
    queue: cmd.queue,
    noAck: cmd.noAck ?? false,
    prefetch: channel.prefetch,
    unacked: 0,
  });
  channel.consumers.push(tag);
  queue.active.push(tag);
  queue.hadConsumer = true;
  ctx.events.push({ type: 'basic.consume-ok', channel: cmd.channel, consumerTag: tag });
}

/** basic.cancel: the consumer's unacked messages stay unacked on the channel. */
export function cancel(ctx: Ctx, cmd: Cmd<'basic.cancel'>): void {
  if (!openChannel(ctx, cmd.channel, cmd.type)) return;
  if (own(ctx.s.consumers, cmd.consumerTag)?.channel === cmd.channel)
    removeConsumer(ctx, cmd.consumerTag);
  ctx.events.push({ type: 'basic.cancel-ok', channel: cmd.channel, consumerTag: cmd.consumerTag });
}

/** basic.get: one message from the head, or get-empty. */
export function get(ctx: Ctx, cmd: Cmd<'basic.get'>): void {
  const target = channelAndQueue(ctx, cmd.channel, cmd.queue, cmd.type);
  if (!target) return;
  const { channel, queue } = target;
  expireHead(ctx, queue);
  const message = queue.messages.shift();
  if (!message)
    ctx.events.push({ type: 'basic.get-empty', channel: cmd.channel, queue: cmd.queue });
  else deliver(ctx, channel, queue, message, null, cmd.noAck ?? false);
}
