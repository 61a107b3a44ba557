/**
 * The shape of every widget's actions, as data: which fields an action of each kind has and of
 * which JSON type (or which of a few values). A link's action must have exactly one of these
 * shapes before it reaches the widget's `act`, which checks the ranges and the state: a forged
 * `{"type":"send","acks":7}` or `{"type":"lpush","value":5}` is skipped, never played. Pure.
 */
import { own } from '../../broker/core/record.ts';
import type { WidgetName } from '../../lecture/names.ts';

/** A field's rule: a JSON type, one of listed values, a nested shape, or one of several shapes. */
type Rule =
  | 'string'
  | 'number'
  | 'boolean'
  | 'string|null'
  | 'string?'
  /** A `Map` of strings (exchange-routing's headers), optional. */
  | 'map?'
  /** An object of string values (binding arguments). */
  | 'record'
  | readonly (string | number)[]
  | Shape
  | { readonly oneOf: readonly Shape[] };

interface Shape {
  readonly [field: string]: Rule;
}

const BINDING: Shape = { routingKey: 'string', arguments: 'record' };
const WORKER_MODE = ['BRPOP', 'BLMOVE'] as const;

/** Every shape an action of each widget may have (a chart has none). */
export const ACTION_SHAPES: Readonly<Record<WidgetName, readonly Shape[]>> = {
  'broker-chooser': [
    {
      type: ['answer'],
      question: ['throughput', 'replay', 'routing', 'delivery', 'operations'],
      answer: 'string',
      via: 'string?',
    },
    { type: ['rename'], name: 'string' },
    { type: ['clear'] },
  ],
  'cache-aside': [
    { kind: ['request'], productId: 'number' },
    { kind: ['wait'], seconds: 'number' },
    { kind: ['update'], productId: 'number', price: 'number' },
    { kind: ['settings'], ttlSeconds: 'number', dbMs: 'number' },
  ],
  'celery-retries': [
    { type: ['transport'], value: ['redis', 'rabbitmq'] },
    { type: ['retry'], value: ['none', 'countdown', 'autoretry'] },
    { type: ['number'], key: ['maxRetries', 'backoff', 'backoffMax', 'failures'], value: 'number' },
    { type: ['flag'], key: ['jitter', 'acksLate', 'crash'], value: 'boolean' },
    { type: ['slide'] },
  ],
  'chart-throughput': [],
  'chart-brokers': [],
  'exchange-routing': [
    { type: ['select'], kind: 'string' },
    { type: ['publish'], routingKey: 'string', headers: 'map?', mandatory: 'boolean' },
    { type: ['bind', 'unbind', 'add-queue'], queue: 'string', binding: BINDING },
    { type: ['rebind'], queue: 'string', from: BINDING, to: BINDING },
  ],
  'idempotent-consumer': [{ id: 'string', amount: 'number', crash: 'boolean' }],
  'kafka-partitions': [
    { kind: ['produce'], key: 'string|null' },
    { kind: ['addConsumer', 'removeConsumer', 'crashConsumer', 'commit'] },
    { kind: ['poll'], group: ['A', 'B'] },
    { kind: ['seek'], offset: 'number' },
    { kind: ['partitions'], partitions: 'number' },
    { kind: ['assignor'], assignor: ['range', 'roundrobin', 'cooperative-sticky'] },
  ],
  'kafka-replication': [
    { type: ['send'], value: 'string', acks: [0, 1, 'all'] },
    { type: ['stop', 'start'], broker: 'number' },
    { type: ['replicate'] },
  ],
  'order-flow': [
    {
      type: ['duration'],
      key: ['saveOrder', 'sendEmail', 'updateInventory', 'notifyWarehouse', 'publish'],
      ms: 'number',
    },
    { type: ['failures'], task: ['email', 'inventory', 'warehouse'], count: 'number' },
    { type: ['slide-input'] },
  ],
  patterns: [
    { type: ['publish'], body: 'string' },
    { type: ['receivers', 'request'], n: 'number' },
    {
      type: ['append'],
      event: {
        oneOf: [{ kind: ['opened'] }, { kind: ['deposited', 'withdrawn'], amount: 'number' }],
      },
    },
    { type: ['replay'] },
    { type: ['answer'], correlationId: 'string' },
  ],
  'rabbit-acks': [
    { type: ['publish'], count: 'number' },
    { type: ['run'], ms: 'number' },
    { type: ['qos'], prefetch: 'number' },
    { type: ['crash', 'revive'], worker: 'string' },
    { type: ['settle'], worker: 'string', how: ['ack', 'nack', 'reject'], requeue: 'boolean' },
  ],
  'redis-list-queue': [
    { type: ['lpush'], value: 'string' },
    { type: ['start', 'finish'], worker: 'string', mode: WORKER_MODE },
    { type: ['crash'], worker: 'string' },
    { type: ['requeue'] },
  ],
  'redis-pubsub': [
    { type: ['publish'], channel: 'string', message: 'string' },
    { type: ['join', 'leave'], client: 'string', pattern: 'string' },
  ],
};

/** True when `action` has exactly one of `widget`'s action shapes (no field missing or extra). */
export function fitsActionShape(widget: WidgetName, action: unknown): boolean {
  return ACTION_SHAPES[widget].some((shape) => fits(shape, action));
}

function isPlain(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map)
  );
}

function fits(shape: Shape, value: unknown): boolean {
  if (!isPlain(value)) return false;
  for (const key of Object.keys(value)) if (!Object.hasOwn(shape, key)) return false;
  return Object.entries(shape).every(([key, rule]) =>
    obeys(rule, own(value, key), Object.hasOwn(value, key)),
  );
}

function obeys(rule: Rule, value: unknown, present: boolean): boolean {
  if (rule === 'string?') return !present || typeof value === 'string';
  if (rule === 'map?')
    return (
      !present ||
      (value instanceof Map &&
        [...value].every(([k, v]) => typeof k === 'string' && typeof v === 'string'))
    );
  if (!present) return false;
  if (rule === 'string') return typeof value === 'string';
  if (rule === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (rule === 'boolean') return typeof value === 'boolean';
  if (rule === 'string|null') return value === null || typeof value === 'string';
  if (rule === 'record')
    return isPlain(value) && Object.values(value).every((v) => typeof v === 'string');
  if (Array.isArray(rule)) return rule.includes(value as string | number);
  if ('oneOf' in rule && Array.isArray(rule.oneOf)) return rule.oneOf.some((s) => fits(s, value));
  return fits(rule as Shape, value);
}
