/**
 * Auto-commit when a rebalance starts: ConsumerCoordinator.onJoinPrepare commits
 * subscriptions.allConsumed() — every assigned partition's position — whatever the protocol,
 * before an eager member revokes everything; a cooperative member then revokes only what moves
 * (onJoinComplete), without another commit.
 */
import { describe, expect, it } from 'vitest';
import type { AssignorName, KafkaCommand } from '../../../../src/broker/kafka/index.ts';
import { ofType, run } from './helpers.ts';

const story = (assignor: AssignorName): KafkaCommand[] => [
  { type: 'createTopic', name: 'orders', partitions: 4 },
  ...Array.from(
    { length: 8 },
    (_, i) =>
      ({ type: 'produce', topic: 'orders', partition: i % 4, value: `v${i}` }) as KafkaCommand,
  ),
  {
    type: 'joinGroup',
    groupId: 'g',
    memberId: 'c1',
    topics: ['orders'],
    assignor,
    autoOffsetReset: 'earliest',
    enableAutoCommit: true,
  },
  { type: 'poll', groupId: 'g', memberId: 'c1' },
  // No time passes, so the poll's interval auto-commit (5 s) never fires: only the rebalance commits.
  { type: 'joinGroup', groupId: 'g', memberId: 'c2', topics: ['orders'] },
];

describe('auto-commit on rebalance (ConsumerCoordinator.onJoinPrepare)', () => {
  for (const assignor of ['cooperative-sticky', 'range', 'roundrobin'] as const) {
    it(`${assignor}: commits every consumed position, kept partitions included`, () => {
      const { events, state } = run(story(assignor));
      const commits = ofType(events, 'commitOffset');
      expect(commits.map((c) => [c.memberId, c.auto])).toContainEqual(['c1', true]);
      expect(state.groups.g!.committed).toEqual({
        'orders-0': 2,
        'orders-1': 2,
        'orders-2': 2,
        'orders-3': 2,
      });
      // The commit comes before any partition is revoked.
      const firstCommit = events.findIndex((e) => e.type === 'commitOffset');
      const firstRevoke = events.findIndex((e) => e.type === 'partitionsRevoked');
      expect(firstCommit).toBeGreaterThanOrEqual(0);
      expect(firstCommit).toBeLessThan(firstRevoke);
    });
  }

  it('cooperative-sticky: c1 keeps reading its kept partitions from its position, no replay', () => {
    const { events } = run([
      ...story('cooperative-sticky'),
      { type: 'poll', groupId: 'g', memberId: 'c1' },
      { type: 'poll', groupId: 'g', memberId: 'c2' },
    ]);
    // c2 takes two partitions from their committed offsets (2), so nothing is read twice.
    expect(
      ofType(events, 'fetch')
        .slice(-2)
        .map((f) => f.count),
    ).toEqual([0, 0]);
    expect(ofType(events, 'offsetReset').filter((e) => e.memberId === 'c2')).toEqual([]);
  });
});
