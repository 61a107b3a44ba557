import { describe, expect, it } from 'vitest';
import type { RedisCommand } from '../../../../src/broker/redis/index.ts';
import { repliesOf, run } from './helpers.ts';

const on = (client: string, command: RedisCommand): RedisCommand => ({ ...command, client });

describe('BRPOP / BLPOP / BLMOVE', () => {
  it('pops at once from the first non-empty key in argument order', () => {
    const { events } = run([
      { type: 'RPUSH', key: 'low', values: ['l1'] },
      { type: 'RPUSH', key: 'high', values: ['h1'] },
      on('w', { type: 'BRPOP', keys: ['empty', 'high', 'low'], timeout: 0 }),
    ]);
    expect(repliesOf(events, 'w')).toEqual([['high', 'h1']]);
    expect(events.some((e) => e.type === 'blocked')).toBe(false);
  });

  it('serves blocked clients first-come first-served: the longest waiting gets the next element', () => {
    const { events, state } = run([
      on('w1', { type: 'BRPOP', keys: ['q'], timeout: 0 }),
      on('w2', { type: 'BRPOP', keys: ['q'], timeout: 0 }),
      on('w3', { type: 'BRPOP', keys: ['q'], timeout: 0 }),
      on('api', { type: 'LPUSH', key: 'q', values: ['a'] }),
      on('api', { type: 'LPUSH', key: 'q', values: ['b'] }),
    ]);
    expect(repliesOf(events, 'w1')).toEqual([['q', 'a']]);
    expect(repliesOf(events, 'w2')).toEqual([['q', 'b']]);
    expect(state.blockedOn).toEqual({ q: ['w3'] });
    // LPUSH replies with the length after the push, before blocked clients take from it.
    expect(repliesOf(events, 'api')).toEqual([1, 1]);
  });

  it('one LPUSH of several elements serves several blocked clients, as Redis does', () => {
    const { events, state } = run([
      on('w1', { type: 'BRPOP', keys: ['q'], timeout: 0 }),
      on('w2', { type: 'BRPOP', keys: ['q'], timeout: 0 }),
      on('w3', { type: 'BLPOP', keys: ['q'], timeout: 0 }),
      on('api', { type: 'LPUSH', key: 'q', values: ['t1', 't2', 't3', 't4'] }),
    ]);
    expect(['w1', 'w2', 'w3'].map((w) => repliesOf(events, w))).toEqual([
      [['q', 't1']],
      [['q', 't2']],
      [['q', 't4']],
    ]);
    expect(state.keys).toEqual({ q: { type: 'list', items: ['t3'] } });
  });

  it('a timeout fires on the virtual clock and returns nil', () => {
    const { events, state } = run([
      on('w', { type: 'BRPOP', keys: ['q'], timeout: 2.5 }),
      { type: 'advance', ms: 2499 },
      { type: 'advance', ms: 1 },
    ]);
    expect(events.filter((e) => e.type === 'unblocked' || e.type === 'BRPOP')).toEqual([
      { type: 'unblocked', at: 2500, client: 'w', reason: 'timeout' },
      { type: 'BRPOP', at: 2500, client: 'w', args: ['BRPOP', 'q', '2.5'], reply: null },
    ]);
    expect(state.blockedOn).toEqual({});
    expect(state.clock.timers).toEqual([]);
  });

  it('timeout 0 blocks forever; a blocked connection cannot send another command', () => {
    const blocked = run([
      on('w', { type: 'BLPOP', keys: ['q'], timeout: 0 }),
      { type: 'advance', ms: 1e9 },
    ]);
    expect(blocked.state.clients.w?.blocked?.keys).toEqual(['q']);
    expect(() => run([on('w', { type: 'GET', key: 'x' })], blocked.state)).toThrow(RangeError);
  });

  it('a served BLMOVE pushes to its destination, which serves the next waiting client', () => {
    const { events } = run([
      on('mover', {
        type: 'BLMOVE',
        source: 'in',
        destination: 'out',
        from: 'RIGHT',
        to: 'LEFT',
        timeout: 0,
      }),
      on('reader', { type: 'BRPOP', keys: ['out'], timeout: 0 }),
      { type: 'LPUSH', key: 'in', values: ['job'] },
    ]);
    expect(repliesOf(events, 'mover')).toEqual(['job']);
    expect(repliesOf(events, 'reader')).toEqual([['out', 'job']]);
  });

  it('bad timeouts get Redis error replies', () => {
    const { events } = run([
      { type: 'BRPOP', keys: ['q'], timeout: -1 },
      { type: 'BRPOP', keys: ['q'], timeout: 'soon' },
    ]);
    expect(repliesOf(events)).toEqual([
      { error: 'ERR timeout is negative' },
      { error: 'ERR timeout is not a float or out of range' },
    ]);
  });
});
