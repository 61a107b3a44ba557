/**
 * Pub/Sub vs Task Queue on the core's RabbitMQ model: every message is published twice — to a
 * fanout exchange with one queue per subscriber, and to one work queue shared by all workers.
 * Who got what is read from the model's basic.deliver events, never decided here.
 */
import { initRabbit, type RabbitCommand, type RabbitState } from '../../broker/rabbitmq/index.ts';
import { deliveriesIn, runRabbit } from './rabbit-run.ts';
import { FANOUT_SCRIPT, type PublishAction } from './story.ts';

/** Subscribers and workers a student may ask for. */
export const MIN_RECEIVERS = 1;
export const MAX_RECEIVERS = 6;
/** Receivers of each kind before the student changes it. */
export const DEFAULT_RECEIVERS = 3;

export const FANOUT_EXCHANGE = 'events';
export const TASK_QUEUE = 'tasks';

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

/**
 * The fan-out part of the widget's model: the broker's state and what the receivers saw, after
 * `scripted` steps of the script and the student's publishes (never mutated).
 */
export interface FanoutModel {
  readonly receivers: number;
  /** Scripted steps played (a new receiver count replays them on the new topology). */
  readonly scripted: number;
  readonly state: RabbitState;
  readonly byPublish: ReadonlyMap<number, ReceivedMessage>;
  readonly got: ReadonlyMap<string, readonly ReceivedMessage[]>;
  readonly published: readonly ReceivedMessage[];
  readonly latest: readonly number[];
  readonly subscriberDeliveries: number;
  readonly workerDeliveries: number;
}

/** The topology for `receivers` before any message. */
export function fanoutInit(receivers: number): FanoutModel {
  return {
    receivers,
    scripted: 0,
    state: runRabbit(initRabbit(40), fanoutSetup(receivers)).state,
    byPublish: new Map(),
    got: new Map(),
    published: [],
    latest: [],
    subscriberDeliveries: 0,
    workerDeliveries: 0,
  };
}

/** Publishes a group of messages (one step or one action); each worker acks what it got. */
export function fanoutPublish(model: FanoutModel, group: readonly PublishAction[]): FanoutModel {
  let state = model.state;
  const byPublish = new Map(model.byPublish);
  const got = new Map(model.got);
  const published = [...model.published];
  const latest: number[] = [];
  let { subscriberDeliveries, workerDeliveries } = model;
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
    ...model,
    state,
    byPublish,
    got,
    published,
    latest,
    subscriberDeliveries,
    workerDeliveries,
  };
}

/** Plays scripted step `local` (1-based) of the fan-out story. */
export function fanoutPlay(model: FanoutModel, local: number): FanoutModel {
  const group = FANOUT_SCRIPT[local - 1];
  return group ? { ...fanoutPublish(model, group), scripted: local } : model;
}

/** A new receiver count: the scripted steps replay on the new topology, publishes start over. */
export function fanoutRebuild(model: FanoutModel, receivers: number): FanoutModel {
  let next = fanoutInit(receivers);
  for (let local = 1; local <= model.scripted; local++) next = fanoutPlay(next, local);
  return next;
}

/** What the fan-out picture shows. */
export function fanoutViewOf(model: FanoutModel): FanoutView {
  const { got, receivers } = model;
  const receiversOf = (prefix: string, name: (i: number) => string, queue: (i: number) => string) =>
    Array.from({ length: receivers }, (_, k) => ({
      name: name(k + 1),
      queue: queue(k + 1),
      got: got.get(`${prefix}-${k + 1}`) ?? [],
    }));
  return {
    subscribers: receiversOf('sub', subscriberName, (i) => `${FANOUT_EXCHANGE}.sub-${i}`),
    workers: receiversOf('worker', workerName, () => TASK_QUEUE),
    published: model.published,
    latest: model.latest,
    subscriberDeliveries: model.subscriberDeliveries,
    workerDeliveries: model.workerDeliveries,
  };
}

/** The view after `local` scripted steps and then the student's publishes, from scratch. */
export function fanoutView(
  receivers: number,
  local: number,
  actions: readonly PublishAction[],
): FanoutView {
  let model = fanoutInit(receivers);
  for (let i = 1; i <= local; i++) model = fanoutPlay(model, i);
  for (const action of actions) model = fanoutPublish(model, [action]);
  return fanoutViewOf(model);
}
