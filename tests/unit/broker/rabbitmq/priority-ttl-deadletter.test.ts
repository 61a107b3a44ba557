import { describe, expect, it } from 'vitest';
import type { RabbitCommand } from '../../../../src/broker/rabbitmq/index.ts';
import { deliveries, ofType, open, play } from './helpers.ts';

const get = (queue: string, n: number): RabbitCommand[] =>
  Array.from({ length: n }, (): RabbitCommand => ({
    type: 'basic.get',
    channel: 'c',
    queue,
    noAck: true,
  }));

describe('priority queues', () => {
  it('deliver higher priority first, FIFO within a priority, capping at x-max-priority', () => {
    const priorities = [1, 5, 3, 9, 0, 5, undefined, 7];
    const { events } = play([
      ...open('c'),
      { type: 'queue.declare', channel: 'c', queue: 'q', arguments: { 'x-max-priority': 5 } },
      ...priorities.map((p, i): RabbitCommand => ({
        type: 'basic.publish',
        exchange: '',
        routingKey: 'q',
        body: `m${i}`,
        properties: p === undefined ? {} : { priority: p },
      })),
      ...get('q', 8),
    ]);
    expect(deliveries(events)).toEqual([
      'get:m1',
      'get:m3',
      'get:m5',
      'get:m7',
      'get:m2',
      'get:m0',
      'get:m4',
      'get:m6',
    ]);
  });
});

describe('TTL and dead-lettering', () => {
  const dlxSetup = (args: Record<string, unknown>): RabbitCommand[] => [
    ...open('c'),
    { type: 'exchange.declare', exchange: 'dlx', kind: 'direct' },
    { type: 'queue.declare', channel: 'c', queue: 'dead' },
    { type: 'queue.bind', queue: 'dead', exchange: 'dlx', routingKey: 'dead-key' },
    {
      type: 'queue.declare',
      channel: 'c',
      queue: 'q',
      arguments: { 'x-dead-letter-exchange': 'dlx', ...args },
    },
  ];

  it('per-queue TTL expires messages on the virtual clock and dead-letters them with x-death', () => {
    const { events, state } = play([
      ...dlxSetup({ 'x-message-ttl': 1000, 'x-dead-letter-routing-key': 'dead-key' }),
      { type: 'basic.publish', exchange: '', routingKey: 'q', body: 'late' },
      { type: 'advance', ms: 999 },
      { type: 'advance', ms: 1 },
    ]);
    expect(ofType(events, 'dead-lettered')).toHaveLength(1);
    const dead = state.queues['dead']?.messages[0];
    expect(dead?.body).toBe('late');
    expect(dead?.properties.headers?.['x-death']).toEqual([
      { queue: 'q', reason: 'expired', count: 1, exchange: '', 'routing-keys': ['q'], time: 1000 },
    ]);
    expect(dead?.properties.headers?.['x-first-death-reason']).toBe('expired');
  });

  it('per-message TTL only expires at the head: an expired message behind a live one waits', () => {
    const { state } = play([
      ...dlxSetup({}),
      { type: 'basic.publish', exchange: '', routingKey: 'q', body: 'forever' },
      {
        type: 'basic.publish',
        exchange: '',
        routingKey: 'q',
        body: 'short',
        properties: { expiration: '10' },
      },
      { type: 'advance', ms: 100 },
    ]);
    expect(state.queues['q']?.messages.map((m) => m.body)).toEqual(['forever', 'short']);
    const after = play([...get('q', 1), { type: 'advance', ms: 0 }], 1, state).state;
    expect(after.queues['q']?.messages).toEqual([]);
    expect(after.queues['dead']?.messages).toEqual([]); // routed with key 'q': no binding, dropped
  });

  it('rejected messages go to the DLX with the original routing key unless one is configured', () => {
    const { state } = play([
      ...dlxSetup({ 'x-dead-letter-routing-key': 'dead-key' }),
      { type: 'basic.publish', exchange: '', routingKey: 'q', body: 'bad' },
      { type: 'basic.get', channel: 'c', queue: 'q' },
      { type: 'basic.nack', channel: 'c', deliveryTag: 1, requeue: false },
    ]);
    expect(state.queues['dead']?.messages.map((m) => m.body)).toEqual(['bad']);
    expect(
      (
        state.queues['dead']?.messages[0]?.properties.headers?.['x-death'] as { reason: string }[]
      )[0]?.reason,
    ).toBe('rejected');
  });

  it('x-max-length drops from the head, dead-lettering with reason maxlen', () => {
    const { events, state } = play([
      ...dlxSetup({ 'x-max-length': 2, 'x-dead-letter-routing-key': 'dead-key' }),
      ...['1', '2', '3'].map((body): RabbitCommand => ({
        type: 'basic.publish',
        exchange: '',
        routingKey: 'q',
        body,
      })),
    ]);
    expect(state.queues['q']?.messages.map((m) => m.body)).toEqual(['2', '3']);
    expect(ofType(events, 'dead-lettered').map((e) => e.reason)).toEqual(['maxlen']);
    expect(state.queues['dead']?.messages.map((m) => m.body)).toEqual(['1']);
  });

  it('drops an automatic dead-letter cycle (expired back into the same queue), as RabbitMQ does', () => {
    const { state, events } = play([
      ...open('c'),
      { type: 'exchange.declare', exchange: 'loop', kind: 'fanout' },
      {
        type: 'queue.declare',
        channel: 'c',
        queue: 'q',
        arguments: { 'x-dead-letter-exchange': 'loop', 'x-message-ttl': 5 },
      },
      { type: 'queue.bind', queue: 'q', exchange: 'loop' },
      { type: 'basic.publish', exchange: '', routingKey: 'q', body: 'x' },
      { type: 'advance', ms: 100 },
    ]);
    expect(state.queues['q']?.messages).toEqual([]);
    expect(ofType(events, 'dead-lettered').map((e) => e.queues)).toEqual([[]]);
  });
});
