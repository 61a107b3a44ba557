/**
 * One parsed slide → one reveal.js `<section>`: the lecture's title as `<h2>`, a part label, the
 * rendered body with widget slots, and `<aside class="notes">` that starts with the plan line and
 * ends with the «На слайде» note to the lecturer and the fact-check block. Pure (code includes go through the injected reader).
 */
import { PARTS } from '../lecture/names.ts';
import { rangeAttribute } from '../lecture/time-range.ts';
import type { SectionPlan } from '../lecture/timing.ts';
import { displayTitle } from './display-title.ts';
import { escapeHtml } from './highlight.ts';
import { renderMarkdown, type FileReader } from './markdown.ts';
import { WIDGET_MARKER, type ParsedSlide } from './parse-slide.ts';

/** Class names and attributes shared with the runtime (src/deck) and the theme. */
export const SLIDE_CLASSES = {
  head: 'slide-head',
  part: 'slide-part',
  title: 'slide-title',
  body: 'slide-body',
  widgetSlot: 'widget-slot',
  planLine: 'notes-plan',
  factCheck: 'fact-check',
  slideNote: 'slide-note',
} as const;

/** The section element id used in deep links (`#/s-13`). */
export function sectionId(section: number): string {
  return `s-${section}`;
}

/** What the renderer needs besides the slide itself. */
export interface RenderSlideOptions {
  /** This slide's share of the lecture plan (src/lecture/timing.ts lecturePlan). */
  readonly plan: SectionPlan;
  readonly readFile: FileReader;
  readonly included?: Set<string>;
}

/**
 * A slot; `stage` ones cover the slide body from the widget's first step on (see widgets.css);
 * `story` names which of the widget's stories it plays.
 */
const widgetSlot = (name: string, layout?: string, story?: string): string =>
  `<div class="${SLIDE_CLASSES.widgetSlot}" data-widget-slot="${escapeHtml(name)}"` +
  `${layout === 'stage' ? ' data-widget-layout="stage"' : ''}` +
  `${story ? ` data-widget-story="${escapeHtml(story)}"` : ''}></div>`;

/** Renders the `<section>` HTML for one slide. */
export function renderSlide(slide: ParsedSlide, options: RenderSlideOptions): string {
  const context = { file: slide.file, readFile: options.readFile, included: options.included };
  const placed = new Set<string>();
  let body = renderMarkdown(slide.body, { ...context, firstLine: slide.lines.body }).replace(
    WIDGET_MARKER,
    (_marker, name: string, layout?: string, story?: string) => {
      placed.add(name);
      return widgetSlot(name, layout, story);
    },
  );
  body += slide.widgets
    .filter((name) => !placed.has(name))
    .map((name) => widgetSlot(name))
    .join('');

  const notes =
    `<p class="${SLIDE_CLASSES.planLine}">${escapeHtml(options.plan.line)}</p>\n` +
    renderMarkdown(slide.notes, { ...context, firstLine: slide.lines.notesText }) +
    (slide.slideNote === null
      ? ''
      : `<div class="${SLIDE_CLASSES.slideNote}"><p><strong>На слайде</strong></p>\n` +
        renderMarkdown(slide.slideNote, {
          ...context,
          firstLine: slide.lines.slideNoteText ?? 1,
        }) +
        '</div>\n') +
    (slide.factCheck === null
      ? ''
      : `<div class="${SLIDE_CLASSES.factCheck}"><p><strong>Проверка фактов</strong></p>\n` +
        renderMarkdown(slide.factCheck, {
          ...context,
          firstLine: slide.lines.factCheckText ?? 1,
        }) +
        '</div>\n');
  const attributes = [
    `id="${sectionId(slide.section)}"`,
    `data-section="${slide.section}"`,
    `data-part="${slide.part}"`,
    `data-range="${rangeAttribute(slide.time)}"`,
    `data-timing="${options.plan.seconds}"`,
    slide.hidden ? 'data-visibility="hidden"' : '',
  ].filter(Boolean);
  const title = displayTitle(slide.title);
  // A slide named as its part (section 1, «Введение») has no label: it would say the title twice.
  const part = PARTS[slide.part];
  const label = sameWords(part, title)
    ? ''
    : `<span class="${SLIDE_CLASSES.part}">${escapeHtml(part)}</span>`;
  return (
    `<section ${attributes.join(' ')}>\n` +
    `<header class="${SLIDE_CLASSES.head}">${label}` +
    `<h2 class="${SLIDE_CLASSES.title}">${escapeHtml(title)}</h2></header>\n` +
    `<div class="${SLIDE_CLASSES.body}">\n${body}</div>\n` +
    `<aside class="notes">\n${notes}</aside>\n` +
    `</section>\n`
  );
}

/** True when two labels read the same (case and spacing aside). */
function sameWords(a: string, b: string): boolean {
  const norm = (text: string): string => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('ru');
  return norm(a) === norm(b);
}
