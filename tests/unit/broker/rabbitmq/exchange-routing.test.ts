import { describe, expect, it } from 'vitest';
import {
  compileExchangeRouter,
  initRabbit,
  route,
  type RabbitCommand,
} from '../../../../src/broker/rabbitmq/index.ts';
import { ofType, play } from './helpers.ts';

const declare = (...queues: string[]): RabbitCommand[] =>
  queues.map((queue): RabbitCommand => ({ type: 'queue.declare', queue }));
const bind = (
  queue: string,
  exchange: string,
  routingKey = '',
  args?: Record<string, unknown>,
): RabbitCommand => ({
  type: 'queue.bind',
  queue,
  exchange,
  routingKey,
  ...(args ? { arguments: args } : {}),
});

describe('exchange routing', () => {
  it('the default exchange reaches the queue named by the routing key, and refuses bindings (403)', () => {
    const { state, events } = play([...declare('orders'), bind('orders', '', 'x')]);
    expect(route(state, '', 'orders')).toEqual(['orders']);
    expect(route(state, '', 'missing')).toEqual([]);
    expect(ofType(events, 'channel.close')[0]).toMatchObject({ replyCode: 403 });
  });

  it('direct routes by exact key, fanout ignores the key, topic and headers by their rules', () => {
    const { state } = play([
      ...declare('q1', 'q2', 'q3'),
      { type: 'exchange.declare', exchange: 'd', kind: 'direct' },
      { type: 'exchange.declare', exchange: 'f', kind: 'fanout' },
      { type: 'exchange.declare', exchange: 't', kind: 'topic' },
      { type: 'exchange.declare', exchange: 'h', kind: 'headers' },
      bind('q1', 'd', 'red'),
      bind('q2', 'd', 'green'),
      bind('q1', 'f'),
      bind('q3', 'f'),
      bind('q1', 't', 'order.*'),
      bind('q2', 't', 'order.#'),
      bind('q3', 'h', '', { 'x-match': 'any', kind: 'vip' }),
    ]);
    expect(route(state, 'd', 'red')).toEqual(['q1']);
    expect(route(state, 'd', 'blue')).toEqual([]);
    expect(route(state, 'f', 'whatever')).toEqual(['q1', 'q3']);
    expect(route(state, 't', 'order.created').sort()).toEqual(['q1', 'q2']);
    expect(route(state, 't', 'order.created.eu')).toEqual(['q2']);
    expect(route(state, 'h', '', { kind: 'vip' })).toEqual(['q3']);
    expect(route(state, 'h', '', undefined)).toEqual([]);
    expect(route(state, 'nope', 'red')).toEqual([]);
  });

  it('route() follows the state it is given: same bindings, exchange redeclared as fanout', () => {
    const { state } = play([
      ...declare('q1', 'q2'),
      { type: 'exchange.declare', exchange: 't', kind: 'topic' },
      bind('q1', 't', 'a.*'),
      bind('q2', 't', 'b.#'),
    ]);
    const fanout = {
      ...state,
      exchanges: { ...state.exchanges, t: { ...state.exchanges.t!, kind: 'fanout' as const } },
    };
    for (let i = 0; i < 3; i++) {
      expect(route(state, 't', 'a.x')).toEqual(['q1']);
      expect(route(fanout, 't', 'a.x')).toEqual(['q1', 'q2']);
    }
  });

  it('puts one copy per queue even when several bindings of that queue match', () => {
    const { events, state } = play([
      ...declare('q'),
      { type: 'exchange.declare', exchange: 't', kind: 'topic' },
      bind('q', 't', 'a.*'),
      bind('q', 't', '#'),
      bind('q', 't', 'a.b'),
      { type: 'basic.publish', exchange: 't', routingKey: 'a.b' },
    ]);
    expect(ofType(events, 'basic.publish')[0]?.queues).toEqual(['q']);
    expect(state.queues['q']?.messages).toHaveLength(1);
  });

  it('publishing to a missing exchange is a 404 channel error that closes the channel', () => {
    const { events, state } = play([
      { type: 'connection.open', connection: 'k' },
      { type: 'channel.open', connection: 'k', channel: 'c' },
      { type: 'basic.publish', channel: 'c', exchange: 'nope', routingKey: 'x' },
    ]);
    expect(ofType(events, 'channel.close')[0]).toMatchObject({
      replyCode: 404,
      replyText: "NOT_FOUND - no exchange 'nope' in vhost '/'",
    });
    expect(state.channels['c']).toBeUndefined();
  });

  it('returns an unroutable mandatory message with 312 NO_ROUTE and drops a non-mandatory one', () => {
    const { events } = play([
      { type: 'exchange.declare', exchange: 'x', kind: 'direct' },
      { type: 'basic.publish', exchange: 'x', routingKey: 'k', body: 'lost' },
      { type: 'basic.publish', exchange: 'x', routingKey: 'k', body: 'back', mandatory: true },
    ]);
    expect(ofType(events, 'basic.return')).toEqual([
      {
        type: 'basic.return',
        publishId: 2,
        replyCode: 312,
        replyText: 'NO_ROUTE',
        exchange: 'x',
        routingKey: 'k',
      },
    ]);
  });

  it('redeclaring with another type is 406; amq.* names are reserved (403); a bad x-match is 406', () => {
    const { events } = play([
      { type: 'exchange.declare', exchange: 'x', kind: 'direct' },
      { type: 'exchange.declare', exchange: 'x', kind: 'fanout' },
      { type: 'exchange.declare', exchange: 'amq.mine', kind: 'fanout' },
      { type: 'exchange.declare', exchange: 'amq.topic', kind: 'topic', durable: true },
      ...declare('q'),
      bind('q', 'amq.headers', '', { 'x-match': 'some' }),
    ]);
    expect(ofType(events, 'channel.close').map((e) => e.replyCode)).toEqual([406, 403, 406]);
    expect(ofType(events, 'exchange.declare-ok').map((e) => e.exchange)).toEqual([
      'x',
      'amq.topic',
    ]);
  });

  it('unbind and exchange.delete remove routes; the fast router sees only its own exchange', () => {
    const { state } = play([
      ...declare('q1', 'q2'),
      { type: 'exchange.declare', exchange: 'd', kind: 'direct' },
      bind('q1', 'd', 'k'),
      bind('q2', 'd', 'k'),
      { type: 'queue.unbind', queue: 'q1', exchange: 'd', routingKey: 'k' },
    ]);
    expect(route(state, 'd', 'k')).toEqual(['q2']);
    const router = compileExchangeRouter(
      { name: 'd', kind: 'direct', durable: false, autoDelete: false },
      [...state.bindings, { exchange: 'other', queue: 'q1', routingKey: 'k', arguments: {} }],
    );
    expect(router.route('k')).toEqual(['q2']);
    const after = play([{ type: 'exchange.delete', exchange: 'd' }], 1, state).state;
    expect(after.bindings).toEqual([]);
    expect(initRabbit(1).exchanges['amq.direct']).toBeDefined();
  });
});
