/** `?minutes=` in the deck's URL: accepted lengths, and a Russian warning for the rest. */
import { describe, expect, it } from 'vitest';
import { lectureMinutesFrom } from '../../../src/deck/lecture-length.ts';

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
        /^Параметр minutes=.* не принят: нужна длительность лекции целым числом минут от 10 до 240/,
      );
    },
  );
});
