/**
 * The lecture plan as the speaker view sees it: the visible slides in deck order, each with its
 * planned seconds (already scaled to the lecture length), the lecture's own range and its part.
 */
import type { TimeRange } from '../../lecture/time-range.ts';

/** One visible slide of the plan. */
export interface PlannedSlide {
  /** The section element's id, e.g. `s-13` (stable across reloads). */
  readonly id: string;
  /** The lecture's section number. */
  readonly section: number;
  readonly title: string;
  /** Part key from front-matter (`redis`, `kafka`, …). */
  readonly part: string;
  /** Planned seconds for the chosen lecture length. */
  readonly plannedSeconds: number;
  /** The lecture's own range in minutes. */
  readonly range: TimeRange;
}

/** Planned seconds of slides [0, end). */
export function plannedBefore(plan: readonly PlannedSlide[], end: number): number {
  let sum = 0;
  for (let i = 0; i < end && i < plan.length; i++) sum += plan[i]?.plannedSeconds ?? 0;
  return sum;
}

/** Total planned seconds. */
export function plannedTotal(plan: readonly PlannedSlide[]): number {
  return plannedBefore(plan, plan.length);
}

/** Part keys in the order they first appear. */
export function partsInOrder(plan: readonly PlannedSlide[]): string[] {
  return [...new Set(plan.map((slide) => slide.part))];
}
