/**
 * Pacing arithmetic: for the current slide, its part and the whole lecture, how far the lecturer
 * is ahead of or behind the plan. Pure: time comes in as seconds.
 *
 * The rule, at every level: the plan expects the lecturer to have finished the slides before the
 * current one, and to spend at most the current slide's plan on it. Time spent elsewhere beyond
 * that plan is "behind"; arriving early is "ahead"; lingering on the current slide only counts
 * against the lecturer once its own plan has run out.
 */
import { plannedBefore, type PlannedSlide } from './plan.ts';

/** Deviations within this many seconds count as on time. */
export const ON_TIME_SECONDS = 15;

/** Ahead of, on, or behind the plan. */
export type Verdict = 'ahead' | 'on-time' | 'behind';

/** A level's figures: plan, time spent, and the deviation (positive = behind). */
export interface Pace {
  readonly planned: number;
  readonly spent: number;
  readonly deviation: number;
  readonly verdict: Verdict;
}

/** Pacing of the current slide, its part and the lecture. */
export interface Pacing {
  readonly slide: Pace & { readonly remaining: number };
  readonly part: Pace & { readonly part: string };
  readonly lecture: Pace;
}

/** The verdict for a deviation in seconds (positive = behind). */
export function verdictOf(deviation: number): Verdict {
  if (deviation > ON_TIME_SECONDS) return 'behind';
  if (deviation < -ON_TIME_SECONDS) return 'ahead';
  return 'on-time';
}

function pace(planned: number, spent: number, deviation: number): Pace {
  return { planned, spent, deviation, verdict: verdictOf(deviation) };
}

/**
 * Pacing with slide `index` current. `spentOn(id)` is the active seconds spent on a slide so far
 * (all visits); `elapsed` the lecture's active seconds.
 */
export function pacingAt(
  plan: readonly PlannedSlide[],
  index: number,
  spentOn: (id: string) => number,
  elapsed: number,
): Pacing {
  const current = plan[index];
  if (!current) throw new RangeError(`slide index ${index} is outside the plan`);
  const spentHere = spentOn(current.id);
  const overrun = Math.max(0, spentHere - current.plannedSeconds);

  const partSlides = plan.filter((s) => s.part === current.part);
  const partIndex = partSlides.indexOf(current);
  const partSpent = partSlides.reduce((sum, s) => sum + spentOn(s.id), 0);
  const partPlanned = plannedBefore(partSlides, partSlides.length);
  const partDeviation = partSpent - spentHere - plannedBefore(partSlides, partIndex) + overrun;

  const lecturePlanned = plannedBefore(plan, plan.length);
  const lectureDeviation = elapsed - spentHere - plannedBefore(plan, index) + overrun;

  return {
    slide: {
      ...pace(current.plannedSeconds, spentHere, overrun),
      remaining: current.plannedSeconds - spentHere,
    },
    part: { ...pace(partPlanned, partSpent, partDeviation), part: current.part },
    lecture: pace(lecturePlanned, elapsed, lectureDeviation),
  };
}
