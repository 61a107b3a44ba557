/**
 * Deck-level checks over the parsed slides: every section number 1..N exactly once. (Per-file
 * rules — front-matter, prefix, widgets, notes — are enforced by parseSlide.)
 */
import type { ParsedSlide } from './parse-slide.ts';
import { SlideError } from './slide-error.ts';

/** The lecture's number of sections. */
export const LECTURE_SECTIONS = 42;

/**
 * Throws SlideError for a duplicate section (pointing at the second file's `section:` line) or a
 * missing one (pointing at the slides directory); returns the slides sorted by section.
 */
export function validateDeck(
  slides: readonly ParsedSlide[],
  slidesDir: string,
  sections = LECTURE_SECTIONS,
): ParsedSlide[] {
  const sorted = [...slides].sort((a, b) => a.section - b.section || a.file.localeCompare(b.file));
  const seen = new Map<number, ParsedSlide>();
  for (const slide of sorted) {
    const first = seen.get(slide.section);
    if (first) {
      throw new SlideError(
        slide.file,
        slide.lines.keys['section'] ?? 1,
        `section ${slide.section} is already used by ${first.file}: each number 1–${sections} appears once`,
      );
    }
    if (slide.section > sections) {
      throw new SlideError(
        slide.file,
        slide.lines.keys['section'] ?? 1,
        `section ${slide.section} is beyond the lecture's ${sections} sections`,
      );
    }
    seen.set(slide.section, slide);
  }
  for (let n = 1; n <= sections; n++) {
    if (!seen.has(n)) {
      const name = `${String(n).padStart(2, '0')}-….md`;
      throw new SlideError(
        slidesDir,
        1,
        `no slide file for section ${n}: add ${slidesDir}/${name}`,
      );
    }
  }
  return sorted;
}
