/**
 * Every broker model under test for determinism, serialisability, purity and bounded memory,
 * each with a generator of valid commands that looks at the current state (delivery tags,
 * group members, blocked clients) so long random runs stay meaningful.
 */
import { nextInt, seedPrng, type PrngState } from '../../../src/broker/core/prng.ts';
import type { Model } from '../../../src/broker/core/replay.ts';
import {
  celeryModelWith,
  type CeleryCommand,
  type CeleryState,
} from '../../../src/broker/celery/index.ts';
import {
  orderFlowModel,
  type OrderFlowCommand,
  type OrderFlowState,
} from '../../../src/broker/orderflow/index.ts';
import { redisModel, type RedisCommand, type RedisState } from '../../../src/broker/redis/index.ts';
import {
  rabbitModel,
  type RabbitCommand,
  type RabbitState,
} from '../../../src/broker/rabbitmq/index.ts';
import { kafkaModel, type KafkaCommand, type KafkaState } from '../../../src/broker/kafka/index.ts';

/** A small seeded dice for command generation (the core PRNG, so runs repeat exactly). */
export class Dice {
  private state: PrngState;
  constructor(seed: number) {
    this.state = seedPrng(seed);
  }
  int(min: number, max: number): number {
    const [n, next] = nextInt(this.state, min, max);
    this.state = next;
    return n;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T;
  }
  chance(p: number): boolean {
    return this.int(0, 999) < p * 1000;
  }
}

/** A model plus: commands to set it up, and a generator of the next command given the state. */
export interface Subject<S, C, E> {
  readonly name: string;
  readonly model: Model<S, C, E>;
  readonly setup: readonly C[];
  /** `lastEvents` are the events of the previous step (to learn delivery tags and the like). */
  next(dice: Dice, state: S, lastEvents: readonly E[]): C;
}

const celery: Subject<CeleryState, CeleryCommand, unknown> = {
  name: 'celery',
  model: celeryModelWith({
    transport: 'redis',
    visibilityTimeoutMs: 60_000,
    tasks: {
      late: {
        durationMs: 700,
        acksLate: true,
        retry: { kind: 'autoretry', retryBackoff: true, retryBackoffMax: 30, retryJitter: true },
      },
      early: { durationMs: 300, retry: { kind: 'countdown', countdown: 2, passExc: false } },
    },
    workers: [
      { id: 'w1', concurrency: 2, prefetchMultiplier: 2 },
      { id: 'w2', concurrency: 1, prefetchMultiplier: 4 },
    ],
    beatSchedule: [{ name: 'tick', task: 'early', everyS: 30 }],
  }),
  setup: [],
  next(dice, state) {
    const r = dice.int(0, 99);
    if (r < 40) {
      return {
        type: 'send',
        name: dice.pick(['late', 'early']),
        plan: { kind: 'random', failureRate: 0.3 },
      };
    }
    if (r < 95) return { type: 'advance', ms: dice.int(0, 2000) };
    const w = dice.pick(state.workers);
    return w.alive ? { type: 'crashWorker', worker: w.id } : { type: 'startWorker', worker: w.id };
  },
};

const orderflow: Subject<OrderFlowState, OrderFlowCommand, unknown> = {
  name: 'orderflow',
  model: orderFlowModel,
  setup: [],
  next(dice) {
    const r = dice.int(0, 99);
    if (r < 50) return { type: 'next' };
    if (r < 90) return { type: 'advance', ms: dice.int(0, 800) };
    return {
      type: 'configure',
      durations: { sendEmail: dice.int(0, 5000), publish: dice.int(0, 20) },
      failures: { inventory: dice.int(0, 3) },
    };
  },
};

const redis: Subject<RedisState, RedisCommand, unknown> = {
  name: 'redis',
  model: redisModel,
  setup: [{ type: 'SUBSCRIBE', client: 'sub', channels: ['news'] }],
  next(dice, state) {
    const r = dice.int(0, 99);
    const key = `k${dice.int(0, 9)}`;
    if (r < 15)
      return { type: 'LPUSH', client: 'app', key: 'queue', values: [`job${dice.int(0, 999)}`] };
    if (r < 30) {
      const worker = dice.pick(['w1', 'w2']);
      const c = state.clients[worker];
      if (c?.task) return { type: 'finishTask', client: worker };
      if (c?.blocked) return { type: 'advance', ms: dice.int(0, 1500) };
      return { type: 'BRPOP', client: worker, keys: ['queue'], timeout: 1 };
    }
    if (r < 38) return { type: 'RPOP', client: 'app', key: 'queue' };
    if (r < 50)
      return { type: 'SET', client: 'app', key, value: `v${dice.int(0, 99)}`, ex: dice.int(1, 20) };
    if (r < 58) return { type: 'GET', client: 'app', key };
    if (r < 63) return { type: 'INCR', client: 'app', key: 'counter' };
    if (r < 68)
      return {
        type: 'HSET',
        client: 'app',
        key: `h${dice.int(0, 3)}`,
        fields: [[`f${dice.int(0, 5)}`, 'x']],
      };
    if (r < 75)
      return {
        type: 'PUBLISH',
        client: 'app',
        channel: dice.pick(['news', 'other']),
        message: 'm',
      };
    if (r < 77) return { type: 'crash', client: dice.pick(['w1', 'w2']) };
    return { type: 'advance', ms: dice.int(0, 3000) };
  },
};

interface RabbitDeliver {
  readonly type: string;
  readonly channel?: string;
  readonly deliveryTag?: number;
}

/** Delivery tags the consumer channel holds unacked, learned from basic.deliver events. */
const outstanding: number[] = [];

const rabbitmq: Subject<RabbitState, RabbitCommand, unknown> = {
  name: 'rabbitmq',
  model: rabbitModel,
  setup: [
    { type: 'connection.open', connection: 'app' },
    { type: 'channel.open', connection: 'app', channel: 'pub' },
    { type: 'exchange.declare', channel: 'pub', exchange: 'orders', kind: 'topic' },
    { type: 'queue.declare', channel: 'pub', queue: 'work' },
    { type: 'queue.declare', channel: 'pub', queue: 'audit' },
    {
      type: 'queue.bind',
      channel: 'pub',
      queue: 'work',
      exchange: 'orders',
      routingKey: 'order.*',
    },
    {
      type: 'queue.bind',
      channel: 'pub',
      queue: 'audit',
      exchange: 'orders',
      routingKey: 'order.#',
    },
    { type: 'connection.open', connection: 'worker' },
    { type: 'channel.open', connection: 'worker', channel: 'cons' },
    { type: 'basic.qos', channel: 'cons', prefetchCount: 10 },
    { type: 'basic.consume', channel: 'cons', queue: 'work', consumerTag: 'w' },
  ],
  next(dice, _state, lastEvents) {
    for (const e of lastEvents as readonly RabbitDeliver[]) {
      if (e.type === 'basic.deliver' && e.channel === 'cons' && e.deliveryTag !== undefined)
        outstanding.push(e.deliveryTag);
    }
    const r = dice.int(0, 99);
    if (r < 40) {
      const routingKey = dice.pick(['order.new', 'order.eu.new', 'invoice', '']);
      return {
        type: 'basic.publish',
        channel: 'pub',
        exchange: 'orders',
        routingKey,
        body: 'x',
        mandatory: dice.chance(0.3),
      };
    }
    if (r < 70 && outstanding.length > 0) {
      const tag = outstanding.splice(dice.int(0, outstanding.length - 1), 1)[0] as number;
      return dice.chance(0.8)
        ? { type: 'basic.ack', channel: 'cons', deliveryTag: tag }
        : { type: 'basic.nack', channel: 'cons', deliveryTag: tag, requeue: true };
    }
    if (r < 90) return { type: 'basic.get', channel: 'pub', queue: 'audit', noAck: true };
    return { type: 'advance', ms: dice.int(0, 1000) };
  },
};

/** Clears generator memory between runs (the rabbit generator tracks delivery tags). */
export function resetGenerators(): void {
  outstanding.length = 0;
}

const members = ['m1', 'm2', 'm3'] as const;

const kafka: Subject<KafkaState, KafkaCommand, unknown> = {
  name: 'kafka',
  model: kafkaModel,
  setup: [
    {
      type: 'createTopic',
      name: 'orders',
      partitions: 12,
      replicationFactor: 3,
      retentionMs: 60_000,
    },
  ],
  next(dice, state) {
    const r = dice.int(0, 99);
    const group = state.groups.g1;
    const member = dice.pick(members);
    const joined = group?.members.some((m) => m.memberId === member) ?? false;
    if (r < 5)
      return {
        type: 'produceBatch',
        topic: 'orders',
        records: Array.from({ length: dice.int(1, 20) }, () => ({
          key: dice.chance(0.2) ? null : `k${dice.int(0, 50)}`,
          value: 'v',
        })),
        acks: dice.pick([0, 1, 'all'] as const),
      };
    if (r < 45)
      return {
        type: 'produce',
        topic: 'orders',
        key: `k${dice.int(0, 50)}`,
        value: 'v',
        acks: dice.pick([0, 1, 'all'] as const),
      };
    if (r < 55) return { type: 'replicate' };
    if (r < 62)
      return joined
        ? { type: 'poll', groupId: 'g1', memberId: member }
        : { type: 'joinGroup', groupId: 'g1', topics: ['orders'], memberId: member };
    if (r < 68 && joined) return { type: 'commitOffset', groupId: 'g1', memberId: member };
    if (r < 70 && joined)
      return { type: dice.pick(['leaveGroup', 'crash'] as const), groupId: 'g1', memberId: member };
    return { type: 'advance', ms: dice.int(0, 2000) };
  },
};

/** Every model in src/broker, erased to a common shape for the loops in the tests. */
export const subjects: readonly Subject<unknown, unknown, unknown>[] = [
  celery,
  orderflow,
  redis,
  rabbitmq,
  kafka,
] as unknown as Subject<unknown, unknown, unknown>[];

/** Runs setup plus `n` generated commands; returns the commands, every step's events, and the end state. */
export function generate<S, C, E>(
  subject: Subject<S, C, E>,
  seed: number,
  n: number,
  onState?: (state: S, i: number) => void,
): { commands: C[]; trace: (readonly E[])[]; state: S } {
  resetGenerators();
  const dice = new Dice(seed ^ 0x5eed);
  let state = subject.model.init(seed);
  const commands: C[] = [];
  const trace: (readonly E[])[] = [];
  let last: readonly E[] = [];
  for (let i = 0; i < subject.setup.length + n; i++) {
    const command =
      i < subject.setup.length ? (subject.setup[i] as C) : subject.next(dice, state, last);
    const result = subject.model.step(state, command);
    commands.push(command);
    trace.push(result.events);
    last = result.events;
    state = result.state;
    onState?.(state, i);
  }
  return { commands, trace, state };
}
