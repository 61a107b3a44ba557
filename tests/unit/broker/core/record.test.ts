/**
 * The models' one way of reading and copying records: every key is data (`__proto__`,
 * `constructor`), a copy never shares what the step writes, and the input is never changed.
 */
import { describe, expect, it } from 'vitest';
import { clonePlain, copyRecord, drop, own, put } from '../../../../src/broker/core/record.ts';

describe('core/record', () => {
  it('reads only own keys: constructor and __proto__ are not Object’s', () => {
    const record: Record<string, number> = { a: 1 };
    expect(own(record, 'constructor')).toBeUndefined();
    expect(own(record, '__proto__')).toBeUndefined();
    expect(own(record, 'a')).toBe(1);
  });

  it('stores __proto__ as an ordinary key, never as the prototype', () => {
    const record: Record<string, string> = {};
    put(record, '__proto__', 'x');
    put(record, 'constructor', 'y');
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record).sort()).toEqual(['__proto__', 'constructor']);
    expect(own(record, '__proto__')).toBe('x');
    drop(record, '__proto__');
    expect(Object.keys(record)).toEqual(['constructor']);
  });

  it('copies without touching the input; __proto__ keys survive a copy and a deep clone', () => {
    const input: Record<string, { n: number }> = {};
    put(input, '__proto__', { n: 1 });
    put(input, 'b', { n: 2 });
    const frozen = Object.freeze(input);
    const copy = copyRecord(frozen);
    put(copy, 'c', { n: 3 });
    expect(Object.keys(frozen)).toEqual(['__proto__', 'b']);
    expect(Object.keys(copy)).toEqual(['__proto__', 'b', 'c']);
    const deep = clonePlain({ headers: frozen, list: [frozen] });
    expect(own(deep.headers, '__proto__')).toEqual({ n: 1 });
    expect(deep.headers).not.toBe(frozen);
    expect(deep.list[0]).toEqual(frozen);
  });
});
