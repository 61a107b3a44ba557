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

  it('keeps the event history capped', () => {
    const commands: KafkaCommand[] = [
      { type: 'createTopic', name: 't', partitions: 1 },
      ...Array.from(
        { length: 500 },
        () => ({ type: 'produce', topic: 't', value: 'x' }) as KafkaCommand,
      ),
    ];
    const { state } = stateAt(kafkaModel, { seed: 1, commands }, commands.length);
    expect(state.history.length).toBe(state.config.historyCap);
  });
});
