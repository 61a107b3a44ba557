/**
 * For each widget: its logic and a pool of actions a student can make (valid or not in a given
 * state: the logic decides), from which the share tests draw random logs.
 */
import type { WidgetName } from '../../../../src/lecture/names.ts';
import type { WidgetLogic } from '../../../../src/widgets/runtime/timeline.ts';
import { chooserLogic } from '../../../../src/widgets/broker-chooser/logic.ts';
import { cacheLogic } from '../../../../src/widgets/cache-aside/logic.ts';
import { celeryLogic } from '../../../../src/widgets/celery-retries/logic.ts';
import { brokersLogic, throughputLogic } from '../../../../src/widgets/charts/logic.ts';
import { routingLogic } from '../../../../src/widgets/exchange-routing/logic.ts';
import { idempotentLogic } from '../../../../src/widgets/idempotent-consumer/logic.ts';
import { kafkaPartitionsLogic } from '../../../../src/widgets/kafka-partitions/logic.ts';
import { replicationLogic } from '../../../../src/widgets/kafka-replication/logic.ts';
import { orderFlowLogic } from '../../../../src/widgets/order-flow/logic.ts';
import { patternsLogic } from '../../../../src/widgets/patterns/logic.ts';
import { acksLogic } from '../../../../src/widgets/rabbit-acks/logic.ts';
import { listQueueLogic } from '../../../../src/widgets/redis-list-queue/logic.ts';
import { pubsubLogic } from '../../../../src/widgets/redis-pubsub/logic.ts';

/** Any widget's logic, with its action type erased (the share format carries plain data). */
export type AnyLogic = WidgetLogic<unknown, unknown, unknown, string>;

const erase = <M, V, A, S extends string>(logic: WidgetLogic<M, V, A, S>): AnyLogic =>
  logic as unknown as AnyLogic;

const binding = (routingKey: string) => ({ routingKey, arguments: {} });

/** Each widget's logic and the actions its lab can send. */
export const SHARE_SAMPLES: Record<WidgetName, { logic: AnyLogic; actions: readonly object[] }> = {
  'broker-chooser': {
    logic: erase(chooserLogic),
    actions: [
      { type: 'answer', question: 'throughput', answer: 'huge' },
      { type: 'answer', question: 'replay', answer: 'yes' },
      { type: 'answer', question: 'throughput', answer: 'moderate', via: '2 000 сообщ./с' },
      { type: 'rename', name: 'Мой сервис' },
      { type: 'clear' },
    ],
  },
  'cache-aside': {
    logic: erase(cacheLogic),
    actions: [
      { kind: 'request', productId: 1 },
      { kind: 'request', productId: 2 },
      { kind: 'wait', seconds: 30 },
      { kind: 'update', productId: 1, price: 990 },
      { kind: 'settings', ttlSeconds: 60, dbMs: 50 },
    ],
  },
  'celery-retries': {
    logic: erase(celeryLogic),
    actions: [
      { type: 'transport', value: 'rabbitmq' },
      { type: 'retry', value: 'autoretry' },
      { type: 'number', key: 'maxRetries', value: 5 },
      { type: 'number', key: 'failures', value: 2 },
      { type: 'flag', key: 'jitter', value: false },
      { type: 'flag', key: 'acksLate', value: true },
      { type: 'slide' },
    ],
  },
  'chart-throughput': { logic: erase(throughputLogic), actions: [] },
  'chart-brokers': { logic: erase(brokersLogic), actions: [] },
  'exchange-routing': {
    logic: erase(routingLogic),
    actions: [
      { type: 'select', kind: 'topic' },
      { type: 'select', kind: 'headers' },
      { type: 'publish', routingKey: 'error.payment.eu', mandatory: false },
      { type: 'publish', routingKey: 'x', headers: new Map([['format', 'pdf']]), mandatory: true },
      { type: 'bind', queue: 'errors', binding: binding('#.eu') },
      { type: 'add-queue', queue: 'audit', binding: binding('#') },
      { type: 'unbind', queue: 'audit', binding: binding('#') },
    ],
  },
  'idempotent-consumer': {
    logic: erase(idempotentLogic),
    actions: [
      { id: 'p-1', amount: 100, crash: true },
      { id: 'p-2', amount: 250, crash: false },
      { id: 'p-1', amount: 100, crash: false },
    ],
  },
  'kafka-partitions': {
    logic: erase(kafkaPartitionsLogic),
    actions: [
      { kind: 'produce', key: 'user-42' },
      { kind: 'produce', key: null },
      { kind: 'addConsumer' },
      { kind: 'removeConsumer' },
      { kind: 'crashConsumer' },
      { kind: 'poll', group: 'A' },
      { kind: 'commit' },
      { kind: 'seek', offset: 0 },
      { kind: 'partitions', partitions: 6 },
      { kind: 'assignor', assignor: 'roundrobin' },
    ],
  },
  'kafka-replication': {
    logic: erase(replicationLogic),
    actions: [
      { type: 'send', value: 'заказ', acks: 'all' },
      { type: 'send', value: 'клик', acks: 1 },
      { type: 'stop', broker: 2 },
      { type: 'start', broker: 2 },
      { type: 'replicate' },
    ],
  },
  'order-flow': {
    logic: erase(orderFlowLogic),
    actions: [
      { type: 'duration', key: 'sendEmail', ms: 500 },
      { type: 'failures', task: 'email', count: 1 },
      { type: 'slide-input' },
    ],
  },
  patterns: {
    logic: erase(patternsLogic),
    actions: [
      { type: 'publish', body: 'заказ #7' },
      { type: 'receivers', n: 4 },
      { type: 'append', event: { kind: 'deposited', amount: 50 } },
      { type: 'replay' },
      { type: 'request', n: 5 },
    ],
  },
  'rabbit-acks': {
    logic: erase(acksLogic),
    actions: [
      { type: 'publish', count: 2 },
      { type: 'run', ms: 1000 },
      { type: 'qos', prefetch: 1 },
      { type: 'crash', worker: 'w1' },
      { type: 'revive', worker: 'w1' },
      { type: 'settle', worker: 'w2', how: 'nack', requeue: true },
    ],
  },
  'redis-list-queue': {
    logic: erase(listQueueLogic),
    actions: [
      { type: 'lpush', value: 'письмо для Оли' },
      { type: 'lpush', value: '__proto__' },
      { type: 'start', worker: 'W5', mode: 'BLMOVE' },
      { type: 'finish', worker: 'W1', mode: 'BRPOP' },
      { type: 'crash', worker: 'W3' },
      { type: 'requeue' },
    ],
  },
  'redis-pubsub': {
    logic: erase(pubsubLogic),
    actions: [
      { type: 'publish', channel: 'notifications', message: 'привет' },
      { type: 'join', client: 'C', pattern: 'news.*' },
      { type: 'publish', channel: 'news.sport', message: 'гол' },
      { type: 'leave', client: 'C', pattern: 'news.*' },
    ],
  },
};
