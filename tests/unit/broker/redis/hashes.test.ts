import { describe, expect, it } from 'vitest';
import { repliesOf, run } from './helpers.ts';

describe('hashes', () => {
  it('HSET with several pairs returns the number of new fields; HGETALL keeps insertion order', () => {
    const replies = repliesOf(
      run([
        {
          type: 'HSET',
          key: 'user:1',
          fields: [
            ['name', 'Ann'],
            ['age', '30'],
          ],
        },
        {
          type: 'HSET',
          key: 'user:1',
          fields: [
            ['age', '31'],
            ['city', 'Oslo'],
            ['10', 'x'],
            ['2', 'y'],
          ],
        },
        { type: 'HGETALL', key: 'user:1' },
        { type: 'HGET', key: 'user:1', field: 'age' },
        { type: 'HGET', key: 'user:1', field: 'zip' },
        { type: 'HGETALL', key: 'user:2' },
      ]).events,
    );
    expect(replies).toEqual([
      2,
      3,
      ['name', 'Ann', 'age', '31', 'city', 'Oslo', '10', 'x', '2', 'y'],
      '31',
      null,
      [],
    ]);
  });

  it('HSET without pairs is an arity error, and HDEL of the last field deletes the key', () => {
    const { events, state } = run([
      { type: 'HSET', key: 'h', fields: [] },
      { type: 'HSET', key: 'h', fields: [['f', 'v']] },
      { type: 'HDEL', key: 'h', fields: ['f', 'f'] },
    ]);
    expect(repliesOf(events)).toEqual([
      { error: "ERR wrong number of arguments for 'hset' command" },
      1,
      1,
    ]);
    expect(state.keys).toEqual({});
  });
});
