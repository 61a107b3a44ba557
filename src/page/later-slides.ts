/**
 * Puts the later slides' body and notes (kept as inert text or a `<template>` by the build,
 * src/lecture/later-slides.ts) into their sections: at once for the reading and print views and
 * for a deck whose address names a later slide; otherwise the deck does it after its first frame.
 */
import { LATER_SLIDE_ATTRIBUTE, LATER_SLIDES_ID } from '../lecture/later-slides.ts';

/** The element of `slides` (`.reveal > .slides`) that holds the later content, if still there. */
function holderOf(slides: HTMLElement): HTMLElement | null {
  return slides.querySelector<HTMLElement>(`:scope > #${LATER_SLIDES_ID}`);
}

/** The held content as nodes: a template's own, or the data script's text parsed now. */
function heldNodes(holder: HTMLElement): DocumentFragment {
  if (holder instanceof HTMLTemplateElement) return holder.content;
  const template = document.createElement('template');
  template.innerHTML = holder.textContent;
  return template.content;
}

/** Whether `section` (of `slides`) still waits for its body and notes. */
export function waitsForContent(slides: HTMLElement, section: HTMLElement): boolean {
  const holder = holderOf(slides);
  if (!holder || !section.id) return false;
  const mark = `${LATER_SLIDE_ATTRIBUTE}="${section.id}"`;
  return holder instanceof HTMLTemplateElement
    ? holder.content.querySelector(`[${LATER_SLIDE_ATTRIBUTE}="${CSS.escape(section.id)}"]`) !==
        null
    : holder.textContent.includes(mark);
}

/**
 * Moves every held body and notes into its section and drops the holder; returns the
 * sections filled (none when there was nothing left to fill).
 */
export function fillLaterSlides(slides: HTMLElement): HTMLElement[] {
  const held = holderOf(slides);
  if (!held) return [];
  held.remove();
  const filled: HTMLElement[] = [];
  for (const holder of heldNodes(held).querySelectorAll<HTMLElement>(
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
