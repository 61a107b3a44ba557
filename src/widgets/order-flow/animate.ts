/** Interpolation between two moments of the order flow, for the animation between steps. */
import { easeInOut, lerp } from '../runtime/motion.ts';
import type { Frame } from './story.ts';

/** The animated part of a frame: both clocks and the axis. */
export type Moment = Pick<Frame, 'input' | 'syncNow' | 'asyncNow' | 'axisMax'>;

/** True when two inputs are the same story (same durations and failures). */
export function sameInput(a: Moment['input'], b: Moment['input']): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Where an animation to `to` starts: from `from` when the input is unchanged, else the new
 * story replays from time 0 (a different input is a different order).
 */
export function startOf(from: Moment, to: Moment): Moment {
  if (sameInput(from.input, to.input)) return from;
  return { input: to.input, syncNow: 0, asyncNow: 0, axisMax: from.axisMax };
}

/** The moment at eased progress `t` ∈ [0, 1] between `from` and `to` (same input). */
export function momentBetween(from: Moment, to: Moment, t: number): Moment {
  const e = easeInOut(t);
  return {
    input: to.input,
    syncNow: lerp(from.syncNow, to.syncNow, e),
    asyncNow: lerp(from.asyncNow, to.asyncNow, e),
    axisMax: lerp(from.axisMax, to.axisMax, e),
  };
}

/** Animation length: longer for longer stretches of virtual time, 450–1600 ms. */
export function durationFor(from: Moment, to: Moment): number {
  const span = Math.max(Math.abs(to.syncNow - from.syncNow), Math.abs(to.asyncNow - from.asyncNow));
  const fraction = span / Math.max(1, to.axisMax);
  return Math.round(Math.min(1600, Math.max(450, 450 + fraction * 1400)));
}
