/**
 * A partition with no leader, as Kafka's clients see it: the consumer's Fetcher skips it until a
 * leader is elected, and the producer's RecordAccumulator holds its records until a leader is
 * elected or delivery.timeout.ms passes, whatever the acks.
 */
import { describe, expect, it } from 'vitest';
import {
  fetchedRecords,
  logRecords,
  type KafkaCommand,
} from '../../../../src/broker/kafka/index.ts';
import { ofType, run } from './helpers.ts';

const topic: KafkaCommand = { type: 'createTopic', name: 't', partitions: 1 };
const produce = (value: string, acks: 0 | 1 | 'all' = 1): KafkaCommand => ({
  type: 'produce',
  topic: 't',
  partition: 0,
  value,
  acks,
});
const join: KafkaCommand = {
  type: 'joinGroup',
  groupId: 'g',
  memberId: 'c1',
  topics: ['t'],
  autoOffsetReset: 'earliest',
};
const poll: KafkaCommand = { type: 'poll', groupId: 'g', memberId: 'c1' };

// Fetcher.prepareFetchRequests: "Requesting metadata update for partition {} since the position
// {} is missing the current leader node" — the partition is left out of the fetch, no error.
describe('consumer and a partition with no leader (Fetcher.prepareFetchRequests)', () => {
  it('fetches nothing while the partition has no leader, keeps its position, then reads on', () => {
    const { events, state } = run([
      topic,
      produce('a'),
      produce('b'),
      join,
      poll,
      produce('c'),
      { type: 'brokerDown', broker: 1 },
      poll,
      { type: 'brokerUp', broker: 1 },
      poll,
    ]);
    const fetches = ofType(events, 'fetch').map((f) => fetchedRecords(f).map((r) => r.value));
    expect(fetches).toEqual([['a', 'b'], [], ['c']]);
    expect(ofType(events, 'offsetReset').map((e) => e.reason)).toEqual(['noCommittedOffset']);
    expect(ofType(events, 'error')).toEqual([]);
    expect(state.groups.g!.members[0]!.positions['t-0']).toBe(3);
  });

  it('a partition assigned while it has no leader resets its position once a leader is back', () => {
    const { events } = run([
      topic,
      produce('a'),
      { type: 'brokerDown', broker: 1 },
      join,
      poll,
      { type: 'brokerUp', broker: 1 },
      poll,
    ]);
    // ListOffsets needs the leader, so the reset (earliest) waits for it.
    expect(ofType(events, 'fetch').map((f) => f.count)).toEqual([0, 1]);
    const reset = ofType(events, 'offsetReset');
    expect(reset).toHaveLength(1);
    expect(reset[0]).toMatchObject({ policy: 'earliest', offset: 0 });
    expect(events.indexOf(reset[0]!)).toBeGreaterThan(
      events.findIndex((e) => e.type === 'brokerUp'),
    );
  });
});

// RecordAccumulator.ready() sends nothing to a partition whose leader is unknown; the batch expires
// after delivery.timeout.ms (ProducerBatch.hasReachedDeliveryTimeout) with TimeoutException
// "Expiring N record(s) for topic-partition: X ms has passed since batch creation".
describe('producer and a partition with no leader (RecordAccumulator, delivery.timeout.ms)', () => {
  for (const acks of [0, 1, 'all'] as const) {
    it(`acks=${acks}: the record fails with TimeoutException after delivery.timeout.ms (120 s)`, () => {
      const before = run([
        topic,
        { type: 'brokerDown', broker: 1 },
        produce('x', acks),
        { type: 'advance', ms: 119_999 },
      ]);
      expect(ofType(before.events, 'produce').map((e) => [e.result, e.offset])).toEqual([
        ['queued', null],
      ]);
      expect(ofType(before.events, 'produceExpired')).toEqual([]);
      const after = run([
        topic,
        { type: 'brokerDown', broker: 1 },
        produce('x', acks),
        { type: 'advance', ms: 120_000 },
        { type: 'brokerUp', broker: 1 },
      ]);
      expect(ofType(after.events, 'produceExpired')).toEqual([
        {
          type: 'produceExpired',
          id: 1,
          topic: 't',
          partition: 0,
          acks,
          count: 1,
          message: 'Expiring 1 record(s) for t-0:120000 ms has passed since batch creation',
        },
      ]);
      expect(logRecords(after.state.topics.t!.partitions[0]!)).toEqual([]);
      expect(after.state.accumulator).toEqual([]);
    });
  }

  it('records queued without a leader are sent, in order, once a leader is elected in time', () => {
    const { events, state } = run([
      topic,
      produce('a'),
      { type: 'brokerDown', broker: 1 },
      produce('b'),
      { type: 'produceBatch', topic: 't', records: [{ value: 'c' }, { value: 'd' }], acks: 1 },
      { type: 'advance', ms: 60_000 },
      { type: 'brokerUp', broker: 1 },
      { type: 'advance', ms: 120_000 },
    ]);
    expect(ofType(events, 'produce').map((e) => [e.id, e.result, e.offset])).toEqual([
      [1, 'ack', 0],
      [2, 'queued', null],
      [2, 'ack', 1],
    ]);
    expect(ofType(events, 'produceBatch').map((e) => [e.id, e.result, e.baseOffset])).toEqual([
      [3, 'queued', null],
      [3, 'ack', 2],
    ]);
    expect(ofType(events, 'produceExpired')).toEqual([]);
    expect(logRecords(state.topics.t!.partitions[0]!).map((r) => r.value)).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('a delivery.timeout.ms of its own applies per produce', () => {
    const { events } = run([
      topic,
      { type: 'brokerDown', broker: 1 },
      { type: 'produce', topic: 't', value: 'x', acks: 0, deliveryTimeoutMs: 5_000 },
      { type: 'advance', ms: 5_000 },
    ]);
    expect(ofType(events, 'produceExpired').map((e) => e.message)).toEqual([
      'Expiring 1 record(s) for t-0:5000 ms has passed since batch creation',
    ]);
  });
});
