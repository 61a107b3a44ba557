/**
 * The producer's partition choice, as Kafka's Java client makes it.
 *
 * Keyed records: BuiltInPartitioner.partitionForKey = toPositive(murmur2(keyBytes)) % numPartitions
 * (apache/kafka clients/src/main/java/org/apache/kafka/clients/producer/internals/BuiltInPartitioner.java;
 * before 3.3 the same formula lived in DefaultPartitioner).
 *
 * Keyless records (our documented choice): Kafka ≥ 2.4 sticks to one partition per batch (KIP-480)
 * and ≥ 3.3 uses the built-in uniform sticky partitioner (KIP-794): after `batch.size` bytes it
 * switches to `availablePartitions[random % available.length]` (BuiltInPartitioner.nextPartition;
 * the new pick may equal the old one). We count the batch in records (`stickyBatchRecords`) instead
 * of bytes, draw `random` from the simulation's seeded PRNG instead of ThreadLocalRandom, and leave
 * out adaptive partitioning (queue-size weights), so the same seed always gives the same partitions.
 */
import { murmur2, murmur2Ascii, murmur2Range } from './murmur2.ts';
import { utf8EncodeInto } from './utf8.ts';
import { nextUint32, type PrngState } from '../core/prng.ts';
import { at } from '../core/at.ts';

/** The partition Kafka's producer picks for `key` (strings are UTF-8 encoded, as StringSerializer does). */
export function kafkaPartitionForKey(key: string | Uint8Array, numPartitions: number): number {
  if (!Number.isInteger(numPartitions) || numPartitions < 1) {
    throw new RangeError(
      `kafkaPartitionForKey: numPartitions must be an integer >= 1, got ${numPartitions}`,
    );
  }
  if (typeof key !== 'string') return (murmur2(key) & 0x7fffffff) % numPartitions;
  const ascii = murmur2Ascii(key);
  if (ascii !== undefined) return (ascii & 0x7fffffff) % numPartitions;
  // Encode into a reused scratch buffer: a derived value, never state, so purity holds.
  if (scratch.length < key.length * 3) scratch = new Uint8Array(key.length * 3);
  const length = utf8EncodeInto(key, scratch);
  return (murmur2Range(scratch, 0, length) & 0x7fffffff) % numPartitions;
}

let scratch = new Uint8Array(256);

/** Per-topic state of the uniform sticky partitioner for keyless records. */
export interface StickyPartitionState {
  /** Current sticky partition, or -1 before the first keyless record. */
  readonly partition: number;
  /** Records already sent to it in the current batch. */
  readonly produced: number;
}

/** The sticky state before any keyless record. */
export const initialSticky: StickyPartitionState = { partition: -1, produced: 0 };

/**
 * Picks the partition for one keyless record and returns the next sticky state and PRNG state.
 * `available` lists the partitions that have a leader (ascending); when empty, Kafka falls back to
 * `random % numPartitions`.
 */
export function stickyPartitionForKeyless(
  sticky: StickyPartitionState,
  prng: PrngState,
  available: readonly number[],
  numPartitions: number,
  stickyBatchRecords: number,
): { partition: number; sticky: StickyPartitionState; prng: PrngState } {
  let { partition, produced } = sticky;
  let next = prng;
  if (partition < 0 || partition >= numPartitions || produced >= stickyBatchRecords) {
    const [u, after] = nextUint32(next);
    next = after;
    const random = u & 0x7fffffff;
    partition =
      available.length > 0 ? at(available, random % available.length) : random % numPartitions;
    produced = 0;
  }
  return { partition, sticky: { partition, produced: produced + 1 }, prng: next };
}
