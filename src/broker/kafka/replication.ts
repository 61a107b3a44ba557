/**
 * Leader, followers and ISR of one partition: follower fetches, the high watermark, acks=all
 * completion, ISR shrink/expand and leader election (clean from the ISR; unclean only when
 * unclean.leader.election.enable). Pure functions over PartitionState that report events.
 */
import { copyPartition, logEndOffset, type PartitionDraft, type PartitionState } from './state.ts';
import { readRange, truncateTo } from './partition-log.ts';
import type { KafkaEvent } from './events.ts';

type Emit = (e: KafkaEvent) => void;

/**
 * Moves the high watermark to the smallest log end offset in the ISR and completes acks=all
 * produces below it (failing them with NOT_ENOUGH_REPLICAS_AFTER_APPEND if the ISR is now smaller
 * than min.insync.replicas, as Kafka's DelayedProduce does).
 */
export function updateHighWatermark(p: PartitionState, minIsr: number, emit: Emit): PartitionState {
  if (p.leader < 0) return p;
  const leo = logEndOffset(p);
  let hw = leo;
  for (const b of p.isr) hw = Math.min(hw, p.replicaLeo[b] ?? 0);
  hw = Math.max(hw, Math.min(p.highWatermark, leo));
  // One copy at most, made on the first change (only the high watermark and pendingAcks change).
  let next: PartitionDraft | undefined;
  if (hw !== p.highWatermark) {
    next = copyPartition(p);
    next.highWatermark = hw;
    emit({ type: 'highWatermark', topic: p.topic, partition: p.partition, offset: hw });
  }
  if (p.pendingAcks.some((a) => a.offset < hw)) {
    for (const a of p.pendingAcks) {
      if (a.offset >= hw) continue;
      if (p.isr.length < minIsr) {
        emit({
          type: 'produceFailed',
          id: a.id,
          topic: p.topic,
          partition: p.partition,
          offset: a.offset,
          error: 'NOT_ENOUGH_REPLICAS_AFTER_APPEND',
        });
      } else {
        emit({
          type: 'produceAcked',
          id: a.id,
          topic: p.topic,
          partition: p.partition,
          offset: a.offset,
        });
      }
    }
    next ??= copyPartition(p);
    next.pendingAcks = p.pendingAcks.filter((a) => a.offset >= hw);
  }
  return next ?? p;
}

/** Live followers fetch up to `maxRecords` from the leader; an in-sync follower rejoins the ISR. */
export function replicateFollowers(
  p: PartitionState,
  brokersUp: Readonly<Record<string, boolean>>,
  now: number,
  maxRecords: number,
  onlyBroker: number | undefined,
  minIsr: number,
  emit: Emit,
): PartitionState {
  if (p.leader < 0) return p;
  const leo = logEndOffset(p);
  const replicaLeo = { ...p.replicaLeo };
  const lastCaughtUpMs = { ...p.lastCaughtUpMs };
  let isr = p.isr.slice();
  for (const b of p.replicas) {
    if (b === p.leader || !brokersUp[b] || (onlyBroker !== undefined && b !== onlyBroker)) continue;
    const from = Math.max(replicaLeo[b] ?? 0, p.logStartOffset);
    const to = Math.min(leo, from + maxRecords);
    if (to > from) {
      replicaLeo[b] = to;
      emit({
        type: 'replicaFetch',
        topic: p.topic,
        partition: p.partition,
        broker: b,
        fromOffset: from,
        toOffset: to,
      });
    } else if ((replicaLeo[b] ?? 0) < p.logStartOffset) {
      replicaLeo[b] = p.logStartOffset;
    }
    if ((replicaLeo[b] ?? 0) >= leo) lastCaughtUpMs[b] = now;
    // Partition.maybeExpandIsr / isFollowerInSync: a follower rejoins once its log end reaches the
    // high watermark and the offset where the leader's epoch began; it need not reach the log end.
    const followerEnd = replicaLeo[b] ?? 0;
    if (
      !isr.includes(b) &&
      followerEnd >= p.highWatermark &&
      followerEnd >= p.leaderEpochStartOffset
    ) {
      isr = p.replicas.filter((r) => r === b || isr.includes(r));
      emit({ type: 'isrExpand', topic: p.topic, partition: p.partition, broker: b, isr });
    }
  }
  return updateHighWatermark({ ...p, replicaLeo, lastCaughtUpMs, isr }, minIsr, emit);
}

/** Drops followers that have not caught up for replica.lag.time.max.ms from the ISR. */
export function shrinkLaggingIsr(
  p: PartitionState,
  now: number,
  lagMaxMs: number,
  minIsr: number,
  emit: Emit,
): PartitionState {
  if (p.leader < 0) return p;
  const leo = logEndOffset(p);
  let cur = p;
  for (const b of p.isr) {
    if (b === p.leader) continue;
    const caughtUp = (cur.replicaLeo[b] ?? 0) >= leo;
    if (caughtUp) {
      cur = { ...cur, lastCaughtUpMs: { ...cur.lastCaughtUpMs, [b]: now } };
    } else if (now - (cur.lastCaughtUpMs[b] ?? 0) > lagMaxMs) {
      cur = { ...cur, isr: cur.isr.filter((x) => x !== b) };
      emit({ type: 'isrShrink', topic: p.topic, partition: p.partition, broker: b, isr: cur.isr });
    }
  }
  return cur === p ? p : updateHighWatermark(cur, minIsr, emit);
}

/**
 * A broker went down: it leaves every ISR (the last ISR member stays listed, as in Kafka, so the
 * partition can come back clean); if it led, the first live ISR replica in assignment order takes
 * over and the log is cut to what that replica has — acknowledged acks=1 records may go here.
 */
export function onBrokerDown(
  p: PartitionState,
  broker: number,
  brokersUp: Readonly<Record<string, boolean>>,
  unclean: boolean,
  minIsr: number,
  emit: Emit,
): PartitionState {
  if (!p.replicas.includes(broker)) return p;
  let cur = p;
  if (cur.isr.includes(broker) && cur.isr.length > 1) {
    cur = { ...cur, isr: cur.isr.filter((b) => b !== broker) };
    emit({ type: 'isrShrink', topic: p.topic, partition: p.partition, broker, isr: cur.isr });
  }
  if (cur.leader !== broker) return updateHighWatermark(cur, minIsr, emit);
  return electLeader({ ...cur, leader: -1 }, brokersUp, unclean, minIsr, emit);
}

/** Chooses a leader for an offline partition, if any replica may lead. */
export function electLeader(
  p: PartitionState,
  brokersUp: Readonly<Record<string, boolean>>,
  unclean: boolean,
  minIsr: number,
  emit: Emit,
): PartitionState {
  // The old leader's waiting acks=all produces fail; the producer would retry them.
  for (const a of p.pendingAcks) {
    emit({
      type: 'produceFailed',
      id: a.id,
      topic: p.topic,
      partition: p.partition,
      offset: a.offset,
      error: 'NOT_LEADER_OR_FOLLOWER',
    });
  }
  let cur: PartitionState = { ...p, pendingAcks: [] };
  let leader = cur.replicas.find((b) => brokersUp[b] && cur.isr.includes(b));
  let isUnclean = false;
  if (leader === undefined && unclean) {
    leader = cur.replicas.find((b) => brokersUp[b]);
    isUnclean = leader !== undefined;
  }
  if (leader === undefined) {
    emit({ type: 'partitionOffline', topic: p.topic, partition: p.partition });
    return { ...cur, leader: -1 };
  }
  const newLeo = cur.replicaLeo[leader] ?? 0;
  const oldLeo = logEndOffset(cur);
  // KIP-101: a replica ahead of the new leader truncates to it when it fetches from it. A live one
  // does so at once; a stopped one cannot fetch, so it keeps its tail on disk (strandedTails) and
  // truncates when it comes back (rejoinAsFollower). Read before the leader's log is cut.
  const strandedTails = { ...cur.strandedTails };
  const replicaLeo = { ...cur.replicaLeo };
  const truncated: KafkaEvent[] = [];
  for (const b of cur.replicas) {
    const key = String(b);
    const tail = strandedTails[key] ?? [];
    if (b !== leader && !brokersUp[b]) {
      const leo = replicaLeo[key] ?? 0;
      if (leo > newLeo) strandedTails[key] = [...readRange(cur, newLeo, leo), ...tail];
      if (leo > newLeo) replicaLeo[key] = newLeo;
      continue;
    }
    // Simplification: a replica that came back while the partition had no leader and is elected
    // now (only uncleanly: it is out of the ISR) drops its stranded tail instead of leading with it.
    if (tail.length > 0 || (replicaLeo[key] ?? 0) > newLeo) {
      delete strandedTails[key];
      replicaLeo[key] = Math.min(replicaLeo[key] ?? 0, newLeo);
      truncated.push({
        type: 'replicaTruncated',
        topic: p.topic,
        partition: p.partition,
        broker: b,
        toOffset: replicaLeo[key],
      });
    }
  }
  if (newLeo < oldLeo) {
    const { partition, lost } = truncateTo(cur, newLeo);
    cur = partition;
    if (lost.length > 0) {
      emit({
        type: 'recordsLost',
        topic: p.topic,
        partition: p.partition,
        fromOffset: newLeo,
        toOffset: oldLeo,
      });
    }
  }
  for (const e of truncated) emit(e);
  const isr = isUnclean ? [leader] : cur.isr.filter((b) => b === leader || brokersUp[b]);
  cur = {
    ...cur,
    leader,
    leaderEpoch: cur.leaderEpoch + 1,
    leaderEpochStartOffset: newLeo,
    replicaLeo,
    strandedTails,
    isr,
    highWatermark: Math.min(cur.highWatermark, newLeo),
  };
  emit({
    type: 'leaderElected',
    topic: p.topic,
    partition: p.partition,
    leader,
    leaderEpoch: cur.leaderEpoch,
    unclean: isUnclean,
  });
  return updateHighWatermark(cur, minIsr, emit);
}

/**
 * A stopped broker came back. If it holds a stranded tail (it led an older epoch and died before
 * its followers copied its last records) and the partition has a leader, it truncates its log to
 * the offset where its log and the leader's diverge (KIP-101 / KIP-279, OffsetsForLeaderEpoch)
 * before it fetches as a follower: only now do those records leave its disk. With no leader yet it
 * keeps them until one is elected (electLeader truncates it then).
 */
export function rejoinAsFollower(p: PartitionState, broker: number, emit: Emit): PartitionState {
  const key = String(broker);
  if (p.leader < 0 || p.leader === broker || (p.strandedTails[key]?.length ?? 0) === 0) return p;
  const strandedTails = { ...p.strandedTails };
  delete strandedTails[key];
  emit({
    type: 'replicaTruncated',
    topic: p.topic,
    partition: p.partition,
    broker,
    toOffset: p.replicaLeo[key] ?? 0,
  });
  return { ...p, strandedTails };
}
