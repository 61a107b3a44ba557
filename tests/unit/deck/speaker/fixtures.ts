/** A small plan for the speaker-view tests: two parts, four slides. */
import type { PlannedSlide } from '../../../../src/deck/speaker/plan.ts';

export const PLAN: readonly PlannedSlide[] = [
  {
    id: 's-1',
    section: 1,
    title: 'Введение',
    part: 'intro',
    plannedSeconds: 60,
    range: { min: 1, max: 1 },
  },
  {
    id: 's-2',
    section: 2,
    title: 'Зачем брокер',
    part: 'intro',
    plannedSeconds: 120,
    range: { min: 2, max: 2 },
  },
  {
    id: 's-3',
    section: 3,
    title: 'Redis, "быстро"',
    part: 'redis',
    plannedSeconds: 180,
    range: { min: 3, max: 4 },
  },
  {
    id: 's-4',
    section: 4,
    title: 'Pub/Sub',
    part: 'redis',
    plannedSeconds: 90,
    range: { min: 1, max: 2 },
  },
];

/** Seconds spent per slide id, as a lookup. */
export function spent(map: Record<string, number>): (id: string) => number {
  return (id) => map[id] ?? 0;
}
