/**
 * Keeps the timer across a reload of the deck page (sessionStorage: the same tab only). What is
 * stored is credited totals; the time the page was away is not counted.
 */
import { reanchor, type PauseReason, type TimerState } from './timekeeper.ts';

const KEY = 'brokers-lecture:speaker-timer';

/** Saves the timer (already advanced to now); storage errors are ignored. */
export function saveTimer(storage: Storage | null, state: TimerState | null): void {
  try {
    if (state === null) storage?.removeItem(KEY);
    else storage?.setItem(KEY, JSON.stringify(state));
  } catch {
    // Private mode or a full storage: the timer still works until a reload.
  }
}

/** The saved timer re-anchored at `now`, or null when none is saved or it does not parse. */
export function loadTimer(storage: Storage | null, now: number): TimerState | null {
  let raw: string | null;
  try {
    raw = storage?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!isTimerState(parsed)) return null;
    return reanchor(
      { ...parsed, pausedMs: { ...parsed.pausedMs, start: parsed.pausedMs.start ?? 0 } },
      now,
    );
  } catch {
    return null;
  }
}

const REASONS: readonly PauseReason[] = ['deck', 'questions', 'start'];

function isMs(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** An object whose fields are still to be checked (JSON gives plain objects and arrays). */
function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}

/** A structural check of stored data (it may come from an older version or be edited by hand). */
export function isTimerState(value: unknown): value is TimerState {
  if (!isRecord(value)) return false;
  const v = value;
  const paused = v['pausedMs'];
  const perSlide = v['perSlideMs'];
  return (
    isMs(v['activeMs']) &&
    typeof v['since'] === 'number' &&
    isRecord(paused) &&
    // `start` came later: a timer saved before it has none (read as 0).
    REASONS.every((r) => isMs(paused[r]) || (r === 'start' && paused[r] === undefined)) &&
    typeof perSlide === 'object' &&
    perSlide !== null &&
    Object.values(perSlide).every(isMs) &&
    Array.isArray(v['pauses']) &&
    v['pauses'].every((r: unknown) => REASONS.includes(r as PauseReason)) &&
    (v['slide'] === null || typeof v['slide'] === 'string')
  );
}
