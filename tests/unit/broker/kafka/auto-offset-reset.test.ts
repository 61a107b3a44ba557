/**
 * auto.offset.reset as the Java consumer applies it: a committed offset is taken as it is
 * (ConsumerCoordinator.refreshCommittedOffsets seeks to it unchecked) and a fetch out of range
 * resets it (Fetcher.handleOffsetOutOfRange → SubscriptionState.requestOffsetReset); `earliest`
 * is the log start offset (the oldest record retention kept), `latest` the high watermark
 * (ListOffsets LATEST under read_uncommitted); `none` raises NoOffsetForPartitionException with
 * no committed offset and OffsetOutOfRangeException for a position out of range.
 */
import { describe, expect, it } from 'vitest';
import type { KafkaCommand, OffsetReset } from '../../../../src/broker/kafka/index.ts';
import { ofType, run } from './helpers.ts';

const produce = (n: number, from = 0): KafkaCommand[] =>
  Array.from({ length: n }, (_, i) => ({
    type: 'produce',
    topic: 't',
    value: `v${from + i}`,
    acks: 1,
  }));
const join = (autoOffsetReset: OffsetReset, memberId = 'c1'): KafkaCommand => ({
  type: 'joinGroup',
  groupId: 'g',
  memberId,
  topics: ['t'],
  autoOffsetReset,
  enableAutoCommit: false,
});
const poll = (memberId = 'c1'): KafkaCommand => ({ type: 'poll', groupId: 'g', memberId });
// Segments of 2 records, 60 s retention, checked every 300 s: the check at 300 s deletes the
// two segments written at 0 s and keeps the one written at 290 s (log start 4).
const topic: KafkaCommand = {
  type: 'createTopic',
  name: 't',
  partitions: 1,
  segmentRecords: 2,
  retentionMs: 60_000,
};
const laterRecords: KafkaCommand[] = [{ type: 'advance', ms: 290_000 }, ...produce(2, 4)];
const retentionCheck: KafkaCommand = { type: 'advance', ms: 10_000 };

describe('auto.offset.reset (Fetcher, SubscriptionState)', () => {
  it('none without a committed offset: NoOffsetForPartitionException, nothing fetched', () => {
    const { events } = run([
      { type: 'createTopic', name: 't', partitions: 1 },
      ...produce(3),
      join('none'),
      poll(),
    ]);
    expect(ofType(events, 'noOffsetForPartition').map((e) => e.partition)).toEqual([0]);
    expect(ofType(events, 'fetch').map((f) => f.count)).toEqual([0]);
  });

  it('none with a position retention deleted: OffsetOutOfRangeException on every poll, position kept', () => {
    const { events, state } = run([
      topic,
      ...produce(4),
      join('none'),
      { type: 'seek', groupId: 'g', memberId: 'c1', topic: 't', partition: 0, offset: 1 },
      ...laterRecords,
      retentionCheck,
      poll(),
      poll(),
    ]);
    expect(state.topics.t!.partitions[0]!.logStartOffset).toBe(4);
    expect(ofType(events, 'offsetOutOfRange').map((e) => e.partition)).toEqual([0, 0]);
    expect(ofType(events, 'offsetReset')).toEqual([]);
    expect(ofType(events, 'fetch').map((f) => f.count)).toEqual([0, 0]);
    expect(state.groups.g!.members[0]!.positions['t-0']).toBe(1);
  });

  it('a committed offset retention passed is taken as it is, and the first fetch resets it (earliest = log start)', () => {
    const { events } = run([
      topic,
      ...produce(4),
      join('earliest'),
      poll(),
      {
        type: 'commitOffset',
        groupId: 'g',
        memberId: 'c1',
        offsets: [{ topic: 't', partition: 0, offset: 1 }],
      },
      { type: 'leaveGroup', groupId: 'g', memberId: 'c1' },
      ...laterRecords,
      retentionCheck,
      join('earliest', 'c2'),
      poll('c2'),
    ]);
    const resets = ofType(events, 'offsetReset');
    expect(resets.map((e) => [e.memberId, e.reason, e.offset])).toEqual([
      ['c1', 'noCommittedOffset', 0],
      ['c2', 'offsetOutOfRange', 4],
    ]);
    // The reset comes with c2's poll, not with its assignment.
    const assigned = events.findIndex(
      (e) => e.type === 'partitionsAssigned' && e.memberId === 'c2',
    );
    const c2poll = events.findIndex((e) => e.type === 'fetch' && e.memberId === 'c2');
    expect(events.indexOf(resets[1]!)).toBeGreaterThan(assigned);
    expect(events.indexOf(resets[1]!)).toBeLessThan(c2poll);
    expect(ofType(events, 'fetch').at(-1)?.count).toBe(2);
  });

  it('latest is the high watermark, not the log end offset', () => {
    const { events } = run([
      { type: 'createTopic', name: 't', partitions: 1, replicationFactor: 2 },
      ...produce(2),
      { type: 'replicate' },
      ...produce(3, 2), // acks=1, not yet on the follower: high watermark 2, log end 5
      join('latest'),
    ]);
    expect(ofType(events, 'offsetReset').map((e) => [e.policy, e.offset])).toEqual([['latest', 2]]);
  });
});
