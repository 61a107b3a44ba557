/**
 * The hot path for benchmarks and long runs: a mutable, preallocated topic (one ring buffer per
 * partition, O(1) append, retention by record count) and consumer groups as position arrays.
 * Partitioning is the same murmur2 rule as the model; this is NOT a Model and keeps no history.
 */
import { murmur2 } from './murmur2.ts';

/** A topic whose partitions keep the last `capacity` records each (capacity rounds up to 2^k). */
export class FastTopic<V> {
  readonly numPartitions: number;
  readonly capacity: number;
  private readonly mask: number;
  private readonly values: V[][];
  /** Log end offset per partition. */
  readonly logEnd: Float64Array;

  constructor(numPartitions: number, capacity: number) {
    if (!Number.isInteger(numPartitions) || numPartitions < 1)
      throw new RangeError(`FastTopic: bad partition count ${numPartitions}`);
    let cap = 1;
    while (cap < capacity) cap *= 2;
    this.numPartitions = numPartitions;
    this.capacity = cap;
    this.mask = cap - 1;
    this.values = Array.from({ length: numPartitions }, () => new Array<V>(cap));
    this.logEnd = new Float64Array(numPartitions);
  }

  /** Appends with Kafka's key rule; returns the partition. */
  append(keyBytes: Uint8Array, value: V): number {
    const p = (murmur2(keyBytes) & 0x7fffffff) % this.numPartitions;
    this.appendTo(p, value);
    return p;
  }

  /** Appends to an explicit partition; returns the record's offset. */
  appendTo(partition: number, value: V): number {
    const offset = this.logEnd[partition] as number;
    (this.values[partition] as V[])[offset & this.mask] = value;
    this.logEnd[partition] = offset + 1;
    return offset;
  }

  /** First offset still retained in the partition. */
  logStart(partition: number): number {
    return Math.max(0, (this.logEnd[partition] as number) - this.capacity);
  }

  /** The value at `offset` (caller keeps offset within [logStart, logEnd)). */
  valueAt(partition: number, offset: number): V {
    return (this.values[partition] as V[])[offset & this.mask] as V;
  }
}

/** A consumer group's positions and committed offsets on one FastTopic. */
export class FastGroup {
  readonly position: Float64Array;
  readonly committed: Float64Array;

  constructor(numPartitions: number) {
    this.position = new Float64Array(numPartitions);
    this.committed = new Float64Array(numPartitions);
  }

  /**
   * Reads up to `max` records of `partition` from the position (reset to earliest if retention
   * passed it), calls `visit` for each, advances the position; returns how many were read.
   */
  poll<V>(
    topic: FastTopic<V>,
    partition: number,
    max: number,
    visit: (value: V, offset: number) => void,
  ): number {
    let pos = this.position[partition] as number;
    const start = topic.logStart(partition);
    if (pos < start) pos = start;
    const end = Math.min(topic.logEnd[partition] as number, pos + max);
    for (let o = pos; o < end; o++) visit(topic.valueAt(partition, o), o);
    this.position[partition] = end;
    return end - pos;
  }

  /** commitSync of every position. */
  commitAll(): void {
    this.committed.set(this.position);
  }

  /** Lag of a partition against the topic's log end. */
  lag<V>(topic: FastTopic<V>, partition: number): number {
    return (topic.logEnd[partition] as number) - (this.committed[partition] as number);
  }
}
