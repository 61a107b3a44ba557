import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stateAt } from '../../../../src/broker/core/replay.ts';
import {
  initRedis,
  redisGlobMatches,
  redisModel,
  stepRedis,
  type RedisCommand,
  type RedisEvent,
} from '../../../../src/broker/redis/index.ts';
import { deepFreeze, repliesOf, run } from './helpers.ts';

const WORKERS = ['w1', 'w2', 'w3'];

/** Random queue traffic: producers push unique values, workers pop, block, move, finish, crash. */
const queueCommand = fc.oneof(
  fc.record({
    type: fc.constantFrom('LPUSH' as const, 'RPUSH' as const),
    n: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({
    type: fc.constantFrom('RPOP' as const, 'LPOP' as const),
    worker: fc.constantFrom(...WORKERS),
  }),
  fc.record({
    type: fc.constant('BRPOP' as const),
    worker: fc.constantFrom(...WORKERS),
    timeout: fc.constantFrom(0, 1),
  }),
  fc.record({ type: fc.constant('LMOVE' as const), worker: fc.constantFrom(...WORKERS) }),
  fc.record({ type: fc.constant('finishTask' as const), worker: fc.constantFrom(...WORKERS) }),
  fc.record({ type: fc.constant('crash' as const), worker: fc.constantFrom(...WORKERS) }),
  fc.record({ type: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 1500 }) }),
);

type Spec = typeof queueCommand extends fc.Arbitrary<infer T> ? T : never;

/** Turns specs into valid commands, skipping ones the state forbids (blocked sender, no task). */
function simulate(specs: readonly Spec[]) {
  let state = initRedis();
  let serial = 0;
  const pushed: string[] = [];
  const events: RedisEvent[] = [];
  for (const spec of specs) {
    let command: RedisCommand;
    if ('n' in spec) {
      const values = Array.from({ length: spec.n }, () => `t${serial++}`);
      pushed.push(...values);
      command = { type: spec.type, key: 'q', values, client: 'producer' };
    } else if ('ms' in spec) command = { type: 'advance', ms: spec.ms };
    else {
      const client = state.clients[spec.worker];
      if (spec.type !== 'crash' && client?.blocked) continue;
      if (spec.type === 'finishTask' && !client?.task) continue;
      // A worker holding a task finishes it before taking another (otherwise it would drop it).
      if (['RPOP', 'LPOP', 'BRPOP', 'LMOVE'].includes(spec.type) && client?.task) continue;
      command =
        spec.type === 'BRPOP'
          ? { type: 'BRPOP', keys: ['q'], timeout: spec.timeout, client: spec.worker }
          : spec.type === 'LMOVE'
            ? {
                type: 'LMOVE',
                source: 'q',
                destination: 'processing',
                from: 'RIGHT',
                to: 'LEFT',
                client: spec.worker,
              }
            : spec.type === 'RPOP' || spec.type === 'LPOP'
              ? { type: spec.type, key: 'q', client: spec.worker }
              : { type: spec.type, client: spec.worker };
    }
    const result = stepRedis(deepFreeze(state), command);
    state = result.state;
    events.push(...result.events);
  }
  return { state, events, pushed };
}

describe('Redis model invariants (fast-check)', () => {
  it('LPUSH + RPOP is FIFO', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant('push'), fc.constant('pop')), { maxLength: 60 }),
        (ops) => {
          let state = initRedis();
          let serial = 0;
          const popped: string[] = [];
          for (const op of ops) {
            const command: RedisCommand =
              op === 'push'
                ? { type: 'LPUSH', key: 'q', values: [`${serial++}`] }
                : { type: 'RPOP', key: 'q' };
            const result = stepRedis(state, command);
            state = result.state;
            const reply = repliesOf(result.events)[0];
            if (op === 'pop' && typeof reply === 'string') popped.push(reply);
          }
          expect(popped).toEqual(popped.map((_, i) => `${i}`));
        },
      ),
    );
  });

  it('nothing is lost or duplicated, except a popped task whose worker crashed', () => {
    fc.assert(
      fc.property(fc.array(queueCommand, { maxLength: 80 }), (specs) => {
        const { state, events, pushed } = simulate(specs);
        const taken = events.flatMap((e) => {
          if (!('reply' in e)) return [];
          if (e.type === 'BRPOP' && Array.isArray(e.reply)) return [e.reply[1] as string];
          if (
            (e.type === 'RPOP' || e.type === 'LPOP' || e.type === 'LMOVE') &&
            typeof e.reply === 'string'
          ) {
            return [e.reply];
          }
          return [];
        });
        expect(new Set(taken).size).toBe(taken.length);
        const lost = events.flatMap((e) => (e.type === 'taskLost' ? [e.task.value] : []));
        const done = events.flatMap((e) => (e.type === 'taskDone' ? [e.task.value] : []));
        const held = Object.values(state.clients).flatMap((c) =>
          c.task && !c.task.processingList ? [c.task.value] : [],
        );
        const inLists = Object.values(state.keys).flatMap((v) =>
          v.type === 'list' ? v.items : [],
        );
        // Each pushed value is in exactly one place: a list, a worker's hands, done, or lost.
        const accounted = [
          ...inLists,
          ...held,
          ...lost,
          ...done.filter((v) => !inLists.includes(v)),
        ];
        expect(accounted.slice().sort()).toEqual(pushed.slice().sort());
        expect(lost.length).toBe(state.stats.lostTasks);
        // Only a task taken by a plain pop can be lost; an LMOVEd one stays in its processing list.
        const lostEvents = events.flatMap((e) => (e.type === 'taskLost' ? [e.task] : []));
        expect(lostEvents.every((task) => task.processingList === undefined)).toBe(true);
      }),
    );
  });

  it('BRPOP is fair: clients blocked on a key are served in the order they blocked', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 6 }),
        (n, pushes) => {
          const commands: RedisCommand[] = [];
          for (let i = 0; i < n; i++)
            commands.push({ type: 'BRPOP', keys: ['q'], timeout: 0, client: `c${i}` });
          let serial = 0;
          for (const k of pushes) {
            commands.push({
              type: 'LPUSH',
              key: 'q',
              values: Array.from({ length: k }, () => `v${serial++}`),
            });
          }
          const served = run(commands).events.flatMap((e) => (e.type === 'BRPOP' ? [e] : []));
          expect(served.map((e) => e.client)).toEqual(served.map((_, i) => `c${i}`));
          // ...and they get the pushed values in push order.
          expect(served.map((e) => (e.reply as string[])[1])).toEqual(
            served.map((_, i) => `v${i}`),
          );
          expect(served).toHaveLength(Math.min(n, serial));
        },
      ),
    );
  });

  it('is deterministic and never mutates its input (states are deep-frozen)', () => {
    fc.assert(
      fc.property(fc.array(queueCommand, { maxLength: 50 }), (specs) => {
        const a = simulate(specs);
        const b = simulate(specs);
        expect(a.events).toEqual(b.events);
        expect(a.state).toEqual(b.state);
        expect(JSON.parse(JSON.stringify(a.state))).toEqual(a.state);
        expect(structuredClone(a.state)).toEqual(a.state);
      }),
    );
  });

  it('PUBLISH returns the number of matching subscriptions (channel + pattern, per client)', () => {
    const name = fc.constantFrom('a', 'b', 'ab', 'a.b', 'я', '');
    const pattern = fc.constantFrom('*', 'a*', '?', '[ab]', 'a.?', '*b', 'я', '[^a]*');
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            client: fc.constantFrom('s1', 's2', 's3'),
            channels: fc.array(name, { maxLength: 2 }),
            patterns: fc.array(pattern, { maxLength: 2 }),
          }),
          { maxLength: 4 },
        ),
        name,
        (subs, channel) => {
          const commands: RedisCommand[] = [];
          for (const s of subs) {
            if (s.channels.length)
              commands.push({ type: 'SUBSCRIBE', channels: s.channels, client: s.client });
            if (s.patterns.length)
              commands.push({ type: 'PSUBSCRIBE', patterns: s.patterns, client: s.client });
          }
          commands.push({ type: 'PUBLISH', channel, message: 'm', client: 'pub' });
          const { state, events } = run(commands);
          const expected = Object.values(state.clients).reduce(
            (n, c) =>
              n +
              c.channels.filter((ch) => ch === channel).length +
              c.patterns.filter((p) => redisGlobMatches(p, channel)).length,
            0,
          );
          expect(repliesOf(events, 'pub')).toEqual([expected]);
          expect(events.filter((e) => e.type === 'message' || e.type === 'pmessage')).toHaveLength(
            expected,
          );
        },
      ),
    );
  });

  it('stateAt replays a scenario to any step', () => {
    const scenario = {
      seed: 1,
      commands: [
        { type: 'RPUSH', key: 'q', values: ['a', 'b'] },
        { type: 'RPOP', key: 'q' },
        { type: 'SET', key: 'k', value: 'v', ex: 1 },
        { type: 'advance', ms: 2000 },
      ] as RedisCommand[],
    };
    expect(stateAt(redisModel, scenario, 2).state.keys).toEqual({
      q: { type: 'list', items: ['a'] },
    });
    expect(stateAt(redisModel, scenario, 3).state.expires).toEqual({ k: 1000 });
    expect(stateAt(redisModel, scenario, 4).events.map((e) => e.type)).toEqual([
      'expired',
      'advance',
    ]);
  });
});
