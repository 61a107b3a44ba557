/**
 * Putting message copies into queues and taking them out for good: ordering by priority then
 * position (a requeued copy returns to its old place), TTL, max-length and dead-lettering.
 */
import { own, type Ctx, type Draft } from './draft.ts';
import type { DropReason } from './events.ts';
import { parseExpiration } from './expiration.ts';
import { compileExchangeRouter } from './routing.ts';
import type { DeadLetterReason, MessageProperties, Queue, QueuedMessage, XDeath } from './types.ts';

/** The part of a message that is the same in every queue it reaches. */
export interface MessageTemplate {
  readonly publishId: number;
  readonly exchange: string;
  readonly routingKey: string;
  readonly body: string;
  readonly properties: MessageProperties;
}

/** Inserts by (priority desc, seq asc): new copies go to the tail of their priority, requeued ones back to their place. */
export function insertMessage(queue: Draft<Queue>, message: QueuedMessage): void {
  const list = queue.messages;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const other = list[mid]; // lo <= mid < hi <= length: always there
    if (other === undefined) throw new RangeError(`insertMessage: no message at ${mid}`);
    const before =
      other.priority > message.priority ||
      (other.priority === message.priority && other.seq < message.seq);
    if (before) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, message);
}

/** The TTL (ms) that applies to a copy in this queue: the smaller of queue and message TTL. */
function ttlFor(queue: Draft<Queue>, properties: MessageProperties): number | null {
  const queueTtl = queue.arguments['x-message-ttl'];
  const raw = properties.expiration;
  const parsed = raw === undefined ? undefined : parseExpiration(raw);
  // basic.publish refuses an invalid expiration, so every copy here has a valid one or none.
  const messageTtl = parsed && 'ttl' in parsed ? parsed.ttl : undefined;
  if (queueTtl === undefined && messageTtl === undefined) return null;
  return Math.min(queueTtl ?? Infinity, messageTtl ?? Infinity);
}

/**
 * Puts a new copy of a message at the tail of its priority in `queue`; returns the copy's id. A
 * full queue with x-overflow reject-publish(-dlx) refuses the copy at once (dropped, or
 * dead-lettered as maxlen), as rabbit_amqqueue_process does before it tries any consumer.
 */
export function enqueueNew(ctx: Ctx, queue: Draft<Queue>, template: MessageTemplate): number {
  const id = ctx.s.nextMessageId++;
  const maxPriority = queue.arguments['x-max-priority'];
  const requested = template.properties.priority ?? 0;
  // RabbitMQ caps a priority above the queue's maximum to that maximum.
  const priority = maxPriority === undefined ? 0 : Math.max(0, Math.min(requested, maxPriority));
  const ttl = ttlFor(queue, template.properties);
  const copy: QueuedMessage = {
    ...template,
    id,
    redelivered: false,
    seq: queue.nextSeq++,
    priority,
    expiresAt: ttl === null ? null : ctx.s.clock.now + ttl,
  };
  const overflow = queue.arguments['x-overflow'] ?? 'drop-head';
  const max = queue.arguments['x-max-length'];
  if (overflow !== 'drop-head' && max !== undefined && queue.messages.length + 1 > max) {
    if (overflow === 'reject-publish-dlx') deadLetter(ctx, queue, copy, 'maxlen');
    else dropMessage(ctx, queue.name, copy, 'reject-publish');
    return id;
  }
  if (ttl === 0) ctx.fresh.add(id);
  insertMessage(queue, copy);
  return id;
}

/** Records that a copy left the broker unacknowledged and not dead-lettered. */
export function dropMessage(
  ctx: Ctx,
  queue: string,
  message: QueuedMessage,
  reason: DropReason,
): void {
  ctx.events.push({ type: 'dropped', queue, messageId: message.id, reason });
}

/** Whether re-routing to `target` would close a dead-letter cycle with no rejection in it (RabbitMQ drops those). */
function isCycle(deaths: readonly XDeath[], target: string): boolean {
  for (const death of deaths) {
    if (death.reason === 'rejected') return false;
    if (death.queue === target) return true;
  }
  return false;
}

const DEATH_REASONS: readonly unknown[] = [
  'rejected',
  'expired',
  'maxlen',
] satisfies DeadLetterReason[];

/** Whether `entry` has every field, of the right type, that a death this broker records has. */
function isDeath(entry: unknown): entry is XDeath {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return false;
  const e = entry as Record<string, unknown>;
  const keys = own(e, 'routing-keys');
  const expiration = own(e, 'original-expiration');
  const count = own(e, 'count');
  return (
    typeof own(e, 'queue') === 'string' &&
    DEATH_REASONS.includes(own(e, 'reason')) &&
    typeof count === 'number' &&
    Number.isSafeInteger(count) &&
    count >= 1 &&
    typeof own(e, 'exchange') === 'string' &&
    Array.isArray(keys) &&
    keys.every((k) => typeof k === 'string') &&
    typeof own(e, 'time') === 'number' &&
    (expiration === undefined || typeof expiration === 'string')
  );
}

/**
 * The deaths an x-death header lists. A publisher can send any x-death value: an entry that is
 * not a well-formed death (a number, null, a count that is a string…) is left out, so a forged
 * header can neither break the step nor bend the count and the cycle check.
 */
function recordedDeaths(header: unknown): XDeath[] {
  return Array.isArray(header) ? header.filter(isDeath) : [];
}

/** The x-death history after one more death (newest first; the same queue and reason only counts up). */
function addDeath(deaths: readonly XDeath[], death: XDeath): XDeath[] {
  const old = deaths.find((d) => d.queue === death.queue && d.reason === death.reason);
  if (!old) return [death, ...deaths];
  return [{ ...old, count: old.count + 1 }, ...deaths.filter((d) => d !== old)];
}

/**
 * Dead-letters a copy that left `queue` for `reason`: republished to the queue's
 * x-dead-letter-exchange with x-death added, or dropped when the queue has no DLX.
 */
export function deadLetter(
  ctx: Ctx,
  queue: Draft<Queue>,
  message: QueuedMessage,
  reason: DeadLetterReason,
): void {
  const dlx = queue.arguments['x-dead-letter-exchange'];
  if (dlx === undefined) {
    dropMessage(ctx, queue.name, message, reason);
    return;
  }
  const routingKey = queue.arguments['x-dead-letter-routing-key'] ?? message.routingKey;
  const routingKeys = [routingKey];
  const oldHeaders = message.properties.headers ?? {};
  const deaths = recordedDeaths(oldHeaders['x-death']);
  const { expiration, ...rest } = message.properties;
  const death: XDeath = {
    queue: queue.name,
    reason,
    count: 1,
    exchange: message.exchange,
    'routing-keys': [message.routingKey],
    time: ctx.s.clock.now,
    ...(expiration === undefined ? {} : { 'original-expiration': expiration }),
  };
  const newDeaths = addDeath(deaths, death);
  const headers: Record<string, unknown> = { ...oldHeaders, 'x-death': newDeaths };
  if (!('x-first-death-queue' in oldHeaders)) {
    headers['x-first-death-queue'] = queue.name;
    headers['x-first-death-reason'] = reason;
    headers['x-first-death-exchange'] = message.exchange;
  }
  const template: MessageTemplate = {
    publishId: message.publishId,
    exchange: dlx,
    routingKey,
    body: message.body,
    properties: { ...rest, headers },
  };
  const routed = routeDraft(ctx, dlx, template.routingKey, headers);
  // As rabbit_dead_letter: a rejection breaks a cycle, so only automatic deaths are checked.
  const targets = reason === 'rejected' ? routed : routed.filter((q) => !isCycle(newDeaths, q));
  const newMessageIds: number[] = [];
  for (const name of targets) {
    const target = own(ctx.s.queues, name);
    if (target) newMessageIds.push(enqueueNew(ctx, target, template));
  }
  ctx.events.push({
    type: 'dead-lettered',
    queue: queue.name,
    messageId: message.id,
    reason,
    deadLetterExchange: dlx,
    routingKeys,
    newMessageIds,
    queues: targets,
  });
}

/** Routes on the working copy (no memoisation: the draft's arrays change in place). */
export function routeDraft(
  ctx: Ctx,
  exchangeName: string,
  routingKey: string,
  headers: Readonly<Record<string, unknown>> | undefined,
): string[] {
  if (exchangeName === '') return Object.hasOwn(ctx.s.queues, routingKey) ? [routingKey] : [];
  const exchange = own(ctx.s.exchanges, exchangeName);
  return exchange ? compileExchangeRouter(exchange, ctx.s.bindings).route(routingKey, headers) : [];
}

/** Drops (or dead-letters) expired copies at the head of the queue; RabbitMQ never looks past the head. */
export function expireHead(ctx: Ctx, queue: Draft<Queue>): void {
  for (;;) {
    const head = queue.messages[0];
    if (!head || head.expiresAt === null || head.expiresAt > ctx.s.clock.now) return;
    queue.messages.shift();
    deadLetter(ctx, queue, head, 'expired');
  }
}

/**
 * Enforces x-max-length on ready messages by dropping from the head (overflow drop-head; the
 * reject-publish modes refuse new copies instead and never trim, even after a requeue).
 */
export function enforceMaxLength(ctx: Ctx, queue: Draft<Queue>): void {
  const max = queue.arguments['x-max-length'];
  if (max === undefined || (queue.arguments['x-overflow'] ?? 'drop-head') !== 'drop-head') return;
  while (queue.messages.length > max) {
    const head = queue.messages.shift() as QueuedMessage;
    deadLetter(ctx, queue, head, 'maxlen');
  }
}
