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

/**
 * murmur2 of a string's UTF-8 bytes when every character is ASCII (then the bytes are the char
 * codes, so no encoding pass is needed); undefined as soon as a character is not ASCII.
 */
export function murmur2Ascii(text: string): number | undefined {
  const length = text.length;
  let h = (SEED ^ length) | 0;
  const length4 = length >>> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    const b0 = text.charCodeAt(i4);
    const b1 = text.charCodeAt(i4 + 1);
    const b2 = text.charCodeAt(i4 + 2);
    const b3 = text.charCodeAt(i4 + 3);
    if ((b0 | b1 | b2 | b3) >= 0x80) return undefined;
    let k = b0 | (b1 << 8) | (b2 << 16) | (b3 << 24);
    k = Math.imul(k, M);
    k ^= k >>> R;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }
  const tail = length & ~3;
  const rest = length % 4;
  for (let i = tail; i < length; i++) if (text.charCodeAt(i) >= 0x80) return undefined;
  if (rest >= 3) h ^= text.charCodeAt(tail + 2) << 16;
  if (rest >= 2) h ^= text.charCodeAt(tail + 1) << 8;
  if (rest >= 1) {
    h ^= text.charCodeAt(tail);
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
