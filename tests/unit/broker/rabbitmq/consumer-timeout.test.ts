/**
 * consumer_timeout on the virtual clock (rabbit_channel:evaluate_consumer_timeout, RabbitMQ
 * ≥ 3.8.15): the parts a 2-core test machine cannot wait for on a real server. The short-timeout
 * behaviour itself is recorded from RabbitMQ 3.10.8 in recorded-scenarios.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { RabbitCommand } from '../../../../src/broker/rabbitmq/index.ts';
import { deliveries, ofType, open, play, publishTo } from './helpers.ts';

const MINUTE = 60_000;
const advance = (ms: number): RabbitCommand => ({ type: 'advance', ms });

/** Queue q, consumer A on channel a (manual ack), consumer B (prefetch 0) waiting on channel b. */
function setup(...before: RabbitCommand[]): RabbitCommand[] {
  return [
    ...before,
    ...open('s', 'a'),
    { type: 'queue.declare', channel: 's', queue: 'q' },
    { type: 'basic.qos', channel: 'a', prefetchCount: 2 },
    { type: 'basic.consume', channel: 'a', queue: 'q', consumerTag: 'A' },
  ];
}

describe('consumer_timeout', () => {
  it('closes a channel that holds a delivery for 30 minutes by default and requeues it', () => {
    const { steps, events } = play([
      ...setup(),
      ...publishTo('q', 'long task'),
      advance(30 * MINUTE - 1),
      { type: 'channel.open', connection: 'k', channel: 'b' },
      { type: 'basic.consume', channel: 'b', queue: 'q', consumerTag: 'B' },
      advance(1),
    ]);
    expect(steps.at(-3)?.some((e) => e.type === 'channel.close')).toBe(false);
    expect(ofType(steps.at(-1) ?? [], 'channel.close')).toEqual([
      {
        type: 'channel.close',
        channel: 'a',
        replyCode: 406,
        replyText:
          'PRECONDITION_FAILED - delivery acknowledgement on channel a timed out. Timeout value used: 1800000 ms. This timeout value can be configured, see consumers doc guide to learn more',
        method: 'none',
      },
    ]);
    expect(deliveries(events)).toEqual(['A:long task', 'B:long task*']);
  });

  it('counts from the oldest unacked delivery: acking a newer one does not help, acking the oldest moves the deadline', () => {
    const closedAt = (commands: RabbitCommand[]): number | undefined => {
      const { steps } = play(commands);
      let now = 0;
      for (const [i, c] of commands.entries()) {
        if (c.type === 'advance') now += c.ms;
        if (steps[i]?.some((e) => e.type === 'channel.close')) return now;
      }
      return undefined;
    };
    const base = [
      ...setup(),
      ...publishTo('q', 'm1'),
      advance(10 * MINUTE),
      ...publishTo('q', 'm2'),
      advance(5 * MINUTE),
    ];
    const minutes = Array.from({ length: 40 }, () => advance(MINUTE));
    expect(
      closedAt([...base, { type: 'basic.ack', channel: 'a', deliveryTag: 2 }, ...minutes]),
    ).toBe(30 * MINUTE);
    expect(
      closedAt([...base, { type: 'basic.ack', channel: 'a', deliveryTag: 1 }, ...minutes]),
    ).toBe(40 * MINUTE);
  });

  it('applies to channels opened after broker.configure; null turns it off; no-ack deliveries never time out', () => {
    const { events } = play([
      ...setup({ type: 'broker.configure', consumerTimeout: null }),
      { type: 'channel.open', connection: 'k', channel: 'n' },
      { type: 'basic.consume', channel: 'n', queue: 'q', consumerTag: 'N', noAck: true },
      ...publishTo('q', 'one', 'two', 'three'),
      advance(10 * 60 * MINUTE),
    ]);
    expect(ofType(events, 'channel.close')).toEqual([]);
    const timed = play([
      ...open('early'),
      { type: 'queue.declare', channel: 'early', queue: 'q' },
      ...publishTo('q', 'x', 'y'),
      { type: 'basic.get', channel: 'early', queue: 'q' },
      { type: 'broker.configure', consumerTimeout: 1000 },
      { type: 'channel.open', connection: 'k', channel: 'late' },
      { type: 'basic.get', channel: 'late', queue: 'q' },
      advance(1000),
    ]);
    expect(ofType(timed.events, 'channel.close').map((e) => e.channel)).toEqual(['late']);
  });
});
