/**
 * Every name a student types is data (issue 13): a Kafka topic, group or member, a RabbitMQ
 * connection, channel, exchange, queue, consumer tag, routing key or header named `__proto__`,
 * `constructor` or `hasOwnProperty` behaves exactly like a plain name. The property runs a random
 * command list twice, once with Object.prototype's names and once with plain names that sort the
 * same way, and expects the same events, errors and state once the names are swapped back.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { initKafka, stepKafka, type KafkaCommand } from '../../../src/broker/kafka/index.ts';
import { initRabbit, stepRabbit, type RabbitCommand } from '../../../src/broker/rabbitmq/index.ts';
import { open, play } from './rabbitmq/helpers.ts';
import { ofType, run as runCelery } from './celery/helpers.ts';

/** Names Object.prototype has: a record read or written with them finds its prototype's. */
const PROTO_NAMES = [
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'toString',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
] as const;
/** Plain names in the same sort order (a common prefix), so sorted iteration agrees. */
const PLAIN_NAMES = PROTO_NAMES.map((n) => `plain${n}`);

/**
 * Runs `commands` step by step and writes down what happened: each step's events or the error
 * it threw (a thrown step leaves the state as it was), then the final state, as JSON.
 */
function transcript<S, C, E>(
  init: () => S,
  step: (state: S, command: C) => { state: S; events: readonly E[] },
  commands: readonly C[],
): string {
  let state = init();
  const steps: unknown[] = [];
  for (const command of commands) {
    try {
      const r = step(state, command);
      state = r.state;
      steps.push(r.events);
    } catch (error) {
      steps.push({ threw: (error as Error).message });
    }
  }
  return JSON.stringify({ steps, state });
}

/** `text` with every plain name replaced by the Object.prototype name it stands for. */
function backToProtoNames(text: string): string {
  let out = text;
  for (const name of PROTO_NAMES) out = out.split(`plain${name}`).join(name);
  return out;
}

/**
 * For random command lists made by `plan`: the list over Object.prototype's names gives the same
 * transcript as over plain ones, once the names are swapped back. Each plan builds one command
 * from a list of names, so both runs differ only in the names.
 */
function sameWithPlainNames<S, C, E>(
  plan: fc.Arbitrary<(names: readonly string[]) => C>,
  init: () => S,
  step: (state: S, command: C) => { state: S; events: readonly E[] },
): void {
  fc.assert(
    fc.property(fc.array(plan, { minLength: 1, maxLength: 40 }), (plans) => {
      const run = (names: readonly string[]): string =>
        transcript(
          init,
          step,
          plans.map((p) => p(names)),
        );
      expect(run(PROTO_NAMES)).toBe(backToProtoNames(run(PLAIN_NAMES)));
    }),
    { numRuns: 150 },
  );
}

/** A name index: each command names things by index, and the run picks the name list. */
const nameIndex = fc.nat({ max: PROTO_NAMES.length - 1 });
const pick = (names: readonly string[], i: number): string => names[i] ?? 'missing';

// -------------------------------------------------------------------------------- Kafka
type KafkaPlan = (names: readonly string[]) => KafkaCommand;

const kafkaPlan: fc.Arbitrary<KafkaPlan> = fc.oneof(
  fc
    .record({ t: nameIndex, n: fc.integer({ min: 1, max: 3 }) })
    .map(({ t, n }): KafkaPlan => (names) => ({
      type: 'createTopic',
      name: pick(names, t),
      partitions: n,
    })),
  fc
    .record({
      g: nameIndex,
      m: nameIndex,
      topics: fc.uniqueArray(nameIndex, { minLength: 1, maxLength: 3 }),
      // range and roundrobin sort names; the sticky assignors follow Java's HashMap order,
      // which hashes the name itself, so two runs would differ on purpose.
      assignor: fc.constantFrom('range', 'roundrobin') as fc.Arbitrary<'range' | 'roundrobin'>,
    })
    .map(({ g, m, topics, assignor }): KafkaPlan => (names) => ({
      type: 'joinGroup',
      groupId: pick(names, g),
      memberId: pick(names, m),
      topics: topics.map((t) => pick(names, t)),
      autoOffsetReset: 'earliest',
      assignor,
    })),
  fc
    .record({ t: nameIndex, key: fc.constantFrom('k1', 'k2', null) })
    .map(({ t, key }): KafkaPlan => (names) => ({
      type: 'produce',
      topic: pick(names, t),
      key,
      value: 'v',
      acks: 1,
    })),
  fc
    .record({
      g: nameIndex,
      m: nameIndex,
      type: fc.constantFrom('poll', 'commitOffset', 'leaveGroup', 'crash', 'seekToBeginning'),
    })
    .map(({ g, m, type }): KafkaPlan => (names) => ({
      type,
      groupId: pick(names, g),
      memberId: pick(names, m),
    })),
  fc.integer({ min: 0, max: 60_000 }).map((ms): KafkaPlan => () => ({ type: 'advance', ms })),
);

// -------------------------------------------------------------------------------- RabbitMQ
type RabbitPlan = (names: readonly string[]) => RabbitCommand;

/** A one-key record whose key is a name: a computed key defines it, even `__proto__`. */
const oneKey = (name: string, value: unknown): Record<string, unknown> => ({ [name]: value });

const rabbitPlan: fc.Arbitrary<RabbitPlan> = fc.oneof(
  nameIndex.map((c): RabbitPlan => (names) => ({
    type: 'connection.open',
    connection: pick(names, c),
  })),
  fc.record({ c: nameIndex, ch: nameIndex }).map(({ c, ch }): RabbitPlan => (names) => ({
    type: 'channel.open',
    connection: pick(names, c),
    channel: pick(names, ch),
  })),
  fc
    .record({
      x: nameIndex,
      kind: fc.constantFrom('direct', 'fanout', 'topic', 'headers') as fc.Arbitrary<
        'direct' | 'fanout' | 'topic' | 'headers'
      >,
    })
    .map(({ x, kind }): RabbitPlan => (names) => ({
      type: 'exchange.declare',
      exchange: pick(names, x),
      kind,
    })),
  fc
    .record({ q: nameIndex, ch: fc.option(nameIndex, { nil: undefined }) })
    .map(({ q, ch }): RabbitPlan => (names) => ({
      type: 'queue.declare',
      queue: pick(names, q),
      ...(ch === undefined ? {} : { channel: pick(names, ch) }),
    })),
  fc
    .record({ q: nameIndex, x: nameIndex, k: nameIndex, h: nameIndex })
    .map(({ q, x, k, h }): RabbitPlan => (names) => ({
      type: 'queue.bind',
      queue: pick(names, q),
      exchange: pick(names, x),
      routingKey: pick(names, k),
      arguments: oneKey(pick(names, h), 'yes'),
    })),
  fc
    .record({ x: fc.option(nameIndex, { nil: undefined }), k: nameIndex, h: nameIndex })
    .map(({ x, k, h }): RabbitPlan => (names) => ({
      type: 'basic.publish',
      exchange: x === undefined ? '' : pick(names, x),
      routingKey: pick(names, k),
      body: 'b',
      properties: { headers: oneKey(pick(names, h), 'yes') },
    })),
  fc
    .record({ ch: nameIndex, q: nameIndex, tag: nameIndex })
    .map(({ ch, q, tag }): RabbitPlan => (names) => ({
      type: 'basic.consume',
      channel: pick(names, ch),
      queue: pick(names, q),
      consumerTag: pick(names, tag),
    })),
  fc.record({ ch: nameIndex, q: nameIndex }).map(({ ch, q }): RabbitPlan => (names) => ({
    type: 'basic.get',
    channel: pick(names, ch),
    queue: pick(names, q),
  })),
  fc
    .record({ ch: nameIndex, tag: fc.integer({ min: 1, max: 3 }), requeue: fc.boolean() })
    .map(({ ch, tag, requeue }): RabbitPlan => (names) => ({
      type: 'basic.nack',
      channel: pick(names, ch),
      deliveryTag: tag,
      requeue,
    })),
  fc.record({ ch: nameIndex, tag: nameIndex }).map(({ ch, tag }): RabbitPlan => (names) => ({
    type: 'basic.cancel',
    channel: pick(names, ch),
    consumerTag: pick(names, tag),
  })),
  nameIndex.map((q): RabbitPlan => (names) => ({ type: 'queue.delete', queue: pick(names, q) })),
  nameIndex.map((x): RabbitPlan => (names) => ({
    type: 'exchange.delete',
    exchange: pick(names, x),
  })),
  nameIndex.map((ch): RabbitPlan => (names) => ({
    type: 'channel.close',
    channel: pick(names, ch),
  })),
  nameIndex.map((c): RabbitPlan => (names) => ({
    type: 'connection.close',
    connection: pick(names, c),
  })),
);

describe('keys are data: Object.prototype’s names behave like any name', () => {
  it('Kafka: topics, groups and members named __proto__, constructor, toString…', () => {
    sameWithPlainNames(kafkaPlan, () => initKafka(1), stepKafka);
  });

  it('RabbitMQ: connections, channels, exchanges, queues, tags, keys and headers', () => {
    sameWithPlainNames(rabbitPlan, () => initRabbit(1), stepRabbit);
  });

  it('a Kafka topic and group named constructor are created, not "already there"', () => {
    const created = stepKafka(initKafka(1), { type: 'createTopic', name: 'constructor' });
    expect(created.events.map((e) => e.type)).toEqual(['topicCreated']);
    const joined = stepKafka(created.state, {
      type: 'joinGroup',
      groupId: 'toString',
      memberId: '__proto__',
      topics: ['constructor'],
    });
    expect(Object.keys(joined.state.groups)).toEqual(['toString']);
    expect(joined.state.groups['toString']?.members[0]?.assigned).toEqual([
      { topic: 'constructor', partition: 0 },
    ]);
  });

  it('a RabbitMQ queue named constructor is declared, and a consumer tag __proto__ consumes', () => {
    const { state, events } = play([
      { type: 'connection.open', connection: 'k' },
      { type: 'channel.open', connection: 'k', channel: 'c' },
      { type: 'queue.declare', channel: 'c', queue: 'constructor' },
      { type: 'basic.consume', channel: 'c', queue: 'constructor', consumerTag: '__proto__' },
      { type: 'basic.publish', exchange: '', routingKey: 'constructor', body: 'hi' },
    ]);
    expect(events.map((e) => e.type)).not.toContain('channel.close');
    expect(Object.keys(state.queues)).toEqual(['constructor']);
    expect(Object.keys(state.consumers)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(state.consumers)).toBe(Object.prototype);
    expect(events.filter((e) => e.type === 'basic.deliver')).toHaveLength(1);
  });
});

describe('Celery task names and ids', () => {
  const options = {
    transport: 'redis',
    tasks: { job: { durationMs: 100 } },
    workers: [{ id: 'w1', concurrency: 1, prefetchMultiplier: 1 }],
  } as const;

  it('task ids constructor and __proto__ are new ids, not "already in use"', () => {
    const { state, events } = runCelery(options, [
      { type: 'send', name: 'job', taskId: 'constructor' },
      { type: 'send', name: 'job', taskId: '__proto__' },
      { type: 'advance', ms: 1000 },
    ]);
    expect(ofType(events, 'task-succeeded').map((e) => e.taskId)).toEqual([
      'constructor',
      '__proto__',
    ]);
    expect(Object.keys(state.tasks)).toEqual(['constructor', '__proto__']);
  });

  it('a task registered as __proto__ is a task, not the config record’s prototype', () => {
    // JSON.parse keeps __proto__ as an own key, as a config read from a file or a link would.
    const tasks = JSON.parse('{ "__proto__": { "durationMs": 100 } }') as Record<string, object>;
    const { events } = runCelery({ ...options, tasks }, [
      { type: 'send', name: '__proto__', taskId: 't' },
      { type: 'advance', ms: 1000 },
    ]);
    expect(ofType(events, 'task-succeeded').map((e) => e.taskId)).toEqual(['t']);
  });

  it('a task named constructor or toString is not registered because Object has one', () => {
    for (const name of ['constructor', 'toString']) {
      expect(() => runCelery(options, [{ type: 'send', name }])).toThrow(
        `celery: unregistered task ${name}`,
      );
    }
  });
});

describe('x-death sent by a publisher', () => {
  const rejectTo = (xDeath: unknown): RabbitCommand[] => [
    ...open('c'),
    { type: 'exchange.declare', exchange: 'dlx', kind: 'fanout' },
    { type: 'queue.declare', channel: 'c', queue: 'dead' },
    { type: 'queue.bind', queue: 'dead', exchange: 'dlx' },
    {
      type: 'queue.declare',
      channel: 'c',
      queue: 'work',
      arguments: { 'x-dead-letter-exchange': 'dlx' },
    },
    {
      type: 'basic.publish',
      exchange: '',
      routingKey: 'work',
      body: 'b',
      properties: { headers: { 'x-death': xDeath } },
    },
    { type: 'basic.get', channel: 'c', queue: 'work' },
    { type: 'basic.nack', channel: 'c', deliveryTag: 1, requeue: false },
  ];

  const deathsIn = (commands: RabbitCommand[]): Record<string, unknown>[] => {
    const { state } = play(commands);
    const header = state.queues['dead']?.messages[0]?.properties.headers?.['x-death'];
    if (!Array.isArray(header)) throw new Error('no x-death array on the dead-lettered message');
    return header as Record<string, unknown>[];
  };

  it('any forged value: the step does not throw and x-death holds only well-formed deaths', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue())), (forged) => {
        const deaths = deathsIn(rejectTo(forged));
        expect(deaths[0]).toMatchObject({ queue: 'work', reason: 'rejected', exchange: '' });
        for (const d of deaths) {
          expect(typeof d['queue']).toBe('string');
          expect(['rejected', 'expired', 'maxlen']).toContain(d['reason']);
          expect(Number.isSafeInteger(d['count']) && (d['count'] as number) >= 1).toBe(true);
          expect(Array.isArray(d['routing-keys'])).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a forged entry with a string count neither crashes nor turns the count into text', () => {
    const forged = [
      null,
      7,
      {
        queue: 'work',
        reason: 'rejected',
        count: '41',
        exchange: '',
        'routing-keys': ['work'],
        time: 0,
      },
    ];
    expect(deathsIn(rejectTo(forged))).toEqual([
      {
        queue: 'work',
        reason: 'rejected',
        count: 1,
        exchange: '',
        'routing-keys': ['work'],
        time: 0,
      },
    ]);
  });

  it('a well-formed earlier death counts up, as RabbitMQ does for the same queue and reason', () => {
    const earlier = {
      queue: 'work',
      reason: 'rejected',
      count: 2,
      exchange: '',
      'routing-keys': ['work'],
      time: 0,
    };
    expect(deathsIn(rejectTo([earlier]))[0]).toMatchObject({ queue: 'work', count: 3 });
  });
});
