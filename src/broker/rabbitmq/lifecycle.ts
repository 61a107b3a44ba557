/**
 * Connections and channels opening and closing, a client crash, time passing (TTL expiry at queue
 * heads), and a broker restart: durable queues and exchanges come back with their persistent
 * messages; transient queues, transient messages and every connection are gone.
 */
import { setNow } from '../core/clock.ts';
import { drop, own, put, type Ctx } from './draft.ts';
import { dispatchAll } from './dispatch.ts';
import { dropMessage, expireHead } from './queue-ops.ts';
import { closeChannel, closeConnection, deleteQueue, channelError } from './teardown.ts';
import type { Channel } from './types.ts';

/** connection.open (ids are the client's; reusing an open one is a programmer error). */
export function openConnection(ctx: Ctx, id: string): void {
  if (own(ctx.s.connections, id))
    throw new RangeError(`connection.open: connection '${id}' is already open`);
  put(ctx.s.connections, id, { id, channels: [] });
  ctx.events.push({ type: 'connection.open-ok', connection: id });
}

/** connection.close, or the client dying (`abrupt`): the same cascade in RabbitMQ. */
export function shutConnection(ctx: Ctx, id: string, abrupt: boolean): void {
  if (!own(ctx.s.connections, id)) return;
  closeConnection(ctx, id);
  ctx.events.push({ type: 'connection.close-ok', connection: id, abrupt });
}

/** channel.open on an open connection. */
export function openChannel(ctx: Ctx, connection: string, id: string): void {
  const conn = own(ctx.s.connections, connection);
  if (!conn) throw new RangeError(`channel.open: connection '${connection}' is not open`);
  if (own(ctx.s.channels, id))
    throw new RangeError(`channel.open: channel '${id}' is already open`);
  put(ctx.s.channels, id, {
    id,
    connection,
    prefetch: 0,
    nextDeliveryTag: 1,
    unacked: [],
    consumers: [],
    consumerTimeout: ctx.s.consumerTimeout,
  });
  conn.channels.push(id);
  ctx.events.push({ type: 'channel.open-ok', channel: id });
}

/** channel.close by the client. */
export function shutChannel(ctx: Ctx, id: string): void {
  if (!own(ctx.s.channels, id)) {
    channelError(
      ctx,
      undefined,
      'CHANNEL_ERROR',
      `expected 'channel.open' (channel ${id})`,
      'channel.close',
    );
    return;
  }
  closeChannel(ctx, id);
  ctx.events.push({ type: 'channel.close-ok', channel: id });
}

/** When the channel's oldest unacked delivery reaches its consumer_timeout, if it has one. */
export function timeoutAt(channel: Channel): number | undefined {
  // rabbit_channel:evaluate_consumer_timeout peeks at the oldest pending ack only.
  const oldest = channel.unacked[0];
  return oldest === undefined || channel.consumerTimeout === null
    ? undefined
    : oldest.deliveredAt + channel.consumerTimeout;
}

/** The earliest moment by `until` when a queue head expires or a channel times out, if any. */
function nextDue(ctx: Ctx, until: number): number | undefined {
  let best: number | undefined;
  const consider = (at: number | null | undefined): void => {
    if (at !== null && at !== undefined && at <= until && (best === undefined || at < best))
      best = at;
  };
  for (const name of ctx.s.queueOrder) consider(own(ctx.s.queues, name)?.messages[0]?.expiresAt);
  for (const channel of Object.values(ctx.s.channels)) consider(timeoutAt(channel));
  return best;
}

/**
 * Closes every channel whose oldest unacked delivery has been held for its consumer_timeout:
 * 406 PRECONDITION_FAILED, and the channel's unacked messages go back to their queues. RabbitMQ
 * notices on its channel tick (every 60 s by default), so a real channel may close up to a
 * minute after this moment.
 */
function closeTimedOut(ctx: Ctx): void {
  for (const channel of Object.values(ctx.s.channels)) {
    const at = timeoutAt(channel);
    if (at === undefined || at > ctx.s.clock.now) continue;
    const text = `delivery acknowledgement on channel ${channel.id} timed out. Timeout value used: ${channel.consumerTimeout} ms. This timeout value can be configured, see consumers doc guide to learn more`;
    // The server's close names no method (class and method ids 0).
    channelError(ctx, channel.id, 'PRECONDITION_FAILED', text, 'none');
  }
}

/** Moves virtual time forward by `ms`: heads expire and channels time out at the moments they fall due. */
export function advance(ctx: Ctx, ms: number): void {
  if (!(ms >= 0) || !Number.isFinite(ms))
    throw new RangeError(`advance: ms must be a finite number >= 0, got ${ms}`);
  const until = ctx.s.clock.now + ms;
  for (let at = nextDue(ctx, until); at !== undefined; at = nextDue(ctx, until)) {
    ctx.s.clock = setNow(ctx.s.clock, Math.max(at, ctx.s.clock.now));
    for (const name of ctx.s.queueOrder.slice()) {
      const queue = own(ctx.s.queues, name);
      if (queue) expireHead(ctx, queue);
    }
    closeTimedOut(ctx);
    // Dead-lettered and requeued copies may reach consumers at this very moment.
    dispatchAll(ctx);
  }
  ctx.s.clock = setNow(ctx.s.clock, until);
  ctx.events.push({ type: 'advance', now: until });
}

/** broker.configure: the node's consumer_timeout for channels opened from now on. */
export function configure(ctx: Ctx, consumerTimeout: number | null): void {
  if (consumerTimeout !== null && !(Number.isInteger(consumerTimeout) && consumerTimeout > 0))
    throw new RangeError(
      `broker.configure: consumerTimeout must be a positive integer (ms) or null, got ${consumerTimeout}`,
    );
  ctx.s.consumerTimeout = consumerTimeout;
}

/** broker.restart: everything a stop and start of the node keeps, and nothing more. */
export function restart(ctx: Ctx): void {
  // Stopping the node drops every connection, which requeues unacked copies as redelivered.
  for (const id of Object.keys(ctx.s.connections)) closeConnection(ctx, id);
  for (const name of ctx.s.queueOrder.slice()) {
    const queue = own(ctx.s.queues, name);
    if (!queue) continue;
    if (!queue.durable) {
      deleteQueue(ctx, name, 'transient queue lost on restart');
      continue;
    }
    const kept = [];
    for (const message of queue.messages) {
      if (message.properties.deliveryMode === 2) kept.push(message);
      else dropMessage(ctx, name, message, 'transient-lost-on-restart');
    }
    queue.messages = kept;
    queue.active = [];
  }
  for (const [name, exchange] of Object.entries(ctx.s.exchanges)) {
    if (!exchange.durable) drop(ctx.s.exchanges, name);
  }
  ctx.s.bindings = ctx.s.bindings.filter(
    (b) => own(ctx.s.exchanges, b.exchange) && own(ctx.s.queues, b.queue),
  );
  ctx.events.push({ type: 'broker.restart', now: ctx.s.clock.now });
}
