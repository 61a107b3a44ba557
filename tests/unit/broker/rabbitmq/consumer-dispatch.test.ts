import { describe, expect, it } from 'vitest';
import type { RabbitCommand } from '../../../../src/broker/rabbitmq/index.ts';
import { deliveries, ofType, open, play, publishTo } from './helpers.ts';

const consumer = (channel: string, prefetch: number, noAck = false): RabbitCommand[] => [
  { type: 'basic.qos', channel, prefetchCount: prefetch },
  { type: 'basic.consume', channel, queue: 'q', consumerTag: channel, noAck },
];
const setup = (...channels: string[]): RabbitCommand[] => [
  ...open('s', ...channels),
  { type: 'queue.declare', channel: 's', queue: 'q' },
];

describe('consumers and dispatch', () => {
  it('dispatches round-robin among consumers with free prefetch credit', () => {
    const { events } = play([
      ...setup('a', 'b'),
      ...consumer('a', 0),
      ...consumer('b', 0),
      ...publishTo('q', '1', '2', '3', '4'),
    ]);
    expect(deliveries(events)).toEqual(['a:1', 'b:2', 'a:3', 'b:4']);
  });

  it('stops at the prefetch limit; an ack frees credit and the consumer rejoins at the back', () => {
    const { events } = play([
      ...setup('a', 'b'),
      ...consumer('a', 1),
      ...consumer('b', 1),
      ...publishTo('q', '1', '2', '3', '4'),
      { type: 'basic.ack', channel: 'b', deliveryTag: 1 },
      { type: 'basic.ack', channel: 'a', deliveryTag: 1 },
    ]);
    expect(deliveries(events)).toEqual(['a:1', 'b:2', 'b:3', 'a:4']);
  });

  it('ack multiple settles every tag up to the given one; a second ack of it is a 406', () => {
    const { events, state } = play([
      ...setup('a'),
      ...consumer('a', 0),
      ...publishTo('q', '1', '2', '3'),
      { type: 'basic.ack', channel: 'a', deliveryTag: 2, multiple: true },
      { type: 'basic.ack', channel: 'a', deliveryTag: 2 },
    ]);
    expect(ofType(events, 'basic.ack')[0]?.messageIds).toEqual([1, 2]);
    expect(ofType(events, 'channel.close')[0]).toMatchObject({
      replyCode: 406,
      replyText: 'PRECONDITION_FAILED - unknown delivery tag 2',
    });
    // The channel error closed the channel, so message 3 went back, redelivered.
    expect(state.queues['q']?.messages.map((m) => [m.body, m.redelivered])).toEqual([['3', true]]);
  });

  it('nack multiple with requeue puts messages back at the head, in their order, flagged redelivered', () => {
    const { events } = play([
      ...setup('a', 'b'),
      ...consumer('a', 2),
      ...publishTo('q', '1', '2', '3'),
      { type: 'basic.nack', channel: 'a', deliveryTag: 2, multiple: true, requeue: true },
      { type: 'basic.cancel', channel: 'a', consumerTag: 'a' },
      ...consumer('b', 0),
    ]);
    // After the nack, a (credit back) gets 1 and 2 again before 3.
    expect(deliveries(events)).toEqual(['a:1', 'a:2', 'a:1*', 'a:2*', 'b:3']);
  });

  it('reject without requeue discards the message (no DLX); with requeue it comes back', () => {
    const { events, state } = play([
      ...setup('a'),
      ...publishTo('q', '1', '2'),
      { type: 'basic.get', channel: 'a', queue: 'q' },
      { type: 'basic.reject', channel: 'a', deliveryTag: 1, requeue: false },
      { type: 'basic.get', channel: 'a', queue: 'q' },
      { type: 'basic.reject', channel: 'a', deliveryTag: 2 },
    ]);
    expect(ofType(events, 'dropped')).toEqual([
      { type: 'dropped', queue: 'q', messageId: 1, reason: 'rejected' },
    ]);
    expect(state.queues['q']?.messages.map((m) => [m.body, m.redelivered])).toEqual([['2', true]]);
  });

  it('a crashed consumer’s unacked messages go to another consumer, redelivered', () => {
    const { events } = play([
      { type: 'connection.open', connection: 'k1' },
      { type: 'connection.open', connection: 'k2' },
      { type: 'channel.open', connection: 'k1', channel: 'a' },
      { type: 'channel.open', connection: 'k2', channel: 'b' },
      { type: 'queue.declare', channel: 'b', queue: 'q' },
      ...consumer('a', 10),
      ...publishTo('q', '1', '2'),
      ...consumer('b', 10),
      { type: 'consumer.crash', connection: 'k1' },
    ]);
    expect(deliveries(events)).toEqual(['a:1', 'a:2', 'b:1*', 'b:2*']);
  });

  it('no-ack consumers ignore prefetch and never hold unacked messages', () => {
    const { events, state } = play([
      ...setup('a'),
      ...consumer('a', 1, true),
      ...publishTo('q', '1', '2', '3'),
    ]);
    expect(deliveries(events)).toEqual(['a:1', 'a:2', 'a:3']);
    expect(state.channels['a']?.unacked).toEqual([]);
  });

  it('an auto-delete queue goes when its last consumer cancels; an exclusive one with its connection', () => {
    const { events, state } = play([
      ...open('a'),
      { type: 'queue.declare', channel: 'a', queue: 'auto', autoDelete: true },
      { type: 'queue.declare', channel: 'a', queue: 'mine', exclusive: true },
      { type: 'basic.consume', channel: 'a', queue: 'auto', consumerTag: 't' },
      { type: 'basic.cancel', channel: 'a', consumerTag: 't' },
      { type: 'connection.close', connection: 'k' },
    ]);
    expect(ofType(events, 'queue.deleted').map((e) => e.queue)).toEqual(['auto', 'mine']);
    expect(state.queueOrder).toEqual([]);
  });

  it('another connection cannot use an exclusive queue (405 RESOURCE_LOCKED)', () => {
    const { events } = play([
      ...open('a'),
      { type: 'connection.open', connection: 'k2' },
      { type: 'channel.open', connection: 'k2', channel: 'b' },
      { type: 'queue.declare', channel: 'a', queue: 'mine', exclusive: true },
      { type: 'basic.consume', channel: 'b', queue: 'mine' },
    ]);
    expect(ofType(events, 'channel.close')[0]?.replyCode).toBe(405);
  });
});
