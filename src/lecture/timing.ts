/**
 * The lecture plan: each section gets its range's midpoint, scaled so that the whole plan adds up
 * to the lecture length exactly (largest-remainder rounding to whole seconds). Pure. lecturePlan
 * is computed by the build for the default length (src/pipeline/build-deck.ts writes each
 * section's `data-timing` and notes' plan line) and again in the page only for another length
 * (`?minutes=`, src/page/lecture-plan.ts).
 */
import { formatTimeRange, type TimeRange } from './time-range.ts';

/** The default lecture length in minutes. */
export const DEFAULT_LECTURE_MINUTES = 90;

/** The range of lecture lengths (minutes) the runtime accepts. */
export const LECTURE_MINUTES_LIMITS = { min: 10, max: 240 } as const;

/**
 * Planned seconds per section, in input order: proportional to the midpoints, whole seconds, and
 * summing to exactly `lectureMinutes × 60` (all zero when every range is 0).
 */
export function planSeconds(ranges: readonly TimeRange[], lectureMinutes: number): number[] {
  const total = Math.round(lectureMinutes * 60);
  const midpoints = ranges.map((r) => (r.min + r.max) / 2);
  const sum = midpoints.reduce((a, b) => a + b, 0);
  if (sum === 0 || total <= 0) return ranges.map(() => 0);
  const exact = midpoints.map((m) => (m * total) / sum);
  const plan = exact.map(Math.floor);
  let missing = total - plan.reduce((a, b) => a + b, 0);
  // Hand the leftover seconds to the largest fractional parts; ties go to the earlier section so
  // the result is deterministic.
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (missing <= 0) break;
    plan[index] = (plan[index] ?? 0) + 1;
    missing--;
  }
  return plan;
}

/** "2 мин 12 с", "45 с" or "3 мин": a planned duration as the speaker reads it. */
export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest} с`;
  return rest === 0 ? `${minutes} мин` : `${minutes} мин ${rest} с`;
}

/** The first line of a slide's notes: «План: 2 мин 12 с из 90 мин · в лекции: 3–4 мин». */
export function planLine(seconds: number, lectureMinutes: number, range: TimeRange): string {
  return `План: ${formatDuration(seconds)} из ${lectureMinutes} мин · в лекции: ${formatTimeRange(range)}`;
}

/** One section's share of the lecture: its planned seconds and the plan line its notes open with. */
export interface SectionPlan {
  readonly seconds: number;
  readonly line: string;
}

/** The lecture plan for `lectureMinutes`: one entry per range, in input order (see planSeconds). */
export function lecturePlan(ranges: readonly TimeRange[], lectureMinutes: number): SectionPlan[] {
  const seconds = planSeconds(ranges, lectureMinutes);
  return ranges.map((range, i) => {
    const planned = seconds[i] ?? 0;
    return { seconds: planned, line: planLine(planned, lectureMinutes, range) };
  });
}
