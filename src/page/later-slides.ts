/**
 * Puts the later slides' body and notes (kept in a `<template>` by the build,
 * src/lecture/later-slides.ts) into their sections: at once for the reading and print views and
 * for a deck whose address names a later slide; otherwise the deck does it after its first frame.
 */
import { LATER_SLIDE_ATTRIBUTE, LATER_SLIDES_ID } from '../lecture/later-slides.ts';

/** The template of `slides` (`.reveal > .slides`), if its content is not in place yet. */
function laterTemplate(slides: HTMLElement): HTMLTemplateElement | null {
  return slides.querySelector<HTMLTemplateElement>(`:scope > template#${LATER_SLIDES_ID}`);
}

/** Whether `section` (of `slides`) still waits for its body and notes. */
export function waitsForContent(slides: HTMLElement, section: HTMLElement): boolean {
  const template = laterTemplate(slides);
  if (!template || !section.id) return false;
  return (
    template.content.querySelector(`[${LATER_SLIDE_ATTRIBUTE}="${CSS.escape(section.id)}"]`) !==
    null
  );
}

/**
 * Moves every held body and notes into its section and drops the template; returns the
 * sections filled (none when there was nothing left to fill).
 */
export function fillLaterSlides(slides: HTMLElement): HTMLElement[] {
  const template = laterTemplate(slides);
  if (!template) return [];
  template.remove();
  const filled: HTMLElement[] = [];
  for (const holder of template.content.querySelectorAll<HTMLElement>(
    `[${LATER_SLIDE_ATTRIBUTE}]`,
  )) {
    const id = holder.getAttribute(LATER_SLIDE_ATTRIBUTE) ?? '';
    const section = slides.querySelector<HTMLElement>(`:scope > section#${CSS.escape(id)}`);
    // reveal.js has taken hidden sections out of the page; the build keeps those whole anyway.
    if (!section) continue;
    section.append(...holder.childNodes);
    filled.push(section);
  }
  return filled;
}
