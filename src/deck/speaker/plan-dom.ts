/**
 * Reads the lecture plan and the slide's step count from the deck's sections (the attributes the
 * pipeline emits and src/page/lecture-plan.ts rescales for another `?minutes=`).
 */
import { sectionRange } from '../../page/lecture-plan.ts';
import type { PlannedSlide } from './plan.ts';

/** The plan of the slides reveal.js shows (hidden sections are not among them). */
export function readPlan(sections: readonly HTMLElement[]): PlannedSlide[] {
  return sections.map((section, i) => ({
    id: section.id || `slide-${i + 1}`,
    section: Number(section.dataset['section'] ?? i + 1),
    title: section.querySelector('h2')?.textContent?.trim() ?? '',
    part: section.dataset['part'] ?? '',
    plannedSeconds: Number(section.dataset['timing'] ?? 0) || 0,
    range: sectionRange(section),
  }));
}

/** Steps of a slide as reveal.js counts them (fragments sharing an index are one step). */
export function slideSteps(section: HTMLElement): { shown: number; total: number } {
  const indices = (selector: string): number =>
    new Set(
      [...section.querySelectorAll<HTMLElement>(selector)].map(
        (f) => f.dataset['fragmentIndex'] ?? f,
      ),
    ).size;
  return { shown: indices('.fragment.visible'), total: indices('.fragment') };
}
