/**
 * Applies the lecture plan for the chosen length to the slide sections before reveal.js starts:
 * rewrites every `data-timing` (read by the speaker view's pacing) and each notes' plan line.
 */
import { parseTimeRange, type TimeRange } from '../pipeline/time-range.ts';
import { planLine, planSeconds } from '../pipeline/timing.ts';

/** The section's lecture range from `data-range` ("3-4" or "2"); 0–0 when absent. */
export function sectionRange(section: HTMLElement): TimeRange {
  return parseTimeRange(section.dataset['range'] ?? '0') ?? { min: 0, max: 0 };
}

/** Rescales `sections` (all of them, hidden included) to `lectureMinutes`; returns the plan. */
export function applyLecturePlan(
  sections: readonly HTMLElement[],
  lectureMinutes: number,
): number[] {
  const ranges = sections.map(sectionRange);
  const plan = planSeconds(ranges, lectureMinutes);
  sections.forEach((section, i) => {
    const seconds = plan[i] ?? 0;
    section.dataset['timing'] = String(seconds);
    const line = section.querySelector<HTMLElement>('aside.notes > .notes-plan');
    const range = ranges[i];
    if (line && range) line.textContent = planLine(seconds, lectureMinutes, range);
  });
  return plan;
}
