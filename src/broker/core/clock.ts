/**
 * A virtual clock with a timer queue, as plain data. Time only moves forward; due timers fire in
 * a stable order: by due time, then by the order they were scheduled.
 */
import { at } from './at.ts';

export interface Timer<P> {
  readonly id: number;
  readonly at: number;
  readonly payload: P;
}

export interface ClockState<P> {
  /** Virtual milliseconds since the simulation started. */
  readonly now: number;
  /** Pending timers, kept sorted by (at, id). */
  readonly timers: readonly Timer<P>[];
  readonly nextTimerId: number;
}

/** A clock at time 0 with no timers. */
export function createClock<P>(now = 0): ClockState<P> {
  return { now, timers: [], nextTimerId: 1 };
}

/** Schedules `payload` to fire `delay` ms from now; returns the new clock and the timer's id. */
export function schedule<P>(
  clock: ClockState<P>,
  delay: number,
  payload: P,
): { clock: ClockState<P>; id: number } {
  if (!(delay >= 0) || !Number.isFinite(delay)) {
    throw new RangeError(`schedule: delay must be a finite number >= 0, got ${delay}`);
  }
  const timer: Timer<P> = { id: clock.nextTimerId, at: clock.now + delay, payload };
  const timers = clock.timers.slice();
  // Insert after every timer due at the same time or earlier: stable order.
  let i = timers.length;
  while (i > 0 && at(timers, i - 1).at > timer.at) i--;
  timers.splice(i, 0, timer);
  return { clock: { ...clock, timers, nextTimerId: clock.nextTimerId + 1 }, id: timer.id };
}

/** Removes a pending timer; unknown ids are ignored. */
export function cancel<P>(clock: ClockState<P>, id: number): ClockState<P> {
  const timers = clock.timers.filter((t) => t.id !== id);
  return timers.length === clock.timers.length ? clock : { ...clock, timers };
}

/** The next timer that would fire, if any. */
export function peekTimer<P>(clock: ClockState<P>): Timer<P> | undefined {
  return clock.timers[0];
}

/**
 * Pops the earliest timer due at or before `until` and moves the clock to its time. Returns
 * undefined when none is due. Call repeatedly: a handler may schedule new timers that are due too.
 */
export function popDue<P>(
  clock: ClockState<P>,
  until: number,
): { clock: ClockState<P>; timer: Timer<P> } | undefined {
  const first = clock.timers[0];
  if (!first || first.at > until) return undefined;
  return {
    clock: { ...clock, now: Math.max(clock.now, first.at), timers: clock.timers.slice(1) },
    timer: first,
  };
}

/** Moves the clock to `to` (never backwards) without firing timers; fire them first with popDue. */
export function setNow<P>(clock: ClockState<P>, to: number): ClockState<P> {
  if (to < clock.now) throw new RangeError(`clock: time cannot go back (${to} < ${clock.now})`);
  return to === clock.now ? clock : { ...clock, now: to };
}
