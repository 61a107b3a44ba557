import { describe, expect, it } from 'vitest';
import {
  murmur2,
  kafkaPartitionForKey,
  stickyPartitionForKeyless,
  initialSticky,
  utf8Encode,
} from '../../../../src/broker/kafka/index.ts';
import { seedPrng } from '../../../../src/broker/core/prng.ts';
import { murmur2Range } from '../../../../src/broker/kafka/murmur2.ts';

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** An independent BigInt transcription of Utils.murmur2, used to compute vectors "by hand". */
function referenceMurmur2(data: Uint8Array): number {
  const mask = 0xffffffffn;
  const m = 0x5bd1e995n;
  const mul = (a: bigint, b: bigint): bigint => (a * b) & mask;
  let h = (0x9747b28cn ^ BigInt(data.length)) & mask;
  const n4 = Math.floor(data.length / 4);
  for (let i = 0; i < n4; i++) {
    let k =
      BigInt(data[4 * i]!) |
      (BigInt(data[4 * i + 1]!) << 8n) |
      (BigInt(data[4 * i + 2]!) << 16n) |
      (BigInt(data[4 * i + 3]!) << 24n);
    k = mul(k, m);
    k ^= k >> 24n;
    k = mul(k, m);
    h = mul(h, m) ^ k;
  }
  const tail = n4 * 4;
  const rest = data.length % 4;
  if (rest >= 3) h ^= BigInt(data[tail + 2]!) << 16n;
  if (rest >= 2) h ^= BigInt(data[tail + 1]!) << 8n;
  if (rest >= 1) h = mul(h ^ BigInt(data[tail]!), m);
  h ^= h >> 13n;
  h = mul(h, m);
  h ^= h >> 15n;
  return Number(BigInt.asIntN(32, h));
}

describe('murmur2 matches Kafka', () => {
  // apache/kafka clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java, testMurmur2
  it.each([
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ])('UtilsTest.testMurmur2: %s → %i', (key, expected) => {
    expect(murmur2(ascii(key))).toBe(expected);
  });

  // dpkp/kafka-python test/test_partitioner.py, test_murmur2_java_compatibility: partitions of
  // 1000 "compare with output from Kafka's org.apache.kafka.clients.producer.Partitioner".
  it.each([
    [new Uint8Array([]), 681],
    [ascii('a'), 524],
    [ascii('ab'), 434],
    [ascii('abc'), 107],
    [ascii('123456789'), 566],
    [new Uint8Array([0x00, 0x20]), 742],
  ])('Java partitioner compatibility vector %# → partition %i of 1000', (bytes, expected) => {
    expect(kafkaPartitionForKey(bytes, 1000)).toBe(expected);
  });

  // Cyrillic keys: UTF-8 bytes (as StringSerializer), hashes computed with the BigInt transcription
  // of Utils.murmur2 above and cross-checked with kafka-python 2.0.2's murmur2 (Debian python3-kafka,
  // which returns the same 32 bits unsigned).
  it.each([
    ['ключ', 2122343024, 8],
    ['заказ-42', 1519377469, 1],
    ['Москва', 1609829771, 11],
    ['пользователь:1001', 895847222, 2],
    ['Ёжик', 291112020, 0],
  ])('UTF-8 key %s hashes to %i, partition %i of 12', (key, hash, partition) => {
    const bytes = utf8Encode(key);
    expect(referenceMurmur2(bytes)).toBe(hash);
    expect(murmur2(bytes)).toBe(hash);
    expect(kafkaPartitionForKey(key, 12)).toBe(partition);
  });

  it('agrees with the reference on random byte strings of every tail length', () => {
    let x = 12345;
    for (let len = 0; len < 64; len++) {
      const bytes = new Uint8Array(len);
      for (let i = 0; i < len; i++) bytes[i] = x = (Math.imul(x, 1103515245) + 12345) & 0xff;
      expect(murmur2(bytes)).toBe(referenceMurmur2(bytes));
    }
  });

  it('hashes a range in place like a copy, and throws when the range runs past the end', () => {
    const bytes = ascii('__some-key-1234__');
    for (let len = 0; len <= 13; len++) {
      expect(murmur2Range(bytes, 2, len)).toBe(murmur2(bytes.slice(2, 2 + len)));
    }
    for (const len of [16, 17, 18, 19]) {
      expect(() => murmur2Range(bytes, 2, len)).toThrow(/runs past the end \(length 17\)/);
    }
  });

  it('encodes like Java: a lone surrogate becomes "?" and an emoji takes 4 bytes', () => {
    expect([...utf8Encode('a\ud800b')]).toEqual([0x61, 0x3f, 0x62]);
    expect([...utf8Encode('😀')]).toEqual([0xf0, 0x9f, 0x98, 0x80]);
    expect(murmur2(utf8Encode('😀'))).toBe(131881617);
  });

  it('rejects a partition count below 1', () => {
    expect(() => kafkaPartitionForKey('k', 0)).toThrow(RangeError);
  });
});

describe('keyless records stick to a partition per batch (KIP-480 / KIP-794)', () => {
  // Mirrors apache/kafka clients/src/test/java/org/apache/kafka/clients/producer/internals/BuiltInPartitionerTest.java,
  // testStickyPartitioning: the partition holds for a batch of 3 records, and a one-partition topic always gets 0.
  it('keeps the partition for stickyBatchRecords records, then draws again', () => {
    let sticky = initialSticky;
    let prng = seedPrng(7);
    const seen: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = stickyPartitionForKeyless(sticky, prng, [0, 1, 2], 3, 3);
      seen.push(r.partition);
      sticky = r.sticky;
      prng = r.prng;
    }
    for (let b = 0; b < 4; b++) expect(new Set(seen.slice(b * 3, b * 3 + 3)).size).toBe(1);
  });

  it('always picks partition 0 of a one-partition topic', () => {
    let sticky = initialSticky;
    let prng = seedPrng(3);
    for (let i = 0; i < 10; i++) {
      const r = stickyPartitionForKeyless(sticky, prng, [0], 1, 1);
      expect(r.partition).toBe(0);
      sticky = r.sticky;
      prng = r.prng;
    }
  });

  // BuiltInPartitionerTest.unavailablePartitionsTest: never choose a partition without a leader.
  it('only picks partitions that have a leader', () => {
    let sticky = initialSticky;
    let prng = seedPrng(11);
    const seen = new Set<number>();
    for (let i = 0; i < 100; i++) {
      const r = stickyPartitionForKeyless(sticky, prng, [0, 2], 3, 1);
      seen.add(r.partition);
      sticky = r.sticky;
      prng = r.prng;
    }
    expect([...seen].sort()).toEqual([0, 2]);
  });
});
