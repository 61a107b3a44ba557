/**
 * Commands the simulated cluster accepts and events it reports, in Kafka's own vocabulary.
 */
import type { TopicPartition } from './assignor-types.ts';
import type { AssignorName, LogChunk, OffsetReset, StoredRecord, TopicConfig } from './state.ts';
import type { DeletionReason } from './partition-log.ts';

/** acks: 0 = fire and forget, 1 = leader wrote it, 'all' = every in-sync replica has it. */
export type Acks = 0 | 1 | 'all';

/** Everything step() accepts. */
export type KafkaCommand =
  | ({ readonly type: 'createTopic'; readonly name: string } & Partial<TopicConfig>)
  | {
      readonly type: 'produce';
      readonly topic: string;
      readonly key?: string | null;
      readonly value: string;
      /** An explicit partition bypasses the partitioner. */
      readonly partition?: number;
      /** Default 'all' (the Java client since Kafka 3.0); kafka-python 2.0.2 defaults to 1. */
      readonly acks?: Acks;
      /**
       * delivery.timeout.ms (Java default 120000): how long a record may wait for a partition
       * leader. kafka-python 2.0.2 has no such setting: its batches expire after request_timeout_ms
       * (30000) in RecordAccumulator.abort_expired_batches, with KafkaTimeoutError.
       */
      readonly deliveryTimeoutMs?: number;
    }
  /**
   * What a real producer sends: many records in one ProduceRequest, grouped by partition. Each
   * record is partitioned as in `produce`; each partition's records are appended in order, as one
   * batch with one id and one `produceBatch` event.
   */
  | {
      readonly type: 'produceBatch';
      readonly topic: string;
      readonly records: readonly {
        readonly key?: string | null;
        readonly value: string;
        readonly partition?: number;
      }[];
      readonly acks?: Acks;
      /** delivery.timeout.ms (default 120000). */
      readonly deliveryTimeoutMs?: number;
    }
  /** Followers fetch from leaders: up to maxRecords each (default all); optional topic/partition/broker filters. */
  | {
      readonly type: 'replicate';
      readonly topic?: string;
      readonly partition?: number;
      readonly broker?: number;
      readonly maxRecords?: number;
    }
  | { readonly type: 'brokerDown'; readonly broker: number }
  | { readonly type: 'brokerUp'; readonly broker: number }
  | {
      readonly type: 'joinGroup';
      readonly groupId: string;
      readonly topics: readonly string[];
      /** Generated as "consumer-<n>" when absent. */
      readonly memberId?: string;
      readonly groupInstanceId?: string;
      /** Group settings, taken from the first member that creates the group. */
      readonly assignor?: AssignorName;
      readonly autoOffsetReset?: OffsetReset;
      readonly enableAutoCommit?: boolean;
      readonly autoCommitIntervalMs?: number;
      /** session.timeout.ms: default 45000 (the Java client since 3.0); kafka-python 2.0.2's is 10000. */
      readonly sessionTimeoutMs?: number;
      readonly maxPollRecords?: number;
    }
  | { readonly type: 'leaveGroup'; readonly groupId: string; readonly memberId: string }
  | { readonly type: 'crash'; readonly groupId: string; readonly memberId: string }
  | {
      readonly type: 'poll';
      readonly groupId: string;
      readonly memberId: string;
      readonly maxRecords?: number;
    }
  | {
      readonly type: 'commitOffset';
      readonly groupId: string;
      readonly memberId: string;
      /** Default: the member's current positions (commitSync()). */
      readonly offsets?: readonly {
        readonly topic: string;
        readonly partition: number;
        readonly offset: number;
      }[];
    }
  | {
      readonly type: 'seek';
      readonly groupId: string;
      readonly memberId: string;
      readonly topic: string;
      readonly partition: number;
      readonly offset: number;
    }
  | { readonly type: 'seekToBeginning'; readonly groupId: string; readonly memberId: string }
  | { readonly type: 'seekToEnd'; readonly groupId: string; readonly memberId: string }
  | { readonly type: 'advance'; readonly ms: number }
  | { readonly type: 'tick'; readonly to: number };

/** A record as a consumer receives it (fetchedRecords() reads them out of a fetch event). */
export type FetchedRecord = StoredRecord;

/**
 * One partition's share of a fetch: indices [start, end) of one chunk of its log, handed over as
 * the log holds them, without a copy per group (Kafka's broker, too, sends fetched record batches
 * straight from its segment files). Chunks are never mutated, so a slice stays valid.
 */
export interface FetchedSlice {
  readonly topic: string;
  readonly partition: number;
  readonly chunk: LogChunk;
  readonly start: number;
  readonly end: number;
}

/** What a producer hears about one partition's write when it is sent (or not). */
export type ProduceResult = 'ack' | 'pending' | 'none' | 'queued' | 'NOT_ENOUGH_REPLICAS';

/** Everything step() reports. */
export type KafkaEvent =
  | {
      readonly type: 'topicCreated';
      readonly topic: string;
      readonly partitions: number;
      readonly replicationFactor: number;
    }
  | {
      readonly type: 'produce';
      readonly id: number;
      readonly topic: string;
      readonly partition: number;
      readonly acks: Acks;
      /** Offset the record got, or null when it was not written. */
      readonly offset: number | null;
      /**
       * What the producer hears now: 'ack' (acks=1, or acks=all already replicated), 'pending'
       * (acks=all waiting), 'none' (acks=0), 'queued' (no partition leader: the record waits in
       * the producer's accumulator; a later event with the same id reports its send or expiry),
       * or the broker's error. NOT_ENOUGH_REPLICAS is retriable: the Java producer (retries
       * MAX_INT) resends until delivery.timeout.ms; kafka-python 2.0.2 (retries=0) raises it.
       */
      readonly result: ProduceResult;
    }
  | {
      /** One partition's share of a produceBatch command (partitions in ascending order). */
      readonly type: 'produceBatch';
      readonly id: number;
      readonly topic: string;
      readonly partition: number;
      readonly acks: Acks;
      readonly count: number;
      /** Offset of the batch's first record, or null when the batch was not written. */
      readonly baseOffset: number | null;
      readonly result: ProduceResult;
    }
  | {
      /**
       * Queued records expired in the producer after delivery.timeout.ms with no partition leader
       * (Kafka's RecordAccumulator.expiredBatches → TimeoutException), acks=0 included.
       */
      readonly type: 'produceExpired';
      readonly id: number;
      readonly topic: string;
      readonly partition: number;
      readonly acks: Acks;
      readonly count: number;
      /** The producer's TimeoutException message. */
      readonly message: string;
    }
  | {
      /** acks=all completed; for a batch, `offset` is its last record's. */
      readonly type: 'produceAcked';
      readonly id: number;
      readonly topic: string;
      readonly partition: number;
      readonly offset: number;
    }
  | {
      /** acks=all failed; for a batch, `offset` is its last record's. */
      readonly type: 'produceFailed';
      readonly id: number;
      readonly topic: string;
      readonly partition: number;
      readonly offset: number;
      readonly error: 'NOT_LEADER_OR_FOLLOWER' | 'NOT_ENOUGH_REPLICAS_AFTER_APPEND';
    }
  | {
      readonly type: 'replicaFetch';
      readonly topic: string;
      readonly partition: number;
      readonly broker: number;
      readonly fromOffset: number;
      readonly toOffset: number;
    }
  | {
      readonly type: 'highWatermark';
      readonly topic: string;
      readonly partition: number;
      readonly offset: number;
    }
  | {
      readonly type: 'isrShrink';
      readonly topic: string;
      readonly partition: number;
      readonly broker: number;
      readonly isr: readonly number[];
    }
  | {
      readonly type: 'isrExpand';
      readonly topic: string;
      readonly partition: number;
      readonly broker: number;
      readonly isr: readonly number[];
    }
  | {
      readonly type: 'leaderElected';
      readonly topic: string;
      readonly partition: number;
      readonly leader: number;
      readonly leaderEpoch: number;
      readonly unclean: boolean;
    }
  | { readonly type: 'partitionOffline'; readonly topic: string; readonly partition: number }
  | {
      readonly type: 'recordsLost';
      readonly topic: string;
      readonly partition: number;
      readonly fromOffset: number;
      readonly toOffset: number;
    }
  | {
      readonly type: 'replicaTruncated';
      readonly topic: string;
      readonly partition: number;
      readonly broker: number;
      readonly toOffset: number;
    }
  | { readonly type: 'brokerDown' | 'brokerUp'; readonly broker: number }
  | {
      readonly type: 'logSegmentsDeleted';
      readonly topic: string;
      readonly partition: number;
      readonly reason: DeletionReason;
      readonly records: number;
      readonly logStartOffset: number;
    }
  | { readonly type: 'joinGroup'; readonly groupId: string; readonly memberId: string }
  | { readonly type: 'leaveGroup'; readonly groupId: string; readonly memberId: string }
  | { readonly type: 'memberCrashed'; readonly groupId: string; readonly memberId: string }
  | { readonly type: 'sessionTimeout'; readonly groupId: string; readonly memberId: string }
  | {
      /** A rebalance waits (PreparingRebalance) for crashed members' sessions to time out. */
      readonly type: 'preparingRebalance';
      readonly groupId: string;
      readonly generation: number;
      readonly waitingFor: readonly string[];
    }
  | {
      readonly type: 'rebalance';
      readonly groupId: string;
      readonly generation: number;
      readonly protocol: 'eager' | 'cooperative';
      readonly members: readonly string[];
    }
  | {
      readonly type: 'partitionsRevoked';
      readonly groupId: string;
      readonly memberId: string;
      readonly generation: number;
      readonly partitions: readonly TopicPartition[];
    }
  | {
      readonly type: 'partitionsAssigned';
      readonly groupId: string;
      readonly memberId: string;
      readonly generation: number;
      readonly partitions: readonly TopicPartition[];
    }
  | {
      readonly type: 'fetch';
      readonly groupId: string;
      readonly memberId: string;
      /** How many records the poll returned. */
      readonly count: number;
      /** The records, per partition in offset order; read them with fetchedRecords(). */
      readonly slices: readonly FetchedSlice[];
    }
  | {
      readonly type: 'commitOffset';
      readonly groupId: string;
      readonly memberId: string;
      readonly offsets: readonly { topic: string; partition: number; offset: number }[];
      readonly auto: boolean;
    }
  | {
      readonly type: 'offsetReset';
      readonly groupId: string;
      readonly memberId: string;
      readonly topic: string;
      readonly partition: number;
      readonly policy: OffsetReset;
      readonly offset: number;
      readonly reason: 'noCommittedOffset' | 'offsetOutOfRange';
    }
  | {
      /** auto.offset.reset=none and no committed offset: NoOffsetForPartitionException. */
      readonly type: 'noOffsetForPartition';
      readonly groupId: string;
      readonly memberId: string;
      readonly topic: string;
      readonly partition: number;
    }
  | {
      /** auto.offset.reset=none and a position that left the log: OffsetOutOfRangeException. */
      readonly type: 'offsetOutOfRange';
      readonly groupId: string;
      readonly memberId: string;
      readonly topic: string;
      readonly partition: number;
    }
  | {
      readonly type: 'seek';
      readonly groupId: string;
      readonly memberId: string;
      readonly topic: string;
      readonly partition: number;
      readonly offset: number;
    }
  | {
      readonly type: 'error';
      readonly error: 'UNKNOWN_MEMBER_ID' | 'UNKNOWN_TOPIC_OR_PARTITION' | 'TOPIC_ALREADY_EXISTS';
      readonly message: string;
    };
