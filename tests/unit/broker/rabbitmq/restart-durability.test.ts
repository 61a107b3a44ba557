import { describe, expect, it } from 'vitest';
import { ofType, open, play } from './helpers.ts';

describe('broker restart', () => {
  it('keeps durable queues with their persistent messages; transient queues and messages are gone', () => {
    const { state, events } = play([
      ...open('c'),
      { type: 'queue.declare', channel: 'c', queue: 'durable', durable: true },
      { type: 'queue.declare', channel: 'c', queue: 'transient' },
      { type: 'exchange.declare', exchange: 'dx', kind: 'fanout', durable: true },
      { type: 'exchange.declare', exchange: 'tx', kind: 'fanout' },
      { type: 'queue.bind', queue: 'durable', exchange: 'dx' },
      { type: 'queue.bind', queue: 'durable', exchange: 'tx' },
      { type: 'queue.bind', queue: 'transient', exchange: 'dx' },
      {
        type: 'basic.publish',
        exchange: 'dx',
        routingKey: '',
        body: 'p',
        properties: { deliveryMode: 2 },
      },
      { type: 'basic.publish', exchange: 'dx', routingKey: '', body: 't' },
      { type: 'broker.restart' },
    ]);
    expect(state.queueOrder).toEqual(['durable']);
    expect(state.queues['durable']?.messages.map((m) => m.body)).toEqual(['p']);
    expect(Object.keys(state.exchanges)).toContain('dx');
    expect(Object.keys(state.exchanges)).not.toContain('tx');
    expect(state.bindings).toEqual([
      { exchange: 'dx', queue: 'durable', routingKey: '', arguments: {} },
    ]);
    expect(state.connections).toEqual({});
    expect(
      ofType(events, 'dropped')
        .map((e) => e.reason)
        .sort(),
    ).toEqual(['queue-deleted', 'queue-deleted', 'transient-lost-on-restart']);
  });

  it('returns unacked persistent messages to their queue, redelivered and in their old place', () => {
    const { state } = play([
      ...open('c'),
      { type: 'queue.declare', channel: 'c', queue: 'q', durable: true },
      ...['1', '2', '3'].map((body) => ({
        type: 'basic.publish' as const,
        exchange: '',
        routingKey: 'q',
        body,
        properties: { deliveryMode: 2 as const },
      })),
      { type: 'basic.get', channel: 'c', queue: 'q' },
      { type: 'broker.restart' },
    ]);
    expect(state.queues['q']?.messages.map((m) => `${m.body}${m.redelivered ? '*' : ''}`)).toEqual([
      '1*',
      '2',
      '3',
    ]);
  });
});
