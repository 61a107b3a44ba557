/**
 * The speaker's timer as pure data: active time (pauses excluded), time per slide, and time spent
 * paused, each credited when something happens. Every function takes the clock reading `now`
 * (milliseconds from an injected monotonic clock) and returns a new state; nothing is mutated.
 */

/**
 * Why the timer stands still: the deck is paused (`B`/`.`), the lecturer takes questions, or the
 * lecture has not started (the speaker view was opened on the title slide, before the audience).
 */
export type PauseReason = 'deck' | 'questions' | 'start';

/** The timer at clock reading `since`. */
export interface TimerState {
  /** Active milliseconds up to `since`. */
  readonly activeMs: number;
  /** Paused milliseconds up to `since`, by reason (overlapping pauses count once, under the first). */
  readonly pausedMs: Readonly<Record<PauseReason, number>>;
  /** Active milliseconds per slide id up to `since`. */
  readonly perSlideMs: Readonly<Record<string, number>>;
  /** Pause reasons in force, oldest first; the timer runs while this is empty. */
  readonly pauses: readonly PauseReason[];
  /** The slide being shown, or null before the deck reports one. */
  readonly slide: string | null;
  /** The clock reading everything above is credited up to. */
  readonly since: number;
}

/** A fresh timer on `slide`: running from `now`, or waiting for the lecture to start. */
export function startTimer(now: number, slide: string | null, waiting = false): TimerState {
  return {
    activeMs: 0,
    pausedMs: { deck: 0, questions: 0, start: 0 },
    perSlideMs: {},
    pauses: waiting ? ['start'] : [],
    slide,
    since: now,
  };
}

/** True while the timer waits for the lecture to start. */
export function isWaiting(state: TimerState): boolean {
  return state.pauses.includes('start');
}

/** True while no pause is in force. */
export function isRunning(state: TimerState): boolean {
  return state.pauses.length === 0;
}

/** Credits the time since the last update; a clock reading from the past credits nothing. */
export function advance(state: TimerState, now: number): TimerState {
  const delta = now - state.since;
  if (!(delta > 0)) return state;
  const first = state.pauses[0];
  if (first) {
    return {
      ...state,
      pausedMs: { ...state.pausedMs, [first]: state.pausedMs[first] + delta },
      since: now,
    };
  }
  const perSlideMs =
    state.slide === null
      ? state.perSlideMs
      : { ...state.perSlideMs, [state.slide]: (state.perSlideMs[state.slide] ?? 0) + delta };
  return { ...state, activeMs: state.activeMs + delta, perSlideMs, since: now };
}

/** The deck moved to `slide`: time so far goes to the slide that was shown. */
export function showSlide(state: TimerState, slide: string, now: number): TimerState {
  const credited = advance(state, now);
  return credited.slide === slide ? credited : { ...credited, slide };
}

/** Adds a pause reason (no change if it is already in force). */
export function pause(state: TimerState, reason: PauseReason, now: number): TimerState {
  const credited = advance(state, now);
  if (credited.pauses.includes(reason)) return credited;
  return { ...credited, pauses: [...credited.pauses, reason] };
}

/** Removes a pause reason; the timer runs again once no reason is left. */
export function resume(state: TimerState, reason: PauseReason, now: number): TimerState {
  const credited = advance(state, now);
  if (!credited.pauses.includes(reason)) return credited;
  return { ...credited, pauses: credited.pauses.filter((r) => r !== reason) };
}

/** Active seconds at `now` (pauses excluded). */
export function elapsedSeconds(state: TimerState, now: number): number {
  return advance(state, now).activeMs / 1000;
}

/** Active seconds spent on `slide` at `now`, over all its visits. */
export function slideSeconds(state: TimerState, slide: string, now: number): number {
  return (advance(state, now).perSlideMs[slide] ?? 0) / 1000;
}

/** The same state re-anchored at a new clock's reading (after a reload): the gap is not counted. */
export function reanchor(state: TimerState, now: number): TimerState {
  return { ...state, since: now };
}
