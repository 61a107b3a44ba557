/**
 * A crashed member and the group coordinator: a rebalance completes only when every known member
 * has rejoined or been removed (GroupCoordinator.tryCompleteJoin → hasAllMembersJoined), and a
 * crashed member is removed only when its session times out (onExpireHeartbeat →
 * removeMemberAndUpdateGroup). Until then its partitions stay with it and nobody reads them.
 */
import { describe, expect, it } from 'vitest';
import type { AssignorName, KafkaCommand } from '../../../../src/broker/kafka/index.ts';
import { names, ofType, run } from './helpers.ts';

const records = (from: number, to: number): KafkaCommand[] =>
  Array.from(
    { length: to - from },
    (_, i) =>
      ({
        type: 'produce',
        topic: 'orders',
        partition: (from + i) % 4,
        value: `v${from + i}`,
      }) as KafkaCommand,
  );
const join = (memberId: string, assignor: AssignorName = 'range'): KafkaCommand => ({
  type: 'joinGroup',
  groupId: 'g',
  memberId,
  topics: ['orders'],
  assignor,
  autoOffsetReset: 'earliest',
  enableAutoCommit: false,
});
const poll = (memberId: string): KafkaCommand => ({ type: 'poll', groupId: 'g', memberId });

/** c1 and c2 share four partitions; c2 crashes; c3 joins 10 s later. */
const story = (assignor: AssignorName): KafkaCommand[] => [
  { type: 'createTopic', name: 'orders', partitions: 4 },
  ...records(0, 8),
  join('c1', assignor),
  join('c2'),
  poll('c1'),
  poll('c2'),
  { type: 'crash', groupId: 'g', memberId: 'c2' },
  { type: 'advance', ms: 10_000 },
  join('c3'),
  ...records(8, 16),
];

describe('a crashed member keeps its partitions until session.timeout.ms (GroupCoordinator)', () => {
  it('a join while a member is crashed waits: no new generation, its partitions unread', () => {
    const { state, events } = run([...story('range'), poll('c1'), poll('c3')]);
    const g = state.groups.g!;
    expect(g.preparingRebalance).toBe(true);
    expect(g.generation).toBe(2);
    expect(ofType(events, 'preparingRebalance').map((e) => [e.generation, e.waitingFor])).toEqual([
      [3, ['c2']],
    ]);
    expect(names(g.members.find((m) => m.memberId === 'c2')?.assigned)).toEqual([
      'orders-2',
      'orders-3',
    ]);
    // Eager (range): c1 revoked everything in onJoinPrepare and waits for the assignment.
    expect(g.members.map((m) => [m.memberId, m.assigned.length])).toEqual([
      ['c1', 0],
      ['c2', 2],
      ['c3', 0],
    ]);
    expect(
      ofType(events, 'fetch')
        .slice(-2)
        .map((f) => f.count),
    ).toEqual([0, 0]);
  });

  it('the crashed member’s session timing out (45 s after the crash) completes the rebalance', () => {
    const before = run([...story('range'), { type: 'advance', ms: 34_999 }]);
    expect(ofType(before.events, 'sessionTimeout')).toEqual([]);
    expect(before.state.groups.g!.generation).toBe(2);
    const { state, events } = run([
      ...story('range'),
      { type: 'advance', ms: 35_000 },
      poll('c1'),
      poll('c3'),
    ]);
    expect(ofType(events, 'sessionTimeout').map((e) => e.memberId)).toEqual(['c2']);
    const g = state.groups.g!;
    expect(g.preparingRebalance).toBe(false);
    expect(g.generation).toBe(3);
    expect(g.members.map((m) => [m.memberId, names(m.assigned)])).toEqual([
      ['c1', ['orders-0', 'orders-1']],
      ['c3', ['orders-2', 'orders-3']],
    ]);
    // c2 committed nothing, so c3 reads partitions 2 and 3 from the start: c2's records again.
    const c3 = ofType(events, 'fetch').at(-1)!;
    expect(c3.count).toBe(8);
  });

  it('cooperative-sticky: the live member keeps reading its own partitions while the group waits', () => {
    const { state, events } = run([...story('cooperative-sticky'), poll('c1')]);
    const g = state.groups.g!;
    expect(g.preparingRebalance).toBe(true);
    expect(names(g.members[0]!.assigned)).toEqual(['orders-0', 'orders-1']);
    expect(ofType(events, 'fetch').at(-1)?.count).toBe(4);
  });

  it('a member crashing with no other change rebalances only at its session timeout', () => {
    const { events } = run([
      { type: 'createTopic', name: 'orders', partitions: 2 },
      join('c1'),
      join('c2'),
      { type: 'crash', groupId: 'g', memberId: 'c2' },
      { type: 'advance', ms: 45_000 },
    ]);
    expect(ofType(events, 'preparingRebalance')).toEqual([]);
    expect(ofType(events, 'rebalance').map((e) => [e.generation, e.members])).toEqual([
      [1, ['c1']],
      [2, ['c1', 'c2']],
      [3, ['c1']],
    ]);
  });
});
