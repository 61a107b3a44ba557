/**
 * The simulated Kafka: partitioner, assignors and the cluster Model.
 */
export { murmur2, murmur2Ascii, murmur2Range, toPositive } from './murmur2.ts';
export { utf8Encode, utf8Length } from './utf8.ts';
export {
  kafkaPartitionForKey,
  stickyPartitionForKeyless,
  initialSticky,
  type StickyPartitionState,
} from './partitioner.ts';
export type { Member, Assignment, TopicPartition } from './assignor-types.ts';
export { assignRange } from './range-assignor.ts';
export { assignRoundRobin } from './round-robin-assignor.ts';
export { assignCooperativeSticky } from './cooperative-sticky-assignor.ts';
export { kafkaModel, kafkaModelWith, initKafka, stepKafka } from './model.ts';
export { groupLag, type LagRow } from './consumer-ops.ts';
export type {
  KafkaCommand,
  KafkaEvent,
  Acks,
  FetchedRecord,
  FetchedSlice,
  ProduceResult,
} from './events.ts';
export {
  defaultKafkaConfig,
  logEndOffset,
  LOG_PAGE,
  SMALL_CHUNK,
  type KafkaState,
  type KafkaConfig,
  type TopicConfig,
  type TopicState,
  type PartitionState,
  type GroupState,
  type MemberState,
  type QueuedBatch,
  type StoredRecord,
  type LogChunk,
  type AssignorName,
  type OffsetReset,
} from './state.ts';
export { recordAt, readRange, logRecords, fetchedRecords, segmentBytes } from './partition-log.ts';
