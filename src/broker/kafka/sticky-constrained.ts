/**
 * AbstractStickyAssignor.ConstrainedAssignmentBuilder without racks: the algorithm Kafka uses when
 * every member subscribes to the same topics
 * (apache/kafka clients/src/main/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignor.java).
 */
import {
  compareStrings,
  compareTopicPartition,
  tpKey,
  type TopicPartition,
} from './assignor-types.ts';
import { partitionsOf, type StickyPrelude } from './sticky-common.ts';
import { at } from '../core/at.ts';

/** The assignment plus partitionsTransferringOwnership (tpKey → new owner). */
export interface StickyResult {
  readonly lists: Map<string, TopicPartition[]>;
  readonly transferring: Map<string, { tp: TopicPartition; consumer: string }> | null;
}

/** Keeps owned partitions up to the quota, then fills members round-robin to min/max quota. */
export function constrainedAssign(
  prelude: StickyPrelude,
  perTopic: ReadonlyMap<string, number>,
): StickyResult {
  const total = [...perTopic.values()].reduce((a, b) => a + b, 0);
  const n = prelude.order.length;
  const minQuota = Math.floor(total / n);
  const maxQuota = Math.ceil(total / n);
  const expectedOver = total % n;
  let currentOver = 0;
  const assignment = new Map<string, TopicPartition[]>(prelude.order.map((c) => [c, []]));
  const assigned: TopicPartition[] = [];
  const revoked = new Set<string>();
  const transferring = new Map<string, { tp: TopicPartition; consumer: string }>();
  let under: string[] = [];
  let exact: string[] = [];

  // Step 1: reassign previously owned partitions, in the HashMap's iteration order.
  for (const consumer of prelude.order) {
    const owned = (prelude.owned.get(consumer) as TopicPartition[])
      .slice()
      .sort((a, b) => a.partition - b.partition || compareStrings(a.topic, b.topic))
      .filter((tp) => !prelude.multiplyClaimed.has(tpKey(tp)));
    const mine = assignment.get(consumer) as TopicPartition[];
    if (owned.length < minQuota) {
      mine.push(...owned);
      assigned.push(...owned);
      under.push(consumer);
    } else if (owned.length >= maxQuota && currentOver < expectedOver) {
      currentOver++;
      if (currentOver === expectedOver) exact = [];
      mine.push(...owned.slice(0, maxQuota));
      assigned.push(...owned.slice(0, maxQuota));
      for (const tp of owned.slice(maxQuota)) revoked.add(tpKey(tp));
    } else {
      mine.push(...owned.slice(0, minQuota));
      assigned.push(...owned.slice(0, minQuota));
      for (const tp of owned.slice(minQuota)) revoked.add(tpKey(tp));
      if (currentOver < expectedOver) exact.push(consumer);
    }
  }

  const assignedKeys = new Set(assigned.map(tpKey));
  const topics = [...perTopic.keys()].sort(compareStrings);
  const unassigned = partitionsOf(topics, perTopic).filter((tp) => !assignedKeys.has(tpKey(tp)));
  under = under.sort(compareStrings);
  exact = exact.sort(compareStrings);

  const assignNew = (tp: TopicPartition, consumer: string): number => {
    const mine = assignment.get(consumer) as TopicPartition[];
    mine.push(tp);
    const key = tpKey(tp);
    if (revoked.has(key) || prelude.multiplyClaimed.has(key))
      transferring.set(key, { tp, consumer });
    return mine.length;
  };

  // Step 3: round-robin over the under-quota members (a Java iterator that restarts when spent).
  let cursor = 0;
  for (const tp of unassigned) {
    let consumer: string;
    let fromIterator = false;
    if (cursor < under.length) {
      consumer = at(under, cursor++);
      fromIterator = true;
    } else if (under.length === 0 && exact.length === 0) {
      throw new Error('sticky assignor: no more unfilled consumers to be assigned');
    } else if (under.length === 0) {
      consumer = exact.shift() as string;
    } else {
      cursor = 0;
      consumer = at(under, cursor++);
      fromIterator = true;
    }
    const count = assignNew(tp, consumer);
    if (count === minQuota) {
      if (fromIterator) under.splice(--cursor, 1);
      exact.push(consumer);
    } else if (count === maxQuota) {
      currentOver++;
    }
  }

  // verifyUnfilledMembers: Kafka throws IllegalStateException if the quotas were not met.
  if (under.length > 0) {
    if (currentOver !== expectedOver) {
      throw new Error('sticky assignor: expected members over minQuota not reached');
    }
    for (const consumer of under) {
      if ((assignment.get(consumer) as TopicPartition[]).length !== minQuota) {
        throw new Error(`sticky assignor: consumer ${consumer} did not reach minQuota`);
      }
    }
  }
  for (const list of assignment.values()) list.sort(compareTopicPartition);
  return { lists: assignment, transferring };
}
