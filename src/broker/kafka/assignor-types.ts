/**
 * Shared types and Kafka's ordering rules for the consumer-group assignors.
 */
import { own, put } from '../core/record.ts';

/** A topic and partition number, as Kafka's TopicPartition. */
export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** A group member as the assignor sees it (the leader's view of one JoinGroup subscription). */
export interface Member {
  readonly memberId: string;
  readonly topics: readonly string[];
  /** group.instance.id of a static member. */
  readonly groupInstanceId?: string;
  /** Partitions the member owned before this rebalance (cooperative protocol's ownedPartitions). */
  readonly ownedPartitions?: readonly TopicPartition[];
}

/** memberId → its partitions, each list sorted by topic, then partition. */
export type Assignment = Record<string, TopicPartition[]>;

/** Java String.compareTo: UTF-16 code-unit order, which JS `<` also uses. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * AbstractPartitionAssignor.MemberInfo.compareTo: static members first, ordered by
 * group.instance.id, then dynamic members by member.id
 * (apache/kafka clients/src/main/java/org/apache/kafka/clients/consumer/internals/AbstractPartitionAssignor.java).
 */
export function compareMemberInfo(a: Member, b: Member): number {
  if (a.groupInstanceId !== undefined && b.groupInstanceId !== undefined) {
    return compareStrings(a.groupInstanceId, b.groupInstanceId);
  }
  if (a.groupInstanceId !== undefined) return -1;
  if (b.groupInstanceId !== undefined) return 1;
  return compareStrings(a.memberId, b.memberId);
}

/** Orders partitions by topic, then partition number. */
export function compareTopicPartition(a: TopicPartition, b: TopicPartition): number {
  return compareStrings(a.topic, b.topic) || a.partition - b.partition;
}

/** A stable string key for a partition ("topic-3"), as TopicPartition.toString prints it. */
export function tpKey(tp: TopicPartition): string {
  return `${tp.topic}-${tp.partition}`;
}

/**
 * The partitions an assignor is given: AbstractPartitionAssignor.assign(metadata, groupSubscription)
 * keeps only topics some member subscribes to and that exist with at least one partition.
 */
export function subscribedPartitionsPerTopic(
  members: readonly Member[],
  partitionsPerTopic: Readonly<Record<string, number>>,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of members) {
    for (const topic of m.topics) {
      const n = own(partitionsPerTopic, topic);
      if (n !== undefined && n > 0) out.set(topic, n);
    }
  }
  return out;
}

/** Checks assignor input; duplicate member ids or bad partition counts are programmer errors. */
export function validateAssignorInput(
  members: readonly Member[],
  partitionsPerTopic: Readonly<Record<string, number>>,
): void {
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m.memberId)) throw new RangeError(`assignor: duplicate memberId ${m.memberId}`);
    seen.add(m.memberId);
  }
  for (const [topic, n] of Object.entries(partitionsPerTopic)) {
    if (!Number.isInteger(n) || n < 0) {
      throw new RangeError(`assignor: topic ${topic} has a bad partition count ${n}`);
    }
  }
}

/** Sorts every member's list by topic, then partition, and gives every member an entry. */
export function finishAssignment(
  members: readonly Member[],
  lists: ReadonlyMap<string, readonly TopicPartition[]>,
): Assignment {
  const out: Assignment = {};
  for (const m of members) {
    const list = (lists.get(m.memberId) ?? []).map((tp) => ({
      topic: tp.topic,
      partition: tp.partition,
    }));
    put(out, m.memberId, list.sort(compareTopicPartition));
  }
  return out;
}
