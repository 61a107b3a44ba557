/**
 * Applies another lecture length (`?minutes=`) to the slide sections before the deck or the
 * reading view shows them: rewrites every `data-timing` (read by the speaker view's pacing) and
 * each notes' plan line. The build has already written both for the default length
 * (src/pipeline/build-deck.ts), with the same lecturePlan, so at that length nothing is redone.
 */
import { parseTimeRange, type TimeRange } from '../lecture/time-range.ts';
import { DEFAULT_LECTURE_MINUTES, lecturePlan } from '../lecture/timing.ts';

/** The section's lecture range from `data-range` ("3-4" or "2"); 0–0 when absent. */
export function sectionRange(section: HTMLElement): TimeRange {
  return parseTimeRange(section.dataset['range'] ?? '0') ?? { min: 0, max: 0 };
}

/**
 * Rescales `sections` (all of them, hidden included, as the build planned them) to
 * `lectureMinutes`; returns whether anything was rewritten (false at the built length).
 */
export function applyLecturePlan(
  sections: readonly HTMLElement[],
  lectureMinutes: number,
): boolean {
  if (lectureMinutes === DEFAULT_LECTURE_MINUTES) return false;
  const plan = lecturePlan(sections.map(sectionRange), lectureMinutes);
  sections.forEach((section, i) => {
    const planned = plan[i];
    if (!planned) return;
    section.dataset['timing'] = String(planned.seconds);
    const line = section.querySelector<HTMLElement>('aside.notes > .notes-plan');
    if (line) line.textContent = planned.line;
  });
  return true;
}
