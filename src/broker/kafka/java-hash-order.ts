/**
 * Java's HashMap/HashSet iteration order, which decides ties in Kafka's sticky assignor (which
 * member keeps the extra partition, which moved partition is moved back). Emulated for the key
 * types the assignor uses: String and TopicPartition. Java 8+ layout: table capacity starts at 16
 * and doubles when size > 0.75·capacity; bucket = (h ^ h >>> 16) & (capacity − 1); iteration walks
 * buckets in order, and each bucket in insertion order (resizes keep relative order). Treeified
 * bins (≥ 8 colliding keys in a table of ≥ 64) are not emulated; they need pathological ids.
 */

/** Java String.hashCode over UTF-16 code units. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** TopicPartition.hashCode (apache/kafka clients/src/main/java/org/apache/kafka/common/TopicPartition.java). */
export function javaTopicPartitionHash(topic: string, partition: number): number {
  return (Math.imul(31, (31 + partition) | 0) + javaStringHash(topic)) | 0;
}

function spread(h: number): number {
  return h ^ (h >>> 16);
}

/** Table capacity of a HashMap after `size` puts into `new HashMap<>()`. */
export function javaHashMapCapacity(size: number): number {
  let cap = 16;
  while (size > cap * 0.75) cap *= 2;
  return cap;
}

/** The order a `new HashMap<String, …>()` filled by put() in `keys` order iterates its keys. */
export function javaHashMapOrder(keys: readonly string[]): string[] {
  const mask = javaHashMapCapacity(keys.length) - 1;
  return keys
    .map((key, i) => ({ key, i, bucket: spread(javaStringHash(key)) & mask }))
    .sort((a, b) => a.bucket - b.bucket || a.i - b.i)
    .map((e) => e.key);
}

/** A HashSet that iterates in Java's order; only what the sticky assignor needs. */
export class JavaHashSet<T> {
  private buckets: T[][] = [];
  private cap = 16;
  private count = 0;

  constructor(
    private readonly hash: (item: T) => number,
    private readonly equals: (a: T, b: T) => boolean,
  ) {}

  /** Number of items. */
  get size(): number {
    return this.count;
  }

  /** Adds `item` unless an equal one is present. */
  add(item: T): void {
    if (this.has(item)) return;
    this.bucketOf(item).push(item);
    this.count++;
    if (this.count > this.cap * 0.75) this.resize();
  }

  /** Whether an equal item is present. */
  has(item: T): boolean {
    return this.bucketOf(item).some((x) => this.equals(x, item));
  }

  /** Removes an equal item if present. */
  delete(item: T): void {
    const bucket = this.bucketOf(item);
    const i = bucket.findIndex((x) => this.equals(x, item));
    if (i >= 0) {
      bucket.splice(i, 1);
      this.count--;
    }
  }

  /** The item `iterator().next()` would return. */
  first(): T | undefined {
    for (const bucket of this.buckets) if (bucket && bucket.length > 0) return bucket[0];
    return undefined;
  }

  private bucketOf(item: T): T[] {
    const i = spread(this.hash(item)) & (this.cap - 1);
    let bucket = this.buckets[i];
    if (!bucket) {
      bucket = [];
      this.buckets[i] = bucket;
    }
    return bucket;
  }

  private resize(): void {
    const old = this.buckets;
    this.cap *= 2;
    this.buckets = [];
    // Walking old buckets in order and appending keeps each new bucket in Java's relative order.
    for (const bucket of old) if (bucket) for (const item of bucket) this.bucketOf(item).push(item);
  }
}
