/**
 * Plain-data state of the simulated Kafka cluster: topics with partition logs and replicas,
 * consumer groups, a virtual clock and a seeded PRNG. JSON-serialisable; never mutated by step().
 */
import type { ClockState } from '../core/clock.ts';
import type { PrngState } from '../core/prng.ts';
import type { StickyPartitionState } from './partitioner.ts';
import type { TopicPartition } from './assignor-types.ts';

/** Cluster-wide settings; defaults follow Kafka's where Kafka has one. */
export interface KafkaConfig {
  /** Broker ids; partitions place replicas on them round-robin. */
  readonly brokers: readonly number[];
  /** Keyless records per sticky batch (Kafka counts batch.size bytes; see partitioner.ts). */
  readonly stickyBatchRecords: number;
  /** log.retention.check.interval.ms (Kafka default 300000). */
  readonly retentionCheckIntervalMs: number;
  /** replica.lag.time.max.ms (Kafka default 30000): a follower behind this long leaves the ISR. */
  readonly replicaLagTimeMaxMs: number;
  /** Simulation memory guard, not a Kafka setting: oldest segments beyond this are dropped. */
  readonly maxRecordsPerPartition: number;
}

/** Per-topic settings (topic-level configs in Kafka's names). */
export interface TopicConfig {
  readonly partitions: number;
  readonly replicationFactor: number;
  /** min.insync.replicas (default 1). */
  readonly minInsyncReplicas: number;
  /** retention.ms; -1 keeps forever (Kafka default 604800000 = 7 days). */
  readonly retentionMs: number;
  /** retention.bytes per partition, counted in record bytes; -1 = unlimited (Kafka default). */
  readonly retentionBytes: number;
  /** Records per log segment (Kafka sizes segments in bytes, segment.bytes). */
  readonly segmentRecords: number;
  /** unclean.leader.election.enable (default false). */
  readonly uncleanLeaderElection: boolean;
}

/**
 * One record as a consumer sees it (a fetch, recordAt, readRange). The log does not keep these
 * objects: it keeps columns (LogChunk), and a read makes the record when it is asked for.
 */
export interface StoredRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly key: string | null;
  readonly value: string;
  /** CreateTime on the virtual clock. */
  readonly timestamp: number;
}

/**
 * Consecutive records of a partition log, column by column, usually one append's records (as a
 * Kafka log is a sequence of record batches): no object per record, so a log at the memory cap is
 * a few arrays of shared strings, cheap to keep, share between states and collect.
 * The record at `baseOffset + i` is keys[i] and values[i] (equally long), with timestampAt(chunk, i).
 */
export interface LogChunk {
  readonly baseOffset: number;
  readonly keys: readonly (string | null)[];
  readonly values: readonly string[];
  /**
   * CreateTime on the virtual clock, run-length coded: pairs [index, timestamp] by ascending index;
   * a record has the timestamp of the last pair at or before its index. The records of one append
   * share one timestamp, as a Kafka record batch carries one base timestamp for its records.
   */
  readonly timestamps: readonly number[];
}

/** CreateTime of the record at index `i` of `chunk`. */
export function timestampAt(chunk: LogChunk, i: number): number {
  const runs = chunk.timestamps;
  let k = runs.length - 2;
  while (k > 0) {
    const start = runs[k]; // 0 < k <= length - 2: always there
    if (start === undefined || start <= i) break;
    k -= 2;
  }
  const timestamp = runs[k + 1];
  if (timestamp === undefined) {
    throw new RangeError(`chunk at offset ${chunk.baseOffset} has no timestamp runs`);
  }
  return timestamp;
}

/**
 * A log segment: whole segments are what retention deletes. Its size in bytes is derived from its
 * records when retention.bytes needs it (segmentBytes), so an append never measures strings.
 */
export interface Segment {
  readonly baseOffset: number;
  readonly records: number;
  readonly maxTimestamp: number;
}

/** An acks=all produce waiting for the ISR to reach its offset. */
export interface PendingAck {
  readonly id: number;
  readonly offset: number;
}

/** One partition: the current leader's log, segments and the replica set. */
export interface PartitionState {
  readonly topic: string;
  readonly partition: number;
  readonly logStartOffset: number;
  /**
   * The leader's records from logStartOffset: chunks in offset order (the first starts at
   * logStartOffset, none is empty) in pages of up to LOG_PAGE chunks. An append adds a chunk (or
   * grows a small last one) and copies only the last page and the page list, so states share
   * everything else. Read with recordAt/readRange.
   */
  readonly pages: readonly (readonly LogChunk[])[];
  /** Segments oldest first, in chunks of up to 32 (an append copies only the last chunk). */
  readonly segments: readonly (readonly Segment[])[];
  readonly highWatermark: number;
  /** Assigned replicas; the first is the preferred leader. */
  readonly replicas: readonly number[];
  /** Leader broker id, or -1 when the partition is offline. */
  readonly leader: number;
  readonly leaderEpoch: number;
  /** The leader's log end offset when its epoch began; a follower must reach it to join the ISR. */
  readonly leaderEpochStartOffset: number;
  readonly isr: readonly number[];
  /**
   * Log end offset of each replica (broker id → offset) within the leader's log: followers' logs
   * are prefixes of it (a stopped replica may hold more past it, see strandedTails).
   */
  readonly replicaLeo: Readonly<Record<string, number>>;
  /** When each follower last matched the leader's log end. */
  readonly lastCaughtUpMs: Readonly<Record<string, number>>;
  readonly pendingAcks: readonly PendingAck[];
  /**
   * Records a stopped replica still holds past its replicaLeo, which the current leader's log does
   * not have (broker id → records from offset replicaLeo on): the tail of a leader that died before
   * its followers copied it. The records are out of the partition (consumers never read them), but
   * the stopped broker keeps them on its disk until it rejoins as a follower and truncates its log
   * to the new leader's (KIP-101, KIP-279: leader epoch). Empty for live replicas.
   */
  readonly strandedTails: Readonly<Record<string, readonly StoredRecord[]>>;
}

/** A partition's fields, for a step to change in its own copy (see copyPartition). */
export type PartitionDraft = { -readonly [K in keyof PartitionState]: PartitionState[K] };

/**
 * A copy of `p` for the caller to change: every field listed, so each copy has one known shape
 * (`{ ...p, field }` took 18 % of the one-record-per-produce bench on its own).
 */
export function copyPartition(p: PartitionState): PartitionDraft {
  return {
    topic: p.topic,
    partition: p.partition,
    logStartOffset: p.logStartOffset,
    pages: p.pages,
    segments: p.segments,
    highWatermark: p.highWatermark,
    replicas: p.replicas,
    leader: p.leader,
    leaderEpoch: p.leaderEpoch,
    leaderEpochStartOffset: p.leaderEpochStartOffset,
    isr: p.isr,
    replicaLeo: p.replicaLeo,
    lastCaughtUpMs: p.lastCaughtUpMs,
    pendingAcks: p.pendingAcks,
    strandedTails: p.strandedTails,
  };
}

/** A topic with its partitions and the producer's sticky state for keyless records. */
export interface TopicState {
  readonly name: string;
  readonly config: TopicConfig;
  readonly partitions: readonly PartitionState[];
  readonly sticky: StickyPartitionState;
}

/**
 * partition.assignment.strategy values. cooperative-sticky (KIP-429) is the Java client's;
 * kafka-python 2.0.2 has range (its default), roundrobin and an eager sticky, no cooperative one.
 */
export type AssignorName = 'range' | 'roundrobin' | 'cooperative-sticky';

/** auto.offset.reset values. */
export type OffsetReset = 'earliest' | 'latest' | 'none';

/** A consumer in a group. */
export interface MemberState {
  readonly memberId: string;
  readonly groupInstanceId?: string;
  readonly topics: readonly string[];
  /** False after a crash: it stops heartbeating and is removed after session.timeout.ms. */
  readonly alive: boolean;
  readonly assigned: readonly TopicPartition[];
  /** Fetch position per "topic-partition". */
  readonly positions: Readonly<Record<string, number>>;
  readonly lastAutoCommitMs: number;
  /** Which assigned partition the next poll starts from, so a small max.poll.records starves none. */
  readonly pollCursor: number;
}

/** A consumer group with its committed offsets. */
export interface GroupState {
  readonly groupId: string;
  readonly assignor: AssignorName;
  readonly autoOffsetReset: OffsetReset;
  readonly enableAutoCommit: boolean;
  readonly autoCommitIntervalMs: number;
  readonly sessionTimeoutMs: number;
  readonly maxPollRecords: number;
  readonly generation: number;
  /**
   * PreparingRebalance: a rebalance waits for crashed members (they never rejoin) until their
   * sessions time out; live members have run onJoinPrepare and wait for the assignment.
   */
  readonly preparingRebalance: boolean;
  /** Members in join order. */
  readonly members: readonly MemberState[];
  /** Committed offset per "topic-partition". */
  readonly committed: Readonly<Record<string, number>>;
  readonly nextMemberSeq: number;
}

/**
 * Records the producer holds in its RecordAccumulator because their partition has no leader: they
 * are sent when a leader is elected, or fail after delivery.timeout.ms, whatever the acks.
 */
export interface QueuedBatch {
  /** The produce id the first event reported (result 'queued'). */
  readonly id: number;
  readonly kind: 'produce' | 'produceBatch';
  readonly topic: string;
  readonly partition: number;
  readonly acks: 0 | 1 | 'all';
  readonly keys: readonly (string | null)[];
  readonly values: readonly string[];
  readonly createdMs: number;
  readonly deliveryTimeoutMs: number;
}

/** What a timer does when it fires. */
export type TimerPayload =
  | { readonly kind: 'retentionCheck' }
  | { readonly kind: 'sessionTimeout'; readonly groupId: string; readonly memberId: string }
  | { readonly kind: 'deliveryTimeout'; readonly id: number };

/** The whole cluster. */
export interface KafkaState {
  readonly config: KafkaConfig;
  readonly clock: ClockState<TimerPayload>;
  readonly prng: PrngState;
  readonly brokersUp: Readonly<Record<string, boolean>>;
  readonly topics: Readonly<Record<string, TopicState>>;
  readonly groups: Readonly<Record<string, GroupState>>;
  readonly nextProduceId: number;
  /** The producer's records waiting for a partition leader, oldest first. */
  readonly accumulator: readonly QueuedBatch[];
}

/** Kafka's defaults, scaled for a lecture where noted. */
export const defaultKafkaConfig: KafkaConfig = {
  brokers: [1, 2, 3],
  stickyBatchRecords: 16,
  retentionCheckIntervalMs: 300_000,
  replicaLagTimeMaxMs: 30_000,
  maxRecordsPerPartition: 50_000,
};

/** Chunks per page of PartitionState.pages. */
export const LOG_PAGE = 32;

/**
 * Small appends end up in chunks of up to this many records, so one-record produces do not leave a
 * chunk per record: they grow a short tail chunk, and a full tail is folded into the chunk before
 * it while the two together stay within this size.
 */
export const SMALL_CHUNK = 64;

/** Log end offset of the leader's log: one past its last record. */
export function logEndOffset(p: PartitionState): number {
  const page = p.pages[p.pages.length - 1];
  const last = page?.[page.length - 1];
  return last ? last.baseOffset + last.values.length : p.logStartOffset;
}
