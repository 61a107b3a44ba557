/**
 * The catalogue shared by the slide files, the build pipeline and the runtime: widget names a
 * slide may embed, and the lecture's parts with the labels the audience sees.
 */

/** What the deck, the pipeline and a widget share about one widget before its code loads. */
export interface WidgetMeta {
  /** Scripted steps, one reveal.js fragment each; the same for every story of the widget. */
  readonly steps: number;
  /** The stories a slide may name (`<!-- widget: NAME story=STORY -->`); the first is the default. */
  readonly stories: readonly [string, ...string[]];
}

/**
 * Every widget a slide may name in its front-matter `widgets:` list, with its step count and
 * stories: the one place these are written (widgets import their count from here).
 */
export const WIDGETS = {
  'order-flow': { steps: 5, stories: ['sync', 'async'] },
  'exchange-routing': { steps: 5, stories: ['architecture', 'guided', 'topic'] },
  'kafka-partitions': { steps: 6, stories: ['architecture', 'usage', 'producer', 'consumer'] },
  'kafka-replication': { steps: 6, stories: ['replication'] },
  'chart-throughput': { steps: 2, stories: ['throughput'] },
  'chart-brokers': { steps: 0, stories: ['brokers'] },
  'redis-pubsub': { steps: 8, stories: ['pubsub'] },
  'cache-aside': { steps: 5, stories: ['cache-aside'] },
  'redis-list-queue': { steps: 9, stories: ['list-queue'] },
  'rabbit-acks': { steps: 6, stories: ['acks', 'consumer'] },
  'celery-retries': { steps: 6, stories: ['states', 'backoff', 'acks', 'max-retries'] },
  patterns: { steps: 10, stories: ['patterns'] },
  'idempotent-consumer': { steps: 6, stories: ['idempotent'] },
  'broker-chooser': { steps: 4, stories: ['chooser'] },
} as const satisfies Record<string, WidgetMeta>;

/** A known widget name. */
export type WidgetName = keyof typeof WIDGETS;

/** The stories of widget `W`. */
export type StoryOf<W extends WidgetName> = (typeof WIDGETS)[W]['stories'][number];

/** Every widget name, in catalogue order. */
export const WIDGET_NAMES = Object.keys(WIDGETS) as WidgetName[];

/** The story a slot plays: `story` when the widget has it, else the widget's first. */
export function storyOf<W extends WidgetName>(name: W, story: string | undefined): StoryOf<W> {
  const stories: readonly string[] = WIDGETS[name].stories;
  return (story !== undefined && stories.includes(story) ? story : stories[0]) as StoryOf<W>;
}

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
  return Object.hasOwn(WIDGETS, name);
}

/** True when `name` is a part key. */
export function isPartName(name: string): name is PartName {
  return Object.hasOwn(PARTS, name);
}
