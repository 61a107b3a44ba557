import { describe, expect, it } from 'vitest';
import { WRONGTYPE, type RedisCommand } from '../../../../src/broker/redis/index.ts';
import { lastReply, repliesOf, run } from './helpers.ts';

describe('strings and TTLs', () => {
  it('TTL is -2 for a missing key, -1 without expiry, else seconds rounded as Redis rounds', () => {
    const base: RedisCommand[] = [
      { type: 'SET', key: 'plain', value: 'v' },
      { type: 'SET', key: 't', value: 'v', ex: 10 },
    ];
    expect(lastReply([...base, { type: 'TTL', key: 'nope' }])).toBe(-2);
    expect(lastReply([...base, { type: 'TTL', key: 'plain' }])).toBe(-1);
    expect(lastReply([...base, { type: 'TTL', key: 't' }])).toBe(10);
    // 9,500 ms left: (9500 + 500) / 1000 = 10; 9,499 ms left rounds to 9.
    expect(lastReply([...base, { type: 'advance', ms: 500 }, { type: 'TTL', key: 't' }])).toBe(10);
    expect(lastReply([...base, { type: 'advance', ms: 501 }, { type: 'TTL', key: 't' }])).toBe(9);
    expect(lastReply([...base, { type: 'advance', ms: 9600 }, { type: 'PTTL', key: 't' }])).toBe(
      400,
    );
  });

  it('a key lives through its last millisecond and is gone for every command after it', () => {
    const set: RedisCommand = { type: 'SET', key: 'k', value: 'v', px: 100 };
    expect(lastReply([set, { type: 'advance', ms: 100 }, { type: 'GET', key: 'k' }])).toBe('v');
    const after = run([set, { type: 'advance', ms: 101 }]);
    expect(after.events.filter((e) => e.type === 'expired')).toEqual([
      { type: 'expired', at: 101, key: 'k' },
    ]);
    expect(after.state.keys).toEqual({});
    expect(after.state.stats.expiredKeys).toBe(1);
    for (const command of [
      { type: 'GET', key: 'k' },
      { type: 'EXISTS', keys: ['k'] },
      { type: 'TTL', key: 'k' },
      { type: 'LLEN', key: 'k' },
    ] as const) {
      expect(lastReply([set, { type: 'advance', ms: 100.5 }, command])).toEqual(
        command.type === 'TTL' ? -2 : command.type === 'GET' ? null : 0,
      );
    }
  });

  it('a fractional advance expires the key lazily, with an expired event', () => {
    const { events } = run([
      { type: 'SET', key: 'k', value: 'v', px: 100 },
      { type: 'advance', ms: 100.5 },
      { type: 'GET', key: 'k' },
    ]);
    expect(events.map((e) => e.type)).toEqual(['SET', 'advance', 'expired', 'GET']);
  });

  it('SET drops the TTL, KEEPTTL and INCR keep it, EXPIRE 0 deletes the key', () => {
    const base: RedisCommand[] = [{ type: 'SETEX', key: 'k', seconds: 60, value: '1' }];
    expect(
      lastReply([...base, { type: 'SET', key: 'k', value: '2' }, { type: 'TTL', key: 'k' }]),
    ).toBe(-1);
    expect(
      lastReply([
        ...base,
        { type: 'SET', key: 'k', value: '2', keepTtl: true },
        { type: 'TTL', key: 'k' },
      ]),
    ).toBe(60);
    expect(lastReply([...base, { type: 'INCR', key: 'k' }, { type: 'TTL', key: 'k' }])).toBe(60);
    const { events, state } = run([...base, { type: 'EXPIRE', key: 'k', seconds: 0 }]);
    expect(events.map((e) => e.type)).toEqual(['SETEX', 'del', 'EXPIRE']);
    expect(state.keys).toEqual({});
    expect(state.clock.timers).toEqual([]);
  });

  it('SET NX only creates, XX only replaces', () => {
    const replies = repliesOf(
      run([
        { type: 'SET', key: 'lock', value: 'a', nx: true, ex: 30 },
        { type: 'SET', key: 'lock', value: 'b', nx: true },
        { type: 'GET', key: 'lock' },
        { type: 'SET', key: 'other', value: 'x', xx: true },
        { type: 'EXISTS', keys: ['other'] },
      ]).events,
    );
    expect(replies).toEqual(['OK', null, 'a', null, 0]);
  });

  it('INCR counts from 0 and refuses what is not a 64-bit integer, in Redis words', () => {
    expect(
      lastReply([
        { type: 'INCR', key: 'views' },
        { type: 'INCR', key: 'views' },
      ]),
    ).toBe(2);
    const notInteger = { error: 'ERR value is not an integer or out of range' };
    for (const value of ['abc', ' 1', '1 ', '01', '-0', '+1', '1.0', '', '9223372036854775808']) {
      expect(
        lastReply([
          { type: 'SET', key: 'n', value },
          { type: 'INCR', key: 'n' },
        ]),
      ).toEqual(notInteger);
    }
    expect(
      lastReply([
        { type: 'SET', key: 'n', value: '9223372036854775807' },
        { type: 'INCR', key: 'n' },
      ]),
    ).toEqual({ error: 'ERR increment or decrement would overflow' });
  });

  it('commands on the wrong type answer WRONGTYPE', () => {
    const base: RedisCommand[] = [{ type: 'LPUSH', key: 'q', values: ['x'] }];
    for (const command of [
      { type: 'GET', key: 'q' },
      { type: 'INCR', key: 'q' },
      { type: 'HSET', key: 'q', fields: [['f', 'v']] },
      { type: 'HGETALL', key: 'q' },
    ] as const) {
      expect(lastReply([...base, command])).toEqual(WRONGTYPE);
    }
    expect(WRONGTYPE.error).toBe(
      'WRONGTYPE Operation against a key holding the wrong kind of value',
    );
  });

  it('keys are data, even __proto__', () => {
    const { state } = run([
      { type: 'SET', key: '__proto__', value: 'v' },
      { type: 'HSET', key: 'h', fields: [['__proto__', '1']] },
    ]);
    expect(Object.getPrototypeOf(state.keys)).toBe(Object.prototype);
    expect(lastReply([{ type: 'GET', key: 'constructor' }])).toBeNull();
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});
