/**
 * Kafka's RoundRobinAssignor
 * (apache/kafka clients/src/main/java/org/apache/kafka/clients/consumer/RoundRobinAssignor.java).
 */
import {
  compareMemberInfo,
  compareStrings,
  finishAssignment,
  subscribedPartitionsPerTopic,
  validateAssignorInput,
  type Assignment,
  type Member,
  type TopicPartition,
} from './assignor-types.ts';
import { at } from '../core/at.ts';

/**
 * All subscribed partitions sorted by topic then number, handed out in turn over the sorted
 * members (a CircularIterator), skipping members not subscribed to the partition's topic.
 */
export function assignRoundRobin(
  members: Member[],
  partitionsPerTopic: Record<string, number>,
): Assignment {
  validateAssignorInput(members, partitionsPerTopic);
  const perTopic = subscribedPartitionsPerTopic(members, partitionsPerTopic);
  const lists = new Map<string, TopicPartition[]>(members.map((m) => [m.memberId, []]));
  const ring = members.slice().sort(compareMemberInfo);
  let cursor = 0;
  for (const topic of [...perTopic.keys()].sort(compareStrings)) {
    const n = perTopic.get(topic) as number;
    for (let partition = 0; partition < n; partition++) {
      // Some member subscribes to every topic in perTopic, so this loop ends.
      while (!at(ring, cursor % ring.length).topics.includes(topic)) cursor++;
      const member = at(ring, cursor % ring.length);
      cursor++;
      (lists.get(member.memberId) as TopicPartition[]).push({ topic, partition });
    }
  }
  return finishAssignment(members, lists);
}
