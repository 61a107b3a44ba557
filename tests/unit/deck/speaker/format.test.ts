import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatDuration,
  formatSigned,
  formatSpoken,
} from '../../../../src/deck/speaker/format.ts';

describe('speaker time formats', () => {
  it('writes the clock in 24-hour Moscow-style format', () => {
    const date = new Date('2026-11-30T20:05:09Z');
    expect(formatClock(date, 'Europe/Moscow')).toBe('23:05:09');
    expect(formatClock(new Date('2026-11-30T06:07:08Z'), 'UTC')).toBe('06:07:08');
  });

  it('writes durations as M:SS or H:MM:SS', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65.9)).toBe('1:05');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(-5)).toBe('0:00');
  });

  it('signs deviations with plus and a true minus', () => {
    expect(formatSigned(80)).toBe('+1:20');
    expect(formatSigned(-45)).toBe('−0:45');
    expect(formatSigned(0.4)).toBe('0:00');
  });

  it('spells durations for summaries', () => {
    expect(formatSpoken(45)).toBe('45 с');
    expect(formatSpoken(180)).toBe('3 мин');
    expect(formatSpoken(80)).toBe('1 мин 20 с');
  });
});
