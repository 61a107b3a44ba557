/**
 * Kafka's CooperativeStickyAssignor
 * (apache/kafka clients/src/main/java/org/apache/kafka/clients/consumer/CooperativeStickyAssignor.java):
 * the sticky assignment, minus every partition that changes owner — those are first revoked by the
 * old owner and handed to the new one in the follow-up rebalance.
 */
import {
  finishAssignment,
  subscribedPartitionsPerTopic,
  tpKey,
  validateAssignorInput,
  type Assignment,
  type Member,
  type TopicPartition,
} from './assignor-types.ts';
import { stickyPrelude } from './sticky-common.ts';
import { constrainedAssign } from './sticky-constrained.ts';
import { generalAssign } from './sticky-general.ts';

/** Balanced, sticky to ownedPartitions, and never gives a partition away in the rebalance that revokes it. */
export function assignCooperativeSticky(
  members: Member[],
  partitionsPerTopic: Record<string, number>,
): Assignment {
  validateAssignorInput(members, partitionsPerTopic);
  if (members.length === 0) return {};
  const perTopic = subscribedPartitionsPerTopic(members, partitionsPerTopic);
  const prelude = stickyPrelude(members, perTopic);
  let lists: Map<string, TopicPartition[]>;
  let transferring: Map<string, string>;
  if (prelude.allSubscriptionsEqual) {
    const result = constrainedAssign(prelude, perTopic);
    lists = result.lists;
    transferring = new Map(
      [...(result.transferring ?? new Map()).entries()].map(([k, v]) => [k, v.consumer]),
    );
  } else {
    lists = generalAssign(prelude, perTopic);
    transferring = partitionsTransferringOwnership(members, lists);
  }
  // adjustAssignment: the new owner gets the partition only in the next rebalance.
  for (const [key, consumer] of transferring) {
    const list = lists.get(consumer);
    if (!list) continue;
    const i = list.findIndex((tp) => tpKey(tp) === key);
    if (i >= 0) list.splice(i, 1);
  }
  return finishAssignment(members, lists);
}

/** computePartitionsTransferringOwnership: partitions both added to one member and revoked from another. */
function partitionsTransferringOwnership(
  members: readonly Member[],
  lists: ReadonlyMap<string, readonly TopicPartition[]>,
): Map<string, string> {
  const added = new Map<string, string>();
  const revoked = new Set<string>();
  for (const m of members) {
    const owned = new Set((m.ownedPartitions ?? []).map(tpKey));
    const assigned = new Set((lists.get(m.memberId) ?? []).map(tpKey));
    for (const key of assigned) if (!owned.has(key)) added.set(key, m.memberId);
    for (const key of owned) if (!assigned.has(key)) revoked.add(key);
  }
  for (const key of [...added.keys()]) if (!revoked.has(key)) added.delete(key);
  return added;
}
