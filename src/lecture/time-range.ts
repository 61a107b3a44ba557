/** A section's time budget in whole minutes, as the lecture gives it (e.g. 3–4, or 2–2). */
export interface TimeRange {
  readonly min: number;
  readonly max: number;
}

const RANGE = /^\s*(\d+)\s*(?:[-–—]\s*(\d+))?\s*(?:минут[аы]?|мин\.?)?\s*$/u;

/**
 * Reads "3-4 минуты", "2 минуты", "0 минут", "4-5" or "2" into a range; null when the text is not
 * a range or min > max.
 */
export function parseTimeRange(text: string | number): TimeRange | null {
  const match = RANGE.exec(String(text));
  if (!match) return null;
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : Number(match[2]);
  return min <= max ? { min, max } : null;
}

/** Formats a range the way the speaker reads it: "3–4 мин" or "2 мин". */
export function formatTimeRange(range: TimeRange): string {
  return range.min === range.max ? `${range.min} мин` : `${range.min}–${range.max} мин`;
}

/** The range as the build writes it in `data-range` ("3-4" or "2"); parseTimeRange reads it back. */
export function rangeAttribute(range: TimeRange): string {
  return range.min === range.max ? `${range.min}` : `${range.min}-${range.max}`;
}
