/**
 * Broker-core benchmark: prints figures, asserts nothing. Run with `npm run bench:broker`
 * (or `npx tsx --expose-gc bench/broker.ts` for steadier heap figures).
 *
 * Sections: topic routing with 1,000 bindings (RabbitMQ's compiled trie and the model's
 * `route`), a 12-partition topic appended to and read by three consumer groups through the
 * replayable Kafka model (batched ProduceRequests, and one record per command for contrast), a
 * Celery run with retries, and the heap over long runs. A section whose export is missing is skipped
 * with a message, so the bench runs while teammates' folders are still being built.
 */
import { availableParallelism, loadavg } from 'node:os';
import {
  celeryModelWith,
  type CeleryCommand,
  type CeleryState,
} from '../src/broker/celery/index.ts';
import type * as RabbitExports from '../src/broker/rabbitmq/index.ts';
import type * as KafkaExports from '../src/broker/kafka/index.ts';
import { at } from '../src/broker/core/at.ts';

interface Row {
  readonly section: string;
  readonly figure: string;
  readonly target: string;
  readonly note: string;
}
const rows: Row[] = [];
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Operations per wall-clock second, and per second of this process's CPU time (all threads). */
interface Rate {
  readonly wall: number;
  readonly cpu: number;
}

/**
 * Runs `body(iterations)` until at least `minMs` have passed. The CPU-time rate says more than the
 * wall-clock one when other processes share the cores (see the load average printed above).
 */
function opsPerSecond(body: (iterations: number) => number, minMs = 1000): Rate {
  body(1000); // warm-up: let the JIT see the hot loop before timing it
  let iterations = 1000;
  for (;;) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const ops = body(iterations);
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    if (ms >= minMs) return { wall: (ops / ms) * 1000, cpu: (ops / cpuMs) * 1000 };
    iterations *= ms < minMs / 10 ? 10 : 2;
  }
}

const perCpu = (r: Rate): string => `${fmt(r.cpu)} per CPU-second`;

/** Imports a teammate's module, or returns undefined and records why the section is skipped. */
async function load<T>(
  path: string,
  section: string,
  names: readonly string[],
): Promise<T | undefined> {
  try {
    const mod = (await import(path)) as Record<string, unknown>;
    const missing = names.filter((n) => mod[n] === undefined);
    if (missing.length === 0) return mod as T;
    rows.push({
      section,
      figure: 'skipped',
      target: '',
      note: `${path} does not export ${missing.join(', ')}`,
    });
  } catch (error) {
    rows.push({
      section,
      figure: 'skipped',
      target: '',
      note: `cannot import ${path}: ${(error as Error).message}`,
    });
  }
  return undefined;
}

// ---------------------------------------------------------------- RabbitMQ topic routing
type RabbitModule = typeof RabbitExports;

const KINDS = ['order', 'payment', 'invoice', 'refund'] as const;

/** 1,000 bindings: exact keys, `*` and `#` patterns over a few word positions. */
function topicBindings(): { bindingKey: string; destination: string }[] {
  const out: { bindingKey: string; destination: string }[] = [];
  for (let i = 0; i < 1000; i++) {
    const region = `r${i % 20}`;
    const kind = at(KINDS, i % 4);
    const shape = i % 5;
    const bindingKey =
      shape === 0
        ? `${region}.${kind}.created`
        : shape === 1
          ? `${region}.*.created`
          : shape === 2
            ? `*.${kind}.q${i}`
            : shape === 3
              ? `${region}.#`
              : `#.q${i}`;
    out.push({ bindingKey, destination: `queue${i}` });
  }
  return out;
}

/**
 * Routing key `i mod 1024`, read in the timed loops: a check of its own (not the shared `at`), so
 * the load stays monomorphic and costs nothing next to a match.
 */
function keyAt(keys: readonly string[], i: number): string {
  const key = keys[i & 1023];
  if (key === undefined)
    throw new RangeError(`bench: no routing key ${i & 1023} of ${keys.length}`);
  return key;
}

function routingKeys(): string[] {
  const keys: string[] = [];
  for (let i = 0; i < 1024; i++) {
    const kind = at(KINDS, i % 4);
    keys.push(i % 3 === 0 ? `r${i % 20}.${kind}.created` : `r${i % 23}.${kind}.q${(i * 7) % 1000}`);
  }
  return keys;
}

async function benchRouting(): Promise<void> {
  const section = 'topic routing, 1,000 bindings';
  const rabbit = await load<RabbitModule>('../src/broker/rabbitmq/index.ts', section, [
    'compileTopicRouter',
    'route',
    'rabbitModel',
  ]);
  if (!rabbit) return;
  const bindings = topicBindings();
  const keys = routingKeys();
  const router = rabbit.compileTopicRouter(bindings);
  let matched = 0;
  const trie = opsPerSecond((n) => {
    for (let i = 0; i < n; i++) matched += router.match(keyAt(keys, i)).length;
    return n;
  });
  rows.push({
    section,
    figure: `${fmt(trie.wall)} msgs/s`,
    target: '≥ 1,000,000',
    note: `compileTopicRouter().match; ${perCpu(trie)}; ${fmt(matched)} matches`,
  });

  // The same bindings declared through the model, then `route(state, …)` as a widget would call it.
  const setup: RabbitExports.RabbitCommand[] = [
    { type: 'exchange.declare', exchange: 'events', kind: 'topic' },
    ...bindings.flatMap((b): RabbitExports.RabbitCommand[] => [
      { type: 'queue.declare', queue: b.destination },
      { type: 'queue.bind', queue: b.destination, exchange: 'events', routingKey: b.bindingKey },
    ]),
  ];
  let state = rabbit.rabbitModel.init(1);
  for (const c of setup) state = rabbit.rabbitModel.step(state, c).state;
  const viaState = opsPerSecond((n) => {
    for (let i = 0; i < n; i++) matched += rabbit.route(state, 'events', keyAt(keys, i)).length;
    return n;
  });
  rows.push({
    section,
    figure: `${fmt(viaState.wall)} msgs/s`,
    target: '≥ 1,000,000',
    note: `route(state, exchange, key) on the model state; ${perCpu(viaState)}`,
  });
}

// ---------------------------------------------------------------- Kafka append + 3 groups
type KafkaModule = typeof KafkaExports;

/** A 12-partition topic (acks=1, one replica) read by three groups of one consumer each. */
function kafkaSetup(kafka: KafkaModule): KafkaExports.KafkaState {
  let state = kafka.kafkaModel.init(1);
  state = kafka.kafkaModel.step(state, {
    type: 'createTopic',
    name: 'orders',
    partitions: 12,
    replicationFactor: 1,
    retentionMs: 60_000,
  }).state;
  for (const g of KAFKA_GROUPS) {
    state = kafka.kafkaModel.step(state, {
      type: 'joinGroup',
      groupId: g,
      topics: ['orders'],
      memberId: `${g}1`,
      autoOffsetReset: 'earliest',
    }).state;
  }
  return state;
}

const KAFKA_GROUPS = ['a', 'b', 'c'] as const;

/** Each group polls (max.poll.records = 500, Kafka's default) until a fetch comes back short. */
function drainGroups(
  kafka: KafkaModule,
  state: KafkaExports.KafkaState,
): {
  state: KafkaExports.KafkaState;
  read: number;
} {
  let read = 0;
  for (const g of KAFKA_GROUPS) {
    for (;;) {
      const r = kafka.kafkaModel.step(state, { type: 'poll', groupId: g, memberId: `${g}1` });
      state = r.state;
      const fetch = r.events.find((e) => e.type === 'fetch');
      const n = fetch?.type === 'fetch' ? fetch.count : 0;
      read += n;
      if (n < 500) break;
    }
  }
  return { state, read };
}

async function benchKafka(): Promise<void> {
  const section = '12 partitions, 3 groups';
  const kafka = await load<KafkaModule>('../src/broker/kafka/index.ts', section, [
    'kafkaModel',
    'logEndOffset',
  ]);
  if (!kafka) return;
  const batchSize = 1024;
  // 64 distinct ProduceRequests (1,024 keys cycle through them), reused: commands are never mutated.
  const batches = Array.from({ length: 64 }, (_, b): KafkaExports.KafkaCommand => ({
    type: 'produceBatch',
    topic: 'orders',
    acks: 1,
    records: Array.from({ length: batchSize }, (_, i) => ({
      key: `customer-${(b * batchSize + i) & 1023}`,
      value: `order-${b * batchSize + i}`,
    })),
  }));
  let state = kafkaSetup(kafka);
  let batch = 0;
  // Steady state, as in a long run: fill every partition to the memory cap before timing.
  const cap = state.config.maxRecordsPerPartition * 12;
  while (batch * batchSize < cap + 10 * batchSize) {
    state = kafka.kafkaModel.step(state, at(batches, batch++ & 63)).state;
    state = drainGroups(kafka, state).state;
  }
  let produced = 0;
  let read = 0;
  const rate = opsPerSecond((n) => {
    let done = 0;
    for (; done < n; done += batchSize) {
      state = kafka.kafkaModel.step(state, at(batches, batch++ & 63)).state;
      const drained = drainGroups(kafka, state);
      state = drained.state;
      read += drained.read;
    }
    produced += done;
    return done;
  });
  const retained = state.topics.orders?.partitions.reduce(
    (sum, p) => sum + kafka.logEndOffset(p) - p.logStartOffset,
    0,
  );
  rows.push({
    section,
    figure: `${fmt(rate.wall)} records/s`,
    target: '≥ 5,000,000',
    note:
      `kafkaModel.step: produceBatch of ${fmt(batchSize)} (acks=1) + 3 groups poll ×500 until drained; ` +
      `${perCpu(rate)}; ` +
      `${fmt(produced)} produced, ${fmt(read)} read (${(read / produced).toFixed(2)} per record), ` +
      `${fmt(retained ?? 0)} retained (logs at the memory cap before timing)`,
  });

  // One record per command, as the widgets' clicker steps produce (same model, same events).
  let single = kafkaSetup(kafka);
  let i = 0;
  const singleRate = opsPerSecond((n) => {
    for (let k = 0; k < n; k++, i++) {
      single = kafka.kafkaModel.step(single, {
        type: 'produce',
        topic: 'orders',
        key: `customer-${i & 1023}`,
        value: 'v',
        acks: 1,
      }).state;
      if (i % 500 === 499) single = drainGroups(kafka, single).state;
    }
    return n;
  }, 500);
  rows.push({
    section,
    figure: `${fmt(singleRate.wall)} records/s`,
    target: '',
    note: `kafkaModel.step: one produce command per record + the 3 groups drain every 500; ${perCpu(singleRate)}`,
  });

  // Flat memory: the heap and the serialised state over a long run (logs capped per partition).
  let long = kafkaSetup(kafka);
  const before = heapMb();
  const samples: string[] = [];
  for (let b = 1; b <= 4000; b++) {
    long = kafka.kafkaModel.step(long, at(batches, b & 63)).state;
    long = drainGroups(kafka, long).state;
    if (b % 1000 === 0) samples.push(`${fmt(b * batchSize)} records ${heapMb().toFixed(1)} MB`);
  }
  rows.push({
    section: 'heap, Kafka model long run',
    figure: `${before.toFixed(1)} → ${heapMb().toFixed(1)} MB`,
    target: 'flat',
    note: samples.join(', '),
  });
}

// ---------------------------------------------------------------- Celery with retries
const celeryModel = celeryModelWith({
  transport: 'rabbitmq',
  tasks: {
    job: {
      durationMs: 200,
      retry: { kind: 'autoretry', retryBackoff: true, retryBackoffMax: 600, retryJitter: true },
    },
  },
  workers: Array.from({ length: 4 }, (_, i) => ({
    id: `w${i + 1}`,
    concurrency: 4,
    prefetchMultiplier: 4,
  })),
  beatSchedule: [{ name: 'heartbeat', task: 'job', everyS: 60 }],
});

function celeryLoad(i: number): CeleryCommand {
  return i % 2 === 0
    ? { type: 'send', name: 'job', plan: { kind: 'random', failureRate: 0.3 } }
    : { type: 'advance', ms: 100 };
}

function benchCelery(): void {
  let state: CeleryState = celeryModel.init(1);
  let finished = 0;
  let retried = 0;
  let i = 0;
  const steps = opsPerSecond((n) => {
    for (let k = 0; k < n; k++, i++) {
      const r = celeryModel.step(state, celeryLoad(i));
      state = r.state;
      for (const e of r.events) {
        if (e.type === 'task-succeeded' || e.type === 'task-failed') finished++;
        else if (e.type === 'task-retried') retried++;
      }
    }
    return n;
  });
  const tasksPerStep = finished / i;
  rows.push({
    section: 'Celery run with retries',
    figure: `${fmt(steps.wall * tasksPerStep)} tasks/s`,
    target: '',
    note: `${fmt(steps.wall)} steps/s (${perCpu(steps)}); ${fmt(finished)} tasks done, ${fmt(retried)} retries (failure rate 0.3)`,
  });
}

// ---------------------------------------------------------------- heap over 90 simulated minutes
function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1048576;
}

function benchHeap(): void {
  const minute = 60_000;
  let state: CeleryState = celeryModel.init(2);
  const before = heapMb();
  const samples: string[] = [];
  let i = 0;
  for (let m = 1; m <= 90; m++) {
    const until = m * minute;
    while (state.clock.now < until) state = celeryModel.step(state, celeryLoad(i++)).state;
    if (m % 30 === 0) samples.push(`${m} min ${heapMb().toFixed(1)} MB`);
  }
  const after = heapMb();
  rows.push({
    section: 'heap, 90 simulated minutes',
    figure: `${before.toFixed(1)} → ${after.toFixed(1)} MB`,
    target: 'flat',
    note: `Celery, ${fmt(i)} steps; ${samples.join(', ')}; state ${fmt(JSON.stringify(state).length)} B${
      (globalThis as { gc?: unknown }).gc ? '' : ' (run with --expose-gc for exact figures)'
    }`,
  });
}

function printTable(): void {
  const head: Row = { section: 'section', figure: 'figure', target: 'target', note: 'note' };
  const all = [head, ...rows];
  const width = (k: keyof Row): number => Math.max(...all.map((r) => r[k].length));
  const line = (r: Row): string =>
    `${r.section.padEnd(width('section'))}  ${r.figure.padStart(width('figure'))}  ${r.target.padEnd(width('target'))}  ${r.note}`;
  console.log(line(head));
  console.log('-'.repeat(line(head).length + 20));
  for (const r of rows) console.log(line(r));
}

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(
      ' ',
    )} on ${availableParallelism()} CPUs (wall-clock figures drop when others share them)\n`,
);
await benchRouting();
await benchKafka();
benchCelery();
benchHeap();
printTable();
