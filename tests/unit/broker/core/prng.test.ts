import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nextFloat, nextInt, nextUint32, seedPrng } from '../../../../src/broker/core/prng.ts';

describe('seeded PRNG', () => {
  it('gives the same sequence for the same seed', () => {
    const draw = (seed: number) => {
      let s = seedPrng(seed);
      const out: number[] = [];
      for (let i = 0; i < 5; i++) {
        const [v, next] = nextUint32(s);
        out.push(v);
        s = next;
      }
      return out;
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('never mutates the state it is given and keeps it serialisable', () => {
    const s = Object.freeze(seedPrng(7));
    const [, next] = nextUint32(s);
    expect(JSON.parse(JSON.stringify(next))).toEqual(next);
    expect(s).toEqual(seedPrng(7));
  });

  it('nextFloat stays in [0, 1) and nextInt within its inclusive range', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -50, max: 50 }),
        fc.nat(100),
        (seed, min, span) => {
          let s = seedPrng(seed);
          for (let i = 0; i < 20; i++) {
            const [f, s1] = nextFloat(s);
            const [n, s2] = nextInt(s1, min, min + span);
            expect(f).toBeGreaterThanOrEqual(0);
            expect(f).toBeLessThan(1);
            expect(n).toBeGreaterThanOrEqual(min);
            expect(n).toBeLessThanOrEqual(min + span);
            s = s2;
          }
        },
      ),
    );
  });

  it('spreads values roughly evenly (chi-square over 10 buckets)', () => {
    let s = seedPrng(2026);
    const buckets = new Array<number>(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const [v, next] = nextInt(s, 0, 9);
      buckets[v] = (buckets[v] ?? 0) + 1;
      s = next;
    }
    const expected = n / 10;
    const chi = buckets.reduce((sum, b) => sum + (b - expected) ** 2 / expected, 0);
    // 9 degrees of freedom: p = 0.001 at 27.88.
    expect(chi).toBeLessThan(27.88);
  });

  it('rejects an empty integer range', () => {
    expect(() => nextInt(seedPrng(1), 5, 4)).toThrow(RangeError);
  });
});
