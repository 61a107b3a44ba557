/**
 * The words the speaker view uses for pacing, in Russian. Pure, so the wording is tested with the
 * arithmetic.
 */
import { formatTimeRange, type TimeRange } from '../../lecture/time-range.ts';
import { formatDuration } from './format.ts';
import type { Pace, Verdict } from './pacing.ts';

/** A symbol per verdict, so the state reads without colour. */
export const VERDICT_SYMBOL: Readonly<Record<Verdict, string>> = {
  ahead: '▼',
  'on-time': '●',
  behind: '▲',
};

/** «отстаём на 1:20», «опережаем на 0:45» or «по плану». */
export function verdictText(pace: Pick<Pace, 'verdict' | 'deviation'>): string {
  switch (pace.verdict) {
    case 'behind':
      return `отстаём на ${formatDuration(pace.deviation)}`;
    case 'ahead':
      return `опережаем на ${formatDuration(-pace.deviation)}`;
    case 'on-time':
      return 'по плану';
  }
}

/** «1:10 из 2:26 · осталось 1:16» or «2:56 из 2:26 · сверх плана 0:30». */
export function slideFigures(planned: number, spent: number): string {
  const head = `${formatDuration(spent)} из ${formatDuration(planned)}`;
  const rest = planned - spent;
  return rest >= 0
    ? `${head} · осталось ${formatDuration(rest)}`
    : `${head} · сверх плана ${formatDuration(-rest)}`;
}

/** «12:30 из 18:00»: time spent against the plan of a part or the lecture. */
export function spentOfPlanned(pace: Pick<Pace, 'planned' | 'spent'>): string {
  return `${formatDuration(pace.spent)} из ${formatDuration(pace.planned)}`;
}

/** The plan box's lines: «План слайда: 2:26», «В лекции: 4–5 мин», «Шаг 2 из 5» (if steps). */
export function planLines(
  plannedSeconds: number,
  range: TimeRange,
  steps: { readonly shown: number; readonly total: number },
): string[] {
  const lines = [
    `План слайда: ${formatDuration(plannedSeconds)}`,
    `В лекции: ${formatTimeRange(range)}`,
  ];
  if (steps.total > 0) lines.push(`Шаг ${steps.shown} из ${steps.total}`);
  return lines;
}
