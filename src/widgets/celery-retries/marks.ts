/** Which marks of the timeline a story draws: the stage's legend lists only those. */
import { timelineOf } from './layout.ts';
import type { LegendKey } from './legend.ts';
import type { CeleryView } from './logic.ts';

/** The marks the story draws at some step under its settings (running: before it ends). */
function marksOf(view: CeleryView): ReadonlySet<LegendKey> {
  const whole = timelineOf(view.final, view.axisMaxMs);
  return new Set<LegendKey>([
    'running',
    ...whole.runs.map((r) => r.outcome),
    ...(whole.waits.length > 0 ? (['wait'] as const) : []),
    ...whole.marks.flatMap((m) => (m.kind === 'crash' ? [] : [m.kind])),
  ]);
}

/**
 * The legend for a frame: in the lab every mark; on the stage only those the story draws under
 * the current settings (an item names its mark in `data-legend`).
 */
export function legendForFace(
  legend: HTMLElement,
  view: CeleryView,
  face: 'stage' | 'lab',
): HTMLElement {
  if (face === 'lab') return legend;
  const marks: ReadonlySet<string> = marksOf(view);
  for (const item of legend.querySelectorAll<HTMLElement>('[data-legend]')) {
    if (!marks.has(item.dataset['legend'] ?? '')) item.remove();
  }
  return legend;
}
