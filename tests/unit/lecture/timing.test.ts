/** The lecture plan: midpoints scaled to the lecture length, whole seconds, exact total. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLecture } from '../../../src/pipeline/lecture-source.ts';
import { parseTimeRange, rangeAttribute } from '../../../src/lecture/time-range.ts';
import { formatDuration, lecturePlan, planLine, planSeconds } from '../../../src/lecture/timing.ts';

const lecture = parseLecture(
  readFileSync(
    fileURLToPath(new URL('../../../../shared/lecture/lecture-ru.md', import.meta.url)),
    'utf8',
  ),
);
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('planSeconds', () => {
  it('the lecture ranges add up to 144–182 minutes', () => {
    expect(sum(lecture.map((s) => s.time.min))).toBe(144);
    expect(sum(lecture.map((s) => s.time.max))).toBe(182);
  });

  it('plans the real lecture to exactly 90 and 60 minutes, hidden sections at 0', () => {
    for (const minutes of [90, 60]) {
      const plan = planSeconds(
        lecture.map((s) => s.time),
        minutes,
      );
      expect(sum(plan)).toBe(minutes * 60);
      expect(plan[19]).toBe(0);
      expect(plan[20]).toBe(0);
    }
  });

  it('is proportional to the midpoints: 3–4 min of 163 midpoint-minutes in 90 min ≈ 116 s', () => {
    const plan = planSeconds(
      lecture.map((s) => s.time),
      90,
    );
    // Section 1 (3–4 min): 3.5 / 163 × 5400 = 115.95 s.
    expect(plan[0]).toBe(116);
  });

  it('gives leftover seconds to the largest remainders, earlier sections first on ties', () => {
    expect(
      planSeconds(
        [
          { min: 1, max: 1 },
          { min: 1, max: 1 },
          { min: 1, max: 1 },
        ],
        0.5,
      ),
    ).toEqual([10, 10, 10]);
    expect(
      planSeconds(
        [
          { min: 1, max: 1 },
          { min: 1, max: 1 },
          { min: 1, max: 1 },
        ],
        1 / 60,
      ),
    ).toEqual([1, 0, 0]);
  });

  it('returns zeros when every range is 0', () => {
    expect(planSeconds([{ min: 0, max: 0 }], 90)).toEqual([0]);
  });

  it('property: sums exactly to the length and each slot is within 1 s of its exact share', () => {
    const range = fc
      .tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 5 }))
      .map(([a, d]) => ({ min: a, max: a + d }));
    fc.assert(
      fc.property(
        fc.array(range, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 10, max: 240 }),
        (ranges, minutes) => {
          const plan = planSeconds(ranges, minutes);
          const mids = ranges.map((r) => (r.min + r.max) / 2);
          const total = sum(mids);
          if (total === 0) return plan.every((p) => p === 0);
          expect(sum(plan)).toBe(minutes * 60);
          plan.forEach((p, i) =>
            expect(Math.abs(p - ((mids[i] ?? 0) * minutes * 60) / total)).toBeLessThan(1),
          );
          return true;
        },
      ),
    );
  });
});

describe('plan line', () => {
  it('formats durations the way a speaker reads them', () => {
    expect(formatDuration(132)).toBe('2 мин 12 с');
    expect(formatDuration(45)).toBe('45 с');
    expect(formatDuration(180)).toBe('3 мин');
  });

  it('starts the notes with the plan and the lecture range', () => {
    expect(planLine(132, 90, { min: 3, max: 4 })).toBe(
      'План: 2 мин 12 с из 90 мин · в лекции: 3–4 мин',
    );
    expect(planLine(74, 60, { min: 2, max: 2 })).toBe(
      'План: 1 мин 14 с из 60 мин · в лекции: 2 мин',
    );
  });
});

describe('lecturePlan', () => {
  it('pairs each planned duration with its plan line, in input order', () => {
    const ranges = [
      { min: 3, max: 4 },
      { min: 2, max: 2 },
      { min: 0, max: 0 },
    ];
    const plan = lecturePlan(ranges, 60);
    expect(plan.map((p) => p.seconds)).toEqual(planSeconds(ranges, 60));
    expect(plan.map((p) => p.line)).toEqual(
      ranges.map((range, i) => planLine(plan[i]?.seconds ?? -1, 60, range)),
    );
  });
});

describe('rangeAttribute', () => {
  it('writes what parseTimeRange reads back', () => {
    for (const range of [
      { min: 3, max: 4 },
      { min: 2, max: 2 },
      { min: 0, max: 0 },
    ])
      expect(parseTimeRange(rangeAttribute(range))).toEqual(range);
    expect(rangeAttribute({ min: 4, max: 5 })).toBe('4-5');
    expect(rangeAttribute({ min: 2, max: 2 })).toBe('2');
  });
});
