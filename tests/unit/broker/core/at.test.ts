import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { at } from '../../../../src/broker/core/at.ts';

describe('at', () => {
  it('returns the element at an index in range', () => {
    expect(at(['a', 'b', 'c'], 0)).toBe('a');
    expect(at(['a', 'b', 'c'], 2)).toBe('c');
    expect(at(new Uint8Array([7, 0, 255]), 1)).toBe(0);
    expect(at('xyz', 1)).toBe('y');
  });

  it('keeps falsy elements that are not undefined', () => {
    expect(at([null], 0)).toBeNull();
    expect(at([0], 0)).toBe(0);
    expect(at([''], 0)).toBe('');
    expect(at([false], 0)).toBe(false);
  });

  it('throws a RangeError naming the index and the length', () => {
    expect(() => at([1, 2, 3], 3)).toThrow(new RangeError('index 3 is out of range (length 3)'));
    expect(() => at([], 0)).toThrow(new RangeError('index 0 is out of range (length 0)'));
    expect(() => at([1], -1)).toThrow(new RangeError('index -1 is out of range (length 1)'));
    expect(() => at([1], 0.5)).toThrow(RangeError);
    expect(() => at(new Uint8Array(2), 2)).toThrow(RangeError);
  });

  it('treats a hole or a stored undefined as missing', () => {
    const holes: (number | undefined)[] = [1, undefined];
    expect(() => at(holes, 1)).toThrow(RangeError);
    // eslint-disable-next-line no-sparse-arrays
    expect(() => at([1, , 3], 1)).toThrow(RangeError);
  });

  it('agrees with indexing for every index in range, and throws for every one outside', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: -5, max: 40 }), (items, index) => {
        if (index >= 0 && index < items.length) expect(at(items, index)).toBe(items[index]);
        else expect(() => at(items, index)).toThrow(RangeError);
      }),
    );
  });
});
