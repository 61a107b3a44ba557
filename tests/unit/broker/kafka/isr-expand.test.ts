/**
 * When a follower rejoins the ISR: Partition.maybeExpandIsr with isFollowerInSync — its log end
 * offset has reached the leader's high watermark and the offset where the leader's epoch began.
 * It need not have reached the leader's log end.
 */
import { describe, expect, it } from 'vitest';
import type { KafkaCommand } from '../../../../src/broker/kafka/index.ts';
import { ofType, run } from './helpers.ts';

const produce = (value: string): KafkaCommand => ({ type: 'produce', topic: 't', value, acks: 1 });
const replicate = (broker: number, maxRecords?: number): KafkaCommand => ({
  type: 'replicate',
  broker,
  ...(maxRecords !== undefined ? { maxRecords } : {}),
});

describe('ISR expansion (Partition.isFollowerInSync)', () => {
  it('a follower rejoins when its log end reaches the high watermark, short of the log end', () => {
    // Replicas 1 (leader), 2, 3; broker 3 falls behind and leaves the ISR.
    const { events, state } = run(
      [
        { type: 'createTopic', name: 't', partitions: 1, replicationFactor: 3 },
        produce('a'),
        replicate(2),
        { type: 'advance', ms: 30_001 },
        produce('b'),
        produce('c'),
        produce('d'),
        replicate(2, 1), // broker 2 at 2: the high watermark is 2, the log end 4
        replicate(3, 2), // broker 3 at 2: in sync by Kafka's rule
      ],
      1,
    );
    const p = state.topics.t!.partitions[0]!;
    expect(ofType(events, 'isrShrink').map((e) => [e.broker, e.isr])).toEqual([[3, [1, 2]]]);
    expect(p.highWatermark).toBe(2);
    expect(p.replicaLeo['3']).toBe(2);
    expect(ofType(events, 'isrExpand').map((e) => [e.broker, e.isr])).toEqual([[3, [1, 2, 3]]]);
  });

  it('after a leader change a follower must also reach the new epoch’s start offset', () => {
    // Four replicas: broker 4 is out of the ISR; broker 3 is in it but behind, holding the high
    // watermark at 1 while broker 2 has all 4 records. Broker 1 dies; broker 2 leads from offset 4.
    const setup: KafkaCommand[] = [
      { type: 'createTopic', name: 't', partitions: 1, replicationFactor: 4 },
      produce('a'),
      replicate(2),
      replicate(3),
      { type: 'advance', ms: 30_001 },
      produce('b'),
      produce('c'),
      produce('d'),
      replicate(2),
      { type: 'brokerDown', broker: 1 },
    ];
    const config = { brokers: [1, 2, 3, 4] };
    const early = run([...setup, replicate(4, 2)], 1, config);
    const p = early.state.topics.t!.partitions[0]!;
    expect([p.leader, p.leaderEpochStartOffset, p.highWatermark]).toEqual([2, 4, 1]);
    expect(p.replicaLeo['4']).toBe(2);
    expect(p.isr).toEqual([2, 3]);
    expect(ofType(early.events, 'isrExpand')).toEqual([]);
    const late = run([...setup, replicate(4, 2), replicate(4)], 1, config);
    expect(ofType(late.events, 'isrExpand').map((e) => [e.broker, e.isr])).toEqual([
      [4, [2, 3, 4]],
    ]);
  });
});
