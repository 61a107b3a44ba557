/**
 * The whole pipeline as one pure function: slide files (name + text) → the HTML of all reveal.js
 * sections, plus the example files they include. Throws SlideError at the first problem.
 */
import { lecturePlan } from '../lecture/timing.ts';
import type { FileReader } from './markdown.ts';
import { parseSlide } from './parse-slide.ts';
import { renderSlide } from './render-slide.ts';
import { renderTitleSlide } from './title-slide.ts';
import { validateDeck, LECTURE_SECTIONS } from './validate-deck.ts';

/** A slide file as read from disk: its path from the repo root and its text. */
export interface SlideSource {
  readonly file: string;
  readonly text: string;
}

/** Options of buildDeck. */
export interface BuildDeckOptions {
  readonly slidesDir: string;
  readonly readFile: FileReader;
  readonly lectureMinutes: number;
  /** How many sections the deck must have (42 for the lecture; fewer for fixture decks). */
  readonly sections?: number;
}

/** The built deck. */
export interface BuiltDeck {
  /** The title screen's `<section>`, then every slide's, in section order. */
  readonly html: string;
  /** Repository paths of included example files. */
  readonly included: ReadonlySet<string>;
  readonly sectionCount: number;
}

/** Parses, validates, times and renders every slide. */
export function buildDeck(sources: readonly SlideSource[], options: BuildDeckOptions): BuiltDeck {
  const parsed = sources.map((source) => parseSlide(source.file, source.text));
  const slides = validateDeck(parsed, options.slidesDir, options.sections ?? LECTURE_SECTIONS);
  // The one place the default plan is computed; the page redoes it only for another ?minutes=.
  const plan = lecturePlan(
    slides.map((s) => s.time),
    options.lectureMinutes,
  );
  const included = new Set<string>();
  const html =
    renderTitleSlide() +
    slides
      .map((slide, i) =>
        renderSlide(slide, {
          plan: plan[i] ?? { seconds: 0, line: '' },
          readFile: options.readFile,
          included,
        }),
      )
      .join('');
  return { html, included, sectionCount: slides.length };
}
