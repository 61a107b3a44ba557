/**
 * AbstractStickyAssignor.GeneralAssignmentBuilder without racks: the algorithm Kafka uses when
 * members subscribe to different topics
 * (apache/kafka clients/src/main/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignor.java).
 * Java's TreeSet of members is a sorted array here; PartitionMovements keeps Java's HashSet order.
 */
import { compareStrings, tpKey, type TopicPartition } from './assignor-types.ts';
import { partitionsOf, type StickyPrelude } from './sticky-common.ts';
import { PartitionMovements } from './sticky-movements.ts';
import { at } from '../core/at.ts';

/** Balances the still-valid owned partitions and the unassigned ones over eligible members. */
export function generalAssign(
  prelude: StickyPrelude,
  perTopic: ReadonlyMap<string, number>,
): Map<string, TopicPartition[]> {
  const current = new Map<string, TopicPartition[]>();
  for (const id of prelude.order)
    current.set(id, (prelude.owned.get(id) as TopicPartition[]).slice());
  const topicConsumers = new Map<string, string[]>([...perTopic.keys()].map((t) => [t, []]));
  const consumerTopics = new Map<string, string[]>();
  for (const id of prelude.order) {
    const topics = (prelude.byId.get(id)?.topics ?? []).filter((t) => perTopic.has(t));
    consumerTopics.set(id, topics);
    for (const t of topics) (topicConsumers.get(t) as string[]).push(id);
  }
  const partitionConsumer = new Map<string, string>();
  for (const [id, list] of current) for (const tp of list) partitionConsumer.set(tpKey(tp), id);
  const topicOrder = (a: string, b: string): number =>
    (topicConsumers.get(a) as string[]).length - (topicConsumers.get(b) as string[]).length ||
    compareStrings(a, b);
  let sortedAllPartitions = partitionsOf([...perTopic.keys()].sort(topicOrder), perTopic);
  const total = [...perTopic.values()].reduce((a, b) => a + b, 0);

  // SubscriptionComparator: fewest assigned partitions first, then member id.
  const cmp = (a: string, b: string): number =>
    (current.get(a) as TopicPartition[]).length - (current.get(b) as TopicPartition[]).length ||
    compareStrings(a, b);
  let sorted: string[] = [];
  const sortedAdd = (id: string): void => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(at(sorted, mid), id) < 0) lo = mid + 1;
      else hi = mid;
    }
    if (sorted[lo] !== id) sorted.splice(lo, 0, id);
  };
  const sortedRemove = (id: string): void => {
    const i = sorted.indexOf(id);
    if (i >= 0) sorted.splice(i, 1);
  };
  const movements = new PartitionMovements();
  let revocationRequired = false;

  // assignOwnedPartitions: drop owned partitions of topics the member no longer subscribes to.
  const assignedPartitions: TopicPartition[] = [];
  for (const [id, list] of current) {
    const topics = prelude.byId.get(id)?.topics ?? [];
    for (let i = 0; i < list.length;) {
      const tp = at(list, i);
      if (!topics.includes(tp.topic)) {
        list.splice(i, 1);
        revocationRequired = true;
      } else {
        assignedPartitions.push(tp);
        i++;
      }
    }
  }
  const assignedKeys = new Set(assignedPartitions.map(tpKey));
  // Java returns the very same list when nothing is assigned; the aliasing is kept.
  let unassigned =
    assignedPartitions.length === 0
      ? sortedAllPartitions
      : sortedAllPartitions.filter((tp) => !assignedKeys.has(tpKey(tp)));
  const aliased = unassigned === sortedAllPartitions;
  for (const id of current.keys()) sortedAdd(id);

  const maxAssignmentSize = (topics: readonly string[]): number =>
    topics.length === perTopic.size
      ? total
      : topics.reduce((s, t) => s + (perTopic.get(t) ?? 0), 0);
  const topicCanMove = (topic: string): boolean =>
    (topicConsumers.get(topic) as string[]).length >= 2;
  const consumerCanMove = (id: string): boolean => {
    const list = current.get(id) as TopicPartition[];
    if (list.length < maxAssignmentSize(consumerTopics.get(id) as string[])) return true;
    return list.some((tp) => topicCanMove(tp.topic));
  };

  const isBalanced = (): boolean => {
    const min = (current.get(at(sorted, 0)) as TopicPartition[]).length;
    const max = (current.get(at(sorted, sorted.length - 1)) as TopicPartition[]).length;
    if (min >= max - 1) return true;
    const owner = new Map<string, string>();
    for (const [id, list] of current) for (const tp of list) owner.set(tpKey(tp), id);
    for (const id of sorted) {
      const mine = current.get(id) as TopicPartition[];
      const topics = consumerTopics.get(id) as string[];
      if (mine.length === maxAssignmentSize(topics)) continue;
      const mineKeys = new Set(mine.map(tpKey));
      for (const topic of topics) {
        const n = perTopic.get(topic) as number;
        for (let p = 0; p < n; p++) {
          const key = `${topic}-${p}`;
          if (mineKeys.has(key)) continue;
          const other = owner.get(key);
          const otherCount = other === undefined ? 0 : (current.get(other)?.length ?? 0);
          if (mine.length + 1 < otherCount) return false;
        }
      }
    }
    return true;
  };

  const processMovement = (tp: TopicPartition, newConsumer: string): void => {
    const key = tpKey(tp);
    const oldConsumer = partitionConsumer.get(key) as string;
    sortedRemove(oldConsumer);
    sortedRemove(newConsumer);
    movements.movePartition(tp, oldConsumer, newConsumer);
    const oldList = current.get(oldConsumer) as TopicPartition[];
    oldList.splice(
      oldList.findIndex((x) => tpKey(x) === key),
      1,
    );
    (current.get(newConsumer) as TopicPartition[]).push(tp);
    partitionConsumer.set(key, newConsumer);
    sortedAdd(newConsumer);
    sortedAdd(oldConsumer);
  };

  const reassign = (tp: TopicPartition): void => {
    const newConsumer = sorted.find((id) =>
      (consumerTopics.get(id) as string[]).includes(tp.topic),
    ) as string;
    const consumer = partitionConsumer.get(tpKey(tp)) as string;
    processMovement(movements.actualPartitionToMove(tp, consumer, newConsumer), newConsumer);
  };

  const performReassignments = (partitions: readonly TopicPartition[]): boolean => {
    let performed = false;
    let modified: boolean;
    do {
      modified = false;
      for (let i = 0; i < partitions.length && !isBalanced(); i++) {
        const tp = at(partitions, i);
        const consumer = partitionConsumer.get(tpKey(tp)) as string;
        const size = (current.get(consumer) as TopicPartition[]).length;
        for (const other of topicConsumers.get(tp.topic) as string[]) {
          if (size > (current.get(other)?.length ?? 0) + 1) {
            reassign(tp);
            performed = true;
            modified = true;
            break;
          }
        }
      }
    } while (modified);
    return performed;
  };

  const score = (a: ReadonlyMap<string, readonly TopicPartition[]>): number => {
    const sizes = [...a.values()].map((l) => l.length);
    let s = 0;
    for (let i = 0; i < sizes.length; i++)
      for (let j = i + 1; j < sizes.length; j++) s += Math.abs(at(sizes, i) - at(sizes, j));
    return s;
  };

  // balance()
  const initializing =
    (current.get(at(sorted, sorted.length - 1)) as TopicPartition[]).length === 0;
  for (const tp of unassigned) {
    if ((topicConsumers.get(tp.topic) as string[]).length === 0) continue;
    const id = sorted.find((c) => (consumerTopics.get(c) as string[]).includes(tp.topic));
    if (id === undefined) continue;
    sortedRemove(id);
    (current.get(id) as TopicPartition[]).push(tp);
    partitionConsumer.set(tpKey(tp), id);
    sortedAdd(id);
  }
  sortedAllPartitions = sortedAllPartitions.filter((tp) => topicCanMove(tp.topic));
  unassigned = aliased ? sortedAllPartitions : unassigned.filter((tp) => topicCanMove(tp.topic));

  const fixed = new Map<string, TopicPartition[]>();
  for (const id of consumerTopics.keys()) {
    if (!consumerCanMove(id)) {
      sortedRemove(id);
      fixed.set(id, current.get(id) as TopicPartition[]);
      current.delete(id);
    }
  }
  const preBalance = new Map([...current].map(([id, l]) => [id, l.slice()]));
  const preBalanceOwners = new Map(partitionConsumer);
  if (!revocationRequired) performReassignments(unassigned);
  const performed = performReassignments(sortedAllPartitions);
  if (!initializing && performed && score(current) >= score(preBalance)) {
    current.clear();
    for (const [id, l] of preBalance) current.set(id, l.slice());
    partitionConsumer.clear();
    for (const [k, v] of preBalanceOwners) partitionConsumer.set(k, v);
  }
  for (const [id, l] of fixed) current.set(id, l);
  sorted = [];
  return current;
}
