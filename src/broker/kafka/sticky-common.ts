/**
 * What AbstractStickyAssignor computes before choosing an algorithm: every member's still-valid
 * owned partitions, the partitions claimed by several members, and whether all subscriptions are
 * equal (apache/kafka clients/src/main/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignor.java,
 * allSubscriptionsEqual). Generations are not modelled: every member that reports owned partitions
 * is taken to be in the same generation, which holds in our model (a member that misses a
 * generation has left the group), so a doubly claimed partition is invalidated for both claimants
 * and the "previous assignment" by older generation is always empty.
 */
import { javaHashMapOrder } from './java-hash-order.ts';
import { tpKey, type Member, type TopicPartition } from './assignor-types.ts';

/** The prelude's results, in the iteration order Java's HashMaps would give. */
export interface StickyPrelude {
  /** Member ids in Java HashMap iteration order of the subscriptions map. */
  readonly order: string[];
  readonly byId: Map<string, Member>;
  /** consumerToOwnedPartitions, keyed in `order`. */
  readonly owned: Map<string, TopicPartition[]>;
  /** tpKeys claimed by more than one member. */
  readonly multiplyClaimed: Set<string>;
  readonly allSubscriptionsEqual: boolean;
}

/** Runs allSubscriptionsEqual over `members` for the given subscribed topics. */
export function stickyPrelude(
  members: readonly Member[],
  perTopic: ReadonlyMap<string, number>,
): StickyPrelude {
  const byId = new Map(members.map((m) => [m.memberId, m]));
  const order = javaHashMapOrder(members.map((m) => m.memberId));
  const owned = new Map<string, TopicPartition[]>();
  const multiplyClaimed = new Set<string>();
  const previousOwner = new Map<string, string>();
  let subscribed = new Set<string>();
  let equal = true;
  for (const id of order) {
    const member = byId.get(id) as Member;
    if (subscribed.size === 0) {
      // As in Java: an empty first subscription leaves the set empty, so the next one seeds it.
      subscribed = new Set(member.topics);
    } else if (
      equal &&
      !(member.topics.length === subscribed.size && member.topics.every((t) => subscribed.has(t)))
    ) {
      equal = false;
    }
    const list: TopicPartition[] = [];
    owned.set(id, list);
    for (const tp of member.ownedPartitions ?? []) {
      const n = perTopic.get(tp.topic);
      // Partitions past the topic's count cannot exist in Kafka (partitions never shrink).
      if (n === undefined || tp.partition < 0 || tp.partition >= n) continue;
      const key = tpKey(tp);
      const other = previousOwner.get(key);
      if (other === undefined) {
        list.push({ topic: tp.topic, partition: tp.partition });
        previousOwner.set(key, id);
      } else {
        // Same generation: the claim is invalid for both members.
        multiplyClaimed.add(key);
        const otherList = owned.get(other) as TopicPartition[];
        const i = otherList.findIndex((x) => tpKey(x) === key);
        if (i >= 0) otherList.splice(i, 1);
        previousOwner.set(key, id);
      }
    }
  }
  return { order, byId, owned, multiplyClaimed, allSubscriptionsEqual: equal };
}

/** All partitions of `topics` in the given topic order, each topic's partitions ascending. */
export function partitionsOf(
  topics: readonly string[],
  perTopic: ReadonlyMap<string, number>,
): TopicPartition[] {
  const out: TopicPartition[] = [];
  for (const topic of topics) {
    const n = perTopic.get(topic) ?? 0;
    for (let partition = 0; partition < n; partition++) out.push({ topic, partition });
  }
  return out;
}
