/** `?minutes=` in the deck's URL: accepted lengths, and a Russian warning for the rest. */
import { describe, expect, it } from 'vitest';
import { lectureMinutesFrom, readLectureLength } from '../../../src/lecture/lecture-length.ts';

describe('lectureMinutesFrom', () => {
  it.each([
    ['', 90],
    ['?minutes=60', 60],
    ['?minutes=10', 10],
    ['?minutes=240', 240],
  ])('%s → %i without a warning', (search, minutes) => {
    const warnings: string[] = [];
    expect(lectureMinutesFrom(search, (m) => warnings.push(m))).toBe(minutes);
    expect(warnings).toEqual([]);
  });

  it.each(['?minutes=5', '?minutes=241', '?minutes=abc', '?minutes=60.5', '?minutes=-60'])(
    '%s → 90 with a warning',
    (search) => {
      const warnings: string[] = [];
      expect(lectureMinutesFrom(search, (m) => warnings.push(m))).toBe(90);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(
        /^Длина лекции \?minutes=.* не понята: нужно целое от 10 до 240 — план на 90 мин$/,
      );
    },
  );
});

describe('readLectureLength', () => {
  it.each(['', '?minutes=60', '?minutes=10', '?minutes=240'])(
    '%s is accepted with no problem to report',
    (search) => {
      expect(readLectureLength(search).problem).toBeNull();
    },
  );

  it.each([
    ['?minutes=0', '0'],
    ['?minutes=-5', '-5'],
    ['?minutes=99999', '99999'],
    ['?minutes=abc', 'abc'],
  ])('%s falls back to 90 and says why, quoting the value', (search, raw) => {
    expect(readLectureLength(search)).toEqual({
      minutes: 90,
      problem: `Длина лекции ?minutes=${raw} не понята: нужно целое от 10 до 240 — план на 90 мин`,
    });
  });

  it('quotes at most 24 characters of a long value', () => {
    const { problem } = readLectureLength(`?minutes=${'9'.repeat(500)}`);
    expect(problem).toContain(`?minutes=${'9'.repeat(24)}… не понята`);
  });
});
