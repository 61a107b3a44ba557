/**
 * The catalogue shared by the slide files, the build pipeline and the runtime: widget names a
 * slide may embed, and the lecture's parts with the labels the audience sees.
 */

/** Every widget a slide may name in its front-matter `widgets:` list. */
export const WIDGET_NAMES = [
  'order-flow',
  'exchange-routing',
  'kafka-partitions',
  'chart-throughput',
  'chart-brokers',
  'redis-pubsub',
  'cache-aside',
  'redis-list-queue',
  'rabbit-acks',
  'celery-retries',
  'patterns',
  'idempotent-consumer',
  'broker-chooser',
] as const;

/** A known widget name. */
export type WidgetName = (typeof WIDGET_NAMES)[number];

/** The lecture's parts (front-matter `part:`) with their Russian labels. */
export const PARTS = {
  intro: 'Введение',
  redis: 'Redis',
  rabbitmq: 'RabbitMQ',
  kafka: 'Kafka',
  compare: 'Сравнение и выбор',
  celery: 'Celery',
  patterns: 'Паттерны и практики',
} as const;

/** A part key such as `redis`. */
export type PartName = keyof typeof PARTS;

/** True when `name` is in the widget catalogue. */
export function isWidgetName(name: string): name is WidgetName {
  return (WIDGET_NAMES as readonly string[]).includes(name);
}

/** True when `name` is a part key. */
export function isPartName(name: string): name is PartName {
  return Object.hasOwn(PARTS, name);
}
