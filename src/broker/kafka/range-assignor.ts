/**
 * Kafka's RangeAssignor without racks
 * (apache/kafka clients/src/main/java/org/apache/kafka/clients/consumer/RangeAssignor.java).
 */
import {
  compareMemberInfo,
  finishAssignment,
  subscribedPartitionsPerTopic,
  validateAssignorInput,
  type Assignment,
  type Member,
  type TopicPartition,
} from './assignor-types.ts';

/**
 * Per topic: subscribers sorted (static by group.instance.id first, then dynamic by member.id),
 * partitions laid out in order; each gets ⌊P/C⌋ and the first P mod C get one more.
 */
export function assignRange(
  members: Member[],
  partitionsPerTopic: Record<string, number>,
): Assignment {
  validateAssignorInput(members, partitionsPerTopic);
  const perTopic = subscribedPartitionsPerTopic(members, partitionsPerTopic);
  const lists = new Map<string, TopicPartition[]>(members.map((m) => [m.memberId, []]));
  for (const [topic, numPartitions] of perTopic) {
    const consumers = members.filter((m) => m.topics.includes(topic)).sort(compareMemberInfo);
    const perConsumer = Math.floor(numPartitions / consumers.length);
    const withExtra = numPartitions % consumers.length;
    consumers.forEach((consumer, i) => {
      const start = perConsumer * i + Math.min(i, withExtra);
      const length = perConsumer + (i + 1 > withExtra ? 0 : 1);
      const list = lists.get(consumer.memberId) as TopicPartition[];
      for (let p = start; p < start + length; p++) list.push({ topic, partition: p });
    });
  }
  return finishAssignment(members, lists);
}
