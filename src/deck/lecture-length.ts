/**
 * The lecture length for this page load: `?minutes=60` in the URL (10–240), else 90 minutes.
 * Lets the lecturer rescale the plan without a rebuild.
 */
import { DEFAULT_LECTURE_MINUTES, LECTURE_MINUTES_LIMITS } from '../pipeline/timing.ts';

/** Reads `minutes` from a URL query string; warns (in Russian) and falls back on bad values. */
export function lectureMinutesFrom(
  search: string,
  warn: (message: string) => void = console.warn,
): number {
  const raw = new URLSearchParams(search).get('minutes');
  if (raw === null || raw.trim() === '') return DEFAULT_LECTURE_MINUTES;
  const value = Number(raw);
  const { min, max } = LECTURE_MINUTES_LIMITS;
  if (!/^\s*\d+\s*$/.test(raw) || value < min || value > max) {
    warn(
      `Параметр minutes=${raw} не принят: нужна длительность лекции целым числом минут от ${min} до ${max}. ` +
        `Используется ${DEFAULT_LECTURE_MINUTES} мин.`,
    );
    return DEFAULT_LECTURE_MINUTES;
  }
  return value;
}
