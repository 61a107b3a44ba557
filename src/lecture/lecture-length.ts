/**
 * The lecture length for this page load: `?minutes=60` in the URL (10–240), else 90 minutes.
 * Lets the lecturer rescale the plan without a rebuild. Pure: the page passes its own query
 * string (the deck, its speaker view and the reading view all read it).
 */
import { queryValue } from './query.ts';
import { DEFAULT_LECTURE_MINUTES, LECTURE_MINUTES_LIMITS } from './timing.ts';

/** The length this page load uses and, when `?minutes=` was not accepted, why (in Russian). */
export interface LectureLength {
  readonly minutes: number;
  /** A sentence for the lecturer: the value given, the range wanted and the length used instead. */
  readonly problem: string | null;
}

/** Longest piece of the given value quoted back, so a pasted paragraph cannot fill the notice. */
const QUOTE_CHARS = 24;

/** Reads `minutes` from a URL query string; a bad value falls back to 90 with the reason. */
export function readLectureLength(search: string): LectureLength {
  const raw = queryValue(search, 'minutes');
  if (raw === null || raw.trim() === '') return { minutes: DEFAULT_LECTURE_MINUTES, problem: null };
  const value = Number(raw);
  const { min, max } = LECTURE_MINUTES_LIMITS;
  if (/^\s*\d+\s*$/.test(raw) && value >= min && value <= max)
    return { minutes: value, problem: null };
  const shown = raw.length > QUOTE_CHARS ? `${raw.slice(0, QUOTE_CHARS)}…` : raw;
  return {
    minutes: DEFAULT_LECTURE_MINUTES,
    problem:
      `Длина лекции ?minutes=${shown} не понята: нужно целое от ${min} до ${max} — ` +
      `план на ${DEFAULT_LECTURE_MINUTES} мин`,
  };
}

/** Reads `minutes` from a URL query string; warns (in Russian) and falls back on bad values. */
export function lectureMinutesFrom(search: string, warn: (message: string) => void): number {
  const { minutes, problem } = readLectureLength(search);
  if (problem) warn(problem);
  return minutes;
}
