/**
 * Property tests over random outages (brokers down and up, members crashing) mixed with produce,
 * poll and time: what Kafka's clients guarantee whatever the order.
 * - Fetcher.prepareFetchRequests: nothing is fetched from a partition without a leader.
 * - GroupCoordinator: a crashed member's partitions are read by nobody until its session times out.
 * - RecordAccumulator: every produce is written once, expires once after delivery.timeout.ms, or
 *   is still waiting for a leader — and only records whose partition has no leader wait.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  initKafka,
  stepKafka,
  type Acks,
  type AssignorName,
  type KafkaCommand,
  type KafkaState,
} from '../../../../src/broker/kafka/index.ts';
import { deepFreeze } from './helpers.ts';

const members = ['m1', 'm2', 'm3'];
const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
const command: fc.Arbitrary<KafkaCommand> = fc.oneof(
  weighted(
    2,
    fc.constantFrom(...members).map((memberId): KafkaCommand => ({
      type: 'joinGroup',
      groupId: 'g',
      memberId,
      topics: ['t'],
    })),
  ),
  weighted(
    1,
    fc
      .constantFrom(...members)
      .map((memberId): KafkaCommand => ({ type: 'crash', groupId: 'g', memberId })),
  ),
  weighted(
    5,
    fc
      .constantFrom(...members)
      .map((memberId): KafkaCommand => ({ type: 'poll', groupId: 'g', memberId, maxRecords: 4 })),
  ),
  weighted(
    1,
    fc
      .constantFrom(...members)
      .map((memberId): KafkaCommand => ({ type: 'leaveGroup', groupId: 'g', memberId })),
  ),
  weighted(
    5,
    fc
      .record({ key: fc.integer({ min: 0, max: 9 }), acks: fc.constantFrom<Acks>(0, 1, 'all') })
      .map(({ key, acks }): KafkaCommand => ({
        type: 'produce',
        topic: 't',
        key: `k${key}`,
        value: 'v',
        acks,
      })),
  ),
  weighted(
    1,
    fc.constantFrom(1, 2, 3).map((broker): KafkaCommand => ({ type: 'brokerDown', broker })),
  ),
  weighted(
    2,
    fc.constantFrom(1, 2, 3).map((broker): KafkaCommand => ({ type: 'brokerUp', broker })),
  ),
  weighted(3, fc.constant<KafkaCommand>({ type: 'replicate' })),
  weighted(
    2,
    fc.integer({ min: 1_000, max: 50_000 }).map((ms): KafkaCommand => ({ type: 'advance', ms })),
  ),
);

function applies(state: KafkaState, c: KafkaCommand): boolean {
  const g = state.groups.g;
  const live = g?.members.some(
    (m) => m.alive && m.memberId === (c as { memberId?: string }).memberId,
  );
  if (c.type === 'joinGroup') return !g?.members.some((m) => m.memberId === c.memberId);
  if (c.type === 'crash' || c.type === 'poll' || c.type === 'leaveGroup') return live === true;
  return true;
}

describe.each<AssignorName>(['range', 'cooperative-sticky'])('outages (%s)', (assignor) => {
  it('no fetch from a leaderless partition or a crashed member’s partitions; each produce ends once', () => {
    fc.assert(
      fc.property(
        fc.array(command, { minLength: 40, maxLength: 90 }),
        fc.integer({ min: 1, max: 2 }),
        (cmds, rf) => {
          let state = stepKafka(initKafka(3), {
            type: 'createTopic',
            name: 't',
            partitions: 3,
            replicationFactor: rf,
          }).state;
          const written = new Map<number, number>();
          const expired = new Map<number, number>();
          const queued = new Set<number>();
          // Partitions of a crashed member → when its session times out.
          const heldUntil = new Map<number, number>();
          let created = false;
          for (const raw of cmds) {
            const c =
              raw.type === 'joinGroup' && !created
                ? { ...raw, assignor, autoOffsetReset: 'earliest' as const }
                : raw;
            if (!applies(state, c)) continue;
            if (c.type === 'joinGroup') created = true;
            const before = deepFreeze(state);
            const { state: after, events } = stepKafka(before, c);
            if (c.type === 'crash') {
              const m = before.groups.g!.members.find((x) => x.memberId === c.memberId)!;
              for (const tp of m.assigned)
                heldUntil.set(tp.partition, before.clock.now + before.groups.g!.sessionTimeoutMs);
            }
            for (const e of events) {
              if (e.type === 'fetch') {
                for (const s of e.slices) {
                  expect(before.topics.t!.partitions[s.partition]!.leader).toBeGreaterThanOrEqual(
                    0,
                  );
                  expect(after.clock.now).toBeGreaterThanOrEqual(heldUntil.get(s.partition) ?? 0);
                }
              }
              if (e.type === 'produce' && e.result === 'queued') queued.add(e.id);
              if (e.type === 'produce' && e.offset !== null)
                written.set(e.id, (written.get(e.id) ?? 0) + 1);
              if (e.type === 'produceExpired') expired.set(e.id, (expired.get(e.id) ?? 0) + 1);
            }
            for (const q of after.accumulator)
              expect(after.topics.t!.partitions[q.partition]!.leader).toBe(-1);
            state = after;
          }
          const waiting = new Set(state.accumulator.map((q) => q.id));
          for (const id of queued) {
            const outcomes =
              (written.get(id) ?? 0) + (expired.get(id) ?? 0) + (waiting.has(id) ? 1 : 0);
            expect(outcomes, `produce ${id}`).toBe(1);
          }
          for (const [id, n] of written) if (!queued.has(id)) expect(n).toBe(1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
