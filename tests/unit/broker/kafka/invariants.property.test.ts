/**
 * Property tests of the Kafka model's invariants over random command sequences.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  initKafka,
  stepKafka,
  assignRange,
  assignRoundRobin,
  assignCooperativeSticky,
  logEndOffset,
  fetchedRecords,
  logRecords,
  recordAt,
  type KafkaCommand,
  type KafkaEvent,
  type KafkaState,
  type AssignorName,
  type Member,
} from '../../../../src/broker/kafka/index.ts';
import { deepFreeze } from './helpers.ts';

const members = ['m1', 'm2', 'm3', 'm4', 'm5'];

const groupCommand = fc.oneof(
  fc.constantFrom(...members).map((memberId): KafkaCommand => ({
    type: 'joinGroup',
    groupId: 'g',
    memberId,
    topics: ['t'],
  })),
  fc
    .constantFrom(...members)
    .map((memberId): KafkaCommand => ({ type: 'leaveGroup', groupId: 'g', memberId })),
  fc
    .constantFrom(...members)
    .map((memberId): KafkaCommand => ({ type: 'crash', groupId: 'g', memberId })),
  fc
    .constantFrom(...members)
    .map((memberId): KafkaCommand => ({ type: 'poll', groupId: 'g', memberId, maxRecords: 3 })),
  fc
    .constantFrom(...members)
    .map((memberId): KafkaCommand => ({ type: 'commitOffset', groupId: 'g', memberId })),
  fc.integer({ min: 0, max: 20 }).map((i): KafkaCommand => ({
    type: 'produce',
    topic: 't',
    key: `k${i}`,
    value: `v${i}`,
    acks: 1,
  })),
  fc.constant<KafkaCommand>({ type: 'produce', topic: 't', key: null, value: 'n', acks: 1 }),
  fc.integer({ min: 1_000, max: 60_000 }).map((ms): KafkaCommand => ({ type: 'advance', ms })),
);

function runChecked(
  commands: readonly KafkaCommand[],
  assignor: AssignorName,
  check: (
    before: KafkaState,
    after: KafkaState,
    events: readonly KafkaEvent[],
    cmd: KafkaCommand,
  ) => void,
): KafkaState {
  let state = initKafka(42);
  state = stepKafka(state, { type: 'createTopic', name: 't', partitions: 5 }).state;
  let created = false;
  for (const cmd of commands) {
    const c =
      cmd.type === 'joinGroup' && !created
        ? { ...cmd, assignor, autoOffsetReset: 'earliest' as const }
        : cmd;
    if (c.type === 'joinGroup') created = true;
    const group = state.groups.g;
    const live = group?.members.some((m) => m.memberId === (c as { memberId?: string }).memberId);
    if (c.type === 'joinGroup' && live) continue;
    if (
      (c.type === 'leaveGroup' ||
        c.type === 'crash' ||
        c.type === 'poll' ||
        c.type === 'commitOffset') &&
      !group
    )
      continue;
    const before = deepFreeze(state);
    const r = stepKafka(before, c);
    check(before, r.state, r.events, c);
    state = r.state;
  }
  return state;
}

describe.each<AssignorName>(['range', 'roundrobin', 'cooperative-sticky'])(
  '%s group invariants',
  (assignor) => {
    it('after every rebalance each partition has exactly one owner among live members', () => {
      fc.assert(
        fc.property(fc.array(groupCommand, { minLength: 20, maxLength: 60 }), (cmds) => {
          runChecked(cmds, assignor, (_b, after, events) => {
            if (!events.some((e) => e.type === 'rebalance')) return;
            const g = after.groups.g!;
            const owners = g.members.flatMap((m) =>
              m.assigned.map((tp) => `${tp.topic}-${tp.partition}`),
            );
            expect(new Set(owners).size).toBe(owners.length);
            if (g.members.length > 0) expect(owners.length).toBe(5);
          });
        }),
        { numRuns: 150 },
      );
    });

    it('positions only move forward without seeks; committed offsets never pass the log end', () => {
      fc.assert(
        fc.property(fc.array(groupCommand, { minLength: 20, maxLength: 60 }), (cmds) => {
          runChecked(cmds, assignor, (before, after, events) => {
            const resets = new Set(
              events
                .filter((e) => e.type === 'offsetReset')
                .map(
                  (e) =>
                    `${(e as { memberId: string }).memberId}/${(e as { topic: string }).topic}-${(e as { partition: number }).partition}`,
                ),
            );
            for (const m of after.groups.g?.members ?? []) {
              const prev = before.groups.g?.members.find((x) => x.memberId === m.memberId);
              for (const [key, pos] of Object.entries(m.positions)) {
                const old = prev?.positions[key];
                if (old !== undefined && !resets.has(`${m.memberId}/${key}`))
                  expect(pos).toBeGreaterThanOrEqual(old);
              }
            }
            for (const [key, offset] of Object.entries(after.groups.g?.committed ?? {})) {
              const p = after.topics.t!.partitions[Number(key.split('-').at(-1))]!;
              expect(offset).toBeLessThanOrEqual(logEndOffset(p));
            }
          });
        }),
        { numRuns: 150 },
      );
    });

    it('a fetch hands a member its own partitions from its positions on: no gap, no repeat', () => {
      fc.assert(
        fc.property(fc.array(groupCommand, { minLength: 20, maxLength: 60 }), (cmds) => {
          runChecked(cmds, assignor, (before, after, events, cmd) => {
            for (const e of events) {
              if (e.type !== 'fetch' || cmd.type !== 'poll') continue;
              const records = fetchedRecords(e);
              expect(records).toHaveLength(e.count);
              const was = before.groups.g!.members.find((m) => m.memberId === e.memberId)!;
              const now = after.groups.g!.members.find((m) => m.memberId === e.memberId)!;
              for (const p of after.topics.t!.partitions) {
                const key = `t-${p.partition}`;
                const got = records.filter((r) => r.partition === p.partition);
                if (got.length === 0) continue;
                expect(was.assigned.some((tp) => tp.partition === p.partition)).toBe(true);
                // Reads start where the member stood (or where an offset reset put it) and run on.
                const reset = events.find(
                  (x) => x.type === 'offsetReset' && x.partition === p.partition,
                );
                const from =
                  reset?.type === 'offsetReset' ? reset.offset : (was.positions[key] as number);
                expect(got.map((r) => r.offset)).toEqual(got.map((_, i) => from + i));
                expect(now.positions[key]).toBe(from + got.length);
                for (const r of got) expect(recordAt(p, r.offset)).toEqual(r);
              }
            }
          });
        }),
        { numRuns: 150 },
      );
    });
  },
);

describe('cooperative-sticky', () => {
  const memberArb = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), {
    minLength: 1,
    maxLength: 6,
  });
  it('never assigns a partition to a new owner in the rebalance that revokes it', () => {
    fc.assert(
      fc.property(memberArb, memberArb, fc.integer({ min: 1, max: 12 }), (first, second, n) => {
        const a1 = assignCooperativeSticky(
          first.map((id) => ({ memberId: id, topics: ['t'] })),
          { t: n },
        );
        const ms: Member[] = second.map((id) => ({
          memberId: id,
          topics: ['t'],
          ownedPartitions: a1[id] ?? [],
        }));
        const a2 = assignCooperativeSticky(ms, { t: n });
        const ownedBy = new Map<number, string>();
        for (const m of ms)
          for (const tp of m.ownedPartitions ?? []) ownedBy.set(tp.partition, m.memberId);
        for (const m of ms) {
          for (const tp of a2[m.memberId] ?? []) {
            const prev = ownedBy.get(tp.partition);
            expect(prev === undefined || prev === m.memberId).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every assignor gives each subscribed partition to at most one member, and range/roundrobin to exactly one', () => {
    const topicsArb = fc.uniqueArray(fc.constantFrom('x', 'y', 'z'), {
      minLength: 1,
      maxLength: 3,
    });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.constantFrom('a', 'b', 'c', 'd'),
            topics: topicsArb,
            static: fc.boolean(),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (raw) => {
          const seen = new Set<string>();
          const ms: Member[] = raw
            .filter((r) => !seen.has(r.id) && seen.add(r.id))
            .map((r) => ({
              memberId: r.id,
              topics: r.topics,
              ...(r.static ? { groupInstanceId: `i-${r.id}` } : {}),
            }));
          const ppt = { x: 3, y: 2, z: 5 };
          const subscribed = new Set(ms.flatMap((m) => m.topics));
          const expected = [...subscribed].reduce((s, t) => s + ppt[t as 'x' | 'y' | 'z'], 0);
          for (const assign of [assignRange, assignRoundRobin, assignCooperativeSticky]) {
            const a = assign(ms, ppt);
            const all = Object.values(a)
              .flat()
              .map((tp) => `${tp.topic}-${tp.partition}`);
            expect(new Set(all).size).toBe(all.length);
            expect(all.length).toBe(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('replication', () => {
  it('acks=all with min.insync.replicas=2 loses no acknowledged record under single broker failures', () => {
    const cmd = fc.oneof(
      fc.integer({ min: 0, max: 9 }).map((i): KafkaCommand => ({
        type: 'produce',
        topic: 't',
        key: `k${i}`,
        value: `v${i}`,
        acks: 'all',
      })),
      fc.constant<KafkaCommand>({ type: 'replicate' }),
      fc
        .record({ maxRecords: fc.integer({ min: 1, max: 3 }) })
        .map(({ maxRecords }): KafkaCommand => ({ type: 'replicate', maxRecords })),
      fc.constantFrom(1, 2, 3).map((broker): KafkaCommand => ({ type: 'brokerDown', broker })),
      fc.constantFrom(1, 2, 3).map((broker): KafkaCommand => ({ type: 'brokerUp', broker })),
      fc.integer({ min: 1000, max: 40_000 }).map((ms): KafkaCommand => ({ type: 'advance', ms })),
    );
    fc.assert(
      fc.property(fc.array(cmd, { minLength: 20, maxLength: 80 }), (cmds) => {
        let state = stepKafka(initKafka(7), {
          type: 'createTopic',
          name: 't',
          partitions: 2,
          replicationFactor: 3,
          minInsyncReplicas: 2,
        }).state;
        const acked = new Map<number, { partition: number; offset: number; value: string }>();
        const values = new Map<number, string>();
        for (const c of cmds) {
          // Single failures: at most one broker down at a time.
          const down = Object.values(state.brokersUp).filter((up) => !up).length;
          if (c.type === 'brokerDown' && down >= 1) continue;
          const r = stepKafka(deepFreeze(state), c);
          for (const e of r.events) {
            if (e.type === 'produce' && e.offset !== null && c.type === 'produce')
              values.set(e.id, c.value);
            if ((e.type === 'produce' && e.result === 'ack') || e.type === 'produceAcked') {
              acked.set(e.id, {
                partition: e.partition,
                offset: e.offset as number,
                value: values.get(e.id) as string,
              });
            }
          }
          state = r.state;
        }
        for (const a of acked.values()) {
          const p = state.topics.t!.partitions[a.partition]!;
          expect(recordAt(p, a.offset)?.value).toBe(a.value);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('determinism and purity', () => {
  it('the same seed and commands give the same states and events, and inputs are never mutated', () => {
    fc.assert(
      fc.property(
        fc.array(groupCommand, { maxLength: 40 }),
        fc.integer({ min: 0, max: 1000 }),
        (cmds, seed) => {
          const trace = (): string => {
            let s = stepKafka(initKafka(seed), {
              type: 'createTopic',
              name: 't',
              partitions: 5,
            }).state;
            const out: unknown[] = [];
            for (const c of cmds) {
              if (
                c.type !== 'produce' &&
                c.type !== 'advance' &&
                c.type !== 'joinGroup' &&
                !s.groups.g
              )
                continue;
              if (
                c.type === 'joinGroup' &&
                s.groups.g?.members.some((m) => m.memberId === c.memberId)
              )
                continue;
              const r = stepKafka(deepFreeze(s), c);
              out.push(r.events);
              s = r.state;
            }
            return JSON.stringify([s, out]);
          };
          expect(trace()).toBe(trace());
        },
      ),
      { numRuns: 60 },
    );
  });

  it('order within a partition: offsets are consecutive and follow produce order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }), { maxLength: 120 }),
        (keys) => {
          let s = stepKafka(initKafka(3), {
            type: 'createTopic',
            name: 't',
            partitions: 4,
            segmentRecords: 7,
          }).state;
          const perPartition = new Map<number, string[]>();
          keys.forEach((k, i) => {
            const r = stepKafka(s, {
              type: 'produce',
              topic: 't',
              key: k === null ? null : `k${k}`,
              value: `#${i}`,
              acks: 1,
            });
            const e = r.events.find((x) => x.type === 'produce') as Extract<
              KafkaEvent,
              { type: 'produce' }
            >;
            perPartition.set(e.partition, [...(perPartition.get(e.partition) ?? []), `#${i}`]);
            s = r.state;
          });
          for (const p of s.topics.t!.partitions) {
            const records = logRecords(p);
            expect(records.map((r) => r.offset)).toEqual(
              records.map((_, i) => p.logStartOffset + i),
            );
            expect(records.map((r) => r.value)).toEqual(perPartition.get(p.partition) ?? []);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
