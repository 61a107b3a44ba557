/**
 * The assignors against the cases in Kafka's own assignor tests (file and test named per case).
 */
import { describe, expect, it } from 'vitest';
import {
  assignRange,
  assignRoundRobin,
  assignCooperativeSticky,
  type Member,
  type Assignment,
} from '../../../../src/broker/kafka/index.ts';
import { names } from './helpers.ts';

const tp = (topic: string, partition: number) => ({ topic, partition });
const sub = (memberId: string, topics: string[], extra: Partial<Member> = {}): Member => ({
  memberId,
  topics,
  ...extra,
});
const as = (a: Assignment): Record<string, string[]> =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, names(v)]));

describe('RangeAssignor (apache/kafka clients/src/test/java/org/apache/kafka/clients/consumer/RangeAssignorTest.java)', () => {
  it('testOneConsumerNoTopic / testOneConsumerNonexistentTopic', () => {
    expect(as(assignRange([sub('consumer1', [])], {}))).toEqual({ consumer1: [] });
    expect(as(assignRange([sub('consumer1', ['topic1'])], {}))).toEqual({ consumer1: [] });
  });
  it('testOnlyAssignsPartitionsFromSubscribedTopics', () => {
    expect(as(assignRange([sub('consumer1', ['topic1'])], { topic1: 3, other: 3 }))).toEqual({
      consumer1: ['topic1-0', 'topic1-1', 'topic1-2'],
    });
  });
  it('testOneConsumerMultipleTopics', () => {
    expect(
      as(assignRange([sub('consumer1', ['topic1', 'topic2'])], { topic1: 1, topic2: 2 })),
    ).toEqual({ consumer1: ['topic1-0', 'topic2-0', 'topic2-1'] });
  });
  it('testTwoConsumersOneTopicOnePartition / TwoPartitions', () => {
    expect(
      as(assignRange([sub('consumer1', ['topic1']), sub('consumer2', ['topic1'])], { topic1: 1 })),
    ).toEqual({ consumer1: ['topic1-0'], consumer2: [] });
    expect(
      as(assignRange([sub('consumer1', ['topic1']), sub('consumer2', ['topic1'])], { topic1: 2 })),
    ).toEqual({ consumer1: ['topic1-0'], consumer2: ['topic1-1'] });
  });
  it('testMultipleConsumersMixedTopics', () => {
    const a = assignRange(
      [
        sub('consumer1', ['topic1']),
        sub('consumer2', ['topic1', 'topic2']),
        sub('consumer3', ['topic1']),
      ],
      { topic1: 3, topic2: 2 },
    );
    expect(as(a)).toEqual({
      consumer1: ['topic1-0'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-1'],
      consumer3: ['topic1-2'],
    });
  });
  it('testTwoConsumersTwoTopicsSixPartitions', () => {
    const a = assignRange(
      [sub('consumer1', ['topic1', 'topic2']), sub('consumer2', ['topic1', 'topic2'])],
      { topic1: 3, topic2: 3 },
    );
    expect(as(a)).toEqual({
      consumer1: ['topic1-0', 'topic1-1', 'topic2-0', 'topic2-1'],
      consumer2: ['topic1-2', 'topic2-2'],
    });
  });
  it('testTwoStaticConsumersTwoTopicsSixPartitions: static members sort by group.instance.id', () => {
    const a = assignRange(
      [
        sub('consumer-b', ['topic1', 'topic2'], { groupInstanceId: 'instance1' }),
        sub('consumer-a', ['topic1', 'topic2'], { groupInstanceId: 'instance2' }),
      ],
      { topic1: 3, topic2: 3 },
    );
    expect(as(a)).toEqual({
      'consumer-b': ['topic1-0', 'topic1-1', 'topic2-0', 'topic2-1'],
      'consumer-a': ['topic1-2', 'topic2-2'],
    });
  });
  it('testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions: static before dynamic', () => {
    const a = assignRange(
      [
        sub('consumer-b', ['topic1', 'topic2'], { groupInstanceId: 'instance1' }),
        sub('consumer-a', ['topic1', 'topic2']),
      ],
      { topic1: 3, topic2: 3 },
    );
    expect(as(a)).toEqual({
      'consumer-b': ['topic1-0', 'topic1-1', 'topic2-0', 'topic2-1'],
      'consumer-a': ['topic1-2', 'topic2-2'],
    });
  });
  it('testStaticMemberRangeAssignmentPersistent', () => {
    const statics = [1, 2, 3].map((i) =>
      sub(`consumer${i}`, ['topic1', 'topic2'], { groupInstanceId: `instance${i}` }),
    );
    const expected = {
      consumer1: ['topic1-0', 'topic1-1', 'topic2-0'],
      consumer2: ['topic1-2', 'topic2-1'],
      consumer3: ['topic1-3', 'topic2-2'],
    };
    expect(
      as(
        assignRange([...statics, sub('consumer4', ['topic1', 'topic2'])], { topic1: 5, topic2: 4 }),
      ),
    ).toEqual({ ...expected, consumer4: ['topic1-4', 'topic2-3'] });
    expect(
      as(
        assignRange([...statics, sub('consumer5', ['topic1', 'topic2'])], { topic1: 5, topic2: 4 }),
      ),
    ).toEqual({ ...expected, consumer5: ['topic1-4', 'topic2-3'] });
  });
  it('testStaticMemberRangeAssignmentPersistentAfterMemberIdChanges', () => {
    const byInstance = (members: Member[]): Record<string, string[]> => {
      const a = assignRange(members, { topic1: 5, topic2: 5 });
      return Object.fromEntries(
        members.map((m) => [m.groupInstanceId as string, names(a[m.memberId])]),
      );
    };
    const expected = {
      instance1: ['topic1-0', 'topic1-1', 'topic2-0', 'topic2-1'],
      instance2: ['topic1-2', 'topic1-3', 'topic2-2', 'topic2-3'],
      instance3: ['topic1-4', 'topic2-4'],
    };
    const t = ['topic1', 'topic2'];
    expect(
      byInstance([
        sub('consumer1', t, { groupInstanceId: 'instance1' }),
        sub('consumer2', t, { groupInstanceId: 'instance2' }),
        sub('consumer3', t, { groupInstanceId: 'instance3' }),
      ]),
    ).toEqual(expected);
    expect(
      byInstance([
        sub('consumer1', t, { groupInstanceId: 'instance1' }),
        sub('consumer5', t, { groupInstanceId: 'instance2' }),
        sub('consumer4', t, { groupInstanceId: 'instance3' }),
      ]),
    ).toEqual(expected);
  });
  // testRackAwareAssignmentWithUniformSubscription / NonEqualSubscription / UniformPartitions: the non-rack-aware expectations.
  it.each([
    [
      { t1: 6, t2: 7, t3: 2 },
      [
        ['t1', 't2', 't3'],
        ['t1', 't2', 't3'],
        ['t1', 't2', 't3'],
      ],
      [
        't1-0, t1-1, t2-0, t2-1, t2-2, t3-0',
        't1-2, t1-3, t2-3, t2-4, t3-1',
        't1-4, t1-5, t2-5, t2-6',
      ],
    ],
    [
      { t1: 6, t2: 7, t3: 2 },
      [
        ['t1', 't2', 't3'],
        ['t1', 't2', 't3'],
        ['t1', 't3'],
      ],
      [
        't1-0, t1-1, t2-0, t2-1, t2-2, t2-3, t3-0',
        't1-2, t1-3, t2-4, t2-5, t2-6, t3-1',
        't1-4, t1-5',
      ],
    ],
    [
      { t1: 5, t2: 5, t3: 5 },
      [
        ['t1', 't2', 't3'],
        ['t1', 't2', 't3'],
        ['t1', 't2', 't3'],
      ],
      [
        't1-0, t1-1, t2-0, t2-1, t3-0, t3-1',
        't1-2, t1-3, t2-2, t2-3, t3-2, t3-3',
        't1-4, t2-4, t3-4',
      ],
    ],
    [
      { t1: 5, t2: 5, t3: 5 },
      [
        ['t1', 't2', 't3'],
        ['t1', 't2', 't3'],
        ['t1', 't3'],
      ],
      [
        't1-0, t1-1, t2-0, t2-1, t2-2, t3-0, t3-1',
        't1-2, t1-3, t2-3, t2-4, t3-2, t3-3',
        't1-4, t3-4',
      ],
    ],
  ])('verifyNonRackAwareAssignment case %#', (topics, consumerTopics, expected) => {
    const members = consumerTopics.map((t, i) => sub(`consumer${i}`, t));
    const a = assignRange(members, topics);
    expect(members.map((m) => names(a[m.memberId]).join(', '))).toEqual(expected);
  });
});

describe('RoundRobinAssignor (apache/kafka clients/src/test/java/org/apache/kafka/clients/consumer/RoundRobinAssignorTest.java)', () => {
  it('testOneConsumerMultipleTopics', () => {
    expect(
      as(assignRoundRobin([sub('consumer', ['topic1', 'topic2'])], { topic1: 1, topic2: 2 })),
    ).toEqual({ consumer: ['topic1-0', 'topic2-0', 'topic2-1'] });
  });
  it('testTwoConsumersOneTopicOnePartition', () => {
    expect(
      as(
        assignRoundRobin([sub('consumer1', ['topic']), sub('consumer2', ['topic'])], { topic: 1 }),
      ),
    ).toEqual({ consumer1: ['topic-0'], consumer2: [] });
  });
  it('testMultipleConsumersMixedTopics', () => {
    const a = assignRoundRobin(
      [
        sub('consumer1', ['topic1']),
        sub('consumer2', ['topic1', 'topic2']),
        sub('consumer3', ['topic1']),
      ],
      { topic1: 3, topic2: 2 },
    );
    expect(as(a)).toEqual({
      consumer1: ['topic1-0'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-1'],
      consumer3: ['topic1-2'],
    });
  });
  it('testTwoDynamicConsumersTwoTopicsSixPartitions', () => {
    const a = assignRoundRobin(
      [sub('consumer1', ['topic1', 'topic2']), sub('consumer2', ['topic1', 'topic2'])],
      { topic1: 3, topic2: 3 },
    );
    expect(as(a)).toEqual({
      consumer1: ['topic1-0', 'topic1-2', 'topic2-1'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-2'],
    });
  });
  it('testTwoStaticConsumersTwoTopicsSixPartitions / testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions', () => {
    const t = ['topic1', 'topic2'];
    const expected = {
      'consumer-b': ['topic1-0', 'topic1-2', 'topic2-1'],
      'consumer-a': ['topic1-1', 'topic2-0', 'topic2-2'],
    };
    expect(
      as(
        assignRoundRobin(
          [
            sub('consumer-b', t, { groupInstanceId: 'instance1' }),
            sub('consumer-a', t, { groupInstanceId: 'instance2' }),
          ],
          { topic1: 3, topic2: 3 },
        ),
      ),
    ).toEqual(expected);
    expect(
      as(
        assignRoundRobin(
          [sub('consumer-b', t, { groupInstanceId: 'instance1' }), sub('consumer-a', t)],
          { topic1: 3, topic2: 3 },
        ),
      ),
    ).toEqual(expected);
  });
  it('testStaticMemberAssignmentPersistent', () => {
    const t = ['topic1', 'topic2'];
    const statics = [1, 2, 3].map((i) =>
      sub(`consumer${i}`, t, { groupInstanceId: `instance${i}` }),
    );
    const expected = {
      consumer1: ['topic1-0', 'topic2-1'],
      consumer2: ['topic1-1', 'topic2-2'],
      consumer3: ['topic1-2'],
    };
    expect(
      as(assignRoundRobin([...statics, sub('consumer4', t)], { topic1: 3, topic2: 3 })),
    ).toEqual({ ...expected, consumer4: ['topic2-0'] });
    expect(
      as(assignRoundRobin([...statics, sub('consumer5', t)], { topic1: 3, topic2: 3 })),
    ).toEqual({ ...expected, consumer5: ['topic2-0'] });
  });
});

describe('CooperativeStickyAssignor (AbstractStickyAssignorTest.java and CooperativeStickyAssignorTest.java in apache/kafka clients/src/test/java/org/apache/kafka/clients/consumer/)', () => {
  it('testOneConsumerOneTopic / testOnlyAssignsPartitionsFromSubscribedTopics', () => {
    expect(as(assignCooperativeSticky([sub('consumer', ['topic'])], { topic: 3 }))).toEqual({
      consumer: ['topic-0', 'topic-1', 'topic-2'],
    });
    const owned = [tp('topic', 0), tp('topic', 1), tp('other', 0), tp('other', 1)];
    expect(
      as(
        assignCooperativeSticky([sub('consumer', ['topic'], { ownedPartitions: owned })], {
          topic: 2,
        }),
      ),
    ).toEqual({ consumer: ['topic-0', 'topic-1'] });
  });
  it('testTwoConsumersOneTopicTwoPartitions', () => {
    expect(
      as(
        assignCooperativeSticky([sub('consumer1', ['topic']), sub('consumer2', ['topic'])], {
          topic: 2,
        }),
      ),
    ).toEqual({ consumer1: ['topic-0'], consumer2: ['topic-1'] });
  });
  it('testMultipleConsumersMixedTopicSubscriptions (general algorithm)', () => {
    const a = assignCooperativeSticky(
      [
        sub('consumer1', ['topic1']),
        sub('consumer2', ['topic1', 'topic2']),
        sub('consumer3', ['topic1']),
      ],
      { topic1: 3, topic2: 2 },
    );
    expect(as(a)).toEqual({
      consumer1: ['topic1-0', 'topic1-2'],
      consumer2: ['topic2-0', 'topic2-1'],
      consumer3: ['topic1-1'],
    });
  });
  it('testTwoConsumersTwoTopicsSixPartitions', () => {
    const a = assignCooperativeSticky(
      [sub('consumer1', ['topic1', 'topic2']), sub('consumer2', ['topic1', 'topic2'])],
      { topic1: 3, topic2: 3 },
    );
    expect(as(a)).toEqual({
      consumer1: ['topic1-0', 'topic1-2', 'topic2-1'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-2'],
    });
  });
  it('testConsumerOwningMinQuotaExpectedMaxQuota', () => {
    const t = ['topic1', 'topic2'];
    const a = assignCooperativeSticky(
      [
        sub('consumer1', t, { ownedPartitions: [tp('topic1', 0), tp('topic2', 1)] }),
        sub('consumer2', t, { ownedPartitions: [tp('topic1', 1), tp('topic2', 2)] }),
      ],
      { topic1: 2, topic2: 3 },
    );
    expect(as(a)).toEqual({
      consumer1: ['topic1-0', 'topic2-0', 'topic2-1'],
      consumer2: ['topic1-1', 'topic2-2'],
    });
  });
  it('testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers: topic2-0 moves to consumer3 in the follow-up rebalance', () => {
    const t = ['topic1', 'topic2'];
    const first = assignCooperativeSticky(
      [
        sub('consumer1', t, { ownedPartitions: [tp('topic1', 0), tp('topic2', 0)] }),
        sub('consumer2', t, { ownedPartitions: [tp('topic1', 1), tp('topic2', 1)] }),
        sub('consumer3', t, { ownedPartitions: [] }),
      ],
      { topic1: 2, topic2: 2 },
    );
    // Revoked from consumer1 but not yet given to consumer3.
    expect(as(first)).toEqual({
      consumer1: ['topic1-0'],
      consumer2: ['topic1-1', 'topic2-1'],
      consumer3: [],
    });
    const second = assignCooperativeSticky(
      ['consumer1', 'consumer2', 'consumer3'].map((id) =>
        sub(id, t, { ownedPartitions: first[id] }),
      ),
      { topic1: 2, topic2: 2 },
    );
    expect(as(second)).toEqual({
      consumer1: ['topic1-0'],
      consumer2: ['topic1-1', 'topic2-1'],
      consumer3: ['topic2-0'],
    });
  });
  it('testAllConsumersAreUnderMinQuota', () => {
    const t = ['topic1', 'topic2'];
    const a = assignCooperativeSticky(
      [
        sub('consumer1', t, { ownedPartitions: [tp('topic1', 0)] }),
        sub('consumer2', t, { ownedPartitions: [tp('topic1', 1)] }),
        sub('consumer3', t, { ownedPartitions: [] }),
      ],
      { topic1: 2, topic2: 3 },
    );
    expect(as(a)).toEqual({
      consumer1: ['topic1-0', 'topic2-1'],
      consumer2: ['topic1-1', 'topic2-2'],
      consumer3: ['topic2-0'],
    });
  });
  it('testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGenerationWithEqualPartitionsPerConsumer', () => {
    const a = assignCooperativeSticky(
      [
        sub('consumer1', ['topic'], { ownedPartitions: [tp('topic', 0), tp('topic', 1)] }),
        sub('consumer2', ['topic'], { ownedPartitions: [tp('topic', 0), tp('topic', 2)] }),
        sub('consumer3', ['topic'], { ownedPartitions: [] }),
      ],
      { topic: 3 },
    );
    expect(as(a)).toEqual({ consumer1: ['topic-1'], consumer2: ['topic-2'], consumer3: [] });
  });
  it('testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGenerationWithUnequalPartitionsPerConsumer', () => {
    const a = assignCooperativeSticky(
      [
        sub('consumer1', ['topic'], { ownedPartitions: [tp('topic', 0), tp('topic', 1)] }),
        sub('consumer2', ['topic'], { ownedPartitions: [tp('topic', 0), tp('topic', 2)] }),
        sub('consumer3', ['topic'], { ownedPartitions: [] }),
      ],
      { topic: 4 },
    );
    expect(as(a)).toEqual({
      consumer1: ['topic-1', 'topic-3'],
      consumer2: ['topic-2'],
      consumer3: [],
    });
  });
  it('testAssignorWithOldVersionSubscriptions', () => {
    const a = assignCooperativeSticky(
      [
        sub('consumer1', ['topic1'], { ownedPartitions: [tp('topic1', 0)] }),
        sub('consumer2', ['topic1'], { ownedPartitions: [tp('topic1', 1)] }),
        sub('consumer3', ['topic1']),
      ],
      { topic1: 3 },
    );
    expect(as(a)).toEqual({
      consumer1: ['topic1-0'],
      consumer2: ['topic1-1'],
      consumer3: ['topic1-2'],
    });
  });
});
