import { describe, expect, it } from 'vitest';
import { kafkaModel, type KafkaCommand } from '../../../../src/broker/kafka/index.ts';
import { replayAll, stateAt } from '../../../../src/broker/core/replay.ts';

const scenario = {
  seed: 5,
  commands: [
    {
      type: 'createTopic',
      name: 'orders',
      partitions: 3,
      replicationFactor: 3,
      minInsyncReplicas: 2,
    },
    {
      type: 'joinGroup',
      groupId: 'billing',
      memberId: 'c1',
      topics: ['orders'],
      autoOffsetReset: 'earliest',
      assignor: 'cooperative-sticky',
    },
    { type: 'produce', topic: 'orders', key: 'заказ-1', value: '{"sum":100}' },
    { type: 'produce', topic: 'orders', key: null, value: 'ping' },
    { type: 'replicate' },
    { type: 'joinGroup', groupId: 'billing', memberId: 'c2', topics: ['orders'] },
    { type: 'poll', groupId: 'billing', memberId: 'c1' },
    { type: 'brokerDown', broker: 1 },
    { type: 'advance', ms: 60_000 },
  ] satisfies KafkaCommand[],
};

describe('Kafka model replay', () => {
  it('stateAt(n) equals the n-th snapshot of replayAll, and state survives a JSON round trip', () => {
    const all = replayAll(kafkaModel, scenario);
    for (let n = 0; n <= scenario.commands.length; n++) {
      const s = stateAt(kafkaModel, scenario, n);
      expect(s.state).toEqual(all[n]!.state);
      expect(JSON.parse(JSON.stringify(s.state))).toEqual(s.state);
    }
  });

  it('keeps no event log in the state: steps that change nothing leave it the same size', () => {
    const setup: KafkaCommand[] = [
      { type: 'createTopic', name: 't', partitions: 1 },
      { type: 'joinGroup', groupId: 'g', memberId: 'c', topics: ['t'] },
    ];
    const polls = (n: number): KafkaCommand[] =>
      Array.from({ length: n }, () => ({ type: 'poll', groupId: 'g', memberId: 'c' }) as const);
    const size = (commands: KafkaCommand[]): number =>
      JSON.stringify(stateAt(kafkaModel, { seed: 1, commands }, commands.length).state).length;
    // The events are the step's result (replayAll and stepAll collect them), not state.
    expect(
      replayAll(kafkaModel, { seed: 1, commands: [...setup, ...polls(1)] }).at(-1)?.events,
    ).not.toEqual([]);
    expect(size([...setup, ...polls(500)])).toBe(size([...setup, ...polls(1)]));
  });
});
