/**
 * exchange.declare/delete and queue.declare/bind/unbind/purge/delete, with the replies and channel
 * errors RabbitMQ gives (403 on the default and amq.* names, 404 on what is missing, 405 on
 * another connection's exclusive queue, 406 on an inequivalent redeclare).
 */
import type { RabbitCommand } from './commands.ts';
import { generateName, own, put, drop, type Ctx } from './draft.ts';
import { headersBindingError } from './headers.ts';
import { inequivalentArg, queueArgsError } from './queue-args.ts';
import { channelError, deleteQueue, removeBindings } from './teardown.ts';
import type { Binding } from './types.ts';

type Cmd<T extends RabbitCommand['type']> = Extract<RabbitCommand, { type: T }>;

const VHOST = "in vhost '/'";

function sameArgs(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
): boolean {
  const keys = (r: Readonly<Record<string, unknown>>): string[] =>
    Object.keys(r)
      .filter((k) => r[k] !== undefined)
      .sort();
  const ka = keys(a);
  const kb = keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k, i) => k === kb[i] && JSON.stringify(a[k]) === JSON.stringify(b[k]))
  );
}

/** exchange.declare */
export function declareExchange(ctx: Ctx, cmd: Cmd<'exchange.declare'>): void {
  const { exchange: name, channel } = cmd;
  const existing = own(ctx.s.exchanges, name);
  const durable = cmd.durable ?? false;
  const autoDelete = cmd.autoDelete ?? false;
  if (name === '') {
    channelError(
      ctx,
      channel,
      'ACCESS_REFUSED',
      `operation not permitted on the default exchange`,
      cmd.type,
    );
    return;
  }
  if (cmd.passive) {
    if (existing) ctx.events.push({ type: 'exchange.declare-ok', exchange: name });
    else channelError(ctx, channel, 'NOT_FOUND', `no exchange '${name}' ${VHOST}`, cmd.type);
    return;
  }
  if (existing) {
    if (existing.kind !== cmd.kind) {
      const text = `inequivalent arg 'type' for exchange '${name}' ${VHOST}: received '${cmd.kind}' but current is '${existing.kind}'`;
      channelError(ctx, channel, 'PRECONDITION_FAILED', text, cmd.type);
    } else if (existing.durable !== durable) {
      const text = `inequivalent arg 'durable' for exchange '${name}' ${VHOST}: received '${durable}' but current is '${existing.durable}'`;
      channelError(ctx, channel, 'PRECONDITION_FAILED', text, cmd.type);
    } else if (existing.autoDelete !== autoDelete) {
      const text = `inequivalent arg 'auto_delete' for exchange '${name}' ${VHOST}: received '${autoDelete}' but current is '${existing.autoDelete}'`;
      channelError(ctx, channel, 'PRECONDITION_FAILED', text, cmd.type);
    } else ctx.events.push({ type: 'exchange.declare-ok', exchange: name });
    return;
  }
  if (name.startsWith('amq.')) {
    channelError(
      ctx,
      channel,
      'ACCESS_REFUSED',
      `exchange name '${name}' contains reserved prefix 'amq.*'`,
      cmd.type,
    );
    return;
  }
  put(ctx.s.exchanges, name, { name, kind: cmd.kind, durable, autoDelete });
  ctx.events.push({ type: 'exchange.declare-ok', exchange: name });
}

/** exchange.delete (deleting a missing exchange is fine in RabbitMQ 3.x). */
export function deleteExchange(ctx: Ctx, cmd: Cmd<'exchange.delete'>): void {
  const { exchange: name, channel } = cmd;
  if (name === '' || name.startsWith('amq.')) {
    // rabbit_channel: check_not_default_exchange, then check_exchange_deletion for amq.*.
    const text =
      name === ''
        ? 'operation not permitted on the default exchange'
        : `deletion of system exchange '${name}' ${VHOST} not allowed`;
    channelError(ctx, channel, 'ACCESS_REFUSED', text, cmd.type);
    return;
  }
  if (cmd.ifUnused && ctx.s.bindings.some((b) => b.exchange === name)) {
    channelError(
      ctx,
      channel,
      'PRECONDITION_FAILED',
      `exchange '${name}' ${VHOST} in use`,
      cmd.type,
    );
    return;
  }
  drop(ctx.s.exchanges, name);
  ctx.s.bindings = ctx.s.bindings.filter((b) => b.exchange !== name);
  ctx.events.push({ type: 'exchange.delete-ok', exchange: name });
}

/** The connection a command's channel belongs to, or null for a channel-less (management) command. */
function connectionOf(ctx: Ctx, channel: string | undefined): string | null {
  return channel === undefined ? null : (own(ctx.s.channels, channel)?.connection ?? null);
}

/**
 * Whether `channel` may use the queue; otherwise reports 405 RESOURCE_LOCKED and returns false.
 * Most methods only need the queue not to belong to another connection (rabbit_amqqueue's `lax`
 * check); a redeclare passes `declaredOwner` (the connection if it asks for exclusive, else null)
 * and must match the queue's owner exactly (`strict`), even on the owning connection.
 */
export function mayUseQueue(
  ctx: Ctx,
  channel: string | undefined,
  queue: string,
  method: string,
  declaredOwner?: string | null,
): boolean {
  const owner = own(ctx.s.queues, queue)?.exclusiveTo ?? null;
  const allowed =
    declaredOwner === undefined
      ? owner === null || owner === connectionOf(ctx, channel)
      : owner === declaredOwner;
  if (allowed) return true;
  const text = `cannot obtain exclusive access to locked queue '${queue}' ${VHOST}. It could be originally declared on another connection or the exclusive property value does not match that of the original declaration.`;
  channelError(ctx, channel, 'RESOURCE_LOCKED', text, method);
  return false;
}

/** queue.declare */
export function declareQueue(ctx: Ctx, cmd: Cmd<'queue.declare'>): void {
  const { channel } = cmd;
  const name = cmd.queue === '' ? generateName(ctx, 'amq.gen-') : cmd.queue;
  const existing = own(ctx.s.queues, name);
  const reply = (): void => {
    const q = own(ctx.s.queues, name);
    const consumerCount = Object.values(ctx.s.consumers).filter((c) => c.queue === name).length;
    ctx.events.push({
      type: 'queue.declare-ok',
      queue: name,
      messageCount: q?.messages.length ?? 0,
      consumerCount,
    });
  };
  if (cmd.passive) {
    if (!existing) channelError(ctx, channel, 'NOT_FOUND', `no queue '${name}' ${VHOST}`, cmd.type);
    else if (mayUseQueue(ctx, channel, name, cmd.type)) reply();
    return;
  }
  const exclusive = cmd.exclusive ?? false;
  const owner = exclusive ? connectionOf(ctx, channel) : null;
  // rabbit_channel: `Durable = DurableDeclare andalso not ExclusiveDeclare`.
  const durable = (cmd.durable ?? false) && !exclusive;
  if (exclusive && owner === null)
    throw new RangeError('queue.declare: an exclusive queue needs an open channel');
  if (existing) {
    if (!mayUseQueue(ctx, channel, name, cmd.type, owner)) return;
    const mismatch =
      existing.durable !== durable
        ? `inequivalent arg 'durable' for queue '${name}' ${VHOST}: received '${durable}' but current is '${existing.durable}'`
        : existing.autoDelete !== (cmd.autoDelete ?? false)
          ? `inequivalent arg 'auto_delete' for queue '${name}' ${VHOST}: received '${cmd.autoDelete ?? false}' but current is '${existing.autoDelete}'`
          : inequivalentArg(name, existing.arguments, cmd.arguments ?? {});
    if (mismatch) channelError(ctx, channel, 'PRECONDITION_FAILED', mismatch, cmd.type);
    else reply();
    return;
  }
  if (name.startsWith('amq.') && cmd.queue !== '') {
    channelError(
      ctx,
      channel,
      'ACCESS_REFUSED',
      `queue name '${name}' contains reserved prefix 'amq.*'`,
      cmd.type,
    );
    return;
  }
  const invalid = queueArgsError(name, cmd.arguments ?? {});
  if (invalid) {
    channelError(ctx, channel, 'PRECONDITION_FAILED', invalid, cmd.type);
    return;
  }
  put(ctx.s.queues, name, {
    name,
    durable,
    exclusiveTo: owner,
    autoDelete: cmd.autoDelete ?? false,
    arguments: { ...(cmd.arguments ?? {}) },
    messages: [],
    nextSeq: 1,
    active: [],
    hadConsumer: false,
  });
  ctx.s.queueOrder.push(name);
  reply();
}

/** queue.bind / queue.unbind */
export function bindQueue(ctx: Ctx, cmd: Cmd<'queue.bind' | 'queue.unbind'>): void {
  const { channel, queue, exchange } = cmd;
  const routingKey = cmd.routingKey ?? '';
  const args = cmd.arguments ?? {};
  if (exchange === '') {
    const text = `operation not permitted on the default exchange`;
    channelError(ctx, channel, 'ACCESS_REFUSED', text, cmd.type);
    return;
  }
  if (!own(ctx.s.queues, queue)) {
    channelError(ctx, channel, 'NOT_FOUND', `no queue '${queue}' ${VHOST}`, cmd.type);
    return;
  }
  const x = own(ctx.s.exchanges, exchange);
  if (!x) {
    channelError(ctx, channel, 'NOT_FOUND', `no exchange '${exchange}' ${VHOST}`, cmd.type);
    return;
  }
  if (!mayUseQueue(ctx, channel, queue, cmd.type)) return;
  const same = (b: Binding): boolean =>
    b.exchange === exchange &&
    b.queue === queue &&
    b.routingKey === routingKey &&
    sameArgs(b.arguments, args);
  if (cmd.type === 'queue.unbind') {
    removeBindings(ctx, same);
    ctx.events.push({ type: 'queue.unbind-ok', queue, exchange, routingKey });
    return;
  }
  const invalid = x.kind === 'headers' ? headersBindingError(args) : undefined;
  if (invalid) {
    channelError(ctx, channel, 'PRECONDITION_FAILED', invalid, cmd.type);
    return;
  }
  if (!ctx.s.bindings.some(same))
    ctx.s.bindings.push({ exchange, queue, routingKey, arguments: { ...args } });
  ctx.events.push({ type: 'queue.bind-ok', queue, exchange, routingKey });
}

/** queue.purge: ready copies go; unacked ones stay with their channels. */
export function purgeQueue(ctx: Ctx, cmd: Cmd<'queue.purge'>): void {
  const queue = own(ctx.s.queues, cmd.queue);
  if (!queue) {
    channelError(ctx, cmd.channel, 'NOT_FOUND', `no queue '${cmd.queue}' ${VHOST}`, cmd.type);
    return;
  }
  if (!mayUseQueue(ctx, cmd.channel, cmd.queue, cmd.type)) return;
  const count = queue.messages.length;
  for (const message of queue.messages)
    ctx.events.push({
      type: 'dropped',
      queue: queue.name,
      messageId: message.id,
      reason: 'purged',
    });
  queue.messages = [];
  ctx.events.push({ type: 'queue.purge-ok', queue: cmd.queue, messageCount: count });
}

/** queue.delete (a missing queue is fine in RabbitMQ 3.x: delete-ok with 0 messages). */
export function deleteQueueCommand(ctx: Ctx, cmd: Cmd<'queue.delete'>): void {
  const queue = own(ctx.s.queues, cmd.queue);
  if (!queue) {
    ctx.events.push({ type: 'queue.delete-ok', queue: cmd.queue, messageCount: 0 });
    return;
  }
  if (!mayUseQueue(ctx, cmd.channel, cmd.queue, cmd.type)) return;
  const inUse = Object.values(ctx.s.consumers).some((c) => c.queue === cmd.queue);
  if (cmd.ifUnused && inUse) {
    channelError(
      ctx,
      cmd.channel,
      'PRECONDITION_FAILED',
      `queue '${cmd.queue}' ${VHOST} in use`,
      cmd.type,
    );
    return;
  }
  if (cmd.ifEmpty && queue.messages.length > 0) {
    channelError(
      ctx,
      cmd.channel,
      'PRECONDITION_FAILED',
      `queue '${cmd.queue}' ${VHOST} not empty`,
      cmd.type,
    );
    return;
  }
  const count = deleteQueue(ctx, cmd.queue, null);
  ctx.events.push({ type: 'queue.delete-ok', queue: cmd.queue, messageCount: count });
}
