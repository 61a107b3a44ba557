import { describe, expect, it } from 'vitest';
import * as broker from '../../../src/broker/index.ts';

describe('public entry of the broker core', () => {
  it('exports the pure rules by the names outside checks use', () => {
    expect(broker.topicMatches('order.*.paid', 'order.eu.paid')).toBe(true);
    expect(broker.topicMatches('order.*.paid', 'order.paid')).toBe(false);
    expect(broker.topicMatches('order.#', 'order')).toBe(true);
    expect(broker.headersMatch({ 'x-match': 'any', a: 1, b: 2 }, { b: 2 })).toBe(true);
    expect(broker.headersMatch({ a: 1, b: 2 }, { b: 2 })).toBe(false);
    expect(broker.redisGlobMatches('news.*', 'news.sport')).toBe(true);
    expect(broker.redisGlobMatches('h[^e]llo', 'hello')).toBe(false);
    // Kafka's UtilsTest: murmur2("21") == -973932308.
    expect(broker.murmur2(new TextEncoder().encode('21'))).toBe(-973932308);
    const p = broker.kafkaPartitionForKey('ключ', 12);
    expect(p).toBe(8);
    const members = [
      { memberId: 'c1', topics: ['t'] },
      { memberId: 'c2', topics: ['t'] },
    ];
    expect(broker.assignRange(members, { t: 3 }).c1).toEqual([
      { topic: 't', partition: 0 },
      { topic: 't', partition: 1 },
    ]);
    expect(Object.keys(broker.assignRoundRobin(members, { t: 3 }))).toEqual(['c1', 'c2']);
    expect(broker.assignCooperativeSticky(members, { t: 4 }).c2).toHaveLength(2);
  });

  it('exports every model for seeking with stateAt', () => {
    for (const model of [
      broker.redisModel,
      broker.rabbitModel,
      broker.kafkaModel,
      broker.celeryModel,
      broker.orderFlowModel,
    ]) {
      expect(typeof model.init).toBe('function');
      expect(typeof model.step).toBe('function');
    }
    const flow = broker.orderFlow(broker.orderFlowInput());
    expect(flow.sync.responseMs).toBe(2900);
    expect(flow.async.responseMs).toBe(115);
  });
});
