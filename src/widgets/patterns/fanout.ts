/**
 * Pub/Sub vs Task Queue on the core's RabbitMQ model: every message is published twice — to a
 * fanout exchange with one queue per subscriber, and to one work queue shared by all workers.
 * Who got what is read from the model's basic.deliver events, never decided here.
 */
import { initRabbit, type RabbitCommand, type RabbitState } from '../../broker/rabbitmq/index.ts';
import { deliveriesIn, runRabbit } from './rabbit-run.ts';

/** Subscribers and workers a student may ask for. */
export const MIN_RECEIVERS = 1;
export const MAX_RECEIVERS = 6;
/** Receivers of each kind before the student changes it. */
export const DEFAULT_RECEIVERS = 3;

export const FANOUT_EXCHANGE = 'events';
export const TASK_QUEUE = 'tasks';

/** A publish of one message (scripted or typed by the student). */
export interface FanoutAction {
  readonly type: 'publish';
  readonly body: string;
}

/** The scripted steps: one message, another, then two more so the workers wrap round. */
export const FANOUT_SCRIPT: readonly (readonly FanoutAction[])[] = [
  [{ type: 'publish', body: 'заказ #1' }],
  [{ type: 'publish', body: 'заказ #2' }],
  [
    { type: 'publish', body: 'заказ #3' },
    { type: 'publish', body: 'заказ #4' },
  ],
];

/** A message as a receiver shows it: its number in publish order and its text. */
export interface ReceivedMessage {
  readonly n: number;
  readonly body: string;
}

export interface Receiver {
  readonly name: string;
  /** The queue it consumes from (its own for a subscriber, the shared one for a worker). */
  readonly queue: string;
  readonly got: readonly ReceivedMessage[];
}

export interface FanoutView {
  readonly subscribers: readonly Receiver[];
  readonly workers: readonly Receiver[];
  /** Every message published so far, in order. */
  readonly published: readonly ReceivedMessage[];
  /** Messages published by the last step or action (for the caption and the highlight). */
  readonly latest: readonly number[];
  /** Deliveries the model made to subscribers and to workers in total. */
  readonly subscriberDeliveries: number;
  readonly workerDeliveries: number;
}

const subscriberName = (i: number): string => `подписчик ${i}`;
const workerName = (i: number): string => `воркер ${i}`;

/** The topology for `receivers` subscribers and as many workers (prefetch 1, manual ack). */
export function fanoutSetup(receivers: number): RabbitCommand[] {
  const out: RabbitCommand[] = [
    { type: 'connection.open', connection: 'publisher' },
    { type: 'channel.open', connection: 'publisher', channel: 'pub' },
    { type: 'exchange.declare', channel: 'pub', exchange: FANOUT_EXCHANGE, kind: 'fanout' },
    { type: 'queue.declare', channel: 'pub', queue: TASK_QUEUE, durable: true },
  ];
  for (let i = 1; i <= receivers; i++) {
    const sub = `sub-${i}`;
    out.push(
      { type: 'connection.open', connection: sub },
      { type: 'channel.open', connection: sub, channel: sub },
      { type: 'queue.declare', channel: sub, queue: `${FANOUT_EXCHANGE}.${sub}`, exclusive: true },
      {
        type: 'queue.bind',
        channel: sub,
        queue: `${FANOUT_EXCHANGE}.${sub}`,
        exchange: FANOUT_EXCHANGE,
      },
      {
        type: 'basic.consume',
        channel: sub,
        queue: `${FANOUT_EXCHANGE}.${sub}`,
        consumerTag: sub,
        noAck: true,
      },
    );
  }
  for (let i = 1; i <= receivers; i++) {
    const worker = `worker-${i}`;
    out.push(
      { type: 'connection.open', connection: worker },
      { type: 'channel.open', connection: worker, channel: worker },
      { type: 'basic.qos', channel: worker, prefetchCount: 1 },
      { type: 'basic.consume', channel: worker, queue: TASK_QUEUE, consumerTag: worker },
    );
  }
  return out;
}

function publishCommands(body: string): RabbitCommand[] {
  return [
    { type: 'basic.publish', channel: 'pub', exchange: FANOUT_EXCHANGE, routingKey: '', body },
    {
      type: 'basic.publish',
      channel: 'pub',
      exchange: '',
      routingKey: TASK_QUEUE,
      body,
      properties: { deliveryMode: 2 },
    },
  ];
}

/** Where a replay got to: the broker's state and what the receivers saw (never mutated). */
interface FanoutRun {
  readonly receivers: number;
  /** One key per applied group (its bodies), to tell whether a later call extends this run. */
  readonly keys: readonly string[];
  readonly state: RabbitState;
  readonly byPublish: ReadonlyMap<number, ReceivedMessage>;
  readonly got: ReadonlyMap<string, readonly ReceivedMessage[]>;
  readonly published: readonly ReceivedMessage[];
  readonly latest: readonly number[];
  readonly subscriberDeliveries: number;
  readonly workerDeliveries: number;
}

/**
 * Runs kept between calls so that a student's next publish extends the last replay instead of
 * starting over (each RabbitMQ step copies the broker's state, so a full replay of 40 publishes
 * to 6 + 6 receivers would cost a long task). Results equal a replay from scratch.
 */
export class FanoutCache {
  last: FanoutRun | undefined;
  readonly setups = new Map<number, FanoutRun>();
}

const sharedCache = new FanoutCache();
const groupKey = (group: readonly FanoutAction[]): string =>
  group.map((a) => a.body).join('\u0000');

function setupRun(receivers: number, cache: FanoutCache): FanoutRun {
  const cached = cache.setups.get(receivers);
  if (cached) return cached;
  const run: FanoutRun = {
    receivers,
    keys: [],
    state: runRabbit(initRabbit(40), fanoutSetup(receivers)).state,
    byPublish: new Map(),
    got: new Map(),
    published: [],
    latest: [],
    subscriberDeliveries: 0,
    workerDeliveries: 0,
  };
  cache.setups.set(receivers, run);
  return run;
}

function applyGroup(run: FanoutRun, group: readonly FanoutAction[]): FanoutRun {
  let state = run.state;
  const byPublish = new Map(run.byPublish);
  const got = new Map(run.got);
  const published = [...run.published];
  const latest: number[] = [];
  let { subscriberDeliveries, workerDeliveries } = run;
  for (const action of group) {
    const message = { n: published.length + 1, body: action.body };
    published.push(message);
    latest.push(message.n);
    const result = runRabbit(state, publishCommands(action.body));
    state = result.state;
    for (const e of result.events)
      if (e.type === 'basic.publish') byPublish.set(e.publishId, message);
    // Each worker acks what it was handed, which frees its single prefetch slot.
    const acks: RabbitCommand[] = [];
    for (const d of deliveriesIn(result.events)) {
      const m = byPublish.get(d.publishId);
      if (m && d.consumerTag) got.set(d.consumerTag, [...(got.get(d.consumerTag) ?? []), m]);
      if (d.queue === TASK_QUEUE) {
        workerDeliveries++;
        acks.push({ type: 'basic.ack', channel: d.channel, deliveryTag: d.deliveryTag });
      } else subscriberDeliveries++;
    }
    state = runRabbit(state, acks).state;
  }
  return {
    receivers: run.receivers,
    keys: [...run.keys, groupKey(group)],
    state,
    byPublish,
    got,
    published,
    latest,
    subscriberDeliveries,
    workerDeliveries,
  };
}

function continues(run: FanoutRun, receivers: number, keys: readonly string[]): boolean {
  return (
    run.receivers === receivers &&
    run.keys.length <= keys.length &&
    run.keys.every((k, i) => k === keys[i])
  );
}

/** The state after `local` scripted steps and then the student's publishes. */
export function fanoutView(
  receivers: number,
  local: number,
  actions: readonly FanoutAction[],
  cache: FanoutCache = sharedCache,
): FanoutView {
  const steps = FANOUT_SCRIPT.slice(0, Math.max(0, local));
  const groups = [...steps, ...actions.map((a) => [a])];
  const keys = groups.map(groupKey);
  const last = cache.last;
  let run = last && continues(last, receivers, keys) ? last : setupRun(receivers, cache);
  for (const group of groups.slice(run.keys.length)) run = applyGroup(run, group);
  cache.last = run;
  const { got } = run;
  const receiversOf = (prefix: string, name: (i: number) => string, queue: (i: number) => string) =>
    Array.from({ length: receivers }, (_, k) => ({
      name: name(k + 1),
      queue: queue(k + 1),
      got: got.get(`${prefix}-${k + 1}`) ?? [],
    }));
  return {
    subscribers: receiversOf('sub', subscriberName, (i) => `${FANOUT_EXCHANGE}.sub-${i}`),
    workers: receiversOf('worker', workerName, () => TASK_QUEUE),
    published: run.published,
    latest: run.latest,
    subscriberDeliveries: run.subscriberDeliveries,
    workerDeliveries: run.workerDeliveries,
  };
}
