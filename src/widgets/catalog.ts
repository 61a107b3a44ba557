/**
 * Which widget module each catalogue name loads, and how many clicker steps it has. Modules are
 * dynamic imports, so a widget's code (and Chart.js) loads with its slide, not with the deck.
 * Step counts live here, not in the modules, so the deck can create fragments before loading.
 */
import type { WidgetName } from '../deck/widget-names.ts';
import type { WidgetModule } from './runtime/types.ts';

export interface CatalogEntry {
  /** Scripted steps, one reveal.js fragment each. */
  readonly steps: number;
  readonly load: () => Promise<WidgetModule>;
}

/** Widgets built so far; a slot naming another widget stays empty until it lands. */
export const WIDGET_CATALOG: Partial<Record<WidgetName, CatalogEntry>> = {
  'order-flow': {
    steps: 5,
    load: () => import('./order-flow/index.ts').then((m) => m.orderFlowWidget),
  },
  'chart-throughput': {
    steps: 2,
    load: () => import('./charts/throughput.ts').then((m) => m.throughputWidget),
  },
  'kafka-partitions': {
    steps: 6,
    load: () => import('./kafka-partitions/index.ts').then((m) => m.kafkaPartitionsWidget),
  },
  'exchange-routing': {
    steps: 5,
    load: () => import('./exchange-routing/index.ts').then((m) => m.exchangeRoutingWidget),
  },
  'rabbit-acks': {
    steps: 6,
    load: () => import('./rabbit-acks/index.ts').then((m) => m.rabbitAcksWidget),
  },
  'celery-retries': {
    steps: 6,
    load: () => import('./celery-retries/index.ts').then((m) => m.celeryRetriesWidget),
  },
  'idempotent-consumer': {
    steps: 6,
    load: () => import('./idempotent-consumer/index.ts').then((m) => m.idempotentConsumerWidget),
  },
  'chart-brokers': {
    steps: 0,
    load: () => import('./charts/brokers.ts').then((m) => m.brokersWidget),
  },
  'redis-pubsub': {
    steps: 8,
    load: () => import('./redis-pubsub/index.ts').then((m) => m.redisPubSubWidget),
  },
  'redis-list-queue': {
    steps: 9,
    load: () => import('./redis-list-queue/index.ts').then((m) => m.redisListQueueWidget),
  },
  patterns: {
    steps: 10,
    load: () => import('./patterns/index.ts').then((m) => m.patternsWidget),
  },
  'cache-aside': {
    steps: 5,
    load: () => import('./cache-aside/index.ts').then((m) => m.cacheAsideWidget),
  },
  'broker-chooser': {
    steps: 4,
    load: () => import('./broker-chooser/index.ts').then((m) => m.brokerChooserWidget),
  },
};
