/**
 * AbstractStickyAssignor.PartitionMovements: remembers which partitions moved between which
 * members during one general assignment, so a partition that would move back is swapped for one
 * that already moved the other way (apache/kafka clients/src/main/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignor.java).
 */
import { tpKey, type TopicPartition } from './assignor-types.ts';
import { JavaHashSet, javaTopicPartitionHash } from './java-hash-order.ts';

interface Pair {
  readonly src: string;
  readonly dst: string;
}

const pairKey = (p: Pair): string => `${p.src}\u0000${p.dst}`;

/** Movement bookkeeping for one run of the general sticky algorithm. */
export class PartitionMovements {
  private readonly byTopic = new Map<string, Map<string, JavaHashSet<TopicPartition>>>();
  private readonly moves = new Map<string, Pair>();

  /** Records that `tp` moves from `oldConsumer` to `newConsumer`, collapsing A→B→A to nothing. */
  movePartition(tp: TopicPartition, oldConsumer: string, newConsumer: string): void {
    const key = tpKey(tp);
    const existing = this.moves.get(key);
    if (existing) {
      this.removeRecord(tp);
      if (existing.src !== newConsumer) this.addRecord(tp, { src: existing.src, dst: newConsumer });
    } else {
      this.addRecord(tp, { src: oldConsumer, dst: newConsumer });
    }
  }

  /** getTheActualPartitionToBeMoved: prefer moving back a partition that came the other way. */
  actualPartitionToMove(
    tp: TopicPartition,
    oldConsumer: string,
    newConsumer: string,
  ): TopicPartition {
    const topicMoves = this.byTopic.get(tp.topic);
    if (!topicMoves) return tp;
    const existing = this.moves.get(tpKey(tp));
    const from = existing ? existing.src : oldConsumer;
    const reverse = topicMoves.get(pairKey({ src: newConsumer, dst: from }));
    return reverse?.first() ?? tp;
  }

  private addRecord(tp: TopicPartition, pair: Pair): void {
    this.moves.set(tpKey(tp), pair);
    let topicMoves = this.byTopic.get(tp.topic);
    if (!topicMoves) {
      topicMoves = new Map();
      this.byTopic.set(tp.topic, topicMoves);
    }
    let set = topicMoves.get(pairKey(pair));
    if (!set) {
      set = new JavaHashSet<TopicPartition>(
        (x) => javaTopicPartitionHash(x.topic, x.partition),
        (a, b) => a.topic === b.topic && a.partition === b.partition,
      );
      topicMoves.set(pairKey(pair), set);
    }
    set.add(tp);
  }

  private removeRecord(tp: TopicPartition): void {
    const pair = this.moves.get(tpKey(tp)) as Pair;
    this.moves.delete(tpKey(tp));
    const topicMoves = this.byTopic.get(tp.topic) as Map<string, JavaHashSet<TopicPartition>>;
    const set = topicMoves.get(pairKey(pair)) as JavaHashSet<TopicPartition>;
    set.delete(tp);
    if (set.size === 0) topicMoves.delete(pairKey(pair));
    if (topicMoves.size === 0) this.byTopic.delete(tp.topic);
  }
}
