/**
 * Which widget module each catalogue name loads. Modules are dynamic imports, so a widget's code
 * (and Chart.js) loads with its slide, not with the deck. Step counts and stories are in
 * src/lecture/names.ts (the deck creates fragments before loading); every name has an entry here,
 * or this file does not compile.
 */
import { WIDGETS, isWidgetName, type WidgetName } from '../lecture/names.ts';
import type { KitModule } from './runtime/kit.ts';

export interface CatalogEntry {
  /** Scripted steps, one reveal.js fragment each. */
  readonly steps: number;
  readonly load: () => Promise<KitModule>;
}

const LOADERS: Record<WidgetName, () => Promise<KitModule>> = {
  'order-flow': () => import('./order-flow/index.ts').then((m) => m.orderFlowWidget),
  'chart-throughput': () => import('./charts/throughput.ts').then((m) => m.throughputWidget),
  'kafka-partitions': () =>
    import('./kafka-partitions/index.ts').then((m) => m.kafkaPartitionsWidget),
  'kafka-replication': () =>
    import('./kafka-replication/index.ts').then((m) => m.kafkaReplicationWidget),
  'exchange-routing': () =>
    import('./exchange-routing/index.ts').then((m) => m.exchangeRoutingWidget),
  'rabbit-acks': () => import('./rabbit-acks/index.ts').then((m) => m.rabbitAcksWidget),
  'celery-retries': () => import('./celery-retries/index.ts').then((m) => m.celeryRetriesWidget),
  'idempotent-consumer': () =>
    import('./idempotent-consumer/index.ts').then((m) => m.idempotentConsumerWidget),
  'chart-brokers': () => import('./charts/brokers.ts').then((m) => m.brokersWidget),
  'redis-pubsub': () => import('./redis-pubsub/index.ts').then((m) => m.redisPubSubWidget),
  'redis-list-queue': () =>
    import('./redis-list-queue/index.ts').then((m) => m.redisListQueueWidget),
  patterns: () => import('./patterns/index.ts').then((m) => m.patternsWidget),
  'cache-aside': () => import('./cache-aside/index.ts').then((m) => m.cacheAsideWidget),
  'broker-chooser': () => import('./broker-chooser/index.ts').then((m) => m.brokerChooserWidget),
};

/** Widget `name`'s step count and loader. */
export function catalogEntry(name: WidgetName): CatalogEntry {
  return { steps: WIDGETS[name].steps, load: LOADERS[name] };
}

/** What a slot the pipeline wrote (`data-widget-slot`, `data-widget-story`) asks to mount. */
export interface SlotWidget extends CatalogEntry {
  readonly name: WidgetName;
  readonly story: string | undefined;
}

/** The widget a slot names, or undefined when it names none the catalogue knows. */
export function widgetInSlot(slot: HTMLElement): SlotWidget | undefined {
  const name = slot.dataset['widgetSlot'];
  if (name === undefined || !isWidgetName(name)) return undefined;
  return { name, story: slot.dataset['widgetStory'], ...catalogEntry(name) };
}
