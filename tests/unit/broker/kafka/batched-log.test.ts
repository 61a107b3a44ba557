import { describe, expect, it } from 'vitest';
import {
  initKafka,
  kafkaPartitionForKey,
  LOG_PAGE,
  SMALL_CHUNK,
  logEndOffset,
  fetchedRecords,
  logRecords,
  murmur2,
  murmur2Ascii,
  readRange,
  recordAt,
  stepKafka,
  utf8Encode,
  utf8Length,
  type KafkaCommand,
  type KafkaState,
  type LogChunk,
  type PartitionState,
} from '../../../../src/broker/kafka/index.ts';
import { deepFreeze, ofType, run } from './helpers.ts';

const topic = (partitions: number, extra: object = {}): KafkaCommand => ({
  type: 'createTopic',
  name: 't',
  partitions,
  ...extra,
});

const batch = (
  records: { key?: string | null; value: string; partition?: number }[],
  acks: 0 | 1 | 'all' = 1,
): KafkaCommand => ({ type: 'produceBatch', topic: 't', records, acks });

const keyed = (n: number, from = 0): { key: string; value: string }[] =>
  Array.from({ length: n }, (_, i) => ({ key: `k${(from + i) % 37}`, value: `v${from + i}` }));

const part = (s: KafkaState, i = 0): PartitionState => s.topics.t!.partitions[i]!;

const chunksOf = (p: PartitionState): readonly LogChunk[] => p.pages.flat();

/** Group g's consumer c joins from the earliest offset and polls up to 1,000 records. */
const readEverything: KafkaCommand[] = [
  { type: 'joinGroup', groupId: 'g', topics: ['t'], memberId: 'c', autoOffsetReset: 'earliest' },
  { type: 'poll', groupId: 'g', memberId: 'c', maxRecords: 1000 },
];

/** Every partition's log as [partition, offset, key, value] rows. */
const logs = (s: KafkaState): unknown[] =>
  s.topics.t!.partitions.flatMap((p) =>
    logRecords(p).map((r) => [r.partition, r.offset, r.key, r.value]),
  );

describe('produceBatch (one ProduceRequest, many records)', () => {
  it('writes the same logs as producing the records one by one, keyed and keyless', () => {
    const records = [...keyed(40), ...Array.from({ length: 40 }, (_, i) => ({ value: `n${i}` }))];
    const batched = run([topic(5), batch(records)]);
    const single = run([
      topic(5),
      ...records.map((r) => ({ type: 'produce', topic: 't', acks: 1, ...r }) as KafkaCommand),
    ]);
    expect(logs(batched.state)).toEqual(logs(single.state));
    expect(batched.state.prng).toEqual(single.state.prng);
    expect(batched.state.topics.t!.sticky).toEqual(single.state.topics.t!.sticky);
  });

  it('reports one event per partition, ascending, with its base offset and record count', () => {
    const records = keyed(30);
    const { events } = run([topic(3), batch(records.slice(0, 3)), batch(records)]);
    const second = ofType(events, 'produceBatch').slice(-3);
    expect(second.map((e) => e.partition)).toEqual([0, 1, 2]);
    for (const e of second) {
      const mine = records.filter((r) => kafkaPartitionForKey(r.key, 3) === e.partition);
      const before = records
        .slice(0, 3)
        .filter((r) => kafkaPartitionForKey(r.key, 3) === e.partition);
      expect(e).toMatchObject({ count: mine.length, baseOffset: before.length, result: 'ack' });
    }
    expect(new Set(second.map((e) => e.id)).size).toBe(3);
  });

  // RecordAccumulator.ready() sends nothing to a partition whose leader is unknown: its batch waits.
  it('a partition without a leader holds its share in the producer (RecordAccumulator); the others are written', () => {
    const { events, state } = run([
      topic(3, { replicationFactor: 1 }),
      { type: 'brokerDown', broker: 2 }, // partition 1's only replica
      batch([
        { value: 'a', partition: 0 },
        { value: 'b', partition: 1 },
        { value: 'c', partition: 1 },
        { value: 'd', partition: 2 },
      ]),
    ]);
    expect(ofType(events, 'produceBatch').map((e) => [e.partition, e.count, e.result])).toEqual([
      [0, 1, 'ack'],
      [1, 2, 'queued'],
      [2, 1, 'ack'],
    ]);
    expect(ofType(events, 'produceBatch')[1]?.baseOffset).toBeNull();
    expect(logs(state)).toEqual([
      [0, 0, null, 'a'],
      [2, 0, null, 'd'],
    ]);
    expect(state.accumulator.map((q) => [q.partition, q.values])).toEqual([[1, ['b', 'c']]]);
  });

  it('acks=all: the batch is pending until the ISR has its last record, then acked once', () => {
    const { events } = run([
      topic(1, { replicationFactor: 3, minInsyncReplicas: 2 }),
      batch(keyed(5), 'all'),
      { type: 'replicate', maxRecords: 3 },
      { type: 'replicate' },
    ]);
    const sent = ofType(events, 'produceBatch')[0]!;
    expect(sent).toMatchObject({ result: 'pending', baseOffset: 0, count: 5 });
    expect(ofType(events, 'produceAcked')).toEqual([
      { type: 'produceAcked', id: sent.id, topic: 't', partition: 0, offset: 4 },
    ]);
  });

  it('a record with a partition that does not exist rejects the whole command', () => {
    const state = run([topic(2)]).state;
    expect(() => stepKafka(state, batch([{ value: 'a' }, { value: 'b', partition: 7 }]))).toThrow(
      RangeError,
    );
  });

  it('never mutates its (deep-frozen) input state or command', () => {
    let state = deepFreeze(run([topic(2)]).state);
    for (let i = 0; i < 5; i++) {
      const prev = state;
      const before = JSON.stringify(prev);
      state = deepFreeze(stepKafka(prev, deepFreeze(batch(keyed(300, i * 300)))).state);
      expect(JSON.stringify(prev)).toBe(before);
      expect(logEndOffset(part(state)) + logEndOffset(part(state, 1))).toBe((i + 1) * 300);
    }
  });
});

describe('the chunked partition log', () => {
  const many = (n: number): KafkaCommand[] => [
    topic(1),
    ...Array.from({ length: Math.ceil(n / 100) }, (_, b) =>
      batch(
        Array.from({ length: Math.min(100, n - b * 100) }, (_, i) => ({
          value: `v${b * 100 + i}`,
        })),
      ),
    ),
  ];

  it('keeps one chunk per append, in pages, and reads every offset across both boundaries', () => {
    const n = (LOG_PAGE + 8) * 100;
    const p = part(run(many(n)).state);
    expect(p.pages.map((page) => page.length)).toEqual([LOG_PAGE, 8]);
    expect(chunksOf(p).map((c) => [c.baseOffset, c.values.length])).toEqual(
      Array.from({ length: LOG_PAGE + 8 }, (_, i) => [i * 100, 100]),
    );
    for (let o = 0; o < n; o++) expect(recordAt(p, o)?.value).toBe(`v${o}`);
    expect(recordAt(p, n)).toBeUndefined();
    expect(recordAt(p, -1)).toBeUndefined();
    const from = LOG_PAGE * 100 - 150;
    expect(readRange(p, from, from + 320).map((r) => r.offset)).toEqual(
      Array.from({ length: 320 }, (_, i) => from + i),
    );
  });

  it('small appends grow a small last chunk instead of leaving a chunk per record', () => {
    const single = (value: string): KafkaCommand => batch([{ value }]);
    const { state } = run([
      topic(1),
      ...Array.from({ length: 2 * SMALL_CHUNK + 5 }, (_, i) => single(`s${i}`)),
      batch(Array.from({ length: 100 }, (_, i) => ({ value: `b${i}` }))),
      single('after'),
      single('after2'),
    ]);
    const p = part(state);
    // Two full small chunks; the third (5 records) takes the batch of 100; the singles start anew.
    expect(chunksOf(p).map((c) => c.values.length)).toEqual([SMALL_CHUNK, SMALL_CHUNK, 105, 2]);
    expect(logRecords(p).map((r) => r.value)).toEqual([
      ...Array.from({ length: 2 * SMALL_CHUNK + 5 }, (_, i) => `s${i}`),
      ...Array.from({ length: 100 }, (_, i) => `b${i}`),
      'after',
      'after2',
    ]);
  });

  it('one-record produces fold into full chunks and keep each record’s own timestamp', () => {
    // Three records per millisecond, so the folded chunks carry several timestamp runs.
    const commands: KafkaCommand[] = [topic(1)];
    for (let i = 0; i < 300; i++) {
      commands.push({ type: 'produce', topic: 't', value: `s${i}`, acks: 1 });
      if (i % 3 === 2) commands.push({ type: 'advance', ms: 1 });
    }
    const p = part(run(commands).state);
    const sizes = chunksOf(p).map((c) => c.values.length);
    // 300 = 4 × 64 + 44: the fold keeps the tail under 8 and everything before it full.
    expect(sizes.slice(0, 4)).toEqual([SMALL_CHUNK, SMALL_CHUNK, SMALL_CHUNK, SMALL_CHUNK]);
    expect(sizes.slice(4).reduce((a, b) => a + b, 0)).toBe(300 - 4 * SMALL_CHUNK);
    expect(sizes.every((n) => n <= SMALL_CHUNK)).toBe(true);
    expect(logRecords(p).map((r) => [r.offset, r.value, r.timestamp])).toEqual(
      Array.from({ length: 300 }, (_, i) => [i, `s${i}`, Math.floor(i / 3)]),
    );
  });

  it('a state stays the same after later steps append to the log it shares', () => {
    let state = run([...many(250), batch([{ value: 'small' }])]).state;
    const snapshot = JSON.stringify(state);
    const kept = state;
    for (let i = 0; i < 5; i++) state = stepKafka(state, batch(keyed(50, i * 50))).state;
    expect(JSON.stringify(kept)).toBe(snapshot);
    expect(logEndOffset(part(kept))).toBe(251);
    expect(logEndOffset(part(state))).toBe(501);
    expect(logRecords(part(kept)).at(-1)?.value).toBe('small');
  });

  it('retention cuts a chunk in the middle; reads below the log start find nothing', () => {
    // Segments of 10: the one holding old130…old134 and new0…new4 is young, so it stays.
    const { state } = run([
      topic(1, { segmentRecords: 10, retentionMs: 100_000 }),
      batch(Array.from({ length: 135 }, (_, i) => ({ value: `old${i}` }))),
      { type: 'advance', ms: 250_000 },
      batch(Array.from({ length: 200 }, (_, i) => ({ value: `new${i}` }))),
      { type: 'advance', ms: 60_000 },
    ]);
    const p = part(state);
    expect(p.logStartOffset).toBe(130);
    expect(chunksOf(p).map((c) => [c.baseOffset, c.values.length])).toEqual([
      [130, 5],
      [135, 200],
    ]);
    expect(recordAt(p, 129)).toBeUndefined();
    expect(recordAt(p, 130)).toMatchObject({ value: 'old130', timestamp: 0 });
    expect(recordAt(p, 135)).toMatchObject({ value: 'new0', timestamp: 250_000 });
    expect(logRecords(p).map((r) => r.offset)).toEqual(
      Array.from({ length: 205 }, (_, i) => 130 + i),
    );
    expect(readRange(p, 0, 1000)).toHaveLength(205);
  });

  it('keeps each record’s CreateTime through appends, retention cuts, failover cuts and fetches', () => {
    // Five appends, 1 s apart, of 70 records each: runs of timestamps inside and across chunks.
    const appends = Array.from({ length: 5 }, (_, a): KafkaCommand[] => [
      batch(Array.from({ length: 70 }, (_, i) => ({ value: `v${a * 70 + i}` }))),
      { type: 'advance', ms: 1000 },
    ]).flat();
    const expected = (offset: number): number => Math.floor(offset / 70) * 1000;
    const whole = part(run([topic(1, { segmentRecords: 10 }), ...appends]).state);
    for (const r of logRecords(whole)) expect(r.timestamp).toBe(expected(r.offset));

    // The same appends from t = 296 s; the retention check at 300 s deletes the segments older
    // than 2.5 s (the first two appends), which cuts the first chunk in the middle.
    const kept = run([
      topic(1, { segmentRecords: 10, retentionMs: 2500 }),
      { type: 'tick', to: 296_000 },
      ...appends,
    ]);
    const trimmed = part(kept.state);
    expect(ofType(kept.events, 'logSegmentsDeleted').map((e) => e.reason)).toContain(
      'retention.ms',
    );
    expect(trimmed.logStartOffset).toBe(140);
    expect(logRecords(trimmed)).toHaveLength(210);
    for (const r of logRecords(trimmed)) expect(r.timestamp).toBe(296_000 + expected(r.offset));

    // A failover that cuts the tail mid-run, then one more append at a later time.
    const cut = run([
      topic(1, { replicationFactor: 2, segmentRecords: 10 }),
      ...appends,
      { type: 'replicate', maxRecords: 100 },
      { type: 'brokerDown', broker: 1 },
      { type: 'advance', ms: 7000 },
      batch([{ value: 'late' }]),
      ...readEverything,
    ]);
    const fetched = fetchedRecords(ofType(cut.events, 'fetch')[0]!);
    expect(fetched.map((r) => r.offset)).toEqual(Array.from({ length: 101 }, (_, i) => i));
    for (const r of fetched.slice(0, 100)) expect(r.timestamp).toBe(expected(r.offset));
    expect(fetched[100]).toMatchObject({ value: 'late', timestamp: 12_000 });
    expect(recordAt(part(cut.state), 100)?.timestamp).toBe(12_000);
  });

  it('retention.bytes counts UTF-8 bytes of the records (segment sizes derived on demand)', () => {
    const left = (value: string): number =>
      run([
        topic(1, { segmentRecords: 1, retentionBytes: 16, retentionMs: -1 }),
        batch(Array.from({ length: 5 }, () => ({ value }))),
        { type: 'advance', ms: 300_000 },
      ]).state.topics.t!.partitions[0]!.logStartOffset;
    expect(left('ключ')).toBe(3); // 8 bytes each: 40 → 16 keeps two
    expect(left('abcd')).toBe(1); // 4 bytes each: 20 → 16 keeps four
  });

  it('a leader failover cuts the tail inside a chunk and the log grows on from there', () => {
    const { state, events } = run([
      topic(1, { replicationFactor: 2 }),
      batch(keyed(150)),
      batch(keyed(126, 150)),
      { type: 'replicate', maxRecords: 251 },
      { type: 'brokerDown', broker: 1 },
      batch([{ value: 'after' }]),
    ]);
    expect(ofType(events, 'recordsLost')[0]).toMatchObject({ fromOffset: 251, toOffset: 276 });
    const p = part(state);
    expect(logEndOffset(p)).toBe(252);
    expect(recordAt(p, 250)?.value).toBe('v250');
    expect(recordAt(p, 251)?.value).toBe('after');
    expect(chunksOf(p).map((c) => c.values.length)).toEqual([150, 101, 1]);
    expect(logRecords(p).map((r) => r.offset)).toEqual(Array.from({ length: 252 }, (_, i) => i));
  });

  it('the memory cap keeps at most maxRecordsPerPartition; consumers past it reset', () => {
    const cap = 1000;
    let state = initKafka(1, { maxRecordsPerPartition: cap });
    state = stepKafka(state, topic(1, { retentionMs: -1 })).state;
    state = stepKafka(state, {
      type: 'joinGroup',
      groupId: 'g',
      topics: ['t'],
      memberId: 'c',
      autoOffsetReset: 'earliest',
    }).state;
    let deleted = 0;
    for (let i = 0; i < 50; i++) {
      const r = stepKafka(state, batch(keyed(300, i * 300)));
      state = r.state;
      deleted += ofType(r.events, 'logSegmentsDeleted')
        .filter((e) => e.reason === 'memory-cap')
        .reduce((n, e) => n + e.records, 0);
      const p = part(state);
      expect(logEndOffset(p) - p.logStartOffset).toBeLessThanOrEqual(cap);
      expect(chunksOf(p).length).toBeLessThanOrEqual(Math.ceil(cap / 300) + 1);
    }
    const p = part(state);
    expect(deleted).toBe(p.logStartOffset);
    expect(logEndOffset(p)).toBe(15_000);
    const polled = stepKafka(state, { type: 'poll', groupId: 'g', memberId: 'c' });
    expect(ofType(polled.events, 'offsetReset')[0]).toMatchObject({ offset: p.logStartOffset });
    expect(fetchedRecords(ofType(polled.events, 'fetch')[0]!)[0]?.offset).toBe(p.logStartOffset);
  });

  it('a fetch hands out slices of the log itself, in offset order per partition', () => {
    const { state, events } = run([topic(2), batch(keyed(40)), ...readEverything]);
    const fetch = ofType(events, 'fetch')[0]!;
    const fetched = fetchedRecords(fetch);
    expect(fetch.count).toBe(40);
    expect(fetched).toHaveLength(40);
    for (const r of fetched) expect(recordAt(part(state, r.partition), r.offset)).toEqual(r);
    for (const slice of fetch.slices) {
      expect(chunksOf(part(state, slice.partition))).toContain(slice.chunk);
    }
    const offsets = (partition: number): number[] =>
      fetched.filter((r) => r.partition === partition).map((r) => r.offset);
    expect(offsets(0)).toEqual([...offsets(0)].sort((a, b) => a - b));
    expect(offsets(1)).toEqual([...offsets(1)].sort((a, b) => a - b));
  });
});

describe('utf8Length', () => {
  it('equals the UTF-8 encoding length, lone surrogates counted as one byte (“?”)', () => {
    for (const s of ['', 'abc', 'заказ', '€', '😀x', 'a\ud800b', '\udc00', 'x\ud83d', 'ß😀€a']) {
      expect(utf8Length(s)).toBe(utf8Encode(s).length);
    }
  });
});

describe('string keys hash without an encoding pass', () => {
  it('murmur2Ascii equals murmur2 of the UTF-8 bytes for ASCII, and declines anything else', () => {
    for (const s of ['', 'a', 'ab', 'abc', 'abcd', 'customer-1023', 'x'.repeat(255), '~\u007f']) {
      expect(murmur2Ascii(s)).toBe(murmur2(utf8Encode(s)));
    }
    for (const s of ['é', 'abcé', 'abcdé', 'ключ', '😀']) expect(murmur2Ascii(s)).toBeUndefined();
    // Kafka's own vector through the string path: murmur2("21") == -973932308.
    expect(murmur2Ascii('21')).toBe(-973932308);
  });
});
