import { describe, expect, it } from 'vitest';
import type { RabbitCommand } from '../../../../src/broker/rabbitmq/index.ts';
import { ofType, play } from './helpers.ts';

/** A client with an exclusive server-named reply queue, and an RPC server consuming rpc_queue. */
const rpcSetup: RabbitCommand[] = [
  { type: 'connection.open', connection: 'client' },
  { type: 'channel.open', connection: 'client', channel: 'c' },
  { type: 'connection.open', connection: 'server' },
  { type: 'channel.open', connection: 'server', channel: 's' },
  { type: 'queue.declare', channel: 's', queue: 'rpc_queue' },
  { type: 'basic.qos', channel: 's', prefetchCount: 0 },
  { type: 'basic.consume', channel: 's', queue: 'rpc_queue', consumerTag: 'server' },
  { type: 'queue.declare', channel: 'c', queue: '', exclusive: true },
];

function replyQueueOf(commands: readonly RabbitCommand[]): string {
  const declared = ofType(play(commands).events, 'queue.declare-ok');
  return declared[declared.length - 1]?.queue ?? '';
}

const request = (replyTo: string, correlationId: string, body: string): RabbitCommand => ({
  type: 'basic.publish',
  channel: 'c',
  exchange: '',
  routingKey: 'rpc_queue',
  body,
  properties: { replyTo, correlationId },
});

describe('request-reply: reply_to and correlation_id', () => {
  it('gives an exclusive queue declared with an empty name a server-generated amq.gen- name', () => {
    const { state } = play(rpcSetup);
    const name = replyQueueOf(rpcSetup);
    expect(name).toMatch(/^amq\.gen-/);
    expect(state.queues[name]?.exclusiveTo).toBe('client');
  });

  it('delivers reply_to and correlation_id to the server exactly as the client set them', () => {
    const replyTo = replyQueueOf(rpcSetup);
    const { events } = play([...rpcSetup, request(replyTo, 'c-1', 'fib(6)')]);
    const [delivery] = ofType(events, 'basic.deliver');
    expect(delivery?.consumerTag).toBe('server');
    expect(delivery?.properties).toEqual({ replyTo, correlationId: 'c-1' });
  });

  it('routes replies from another connection to the exclusive queue, in the order they are sent', () => {
    const replyTo = replyQueueOf(rpcSetup);
    const reply = (correlationId: string, body: string): RabbitCommand => ({
      type: 'basic.publish',
      channel: 's',
      exchange: '',
      routingKey: replyTo,
      body,
      properties: { correlationId },
    });
    const { events } = play([
      ...rpcSetup,
      { type: 'basic.consume', channel: 'c', queue: replyTo, consumerTag: 'replies', noAck: true },
      request(replyTo, 'c-1', 'fib(25)'),
      request(replyTo, 'c-2', 'fib(6)'),
      // The server answers the second request first: correlation ids, not order, pair them up.
      reply('c-2', '8'),
      { type: 'basic.ack', channel: 's', deliveryTag: 2 },
      reply('c-1', '75025'),
      { type: 'basic.ack', channel: 's', deliveryTag: 1 },
    ]);
    const replies = ofType(events, 'basic.deliver').filter((d) => d.consumerTag === 'replies');
    expect(replies.map((d) => [d.properties.correlationId, d.body])).toEqual([
      ['c-2', '8'],
      ['c-1', '75025'],
    ]);
  });

  it('keeps reply_to and correlation_id on a redelivered request after the server crashes', () => {
    const replyTo = replyQueueOf(rpcSetup);
    const { events } = play([
      ...rpcSetup,
      request(replyTo, 'c-1', 'fib(6)'),
      { type: 'consumer.crash', connection: 'server' },
      { type: 'connection.open', connection: 'server2' },
      { type: 'channel.open', connection: 'server2', channel: 's2' },
      { type: 'basic.consume', channel: 's2', queue: 'rpc_queue', consumerTag: 'server2' },
    ]);
    const again = ofType(events, 'basic.deliver').find((d) => d.consumerTag === 'server2');
    expect(again?.redelivered).toBe(true);
    expect(again?.properties).toEqual({ replyTo, correlationId: 'c-1' });
  });

  it('drops the exclusive reply queue with its client, so a late reply is unroutable', () => {
    const replyTo = replyQueueOf(rpcSetup);
    const { events, state } = play([
      ...rpcSetup,
      { type: 'connection.close', connection: 'client' },
      {
        type: 'basic.publish',
        channel: 's',
        exchange: '',
        routingKey: replyTo,
        body: 'late',
        mandatory: true,
        properties: { correlationId: 'c-1' },
      },
    ]);
    expect(state.queues[replyTo]).toBeUndefined();
    expect(ofType(events, 'basic.return')[0]).toMatchObject({
      replyCode: 312,
      routingKey: replyTo,
    });
  });
});
