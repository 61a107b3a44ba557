// @vitest-environment happy-dom
/** The page rewrites the built plan only for another `?minutes=`, with the build's lecturePlan. */
import { describe, expect, it } from 'vitest';
import { lecturePlan } from '../../../src/lecture/timing.ts';
import { applyLecturePlan } from '../../../src/page/lecture-plan.ts';

/** Two sections as the build writes them for 90 minutes (data-timing, the notes' plan line). */
function builtSections(): HTMLElement[] {
  const ranges = [
    { min: 3, max: 4 },
    { min: 2, max: 2 },
  ];
  const plan = lecturePlan(ranges, 90);
  const holder = document.createElement('div');
  holder.innerHTML = ranges
    .map(
      (r, i) =>
        `<section data-range="${r.min}-${r.max}" data-timing="${plan[i]?.seconds}">` +
        `<aside class="notes"><p class="notes-plan">${plan[i]?.line}</p></aside></section>`,
    )
    .join('');
  return [...holder.querySelectorAll('section')];
}

const planOf = (sections: readonly HTMLElement[]): [string, string][] =>
  sections.map((s) => [
    s.dataset['timing'] ?? '',
    s.querySelector('.notes-plan')?.textContent ?? '',
  ]);

describe('applyLecturePlan', () => {
  it('leaves the built plan alone at the default length', () => {
    const sections = builtSections();
    const before = planOf(sections);
    expect(applyLecturePlan(sections, 90)).toBe(false);
    expect(planOf(sections)).toEqual(before);
  });

  it('rewrites timings and plan lines for another length', () => {
    const sections = builtSections();
    expect(applyLecturePlan(sections, 45)).toBe(true);
    const expected = lecturePlan(
      [
        { min: 3, max: 4 },
        { min: 2, max: 2 },
      ],
      45,
    );
    expect(planOf(sections)).toEqual(expected.map((p) => [String(p.seconds), p.line]));
  });
});
