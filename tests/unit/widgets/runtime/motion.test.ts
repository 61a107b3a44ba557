import { describe, expect, it } from 'vitest';
import { easeInOut, lerp, pointAlong } from '../../../../src/widgets/runtime/motion.ts';

describe('interpolation', () => {
  it('lerps and eases between the ends', () => {
    expect(lerp(10, 20, 0.25)).toBe(12.5);
    expect(easeInOut(0)).toBe(0);
    expect(easeInOut(1)).toBe(1);
    expect(easeInOut(0.5)).toBeCloseTo(0.5);
    expect(easeInOut(2)).toBe(1);
  });

  it('walks a polyline by length, not by segment count', () => {
    const path = [
      { x: 0, y: 0 },
      { x: 30, y: 0 },
      { x: 30, y: 10 },
    ];
    expect(pointAlong(path, 0)).toEqual({ x: 0, y: 0 });
    expect(pointAlong(path, 0.75)).toEqual({ x: 30, y: 0 });
    expect(pointAlong(path, 0.875)).toEqual({ x: 30, y: 5 });
    expect(pointAlong(path, 1)).toEqual({ x: 30, y: 10 });
  });
});
