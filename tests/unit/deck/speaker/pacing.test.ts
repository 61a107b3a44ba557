import { describe, expect, it } from 'vitest';
import { ON_TIME_SECONDS, pacingAt, verdictOf } from '../../../../src/deck/speaker/pacing.ts';
import {
  planLines,
  slideFigures,
  spentOfPlanned,
  verdictText,
} from '../../../../src/deck/speaker/pacing-text.ts';
import { PLAN, spent } from './fixtures.ts';

describe('pacing', () => {
  it('is on time when each slide took its plan', () => {
    const p = pacingAt(PLAN, 2, spent({ 's-1': 60, 's-2': 120, 's-3': 30 }), 210);
    expect(p.lecture).toMatchObject({ planned: 450, spent: 210, deviation: 0, verdict: 'on-time' });
    expect(p.part).toMatchObject({ part: 'redis', planned: 270, spent: 30, deviation: 0 });
    expect(p.slide).toMatchObject({ planned: 180, spent: 30, remaining: 150, deviation: 0 });
  });

  it('is ahead by the time saved on earlier slides', () => {
    const p = pacingAt(PLAN, 2, spent({ 's-1': 40, 's-2': 60, 's-3': 10 }), 110);
    expect(p.lecture.deviation).toBe(-80);
    expect(p.lecture.verdict).toBe('ahead');
    // The part began with this slide: nothing earlier in Redis to be ahead or behind on.
    expect(p.part.deviation).toBe(0);
  });

  it('counts lingering on the current slide only after its plan runs out', () => {
    const within = pacingAt(PLAN, 0, spent({ 's-1': 50 }), 50);
    expect(within.lecture.deviation).toBe(0);
    const over = pacingAt(PLAN, 0, spent({ 's-1': 100 }), 100);
    expect(over.lecture.deviation).toBe(40);
    expect(over.lecture.verdict).toBe('behind');
    expect(over.slide).toMatchObject({ remaining: -40, deviation: 40, verdict: 'behind' });
  });

  it('lets an overrun eat into time saved before', () => {
    const p = pacingAt(PLAN, 1, spent({ 's-1': 30, 's-2': 150 }), 180);
    // 30 s saved on slide 1, 30 s over on slide 2.
    expect(p.lecture.deviation).toBe(0);
  });

  it('judges the part by its own slides only', () => {
    const p = pacingAt(PLAN, 3, spent({ 's-1': 200, 's-2': 200, 's-3': 120, 's-4': 0 }), 520);
    expect(p.part).toMatchObject({ planned: 270, spent: 120, deviation: -60, verdict: 'ahead' });
    expect(p.lecture).toMatchObject({ deviation: 520 - 360, verdict: 'behind' });
  });

  it('counts time on later slides visited before going back', () => {
    const p = pacingAt(PLAN, 1, spent({ 's-1': 60, 's-2': 20, 's-3': 100 }), 180);
    expect(p.lecture.deviation).toBe(180 - 20 - 60);
  });

  it('calls small deviations on time', () => {
    expect(verdictOf(ON_TIME_SECONDS)).toBe('on-time');
    expect(verdictOf(-ON_TIME_SECONDS)).toBe('on-time');
    expect(verdictOf(ON_TIME_SECONDS + 1)).toBe('behind');
    expect(verdictOf(-ON_TIME_SECONDS - 1)).toBe('ahead');
  });

  it('rejects an index outside the plan', () => {
    expect(() => pacingAt(PLAN, 9, spent({}), 0)).toThrow(RangeError);
  });
});

describe('pacing in words', () => {
  it('says ahead, behind or on time with the amount', () => {
    expect(verdictText({ verdict: 'behind', deviation: 80 })).toBe('отстаём на 1:20');
    expect(verdictText({ verdict: 'ahead', deviation: -45 })).toBe('опережаем на 0:45');
    expect(verdictText({ verdict: 'on-time', deviation: 10 })).toBe('по плану');
    expect(slideFigures(146, 70)).toBe('1:10 из 2:26 · осталось 1:16');
    expect(slideFigures(146, 176)).toBe('2:56 из 2:26 · сверх плана 0:30');
    expect(spentOfPlanned({ planned: 1080, spent: 750 })).toBe('12:30 из 18:00');
    expect(planLines(146, { min: 4, max: 5 }, { shown: 2, total: 5 })).toEqual([
      'План слайда: 2:26',
      'В лекции: 4–5 мин',
      'Шаг 2 из 5',
    ]);
    expect(planLines(60, { min: 1, max: 1 }, { shown: 0, total: 0 })).toEqual([
      'План слайда: 1:00',
      'В лекции: 1 мин',
    ]);
  });
});
