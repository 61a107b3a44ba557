/**
 * basic.publish: route, put one copy in each matched queue (however many bindings matched it),
 * and with `mandatory` return an unroutable message with 312 NO_ROUTE instead of dropping it.
 */
import type { RabbitCommand } from './commands.ts';
import { own, type Ctx } from './draft.ts';
import { parseExpiration } from './expiration.ts';
import { enqueueNew, routeDraft, type MessageTemplate } from './queue-ops.ts';
import { channelError } from './teardown.ts';

type Publish = Extract<RabbitCommand, { type: 'basic.publish' }>;

/** UTF-8 length of a string, without TextEncoder (not in the pure core's lib). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * basic.publish; a missing exchange is a 404 channel error, then an invalid `expiration` a 406,
 * in that order, as rabbit_channel checks them.
 */
export function publish(ctx: Ctx, cmd: Publish): void {
  if (utf8Length(cmd.routingKey) > 255) {
    throw new RangeError('basic.publish: a routing key is a shortstr, at most 255 bytes of UTF-8');
  }
  if (cmd.channel !== undefined && !own(ctx.s.channels, cmd.channel)) {
    channelError(
      ctx,
      undefined,
      'CHANNEL_ERROR',
      `expected 'channel.open' (channel ${cmd.channel})`,
      cmd.type,
    );
    return;
  }
  if (cmd.exchange !== '' && !own(ctx.s.exchanges, cmd.exchange)) {
    channelError(
      ctx,
      cmd.channel,
      'NOT_FOUND',
      `no exchange '${cmd.exchange}' in vhost '/'`,
      cmd.type,
    );
    return;
  }
  const properties = cmd.properties ?? {};
  if (properties.expiration !== undefined) {
    const parsed = parseExpiration(properties.expiration);
    if ('error' in parsed) {
      channelError(ctx, cmd.channel, 'PRECONDITION_FAILED', parsed.error, cmd.type);
      return;
    }
  }
  const publishId = ctx.s.nextPublishId++;
  const queues = routeDraft(ctx, cmd.exchange, cmd.routingKey, properties.headers);
  const template: MessageTemplate = {
    publishId,
    exchange: cmd.exchange,
    routingKey: cmd.routingKey,
    body: cmd.body ?? '',
    properties,
  };
  const messageIds = queues.map((name) => {
    const queue = own(ctx.s.queues, name);
    if (!queue) throw new RangeError(`basic.publish: routed to '${name}', not a declared queue`);
    return enqueueNew(ctx, queue, template);
  });
  ctx.events.push({
    type: 'basic.publish',
    publishId,
    exchange: cmd.exchange,
    routingKey: cmd.routingKey,
    queues,
    messageIds,
  });
  if (queues.length === 0 && cmd.mandatory) {
    ctx.events.push({
      type: 'basic.return',
      publishId,
      replyCode: 312,
      replyText: 'NO_ROUTE',
      exchange: cmd.exchange,
      routingKey: cmd.routingKey,
    });
  }
}
