/**
 * Which fetch positions are in range, as Kafka's LocalLog.read decides: OffsetOutOfRangeException
 * only for a start past the log end offset (or below the log start); a start at or past the high
 * watermark reads nothing, because a consumer reads only up to the high watermark.
 */
import { describe, expect, it } from 'vitest';
import { fetchedRecords, type KafkaCommand } from '../../../../src/broker/kafka/index.ts';
import { ofType, run } from './helpers.ts';

// Replication factor 2 and acks=1: the leader has 3 records, the follower none, so the high
// watermark stays at 0 while the log end offset is 3.
const setup: KafkaCommand[] = [
  { type: 'createTopic', name: 't', partitions: 1, replicationFactor: 2 },
  ...['a', 'b', 'c'].map(
    (value) => ({ type: 'produce', topic: 't', value, acks: 1 }) as KafkaCommand,
  ),
  { type: 'joinGroup', groupId: 'g', memberId: 'c1', topics: ['t'], autoOffsetReset: 'earliest' },
];
const seek = (offset: number): KafkaCommand => ({
  type: 'seek',
  groupId: 'g',
  memberId: 'c1',
  topic: 't',
  partition: 0,
  offset,
});
const poll: KafkaCommand = { type: 'poll', groupId: 'g', memberId: 'c1' };

describe('fetch range (LocalLog.read: out of range only beyond the log end)', () => {
  it('seek between the high watermark and the log end gives an empty fetch, not out-of-range', () => {
    const { events, state } = run([...setup, seek(2), poll]);
    const p = state.topics.t!.partitions[0]!;
    expect([p.highWatermark, p.logStartOffset]).toEqual([0, 0]);
    expect(ofType(events, 'fetch').at(-1)?.count).toBe(0);
    expect(ofType(events, 'offsetReset').filter((e) => e.reason === 'offsetOutOfRange')).toEqual(
      [],
    );
    expect(state.groups.g!.members[0]!.positions['t-0']).toBe(2);
  });

  it('the same position reads once the high watermark passes it', () => {
    const { events } = run([...setup, seek(2), poll, { type: 'replicate' }, poll]);
    expect(fetchedRecords(ofType(events, 'fetch').at(-1)!).map((r) => [r.offset, r.value])).toEqual(
      [[2, 'c']],
    );
  });

  it('seek past the log end is out of range and auto.offset.reset applies', () => {
    const { events, state } = run([...setup, seek(4), poll]);
    expect(ofType(events, 'offsetReset').at(-1)).toMatchObject({
      reason: 'offsetOutOfRange',
      policy: 'earliest',
      offset: 0,
    });
    expect(state.groups.g!.members[0]!.positions['t-0']).toBe(0);
  });

  it('seek to exactly the log end is in range (the next record’s offset) and waits', () => {
    const { events } = run([...setup, seek(3), poll, { type: 'replicate' }, poll]);
    expect(ofType(events, 'offsetReset').filter((e) => e.reason === 'offsetOutOfRange')).toEqual(
      [],
    );
    expect(ofType(events, 'fetch').map((f) => f.count)).toEqual([0, 0]);
  });
});
