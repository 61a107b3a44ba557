/**
 * Kafka's murmur2 hash and toPositive, ported from org.apache.kafka.common.utils.Utils
 * (apache/kafka clients/src/main/java/org/apache/kafka/common/utils/Utils.java).
 */

const SEED = 0x9747b28c;
const M = 0x5bd1e995;
const R = 24;

/** Signed 32-bit murmur2 of `data`, bit-for-bit as Kafka's Utils.murmur2(byte[]). */
export function murmur2(data: Uint8Array): number {
  return murmur2Range(data, 0, data.length);
}

/** murmur2 over `data[start, start + length)`; the hot path hashes keys in place without copying. */
export function murmur2Range(data: Uint8Array, start: number, length: number): number {
  // Java int arithmetic: Math.imul for `*=`, `| 0` to stay signed, `>>>` as Java's unsigned shift.
  let h = (SEED ^ length) | 0;
  const length4 = length >>> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = start + i * 4;
    let k =
      (data[i4] as number) |
      ((data[i4 + 1] as number) << 8) |
      ((data[i4 + 2] as number) << 16) |
      ((data[i4 + 3] as number) << 24);
    k = Math.imul(k, M);
    k ^= k >>> R;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }
  const tail = start + (length & ~3);
  // Java's `switch (length % 4)` falls through 3 → 2 → 1; the same cascade as ifs.
  const rest = length % 4;
  if (rest >= 3) h ^= (data[tail + 2] as number) << 16;
  if (rest >= 2) h ^= (data[tail + 1] as number) << 8;
  if (rest >= 1) {
    h ^= data[tail] as number;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** Kafka's Utils.toPositive: `number & 0x7fffffff` (not Math.abs, so MIN_VALUE maps to 0). */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}
