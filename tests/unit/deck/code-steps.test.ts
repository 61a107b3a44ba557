import { describe, expect, it } from 'vitest';
import { stepScroll } from '../../../src/deck/code-steps.ts';

/** A view 14 lines of 30.8 px high over `lines` lines, as src/styles/code.css draws it. */
const view = (lines: number): { scrollHeight: number; clientHeight: number } => ({
  scrollHeight: Math.round(lines * 30.8),
  clientHeight: Math.min(Math.round(14 * 30.8), Math.round(lines * 30.8)),
});
const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
/** The first line in view (0-based) for a step. */
const topLine = (lines: number, active: number[]): number =>
  Math.round(stepScroll(view(lines), lines, active) / (view(lines).scrollHeight / lines));

describe('stepScroll (where a long snippet stands at a step)', () => {
  it('does not scroll a snippet that fits, nor before the first step', () => {
    expect(stepScroll(view(10), 10, [8, 9])).toBe(0);
    expect(stepScroll(view(22), 22, [])).toBe(0);
  });

  it('stays at the top while the step is in view there', () => {
    expect(topLine(22, range(4, 7))).toBe(0);
    expect(topLine(22, [13])).toBe(0);
  });

  it('scrolls by whole lines just enough to show the step, its last line at the bottom', () => {
    // Slide 34: lines 14-16, 18-19 and 22 (1-based) of 22.
    expect(topLine(22, range(13, 15))).toBe(2);
    expect(topLine(22, range(17, 18))).toBe(5);
    expect(topLine(22, [21])).toBe(8);
    const pitch = view(22).scrollHeight / 22;
    expect(stepScroll(view(22), 22, [21]) / pitch).toBeCloseTo(8, 6);
  });

  it('starts a step taller than the view at its first line', () => {
    expect(topLine(40, range(5, 30))).toBe(5);
  });
});
