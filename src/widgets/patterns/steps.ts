/**
 * The clicker story of the `patterns` widget (slide 40): the three patterns in the lecture's order,
 * each owning a contiguous range of steps, so one step number says which pattern is on screen and
 * how far its own script has gone.
 */

/** The patterns, in the order the tabs and the clicker show them. */
export type PatternId = 'fanout' | 'sourcing' | 'rpc';

export interface PatternInfo {
  readonly id: PatternId;
  /** The tab's label (Russian, as on the slide). */
  readonly label: string;
  /** Clicker steps this pattern's script has. */
  readonly steps: number;
}

export const PATTERNS: readonly PatternInfo[] = [
  { id: 'fanout', label: 'Pub/Sub и Task Queue', steps: 3 },
  { id: 'sourcing', label: 'Event Sourcing', steps: 3 },
  { id: 'rpc', label: 'Request-Reply', steps: 4 },
];

/** All clicker steps (the catalogue entry must say the same). */
export const PATTERNS_STEPS = PATTERNS.reduce((sum, p) => sum + p.steps, 0);

/** The first global step that shows `id` (its first scripted step). */
export function firstStepOf(id: PatternId): number {
  let step = 1;
  for (const p of PATTERNS) {
    if (p.id === id) return step;
    step += p.steps;
  }
  return 1;
}

/** Which pattern global step `step` shows and how many of its scripted steps are done. */
export function patternAt(step: number): { readonly id: PatternId; readonly local: number } {
  let rest = Math.max(0, Math.floor(step));
  for (const p of PATTERNS) {
    if (rest <= p.steps) return { id: p.id, local: rest };
    rest -= p.steps;
  }
  const last = PATTERNS[PATTERNS.length - 1] as PatternInfo;
  return { id: last.id, local: last.steps };
}
