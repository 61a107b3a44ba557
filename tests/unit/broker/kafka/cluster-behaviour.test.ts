import { describe, expect, it } from 'vitest';
import {
  groupLag,
  kafkaPartitionForKey,
  fetchedRecords,
  logRecords,
  type KafkaCommand,
} from '../../../../src/broker/kafka/index.ts';
import { ofType, run } from './helpers.ts';

const topic = (
  extra: Partial<Extract<KafkaCommand, { type: 'createTopic' }>> = {},
): KafkaCommand => ({ type: 'createTopic', name: 'orders', partitions: 3, ...extra });

describe('produce and partitions', () => {
  it('puts a keyed record on kafkaPartitionForKey(key) and gives offsets in order', () => {
    const { events } = run([
      topic(),
      ...['a', 'a', 'заказ-42'].map(
        (key) => ({ type: 'produce', topic: 'orders', key, value: 'v', acks: 1 }) as KafkaCommand,
      ),
    ]);
    const produced = ofType(events, 'produce');
    expect(produced.map((e) => e.partition)).toEqual(
      ['a', 'a', 'заказ-42'].map((k) => kafkaPartitionForKey(k, 3)),
    );
    expect(produced[0]?.offset).toBe(0);
    expect(produced[1]?.offset).toBe(1);
  });

  it('honours an explicit partition', () => {
    const { events } = run([
      topic(),
      { type: 'produce', topic: 'orders', key: 'a', value: 'v', partition: 2 },
    ]);
    expect(ofType(events, 'produce')[0]?.partition).toBe(2);
  });
});

describe('consumer groups', () => {
  const base: KafkaCommand[] = [
    topic({ partitions: 4 }),
    ...Array.from(
      { length: 8 },
      (_, i) =>
        ({ type: 'produce', topic: 'orders', key: `k${i}`, value: `v${i}` }) as KafkaCommand,
    ),
  ];

  it('a second consumer triggers a rebalance and splits the partitions (range)', () => {
    const { state } = run([
      ...base,
      {
        type: 'joinGroup',
        groupId: 'g',
        memberId: 'c1',
        topics: ['orders'],
        autoOffsetReset: 'earliest',
      },
      { type: 'joinGroup', groupId: 'g', memberId: 'c2', topics: ['orders'] },
    ]);
    const g = state.groups.g!;
    expect(g.generation).toBe(2);
    expect(g.members.map((m) => m.assigned.map((tp) => tp.partition))).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('members beyond the partition count stay idle', () => {
    const { state } = run([
      topic({ partitions: 2 }),
      ...['c1', 'c2', 'c3'].map(
        (memberId) =>
          ({ type: 'joinGroup', groupId: 'g', memberId, topics: ['orders'] }) as KafkaCommand,
      ),
    ]);
    expect(state.groups.g!.members.map((m) => m.assigned.length)).toEqual([1, 1, 0]);
  });

  it('earliest reads from the start; a second group reads the same records independently', () => {
    const { events } = run([
      ...base,
      {
        type: 'joinGroup',
        groupId: 'g1',
        memberId: 'a',
        topics: ['orders'],
        autoOffsetReset: 'earliest',
      },
      {
        type: 'joinGroup',
        groupId: 'g2',
        memberId: 'b',
        topics: ['orders'],
        autoOffsetReset: 'earliest',
      },
      { type: 'poll', groupId: 'g1', memberId: 'a' },
      { type: 'poll', groupId: 'g2', memberId: 'b' },
    ]);
    const fetches = ofType(events, 'fetch');
    expect(fetches.map((f) => f.count)).toEqual([8, 8]);
  });

  it('latest skips what is already there', () => {
    const { events } = run([
      ...base,
      {
        type: 'joinGroup',
        groupId: 'g',
        memberId: 'a',
        topics: ['orders'],
        autoOffsetReset: 'latest',
      },
      { type: 'poll', groupId: 'g', memberId: 'a' },
    ]);
    expect(ofType(events, 'fetch')[0]).toMatchObject({ count: 0, slices: [] });
  });

  it('lag is high watermark minus committed; commit and seek to beginning replay', () => {
    const { state, events } = run([
      ...base,
      {
        type: 'joinGroup',
        groupId: 'g',
        memberId: 'a',
        topics: ['orders'],
        autoOffsetReset: 'earliest',
        enableAutoCommit: false,
        maxPollRecords: 3,
      },
      { type: 'poll', groupId: 'g', memberId: 'a' },
      { type: 'commitOffset', groupId: 'g', memberId: 'a' },
      { type: 'seekToBeginning', groupId: 'g', memberId: 'a' },
      { type: 'poll', groupId: 'g', memberId: 'a', maxRecords: 100 },
    ]);
    const rows = groupLag(state.groups.g!, state);
    const totalLag = rows.reduce((s, r) => s + (r.lag ?? 0), 0);
    expect(totalLag).toBe(8 - 3);
    expect(ofType(events, 'fetch')[1]?.count).toBe(8);
  });

  it('a crash keeps the partitions until session.timeout.ms, then rebalances', () => {
    const { state, events } = run([
      ...base,
      {
        type: 'joinGroup',
        groupId: 'g',
        memberId: 'c1',
        topics: ['orders'],
        sessionTimeoutMs: 10_000,
      },
      { type: 'joinGroup', groupId: 'g', memberId: 'c2', topics: ['orders'] },
      { type: 'crash', groupId: 'g', memberId: 'c2' },
      { type: 'advance', ms: 9_999 },
    ]);
    expect(state.groups.g!.generation).toBe(2);
    const after = run([
      ...base,
      {
        type: 'joinGroup',
        groupId: 'g',
        memberId: 'c1',
        topics: ['orders'],
        sessionTimeoutMs: 10_000,
      },
      { type: 'joinGroup', groupId: 'g', memberId: 'c2', topics: ['orders'] },
      { type: 'crash', groupId: 'g', memberId: 'c2' },
      { type: 'advance', ms: 10_000 },
    ]);
    expect(ofType(events, 'sessionTimeout')).toEqual([]);
    expect(ofType(after.events, 'sessionTimeout').map((e) => e.memberId)).toEqual(['c2']);
    expect(after.state.groups.g!.members.map((m) => m.assigned.length)).toEqual([4]);
  });

  it('cooperative-sticky revokes only what moves and hands it over in a second rebalance', () => {
    const { events } = run([
      topic({ partitions: 4 }),
      {
        type: 'joinGroup',
        groupId: 'g',
        memberId: 'c1',
        topics: ['orders'],
        assignor: 'cooperative-sticky',
      },
      { type: 'joinGroup', groupId: 'g', memberId: 'c2', topics: ['orders'] },
    ]);
    const rebalances = ofType(events, 'rebalance');
    expect(rebalances.map((r) => r.generation)).toEqual([1, 2, 3]);
    const revoked = ofType(events, 'partitionsRevoked');
    expect(revoked.map((r) => [r.memberId, r.generation, r.partitions.length])).toEqual([
      ['c1', 2, 2],
    ]);
    const toC2 = ofType(events, 'partitionsAssigned').filter((e) => e.memberId === 'c2');
    expect(toC2.map((e) => [e.generation, e.partitions.length])).toEqual([
      [2, 0],
      [3, 2],
    ]);
  });
});

describe('retention', () => {
  it('retention.ms deletes whole old segments; the log start only moves forward; consumers reset', () => {
    const cmds: KafkaCommand[] = [
      { type: 'createTopic', name: 't', partitions: 1, segmentRecords: 2, retentionMs: 60_000 },
      {
        type: 'joinGroup',
        groupId: 'g',
        memberId: 'a',
        topics: ['t'],
        autoOffsetReset: 'earliest',
      },
      ...Array.from(
        { length: 5 },
        (_, i) => ({ type: 'produce', topic: 't', key: null, value: `v${i}` }) as KafkaCommand,
      ),
      { type: 'advance', ms: 280_000 },
      { type: 'produce', topic: 't', key: null, value: 'fresh' },
      { type: 'advance', ms: 20_000 },
      { type: 'poll', groupId: 'g', memberId: 'a' },
    ];
    const { state, events } = run(cmds);
    const p = state.topics.t!.partitions[0]!;
    // Segments [0,1] and [2,3] are old; [4, fresh] is young by its largest timestamp, so v4 survives.
    expect(p.logStartOffset).toBe(4);
    expect(ofType(events, 'logSegmentsDeleted')[0]).toMatchObject({
      reason: 'retention.ms',
      records: 4,
      logStartOffset: 4,
    });
    expect(ofType(events, 'offsetReset').at(-1)).toMatchObject({
      reason: 'offsetOutOfRange',
      offset: 4,
    });
    expect(fetchedRecords(ofType(events, 'fetch')[0]!).map((r) => r.value)).toEqual([
      'v4',
      'fresh',
    ]);
  });

  it('retention.bytes keeps the log at or under the limit, a whole segment at a time', () => {
    const { state } = run([
      { type: 'createTopic', name: 't', partitions: 1, segmentRecords: 2, retentionBytes: 20 },
      ...Array.from(
        { length: 10 },
        () => ({ type: 'produce', topic: 't', value: '12345' }) as KafkaCommand,
      ),
      { type: 'advance', ms: 300_000 },
    ]);
    const p = state.topics.t!.partitions[0]!;
    expect(logRecords(p)).toHaveLength(4);
    expect(p.logStartOffset).toBe(6);
  });
});

describe('replication and acks', () => {
  const rf3: KafkaCommand = {
    type: 'createTopic',
    name: 't',
    partitions: 1,
    replicationFactor: 3,
    minInsyncReplicas: 2,
  };

  it('acks=1 is acknowledged by the leader alone and can be lost on failover', () => {
    const { events, state } = run([
      rf3,
      { type: 'produce', topic: 't', value: 'x', acks: 1 },
      { type: 'brokerDown', broker: 1 },
    ]);
    expect(ofType(events, 'produce')[0]?.result).toBe('ack');
    expect(ofType(events, 'leaderElected')[0]).toMatchObject({ leader: 2, unclean: false });
    expect(ofType(events, 'recordsLost')[0]).toMatchObject({ fromOffset: 0, toOffset: 1 });
    expect(logRecords(state.topics.t!.partitions[0]!)).toEqual([]);
  });

  it('the stopped leader keeps its uncopied acks=1 record on disk until it rejoins (KIP-101)', () => {
    const down = run([
      rf3,
      { type: 'produce', topic: 't', value: 'a', acks: 'all' },
      { type: 'replicate' },
      { type: 'produce', topic: 't', value: 'x', acks: 1 },
      { type: 'brokerDown', broker: 1 },
    ]);
    const p = down.state.topics.t!.partitions[0]!;
    // Out of the partition: the new leader's log has no «x», consumers never read it ...
    expect(logRecords(p).map((r) => r.value)).toEqual(['a']);
    expect(ofType(down.events, 'recordsLost')[0]).toMatchObject({ fromOffset: 1, toOffset: 2 });
    // ... but broker 1 is stopped, cannot fetch from the new leader and has not truncated yet.
    expect(ofType(down.events, 'replicaTruncated')).toEqual([]);
    expect(p.replicaLeo['1']).toBe(1);
    expect(p.strandedTails['1']?.map((r) => [r.offset, r.value])).toEqual([[1, 'x']]);
    // Back as a follower: it truncates to where its log and leader 2's diverge, then fetches.
    const back = run([
      rf3,
      { type: 'produce', topic: 't', value: 'a', acks: 'all' },
      { type: 'replicate' },
      { type: 'produce', topic: 't', value: 'x', acks: 1 },
      { type: 'brokerDown', broker: 1 },
      { type: 'produce', topic: 't', value: 'y', acks: 1 },
      { type: 'brokerUp', broker: 1 },
      { type: 'replicate' },
    ]);
    const q = back.state.topics.t!.partitions[0]!;
    expect(ofType(back.events, 'replicaTruncated')).toEqual([
      { type: 'replicaTruncated', topic: 't', partition: 0, broker: 1, toOffset: 1 },
    ]);
    expect(q.strandedTails['1']).toBeUndefined();
    expect(q.replicaLeo['1']).toBe(2);
    expect(logRecords(q).map((r) => r.value)).toEqual(['a', 'y']);
  });

  it('acks=all waits for the ISR and survives the leader dying', () => {
    const { events, state } = run([
      rf3,
      { type: 'produce', topic: 't', value: 'x', acks: 'all' },
      { type: 'replicate' },
      { type: 'brokerDown', broker: 1 },
    ]);
    expect(ofType(events, 'produce')[0]?.result).toBe('pending');
    expect(ofType(events, 'produceAcked')).toHaveLength(1);
    expect(ofType(events, 'recordsLost')).toEqual([]);
    expect(logRecords(state.topics.t!.partitions[0]!).map((r) => r.value)).toEqual(['x']);
  });

  it('acks=all gets NOT_ENOUGH_REPLICAS when the ISR is below min.insync.replicas', () => {
    const { events } = run([
      rf3,
      { type: 'brokerDown', broker: 2 },
      { type: 'brokerDown', broker: 3 },
      { type: 'produce', topic: 't', value: 'x', acks: 'all' },
    ]);
    expect(ofType(events, 'produce')[0]).toMatchObject({
      result: 'NOT_ENOUGH_REPLICAS',
      offset: null,
    });
  });

  it('acks=0 gives no acknowledgement but an offset; without a leader the record waits in the producer', () => {
    const { events } = run([
      { type: 'createTopic', name: 't', partitions: 1 },
      { type: 'produce', topic: 't', value: 'a', acks: 0 },
      { type: 'brokerDown', broker: 1 },
      { type: 'produce', topic: 't', value: 'b', acks: 0, partition: 0 },
    ]);
    // What happens to the queued record next: leaderless-partition.test.ts.
    expect(ofType(events, 'produce').map((e) => [e.result, e.offset])).toEqual([
      ['none', 0],
      ['queued', null],
    ]);
    expect(ofType(events, 'partitionOffline')).toHaveLength(1);
  });

  it('the last ISR member coming back leads again without loss (unclean election off)', () => {
    const { events, state } = run([
      { type: 'createTopic', name: 't', partitions: 1, replicationFactor: 2 },
      { type: 'produce', topic: 't', value: 'a', acks: 1 },
      { type: 'brokerDown', broker: 2 },
      { type: 'produce', topic: 't', value: 'b', acks: 1 },
      { type: 'brokerDown', broker: 1 },
      { type: 'brokerUp', broker: 2 },
      { type: 'brokerUp', broker: 1 },
    ]);
    expect(ofType(events, 'leaderElected').map((e) => e.leader)).toEqual([1]);
    expect(logRecords(state.topics.t!.partitions[0]!).map((r) => r.value)).toEqual(['a', 'b']);
  });

  it('a slow follower leaves the ISR after replica.lag.time.max.ms and rejoins when caught up', () => {
    const { events } = run([
      { type: 'createTopic', name: 't', partitions: 1, replicationFactor: 2 },
      { type: 'produce', topic: 't', value: 'a', acks: 1 },
      { type: 'advance', ms: 30_001 },
      { type: 'replicate' },
    ]);
    expect(ofType(events, 'isrShrink').map((e) => e.isr)).toEqual([[1]]);
    expect(ofType(events, 'isrExpand').map((e) => e.isr)).toEqual([[1, 2]]);
  });
});
