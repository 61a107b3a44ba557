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
    // Read once and narrow: free in the JIT (a typed-array load is bounds-checked anyway), and a
    // range past the end of `data` throws here instead of hashing `undefined` as 0.
    const b0 = data[i4];
    const b1 = data[i4 + 1];
    const b2 = data[i4 + 2];
    const b3 = data[i4 + 3];
    if (b0 === undefined || b1 === undefined || b2 === undefined || b3 === undefined) {
      throw pastEnd(data, start, length);
    }
    let k = b0 | (b1 << 8) | (b2 << 16) | (b3 << 24);
    k = Math.imul(k, M);
    k ^= k >>> R;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }
  const tail = start + (length & ~3);
  // Java's `switch (length % 4)` falls through 3 → 2 → 1; the same cascade as ifs.
  const rest = length % 4;
  if (rest >= 1) {
    const t0 = data[tail];
    const t1 = rest >= 2 ? data[tail + 1] : 0;
    const t2 = rest >= 3 ? data[tail + 2] : 0;
    if (t0 === undefined || t1 === undefined || t2 === undefined) {
      throw pastEnd(data, start, length);
    }
    h ^= t2 << 16;
    h ^= t1 << 8;
    h ^= t0;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

function pastEnd(data: Uint8Array, start: number, length: number): RangeError {
  return new RangeError(
    `murmur2: range [${start}, ${start + length}) runs past the end (length ${data.length})`,
  );
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
